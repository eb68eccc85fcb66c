import reversion
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.forms import Textarea
from django.utils.translation import gettext_lazy as _

from aid.models import AidDocument, Category, FormOfHelp, IncomeCriterion
from core.admin import ChangeHistoryMixin, DocumentInline, VersionedAdmin
from core.polish_admin import FEMININE, MASCULINE, NEUTER, Noun

# A form of help's version holds its documents (the file names: files stay in
# storage, so a restored document downloads again).
reversion.register(AidDocument)
reversion.register(FormOfHelp, follow=["documents"])
reversion.register(Category)
reversion.register(IncomeCriterion)


class AidDocumentInline(DocumentInline):
    noun = Noun(
        "formularz do pobrania", "formularze do pobrania", "formularzy do pobrania", MASCULINE
    )
    model = AidDocument


@admin.register(FormOfHelp)
class FormOfHelpAdmin(ChangeHistoryMixin, VersionedAdmin):
    noun = Noun(
        "forma pomocy",
        "formy pomocy",
        "form pomocy",
        FEMININE,
        accusative="formę pomocy",
        genitive="formy pomocy",
    )
    inlines = [AidDocumentInline]
    list_display = [
        "title",
        "category",
        "unit",
        "income_criterion_applies",
        "is_sensitive",
        "is_published",
        "checked_on",
    ]
    list_filter = ["category", "is_published", "is_sensitive", "income_criterion_applies", "unit"]
    column_labels = {
        "unit": _("placówka"),
        "income_criterion_applies": _("kryterium"),
        "is_sensitive": _("wrażliwy"),
        "is_published": _("widoczna"),
        "checked_on": _("sprawdzono"),
    }
    list_select_related = ["category", "unit"]
    search_fields = ["title", "short_answer", "eligibility", "legal_basis"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["unit"]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 4, "cols": 80})}}
    fieldsets = [
        (None, {"fields": ["category", "order", "title", "slug", "short_answer"]}),
        (
            _("Kto może otrzymać"),
            {"fields": ["eligibility", "income_criterion_applies"]},
        ),
        (
            _("Jak złożyć wniosek"),
            {
                "fields": [
                    "what_to_bring",
                    "apply_in_person",
                    "apply_by_epuap",
                    "apply_by_post",
                    "processing_time",
                ]
            },
        ),
        (_("Gdzie i do kogo"), {"fields": ["unit", "contact_name", "phone"]}),
        (_("Podstawa prawna"), {"fields": ["legal_basis", "checked_on"]}),
        (_("Publikacja"), {"fields": ["is_sensitive", "is_published"]}),
    ]


@admin.register(Category)
class CategoryAdmin(VersionedAdmin):
    noun = Noun(
        "kategoria pomocy",
        "kategorie pomocy",
        "kategorii pomocy",
        FEMININE,
        accusative="kategorię pomocy",
        genitive="kategorii pomocy",
    )
    list_display = ["name", "order", "form_count"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # Counting groups rows, which drops Meta.ordering; give the list its order back.
        return (
            super()
            .get_queryset(request)
            .annotate(form_count=Count("forms"))
            .order_by("order", "name")
        )

    @admin.display(description=_("liczba form pomocy"), ordering="form_count")
    def form_count(self, category):
        return category.form_count


@admin.register(IncomeCriterion)
class IncomeCriterionAdmin(VersionedAdmin):
    noun = Noun(
        "kryterium dochodowe",
        "kryteria dochodowe",
        "kryteriów dochodowych",
        NEUTER,
        genitive="kryterium dochodowego",
    )
    list_display = ["effective_from", "single_person", "per_person_in_family", "legal_basis"]
    fields = ["effective_from", "single_person", "per_person_in_family", "legal_basis"]
    date_hierarchy = "effective_from"
