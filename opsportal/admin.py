import datetime

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opsportal.models import (
    AccessibilityStatement,
    Centre,
    CentreHours,
    CentrePhone,
    CentreSpecialDay,
    PublicInformation,
    last_march_31,
)

admin.site.site_header = _("Portal ośrodka — administracja")
admin.site.site_title = _("Portal ośrodka")
admin.site.index_title = _("Treści portalu")


def _shown(field, value):
    """A form value as an editor would recognise it in the change history."""
    if value in (None, ""):
        return "—"
    if isinstance(field, forms.ModelChoiceField) and not hasattr(value, "pk"):
        value = field.queryset.filter(pk=value).first() or value
    elif getattr(field, "choices", None) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
        value = labels.get(str(value), value)
    elif isinstance(value, datetime.time):
        value = value.strftime("%H:%M")
    elif isinstance(value, datetime.date):
        value = value.strftime("%d.%m.%Y")
    return f"„{value}”"


def _field_changes(form, names):
    changes = []
    for name in names:
        field = form.fields.get(name)
        if field is None or name == "DELETE":
            continue
        old = form.initial.get(name, field.initial)
        new = form.cleaned_data.get(name)
        changes.append(f"{field.label}: {_shown(field, old)} → {_shown(field, new)}")
    return changes


class ChangeHistoryMixin:
    """Admin history that records old → new values, not only the names of changed fields.

    For records residents rely on (addresses, phones, opening hours) the
    question after a mistake is "what did it say before?"; Django's own log
    answers only "which fields changed". The message is plain text, which
    LogEntry shows as it is on the object's history page.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        parts = []
        changes = _field_changes(form, form.changed_data)
        if changes:
            parts.append(gettext("Zmieniono %(changes)s.") % {"changes": "; ".join(changes)})
        for formset in formsets or ():
            forms_by_object = {id(inline.instance): inline for inline in formset.forms}
            for added in formset.new_objects:
                parts.append(
                    gettext("Dodano %(name)s „%(object)s”.")
                    % {"name": added._meta.verbose_name, "object": added}
                )
            for changed, names in formset.changed_objects:
                inline = forms_by_object.get(id(changed))
                details = "; ".join(_field_changes(inline, names)) if inline else ""
                parts.append(
                    gettext("Zmieniono %(name)s „%(object)s”: %(changes)s.")
                    % {"name": changed._meta.verbose_name, "object": changed, "changes": details}
                )
            for deleted in formset.deleted_objects:
                parts.append(
                    gettext("Usunięto %(name)s „%(object)s”.")
                    % {"name": deleted._meta.verbose_name, "object": deleted}
                )
        return " ".join(parts) or super().construct_change_message(request, form, formsets, add)


class CentrePhoneInline(admin.TabularInline):
    model = CentrePhone
    extra = 0
    fields = ["label", "number", "order"]


class OpeningHoursInline(admin.TabularInline):
    """Weekly hours of any owner of opening hours; subclasses name the model."""

    extra = 0
    fields = ["weekday", "opens", "closes"]


class SpecialDayInline(admin.TabularInline):
    """Closure days and changed hours of any owner; subclasses name the model."""

    extra = 0
    fields = ["date", "opens", "closes", "reason"]
    verbose_name_plural = _("dni nieczynne i zmienione godziny (puste godziny — nieczynne)")


class CentreHoursInline(OpeningHoursInline):
    model = CentreHours


class CentreSpecialDayInline(SpecialDayInline):
    model = CentreSpecialDay


class SingletonAdmin(admin.ModelAdmin):
    """A single record: no second one, no deleting it, the list opens the record."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        record = self.model.objects.only("pk").first()
        if record is not None:
            opts = self.model._meta
            return redirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
            )
        return super().changelist_view(request, extra_context)


@admin.register(Centre)
class CentreAdmin(ChangeHistoryMixin, SingletonAdmin):
    inlines = [CentrePhoneInline, CentreHoursInline, CentreSpecialDayInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "intro"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city"]}),
        (_("Kontakt"), {"fields": ["email", "epuap_box", "bip_url"]}),
        (_("Ochrona danych osobowych"), {"fields": ["iod_name", "iod_email", "iod_phone"]}),
        (
            _("Położenie na mapie"),
            {"fields": ["latitude", "longitude"], "classes": ["collapse"]},
        ),
    ]
    list_display = ["name", "city", "email", "updated_at"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SingletonAdmin):
    fieldsets = [
        (None, {"fields": ["entity_name", "website_url", "published_on", "site_updated_on"]}),
        (
            _("Stan dostępności cyfrowej"),
            {"fields": ["status", "non_compliant", "exempt", "excessive_cost"]},
        ),
        (
            _("Przygotowanie deklaracji"),
            {"fields": ["prepared_on", "reviewed_on", "assessment", "assessor", "updated_on"]},
        ),
        (
            _("Informacje zwrotne i dane kontaktowe"),
            {"fields": ["contact_person", "contact_email", "contact_phone"]},
        ),
        (
            _("Dostępność architektoniczna i komunikacyjna"),
            {"fields": ["architecture", "architecture_url", "communication", "mobile_apps"]},
        ),
    ]
    readonly_fields = ["updated_on"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, object_id)
        if statement is not None and request.method == "GET" and statement.needs_review():
            messages.warning(
                request,
                _(
                    "Deklaracja nie była przeglądana od %(deadline)s. Przejrzyj ją, wpisz datę "
                    "przeglądu i zapisz: deklarację aktualizuje się co roku do 31 marca."
                )
                % {"deadline": last_march_31().strftime("%d.%m.%Y")},
            )
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(PublicInformation)
class PublicInformationAdmin(SingletonAdmin):
    fields = [
        "easy_to_read",
        "sign_language_video_url",
        "sign_language_description",
        "machine_readable_text",
    ]
