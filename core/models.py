"""Abstract models shared by the apps: weekly hours, dated exceptions, single records."""

import datetime as dt

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core import holidays, hours

# How far ahead the admin warns about Saturday holidays without a day off in return.
SATURDAY_HOLIDAYS_AHEAD_DAYS = 366


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("poniedziałek")
    TUESDAY = 1, _("wtorek")
    WEDNESDAY = 2, _("środa")
    THURSDAY = 3, _("czwartek")
    FRIDAY = 4, _("piątek")
    SATURDAY = 5, _("sobota")
    SUNDAY = 6, _("niedziela")


class OpeningHours(models.Model):
    """One time range on a weekday; several rows make a day with a break.

    The concrete subclass adds a foreign key to its owner with
    ``related_name="hours"``.
    """

    weekday = models.PositiveSmallIntegerField(_("dzień tygodnia"), choices=Weekday.choices)
    opens = models.TimeField(_("od godziny"))
    closes = models.TimeField(_("do godziny"))

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]
        verbose_name = _("godziny otwarcia")
        verbose_name_plural = _("godziny otwarcia")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=F("closes")),
                name="%(app_label)s_%(class)s_opens_before_closes",
                violation_error_message=_("Godzina otwarcia musi być wcześniejsza niż zamknięcia."),
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6),
                name="%(app_label)s_%(class)s_weekday_range",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {hours.TimeRange(self.opens, self.closes)}"


class SpecialDay(models.Model):
    """A dated exception: closed all day (no hours) or open at changed hours.

    The concrete subclass adds a foreign key to its owner with
    ``related_name="special_days"``.
    """

    date = models.DateField(_("dzień"))
    opens = models.TimeField(
        _("od godziny"), null=True, blank=True, help_text=_("Puste — nieczynne cały dzień.")
    )
    closes = models.TimeField(_("do godziny"), null=True, blank=True)
    reason = models.CharField(
        _("powód"), max_length=120, blank=True, help_text=_("Np. „Szkolenie pracowników”.")
    )
    replaces_holiday = models.DateField(
        _("za święto w sobotę"),
        null=True,
        blank=True,
        help_text=_(
            "Jeśli to dzień wolny za święto przypadające w sobotę, podaj datę tego święta."
        ),
    )

    class Meta:
        abstract = True
        ordering = ["date", "opens"]
        verbose_name = _("dzień nieczynny lub zmienione godziny")
        verbose_name_plural = _("dni nieczynne i zmienione godziny")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__isnull=True, closes__isnull=True)
                | Q(opens__isnull=False, closes__isnull=False, opens__lt=F("closes")),
                name="%(app_label)s_%(class)s_closed_or_valid_range",
                violation_error_message=_(
                    "Podaj obie godziny (otwarcie wcześniej niż zamknięcie) "
                    "albo żadnej, jeśli dzień jest nieczynny."
                ),
            ),
        ]

    def __str__(self):
        when = self.date.strftime("%d.%m.%Y")
        if self.opens is None:
            return f"{when}: {_('nieczynne')}"
        return f"{when}: {hours.TimeRange(self.opens, self.closes)}"

    def clean(self):
        super().clean()
        if self.replaces_holiday is None:
            return
        holiday = self.replaces_holiday
        if not (holidays.is_saturday(holiday) and holidays.name(holiday)):
            raise ValidationError(
                {
                    "replaces_holiday": _(
                        "%(date)s to nie święto przypadające w sobotę. Podaj datę sobotniego "
                        "święta albo zostaw to pole puste."
                    )
                    % {"date": formats.date_format(holiday, "j E Y \\r.")}
                }
            )
        if self.date is not None and holidays.name(self.date):
            raise ValidationError(
                {
                    "date": _(
                        "%(date)s to też dzień ustawowo wolny od pracy. Wybierz dzień, "
                        "w którym zwykle się pracuje."
                    )
                    % {"date": formats.date_format(self.date, "j E Y \\r.")}
                }
            )


def address_ending_field(max_length, help_text):
    """The end of a record's page address ("bezpieczny-rejon"), unique, in words an editor
    knows; ``help_text`` shows the whole address, as the prepopulated slug fills it."""
    return models.SlugField(
        _("końcówka adresu strony"), max_length=max_length, unique=True, help_text=help_text
    )


def open_on_holidays_field():
    """The owner's opt-out from public holidays; every owner of hours declares it."""
    return models.BooleanField(
        _("czynne w święta"),
        default=False,
        help_text=_(
            "Zaznacz, jeśli w dni ustawowo wolne od pracy (np. 11 listopada) jest czynne "
            "w zwykłych godzinach. Bez zaznaczenia w święta jest nieczynne. Inne godziny "
            "na jedno święto wpisz niżej, w dniach nieczynnych i zmienionych godzinach."
        ),
    )


