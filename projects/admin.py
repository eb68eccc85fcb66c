from decimal import Decimal

import reversion
from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.forms import NumberInput, Textarea
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin import ChangeHistoryMixin, DocumentInline, VersionedAdmin
from core.numbers import plain_decimal
from core.polish_admin import FEMININE, MASCULINE, Noun, TabularInline
from core.publication_admin import (
    PublicationAdminMixin,
    PublicationStatusFilter,
)
from projects.models import (
    Outcome,
    Partner,
    Partnership,
    Project,
    ProjectDocument,
    SpecificGoal,
    TargetGroup,
)
from projects.units import COMMON_UNITS, NO_UNIT, unit_choices, unit_forms

# A version of a project holds its goals, partnerships and outcomes. Partners
# and target groups are shared by projects: a project's version only refers
# to them, and restoring or deleting a project never touches them.
for _row in (SpecificGoal, Partnership, Outcome, ProjectDocument, Partner, TargetGroup):
    reversion.register(_row)
reversion.register(Project, follow=["goals", "partnerships", "outcomes", "documents"])


class SpecificGoalInline(TabularInline):
    noun = Noun("cel szczegółowy", "cele szczegółowe", "celów szczegółowych", MASCULINE)
    model = SpecificGoal
    extra = 0
    fields = ["order", "text"]
    # A goal is a sentence or two; the default ten-row box hides the rest of the form.
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 80})}}


class PartnershipInline(TabularInline):
    noun = Noun(
        "partner projektu",
        "partnerzy projektu",
        "partnerów projektu",
        MASCULINE,
        accusative="partnera projektu",
        genitive="partnera projektu",
    )
    model = Partnership
    extra = 0
    fields = ["order", "partner", "role"]
    autocomplete_fields = ["partner"]


class ProjectDocumentInline(DocumentInline):
    model = ProjectDocument


