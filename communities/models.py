from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Min, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.streets import street_key, street_stem
from core.documents import Document
from core.models import (
    HasOpeningHours,
    OpeningHours,
    SpecialDay,
    address_ending_field,
    open_on_holidays_field,
)
from core.places import Place, postal_code_field, tel_href
from core.publication import Publication, PublicationQuerySet
from core.review import Reviewed
from core.validators import phone_validator
from core.visibility import VisibleToMixin

# Paths under /osl/ that an area's slug must not take.
RESERVED_AREA_SLUGS = ("wydarzenia",)
# Paths under /osl/wydarzenia/ that an event's slug must not take.
RESERVED_EVENT_SLUGS = ("archiwum", "rss")


class StreetSide(models.TextChoices):
    ALL = "all", _("wszystkie numery")
    EVEN = "even", _("numery parzyste")
    ODD = "odd", _("numery nieparzyste")


class InitiativeKind(models.TextChoices):
    CLUB = "club", _("klub")
    INITIATIVE = "initiative", _("inicjatywa")
    PROGRAMME = "programme", _("program")


class Specialty(models.TextChoices):
    SPEECH_THERAPIST = "speech", _("logopeda")
    SOCIOTHERAPIST = "sociotherapy", _("socjoterapeuta")
    PSYCHOLOGIST = "psychologist", _("psycholog")
    ADDICTION_PREVENTION = "addiction", _("specjalista ds. profilaktyki uzależnień")
    PEDAGOGUE = "pedagogue", _("pedagog")
    LAWYER = "lawyer", _("prawnik")
    OTHER = "other", _("inny specjalista")


class Organiser(models.Model):
    """A community organiser (organizator społeczności lokalnej); may serve several areas."""

    name = models.CharField(_("imię i nazwisko"), max_length=120)
    role = models.CharField(
        _("funkcja"), max_length=120, blank=True, help_text=_("Np. organizatorka społeczności.")
    )
    phone = models.CharField(
        _("telefon służbowy"), max_length=40, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mail służbowy"), blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organizator społeczności")
        verbose_name_plural = _("organizatorzy społeczności")

    def __str__(self):
        return self.name

    @property
    def phone_href(self):
        return tel_href(self.phone)


class AreaQuerySet(PublicationQuerySet):
    def with_sites(self):
        """Sites with their hours prefetched, so open-now costs no query per site."""
        return self.prefetch_related(
            Prefetch("sites", queryset=ActivitySite.objects.with_hours()),
        )


