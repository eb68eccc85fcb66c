from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.documents import Document
from core.images import photo_alt_constraint, photo_alt_field, photo_field
from core.models import address_ending_field
from core.numbers import with_unit
from core.places import tel_href
from core.publication import Publication, PublicationQuerySet
from core.review import Reviewed
from core.validators import phone_validator


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planowany")
    ONGOING = "ongoing", _("w realizacji")
    COMPLETED = "completed", _("zakończony")


class PartnerRole(models.TextChoices):
    LEADER = "lider", _("lider")
    PARTNER = "partner", _("partner")
    COALITION = "koalicjant", _("partner koalicyjny")


class TargetGroup(models.Model):
    """A group of residents a project is for, shared by many projects."""

    name = models.CharField(_("nazwa"), max_length=120, unique=True)
    slug = address_ending_field(
        120, _("Wpisuje się sama z nazwy. Lista projektów tej grupy: /projekty/?grupa=seniorzy")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("grupa docelowa")
        verbose_name_plural = _("grupy docelowe")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('projects:list')}?{urlencode({'grupa': self.slug})}"


class Partner(models.Model):
    """One real organisation, reused by every project it takes part in."""

    name = models.CharField(_("nazwa"), max_length=200, unique=True)
    slug = address_ending_field(
        200,
        _(
            "Wpisuje się sama z nazwy. Lista projektów tej organizacji: "
            "/projekty/?partner=fundacja-dobry-start"
        ),
    )
    website = models.URLField(_("strona internetowa"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizacja partnerska")
        verbose_name_plural = _("organizacje partnerskie")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('projects:list')}?{urlencode({'partner': self.slug})}"


class ProjectQuerySet(PublicationQuerySet):
    def ongoing_first(self):
        rank = Case(
            When(status=ProjectStatus.ONGOING, then=Value(0)),
            When(status=ProjectStatus.PLANNED, then=Value(1)),
            default=Value(2),
        )
        return self.alias(status_rank=rank).order_by("status_rank", "-published_at", "-pk")

    def with_details(self):
        return self.prefetch_related(
            "goals",
            "target_groups",
            Prefetch("partnerships", queryset=Partnership.objects.select_related("partner")),
            "outcomes",
            "documents",
        )


class Project(Publication, Reviewed):
    title = models.CharField(_("tytuł"), max_length=200)
    slug = address_ending_field(
        200, _("Wpisuje się sama z tytułu. Strona projektu: /projekty/bezpieczny-rejon/")
    )
    lead = models.TextField(
        _("zajawka"), max_length=500, help_text=_("Dwa, trzy zdania na listę projektów.")
    )
    description = models.TextField(_("opis"), blank=True)
    status = models.CharField(
        _("etap"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    start_date = models.DateField(_("data rozpoczęcia"))
    end_date = models.DateField(
        _("data zakończenia"), null=True, blank=True, help_text=_("Puste — bez daty końca.")
    )
    main_goal = models.TextField(_("cel główny"))
    target_groups = models.ManyToManyField(
        TargetGroup,
        blank=True,
        related_name="projects",
        verbose_name=_("grupy docelowe"),
    )
    partners = models.ManyToManyField(
        Partner,
        through="Partnership",
        related_name="projects",
        verbose_name=_("partnerzy"),
    )
    how_to_join = models.TextField(_("jak wziąć udział"), blank=True)
    contact_name = models.CharField(_("osoba do kontaktu"), max_length=120, blank=True)
    contact_phone = models.CharField(
        _("telefon służbowy"), max_length=40, blank=True, validators=[phone_validator]
    )
    contact_email = models.EmailField(_("e-mail służbowy"), blank=True)
    image = photo_field("projekty/")
    image_alt = photo_alt_field()
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        # Drafts, which have no publication moment, first in the admin's list.
        ordering = [models.F("published_at").desc(nulls_first=True), "-pk"]
        verbose_name = _("projekt socjalny")
        verbose_name_plural = _("projekty socjalne")
        constraints = [
            *Publication.Meta.constraints,
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__lte=F("end_date")),
                name="projects_project_starts_before_end",
                violation_error_message=_(
                    "Data rozpoczęcia nie może być późniejsza niż data zakończenia."
                ),
            ),
            photo_alt_constraint("projects_project_image_has_alt"),
            models.CheckConstraint(
                condition=Q(status__in=ProjectStatus.values),
                name="projects_project_status_valid",
            ),
            # /projekty/rss/ is the feed, so a project there could never be opened.
            models.CheckConstraint(
                condition=~Q(slug="rss"),
                name="projects_project_slug_not_reserved",
                violation_error_message=_("Adres „rss” jest zajęty przez kanał RSS."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    @property
    def contact_phone_href(self):
        return tel_href(self.contact_phone)

    def has_planned_outcomes(self):
        return any(o.planned_value is not None for o in self.outcomes.all())

    def has_achieved_outcomes(self):
        return any(o.achieved_value is not None for o in self.outcomes.all())


class SpecificGoal(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="goals", verbose_name=_("projekt")
    )
    text = models.TextField(_("cel szczegółowy"))
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("cel szczegółowy")
        verbose_name_plural = _("cele szczegółowe")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class Partnership(models.Model):
    """A partner's place and role in one project."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partnerships", verbose_name=_("projekt")
    )
    # PROTECT: the organisation is shared, so removing it must not silently
    # strip it from other projects' partner lists.
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("organizacja"),
    )
    role = models.CharField(
        _("rola"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("partner projektu")
        verbose_name_plural = _("partnerzy projektu")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "partner"],
                name="projects_partnership_once_per_project",
                violation_error_message=_("Ta organizacja jest już partnerem projektu."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=PartnerRole.values),
                name="projects_partnership_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()})"

    def get_absolute_url(self):
        return self.project.get_absolute_url()


def figure_field(verbose_name, help_text):
    """An outcome's value: up to ten digits before the comma and two after, or empty."""
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, null=True, blank=True, help_text=help_text
    )


def unit_field(label, example):
    """One of an outcome's three unit forms."""
    return models.CharField(label, max_length=40, blank=True, help_text=example)


class Outcome(models.Model):
    """One figure of a project's results, planned and achieved side by side, e.g. 150
    participants planned and 145 recruited. Either value may still be missing."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("projekt")
    )
    label = models.CharField(
        _("wskaźnik"), max_length=200, help_text=_("Np. „zrekrutowani uczestnicy”.")
    )
    planned_value = figure_field(_("planowano"), _("Puste, jeśli nic nie planowano."))
    achieved_value = figure_field(_("osiągnięto"), _("Puste, dopóki nie ma wyniku."))
    # The unit in the three forms a Polish number needs (core.numbers.plural).
    unit_one = unit_field(_("jednostka przy 1"), _("Np. osoba: 1 osoba."))
    unit_few = unit_field(_("jednostka przy 2–4"), _("Np. osoby: 3 osoby, 2,5 osoby."))
    unit_many = unit_field(_("jednostka przy 5 i więcej"), _("Np. osób: 5 osób, 12 osób."))
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("rezultat")
        verbose_name_plural = _("rezultaty")
        constraints = [
            models.CheckConstraint(
                condition=(Q(planned_value__isnull=True) | Q(planned_value__gte=0))
                & (Q(achieved_value__isnull=True) | Q(achieved_value__gte=0)),
                name="projects_outcome_values_not_negative",
                violation_error_message=_("Wartość nie może być ujemna."),
            ),
            models.CheckConstraint(
                condition=Q(planned_value__isnull=False) | Q(achieved_value__isnull=False),
                name="projects_outcome_has_a_value",
                violation_error_message=_("Wpisz wartość planowaną, osiągniętą albo obie."),
            ),
            models.UniqueConstraint(
                fields=["project", "label"],
                name="projects_outcome_one_per_label",
                violation_error_message=_(
                    "Ten wskaźnik już jest w projekcie: wpisz obie wartości w jednym wierszu."
                ),
            ),
            models.CheckConstraint(
                condition=Q(unit_one="", unit_few="", unit_many="")
                | (~Q(unit_one="") & ~Q(unit_few="") & ~Q(unit_many="")),
                name="projects_outcome_unit_in_three_forms",
                violation_error_message=_(
                    "Wpisz jednostkę we wszystkich trzech formach (np. osoba, osoby, osób) "
                    "albo zostaw ją pustą."
                ),
            ),
        ]

    def __str__(self):
        parts = []
        if self.planned_value is not None:
            parts.append(f"{_('planowano')} {self.planned_display}")
        if self.achieved_value is not None:
            parts.append(f"{_('osiągnięto')} {self.achieved_display}")
        return f"{self.label}: {', '.join(parts)}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    @property
    def planned_display(self):
        return self._with_unit(self.planned_value)

    @property
    def achieved_display(self):
        return self._with_unit(self.achieved_value)

    @property
    def unit_forms(self):
        return (self.unit_one, self.unit_few, self.unit_many)

    def _with_unit(self, value):
        if value is None:
            return ""
        return with_unit(value, *self.unit_forms)


class ProjectDocument(Document):
    """A file to download on the project's page: rules, an application, a report."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="documents", verbose_name=_("projekt")
    )

    upload_folder = "dokumenty/projekty"