class PlainNumberInput(NumberInput):
    """A figure as typed, 32 rather than 32.00, in the outcome rows."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = plain_decimal(value)
        return super().format_value(value)


UNIT_FIELDS = ["unit_one", "unit_few", "unit_many"]


def unit_form_field(label):
    # A narrow box: the outcome rows must fit a laptop's screen beside the figures.
    return forms.CharField(
        label=label, required=False, max_length=40, widget=forms.TextInput(attrs={"size": 8})
    )


class OutcomeForm(forms.ModelForm):
    """An outcome whose unit is picked from the common ones or typed in its three forms."""

    unit = forms.ChoiceField(
        label=_("jednostka"),
        required=False,
        choices=lambda: [("", "—"), *unit_choices()],
        help_text=_(
            "Wybierz z listy albo zostaw „—” i wpisz własną jednostkę w trzech formach "
            "obok: przy 1, przy 2–4 i przy 5 (np. konsultacja, konsultacje, konsultacji). "
            "Bez jednostki — wszystko puste."
        ),
    )
    unit_one = unit_form_field(_("przy 1"))
    unit_few = unit_form_field(_("przy 2–4"))
    unit_many = unit_form_field(_("przy 5+"))

    class Meta:
        model = Outcome
        fields = ["order", "label", "planned_value", "achieved_value", "unit", *UNIT_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = tuple(self.initial.get(name, "") for name in UNIT_FIELDS)
        if stored in COMMON_UNITS:
            # A common unit shows as chosen in the list, its boxes left for another one.
            self.initial["unit"] = stored[2]
            for name in UNIT_FIELDS:
                self.initial[name] = ""

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("unit")
        typed = tuple(cleaned.get(name, "").strip() for name in UNIT_FIELDS)
        if chosen and typed != NO_UNIT:
            raise forms.ValidationError(
                _(
                    "Wybierz jednostkę z listy albo wpisz własną w trzech formach, "
                    "nie jedno i drugie."
                )
            )
        for name, form in zip(UNIT_FIELDS, unit_forms(chosen) if chosen else typed, strict=True):
            cleaned[name] = form
        return cleaned


class OutcomeInline(TabularInline):
    noun = Noun("rezultat", "rezultaty", "rezultatów", MASCULINE)
    model = Outcome
    form = OutcomeForm
    extra = 0
    fields = ["order", "label", "planned_value", "achieved_value", "unit", *UNIT_FIELDS]
    formfield_overrides = {models.DecimalField: {"widget": PlainNumberInput}}


@admin.register(Project)
class ProjectAdmin(PublicationAdminMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun("projekt", "projekty", "projektów", MASCULINE, genitive="projektu")
    inlines = [SpecificGoalInline, PartnershipInline, OutcomeInline, ProjectDocumentInline]
    list_display = ["title", "status", "start_date", "end_date", "publication_status_column"]
    list_filter = [PublicationStatusFilter, "status", "target_groups", "partners"]
    search_fields = ["title", "lead", "main_goal", "partners__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["target_groups"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "status", "start_date", "end_date"]}),
        (_("Cele i uczestnicy"), {"fields": ["main_goal", "target_groups", "description"]}),
        (
            _("Udział i kontakt"),
            {"fields": ["how_to_join", "contact_name", "contact_phone", "contact_email"]},
        ),
        (
            _("Publikacja"),
            {
                "fields": ["published_at", "expires_at"],
                "description": _(
                    "Pusty początek publikacji — szkic. Akcja „Opublikuj” na liście "
                    "projektów publikuje od razu."
                ),
            },
        ),
        (_("Zdjęcie"), {"fields": ["image", "image_alt"], "classes": ["collapse"]}),
    ]


@admin.register(TargetGroup)
class TargetGroupAdmin(VersionedAdmin):
    noun = Noun(
        "grupa docelowa",
        "grupy docelowe",
        "grup docelowych",
        FEMININE,
        accusative="grupę docelową",
        genitive="grupy docelowej",
    )
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PartnerProjectsInline(TabularInline):
    """The partner's projects, read-only: partnerships are edited on the project."""

    noun = Noun("projekt", "projekty", "projektów", MASCULINE)

    model = Partnership
    extra = 0
    fields = ["project_link", "role"]
    readonly_fields = ["project_link", "role"]
    verbose_name = _("projekt partnera")
    verbose_name_plural = _("projekty, w których organizacja jest partnerem")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("project")

    @admin.display(description=_("projekt"))
    def project_link(self, partnership):
        url = reverse("admin:projects_project_change", args=[partnership.project_id])
        return format_html('<a href="{}">{}</a>', url, partnership.project.title)


@admin.register(Partner)
class PartnerAdmin(VersionedAdmin):
    noun = Noun(
        "organizacja partnerska",
        "organizacje partnerskie",
        "organizacji partnerskich",
        FEMININE,
        accusative="organizację partnerską",
        genitive="organizacji partnerskiej",
    )
    protected_advice = _(
        "Otwórz każdy z tych projektów, w części „Partnerzy projektu” zaznacz „Usunąć?” przy "
        "tej organizacji i zapisz projekt. Potem wróć tutaj i usuń organizację. Jeśli nadal "
        "współpracuje z ośrodkiem, zostaw ją: sama nie pokazuje się na stronie."
    )
    inlines = [PartnerProjectsInline]
    list_display = ["name", "website", "project_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # Counting groups rows, which drops Meta.ordering; autocomplete pages need an order.
        return (
            super()
            .get_queryset(request)
            .annotate(project_count=Count("partnerships"))
            .order_by("name")
        )

    @admin.display(description=_("liczba projektów"), ordering="project_count")
    def project_count(self, partner):
        return partner.project_count

    def get_inlines(self, request, obj):
        # A partner being added (often from a project's popup) has no projects yet.
        return super().get_inlines(request, obj) if obj is not None else []