class CommunityArea(Publication, Reviewed):
    """An OSL area (osiedle, group of blocks) where organisers work with residents."""

    name = models.CharField(_("nazwa"), max_length=120)
    slug = address_ending_field(80, _("Wpisuje się sama z nazwy. Strona obszaru: /osl/gutwin/"))
    city = models.CharField(_("miejscowość"), max_length=80)
    summary = models.CharField(
        _("krótki opis"), max_length=240, blank=True, help_text=_("Jedno zdanie na listę obszarów.")
    )
    description = models.TextField(_("opis"), blank=True)
    since_year = models.PositiveSmallIntegerField(
        _("działania od roku"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    social_url = models.URLField(
        _("strona w mediach społecznościowych"), max_length=400, blank=True
    )
    social_label = models.CharField(
        _("nazwa strony w mediach społecznościowych"),
        max_length=160,
        blank=True,
        help_text=_("Np. „Organizowanie Społeczności Lokalnej w Ostrowcu Św.” na Facebooku."),
    )
    organisers = models.ManyToManyField(
        Organiser, blank=True, related_name="areas", verbose_name=_("organizatorzy")
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["order", "city", "name"]
        verbose_name = _("obszar OSL")
        verbose_name_plural = _("obszary OSL")
        constraints = [
            *Publication.Meta.constraints,
            models.CheckConstraint(
                condition=Q(since_year__isnull=True)
                | Q(since_year__gte=1990, since_year__lte=2100),
                name="communities_area_since_year_range",
                violation_error_message=_("Rok rozpoczęcia działań musi mieścić się w 1990–2100."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_AREA_SLUGS),
                name="communities_area_slug_not_reserved",
                violation_error_message=_("Ten adres jest zajęty przez inną stronę serwisu."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.city})"

    def get_absolute_url(self):
        return reverse("communities:detail", kwargs={"slug": self.slug})


class AreaContentQuerySet(VisibleToMixin, models.QuerySet):
    """Rows that belong to an area: the public sees them exactly when it sees their area."""

    def published(self, now=None):
        return self.filter(area__in=CommunityArea.objects.published(now))

    def next_change(self, now=None):
        """The next moment at which an area starts or ends being published."""
        return CommunityArea.objects.next_change(now)


class StreetQuerySet(AreaContentQuerySet):
    def matching(self, name):
        """Rows whose street is ``name`` however it is typed; a fragment if nothing matches.

        "Podlesna", "ul. PODLEŚNA" and "podleśnej" (a prefix of the stored
        key is enough for the Polish case endings) all find "Podleśna".
        """
        key = street_key(name)
        if not key:
            return []
        rows = list(self.filter(key=key).select_related("area"))
        if not rows and len(key) >= 3:
            # Polish inflects street names ("przy Podleśnej"): try the stem.
            stem = street_stem(key)
            rows = list(
                self.filter(Q(key__startswith=stem) | Q(key__contains=f" {stem}"))
                .select_related("area")
                .order_by("key", "number_from", "pk")
            )
        return rows


class Street(models.Model):
    """A street, or a range of buildings on it, that belongs to an area."""

    Side = StreetSide

    area = models.ForeignKey(
        CommunityArea, on_delete=models.CASCADE, related_name="streets", verbose_name=_("obszar")
    )
    name = models.CharField(
        _("ulica"), max_length=120, help_text=_("Bez „ul.”, np. Podleśna, 1-go Sierpnia.")
    )
    key = models.CharField(_("klucz wyszukiwania"), max_length=120, editable=False, db_index=True)
    number_from = models.PositiveIntegerField(
        _("od numeru"), null=True, blank=True, help_text=_("Puste — cała ulica.")
    )
    number_to = models.PositiveIntegerField(_("do numeru"), null=True, blank=True)
    side = models.CharField(_("strona ulicy"), max_length=4, choices=Side, default=Side.ALL)

    objects = StreetQuerySet.as_manager()

    class Meta:
        ordering = ["area", "key", "number_from"]
        verbose_name = _("ulica obszaru")
        verbose_name_plural = _("ulice i budynki obszaru")
        constraints = [
            models.CheckConstraint(
                condition=Q(number_from__isnull=True, number_to__isnull=True)
                | Q(
                    number_from__isnull=False,
                    number_to__isnull=False,
                    number_from__lte=F("number_to"),
                ),
                name="communities_street_number_range",
                violation_error_message=_(
                    "Podaj oba numery (pierwszy nie większy niż drugi) "
                    "albo żadnego dla całej ulicy."
                ),
            ),
            models.CheckConstraint(
                condition=Q(side__in=StreetSide.values),
                name="communities_street_side_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name} {self.numbers_label}".strip()

    def save(self, *args, **kwargs):
        self.key = street_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.area.get_absolute_url() + "#teren"

    @property
    def numbers_label(self):
        if self.number_from is None:
            return ""
        if self.number_from == self.number_to:
            numbers = str(self.number_from)
        else:
            numbers = f"{self.number_from}–{self.number_to}"
        if self.side != self.Side.ALL:
            return f"{numbers} ({self.get_side_display()})"
        return numbers

    def covers(self, number):
        """Whether building ``number`` (an int, or None for "any") lies in this row."""
        if self.number_from is None or number is None:
            return True
        if not self.number_from <= number <= self.number_to:
            return False
        if self.side == self.Side.EVEN:
            return number % 2 == 0
        if self.side == self.Side.ODD:
            return number % 2 == 1
        return True


class SiteQuerySet(AreaContentQuerySet):
    def with_hours(self):
        return self.prefetch_related("hours", "special_days")


class ActivitySite(HasOpeningHours, Place, Reviewed):
    """A local activity site (Miejsce Aktywności Lokalnej, MAL)."""

    area = models.ForeignKey(
        CommunityArea, on_delete=models.CASCADE, related_name="sites", verbose_name=_("obszar")
    )
    name = models.CharField(_("nazwa"), max_length=160)
    # Optional here, unlike the centre's: street and town are enough to find a site.
    postal_code = postal_code_field(blank=True)
    step_free_entry = models.BooleanField(_("wejście bez schodów lub z podjazdem"), default=False)
    accessible_toilet = models.BooleanField(
        _("toaleta dla osób z niepełnosprawnościami"), default=False
    )
    hearing_loop = models.BooleanField(_("pętla indukcyjna"), default=False)
    accessibility_notes = models.TextField(
        _("inne informacje o dostępności"),
        blank=True,
        help_text=_("Np. piętro, winda, miejsce parkingowe, pies asystujący."),
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True, validators=[phone_validator])
    open_on_holidays = open_on_holidays_field()
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("miejsce aktywności lokalnej")
        verbose_name_plural = _("miejsca aktywności lokalnej")
        constraints = [*Place.Meta.constraints]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.area.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"mal-{self.pk}"

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def accessibility_features(self):
        """Labels of the features the site has, for a plain list."""
        return [
            self._meta.get_field(name).verbose_name
            for name in ("step_free_entry", "accessible_toilet", "hearing_loop")
            if getattr(self, name)
        ]


class SiteHours(OpeningHours):
    site = models.ForeignKey(
        ActivitySite, on_delete=models.CASCADE, related_name="hours", verbose_name=_("miejsce")
    )

    class Meta(OpeningHours.Meta):
        verbose_name = _("godziny otwarcia miejsca")
        verbose_name_plural = _("godziny otwarcia miejsca")


class SiteSpecialDay(SpecialDay):
    site = models.ForeignKey(
        ActivitySite,
        on_delete=models.CASCADE,
        related_name="special_days",
        verbose_name=_("miejsce"),
    )

    class Meta(SpecialDay.Meta):
        pass


class Initiative(models.Model):
    """A club or a residents' initiative run in an area."""

    Kind = InitiativeKind

    area = models.ForeignKey(
        CommunityArea,
        on_delete=models.CASCADE,
        related_name="initiatives",
        verbose_name=_("obszar"),
    )
    name = models.CharField(_("nazwa"), max_length=160)
    kind = models.CharField(_("rodzaj"), max_length=12, choices=Kind, default=Kind.INITIATIVE)
    audience = models.CharField(
        _("dla kogo"),
        max_length=200,
        blank=True,
        help_text=_("Np. rodzice dzieci w wieku 3–10 lat."),
    )
    description = models.TextField(_("opis"), blank=True)
    schedule = models.CharField(
        _("kiedy się spotyka"),
        max_length=200,
        blank=True,
        help_text=_("Słowami, np. „we wtorki 16:00–18:00”."),
    )
    site = models.ForeignKey(
        ActivitySite,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("miejsce"),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    objects = AreaContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("klub lub inicjatywa")
        verbose_name_plural = _("kluby i inicjatywy")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InitiativeKind.values),
                name="communities_initiative_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.area.get_absolute_url()}#inicjatywa-{self.pk}"


class Specialist(models.Model):
    """A specialist on duty at a site (dyżur specjalisty)."""

    Specialty = Specialty

    area = models.ForeignKey(
        CommunityArea,
        on_delete=models.CASCADE,
        related_name="specialists",
        verbose_name=_("obszar"),
    )
    specialty = models.CharField(_("specjalność"), max_length=16, choices=Specialty)
    other_specialty = models.CharField(
        _("inna specjalność"), max_length=120, blank=True, help_text=_("Gdy „inny specjalista”.")
    )
    site = models.ForeignKey(
        ActivitySite,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="specialists",
        verbose_name=_("miejsce dyżuru"),
    )
    schedule = models.CharField(
        _("dyżur"), max_length=200, help_text=_("Słowami, np. „w środy 15:00–17:00”.")
    )
    how_to_book = models.CharField(
        _("jak się umówić"), max_length=200, blank=True, help_text=_("Np. „zapisy u organizatora”.")
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "specialty", "pk"]
        verbose_name = _("dyżur specjalisty")
        verbose_name_plural = _("dyżury specjalistów")
        constraints = [
            models.CheckConstraint(
                condition=Q(specialty__in=Specialty.values),
                name="communities_specialist_specialty_valid",
            ),
            models.CheckConstraint(
                condition=~Q(specialty="other") | ~Q(other_specialty=""),
                name="communities_specialist_other_named",
                violation_error_message=_("Wpisz, jaki to specjalista."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.area.get_absolute_url()}#specjalista-{self.pk}"

    @property
    def title(self):
        if self.specialty == self.Specialty.OTHER:
            return self.other_specialty
        return self.get_specialty_display()


class EventQuerySet(PublicationQuerySet):
    def published(self, now=None):
        """Events residents see at ``now``: published themselves, in a published area."""
        now = now or timezone.now()
        return super().published(now).filter(area__in=CommunityArea.objects.published(now))

    def next_change(self, now=None):
        """The nearest coming start or end of the publication of these events or of their
        areas (an event shows only while its area does). One query."""
        now = now or timezone.now()
        moments = self.filter(published_at__isnull=False).aggregate(
            start=Min("published_at", filter=Q(published_at__gt=now)),
            end=Min("expires_at", filter=Q(expires_at__gt=now)),
            area_start=Min("area__published_at", filter=Q(area__published_at__gt=now)),
            area_end=Min(
                "area__expires_at",
                filter=Q(area__published_at__isnull=False, area__expires_at__gt=now),
            ),
        )
        return min((m for m in moments.values() if m is not None), default=None)

    def upcoming(self, now=None):
        """Not yet finished at ``now``: an event under way still counts as coming."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_place(self):
        return self.select_related("area", "site")


class Event(Publication, Reviewed):
    """A citizens' meeting, a festival, a workshop… in an area."""

    area = models.ForeignKey(
        CommunityArea, on_delete=models.CASCADE, related_name="events", verbose_name=_("obszar")
    )
    title = models.CharField(_("tytuł"), max_length=200)
    slug = address_ending_field(
        120, _("Wpisuje się sama z tytułu. Strona wydarzenia: /osl/wydarzenia/piknik-rodzinny/")
    )
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    site = models.ForeignKey(
        ActivitySite,
        # RESTRICT, not PROTECT: deleting a whole area takes its events with
        # it, but a single site with events on the calendar cannot vanish.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("miejsce aktywności lokalnej"),
    )
    place = models.CharField(
        _("inne miejsce"),
        max_length=200,
        blank=True,
        help_text=_(
            "Gdy wydarzenie odbywa się poza miejscem aktywności, np. „boisko przy ul. Podleśnej”."
        ),
    )
    description = models.TextField(_("opis"), blank=True)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        constraints = [
            *Publication.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="communities_event_ends_after_start",
                violation_error_message=_("Koniec wydarzenia nie może być wcześniej niż początek."),
            ),
            models.CheckConstraint(
                condition=Q(site__isnull=False) | ~Q(place=""),
                name="communities_event_has_place",
                violation_error_message=_("Wybierz miejsce aktywności albo wpisz inne miejsce."),
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_EVENT_SLUGS),
                name="communities_event_slug_not_reserved",
                violation_error_message=_("Ten adres jest zajęty przez inną stronę serwisu."),
            ),
        ]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="communities_event_ends_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("communities:event", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # An event in Osiedle Fabryczne cannot take place at the site of another
        # area; a place outside the area's sites is written in "inne miejsce".
        if self.site_id and self.area_id and self.site.area_id != self.area_id:
            raise ValidationError(
                {
                    "site": _(
                        "To miejsce należy do obszaru %(site_area)s, a wydarzenie — do "
                        "obszaru %(area)s. Wybierz miejsce tego obszaru albo wpisz inne miejsce."
                    )
                    % {"site_area": self.site.area, "area": self.area}
                }
            )

    @property
    def local_date(self):
        """The day the event starts on the calendar in Poland, not in UTC."""
        return timezone.localtime(self.starts_at).date()

    @property
    def place_label(self):
        """Where to go, in words: the site and its address, the free-text place, or both."""
        parts = []
        if self.site_id:
            parts.append(f"{self.site.name}, {self.site.street_address}, {self.site.city}")
        if self.place:
            parts.append(self.place)
        return "; ".join(parts)


class AreaDocument(Document):
    """A file to download on the area's page: a programme, a poster, a survey."""

    area = models.ForeignKey(
        CommunityArea, on_delete=models.CASCADE, related_name="documents", verbose_name=_("obszar")
    )

    upload_folder = "dokumenty/osl"
