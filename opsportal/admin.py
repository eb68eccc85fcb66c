from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
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


class CentrePhoneInline(admin.TabularInline):
    model = CentrePhone
    extra = 0
    fields = ["label", "number", "order"]


class CentreHoursInline(admin.TabularInline):
    model = CentreHours
    extra = 0
    fields = ["weekday", "opens", "closes"]


class CentreSpecialDayInline(admin.TabularInline):
    model = CentreSpecialDay
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


@admin.register(Centre)
class CentreAdmin(SingletonAdmin):
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
