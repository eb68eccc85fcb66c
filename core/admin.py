"""Admin building blocks the apps share: change history with old → new values,
inlines for opening hours, single records."""

import datetime

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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


class OpeningHoursInline(admin.TabularInline):
    """Weekly hours of any owner of opening hours; subclasses name the model."""

    extra = 0
    fields = ["weekday", "opens", "closes"]


class SpecialDayInline(admin.TabularInline):
    """Closure days and changed hours of any owner; subclasses name the model."""

    extra = 0
    fields = ["date", "opens", "closes", "reason"]
    verbose_name_plural = _("dni nieczynne i zmienione godziny (puste godziny — nieczynne)")


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