class HasOpeningHours:
    """For owners of ``hours`` and ``special_days`` rows and an ``open_on_holidays``
    field (:func:`open_on_holidays_field`).

    Prefetch both relations when listing many owners; the schedule is then
    computed without further queries. Public holidays close the owner
    unless it is open on holidays.
    """

    # A plain mixin, not an abstract model: past migrations name it among
    # their models' bases, and fields declared here would appear in them.

    @property
    def schedule(self):
        cached = self.__dict__.get("_schedule")
        if cached is None:
            cached = hours.Schedule(
                self.hours.all(),
                self.special_days.all(),
                closed_on_holidays=not self.open_on_holidays,
            )
            self.__dict__["_schedule"] = cached
        return cached

    def opening_status(self, now=None):
        return hours.opening_status(self.schedule, now=now)

    def weekly_hours(self):
        """[(weekday label, (TimeRange, …)), …], Monday first, for an hours table."""
        return [(Weekday(day).label, ranges) for day, ranges in self.schedule.week()]

    def coming_exceptions(self, today=None):
        """Closures and changed hours from ``today`` (the date in Warsaw by default) on:
        holidays of the next two weeks, editors' rows however far ahead."""
        return self.schedule.exceptions_from(today or timezone.localdate())

    def closures_ahead(self, today=None):
        """Closures and changed hours of the next two weeks, holidays included."""
        return self.schedule.closures_ahead(today or timezone.localdate())

    def saturday_holidays_without_day_off(self, today=None):
        """[(date, name), …] of the coming year's Saturday holidays for which no
        day off in return has been entered (a special day that ``replaces_holiday``).

        An owner open on holidays works them and is not asked.
        """
        if self.open_on_holidays:
            return []
        today = today or timezone.localdate()
        declared = {row.replaces_holiday for row in self.special_days.all()}
        end = today + dt.timedelta(days=SATURDAY_HOLIDAYS_AHEAD_DAYS)
        return [
            (date, name) for date, name in holidays.on_saturdays(today, end) if date not in declared
        ]


class SingletonModel(models.Model):
    """A record of which there is one: the database refuses a second row."""

    singleton = models.BooleanField(default=True, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["singleton"],
                name="%(app_label)s_%(class)s_single_row",
                violation_error_message=_("Ten rekord może być tylko jeden."),
            ),
            models.CheckConstraint(
                condition=Q(singleton=True), name="%(app_label)s_%(class)s_singleton_true"
            ),
        ]

    @classmethod
    def get(cls):
        return cls.objects.first()


class SearchDocument(models.Model):
    """What the site search reads of one record: its words folded, each with its dictionary forms.

    One row per record of every search kind (``Kind.key`` and the record's
    primary key), drafts and ended records included: whether residents may see
    a record is decided when searching, by the kind's published rows, so a
    record scheduled to appear is found from its moment without a new save.
    PostgreSQL keeps ``vector`` (title weighted A, text B) by a trigger and
    searches it through a GIN index; SQLite mirrors ``title`` and ``body`` in
    an FTS5 table (``core_searchfts``) by triggers. Both are created in
    migration 0001 (:mod:`core.search_index`).
    """

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.TextField()
    body = models.TextField()
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchdocument_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class SearchTerm(models.Model):
    """A folded word met in the indexed texts and its folded dictionary forms.

    A resident types "dlugu" without the Polish letter the dictionary needs;
    the texts said "długu", so this row knows it means "dlug". The words are
    also the vocabulary of "Czy chodziło Ci o…".
    """

    word = models.CharField(max_length=64, unique=True)
    lemmas = models.CharField(max_length=255)

    def __str__(self):
        return self.word


class SearchQueryCount(models.Model):
    """How many times a folded query was searched for on one day, and whether it found anything.

    Nothing about who searched: no address, no cookie, no time of day.
    """

    day = models.DateField(_("dzień"))
    query = models.CharField(_("zapytanie"), max_length=100)
    results = models.PositiveIntegerField(_("liczba wyników"), default=0)
    count = models.PositiveIntegerField(_("liczba wyszukiwań"), default=0)

    class Meta:
        verbose_name = _("wyszukiwanie mieszkańców")
        verbose_name_plural = _("Czego szukają mieszkańcy")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="searchquerycount_unique")
        ]
        indexes = [models.Index(fields=["day"], name="searchquerycount_day")]

    def __str__(self):
        return f"{self.day}: {self.query}"
