import reversion
from django.contrib import admin, messages
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from centre.attention import statement_review_note
from centre.models import (
    AccessibilityStatement,
    Centre,
    CentreDocument,
    CentreHours,
    CentrePhone,
    CentreSpecialDay,
    InformationDocument,
    PublicInformation,
    StatementDocument,
    Unit,
    UnitHours,
    UnitPhone,
    UnitSpecialDay,
)
from core.admin import (
    ChangeHistoryMixin,
    DocumentInline,
    OpeningHoursInline,
    SaturdayHolidaysMixin,
    SingletonAdmin,
    SpecialDayInline,
    VersionedAdmin,
)
from core.polish_admin import FEMININE, MASCULINE, PLURAL, Noun, TabularInline

# A version of the centre or a unit is the record with its phones, weekly
# hours and closure days, so restoring it brings all of them back together.
for _row in (CentrePhone, CentreHours, CentreSpecialDay, UnitPhone, UnitHours, UnitSpecialDay):
    reversion.register(_row)
reversion.register(CentreDocument)
reversion.register(Centre, follow=["phones", "hours", "special_days", "documents"])
reversion.register(Unit, follow=["phones", "hours", "special_days"])
reversion.register(StatementDocument)
reversion.register(InformationDocument)
reversion.register(AccessibilityStatement, follow=["documents"])
reversion.register(PublicInformation, follow=["documents"])


class CentrePhoneInline(TabularInline):
    noun = Noun("telefon", "telefony", "telefonów", MASCULINE)
    model = CentrePhone
    extra = 0
    fields = ["label", "number", "order"]


class CentreHoursInline(OpeningHoursInline):
    model = CentreHours


class CentreSpecialDayInline(SpecialDayInline):
    model = CentreSpecialDay


class CentreDocumentInline(DocumentInline):
    model = CentreDocument


@admin.register(Centre)
class CentreAdmin(SaturdayHolidaysMixin, ChangeHistoryMixin, VersionedAdmin, SingletonAdmin):
    noun = Noun("ośrodek", "ośrodki", "ośrodków", MASCULINE, genitive="ośrodka")
    inlines = [CentrePhoneInline, CentreHoursInline, CentreSpecialDayInline, CentreDocumentInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "intro"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city"]}),
        (_("Kontakt"), {"fields": ["email", "epuap_box", "bip_url"]}),
        (_("Ochrona danych osobowych"), {"fields": ["iod_name", "iod_email", "iod_phone"]}),
        (_("Święta"), {"fields": ["open_on_holidays"]}),
        (
            _("Położenie na mapie"),
            {"fields": ["latitude", "longitude"], "classes": ["collapse"]},
        ),
    ]
    list_display = ["name", "city", "email", "updated_at"]


class StatementDocumentInline(DocumentInline):
    model = StatementDocument


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(VersionedAdmin, SingletonAdmin):
    noun = Noun(
        "deklaracja dostępności",
        "deklaracje dostępności",
        "deklaracji dostępności",
        FEMININE,
        accusative="deklarację dostępności",
        genitive="deklaracji dostępności",
    )
    inlines = [StatementDocumentInline]
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
        due = statement.review_due() if statement is not None else None
        if due is not None and request.method == "GET":
            # The same rule and words as the line on the admin's start page.
            level = messages.WARNING if due.overdue else messages.INFO
            messages.add_message(request, level, f"{capfirst(statement_review_note(due))}.")
        return super().change_view(request, object_id, form_url, extra_context)


class InformationDocumentInline(DocumentInline):
    model = InformationDocument


@admin.register(PublicInformation)
class PublicInformationAdmin(VersionedAdmin, SingletonAdmin):
    noun = Noun(
        "informacje o ośrodku",
        "informacje o ośrodku",
        "informacji o ośrodku",
        PLURAL,
        genitive="informacji o ośrodku",
    )
    inlines = [InformationDocumentInline]
    fields = [
        "easy_to_read",
        "sign_language_video_url",
        "sign_language_description",
        "machine_readable_text",
    ]


class UnitPhoneInline(TabularInline):
    noun = Noun("telefon", "telefony", "telefonów", MASCULINE)
    model = UnitPhone
    extra = 0
    fields = ["label", "number", "order"]


class UnitHoursInline(OpeningHoursInline):
    model = UnitHours


class UnitSpecialDayInline(SpecialDayInline):
    model = UnitSpecialDay


@admin.register(Unit)
class UnitAdmin(SaturdayHolidaysMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun(
        "placówka", "placówki", "placówek", FEMININE, accusative="placówkę", genitive="placówki"
    )
    inlines = [UnitPhoneInline, UnitHoursInline, UnitSpecialDayInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "order"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city"]}),
        (_("Kontakt"), {"fields": ["email"]}),
        (_("Święta"), {"fields": ["open_on_holidays"]}),
        (
            _("Położenie na mapie"),
            {"fields": ["latitude", "longitude"], "classes": ["collapse"]},
        ),
    ]
    list_display = ["name", "street_address", "order", "updated_at"]
    list_editable = ["order"]
    search_fields = ["name", "street_address"]
    prepopulated_fields = {"slug": ["name"]}
