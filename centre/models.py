import datetime
from typing import NamedTuple

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.documents import Document
from core.models import (
    HasOpeningHours,
    OpeningHours,
    SingletonModel,
    SpecialDay,
    address_ending_field,
    open_on_holidays_field,
)
from core.places import Phone, Place
from core.review import Reviewed


class CentreQuerySet(models.QuerySet):
    def with_details(self):
        return self.prefetch_related("phones", "hours", "special_days")


class Centre(HasOpeningHours, Place, SingletonModel, Reviewed):
    """The welfare centre itself: one row, edited in admin."""

    name = models.CharField(_("pełna nazwa"), max_length=200)
    short_name = models.CharField(_("skrót"), max_length=40, help_text=_("Np. MOPS."))
    intro = models.TextField(
        _("kim jesteśmy"), help_text=_("Kilka zdań na stronę główną, zwykłym tekstem.")
    )
    email = models.EmailField(_("e-mail"))
    epuap_box = models.CharField(
        _("skrytka ePUAP"), max_length=120, blank=True, help_text=_("Np. /mops/SkrytkaESP.")
    )
    bip_url = models.URLField(_("adres BIP"))
    iod_name = models.CharField(
        _("inspektor ochrony danych"),
        max_length=120,
        blank=True,
        help_text=_("Imię i nazwisko lub nazwa stanowiska."),
    )
    iod_email = models.EmailField(_("e-mail inspektora ochrony danych"))
    iod_phone = models.CharField(_("telefon inspektora ochrony danych"), max_length=40, blank=True)
    open_on_holidays = open_on_holidays_field()
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = CentreQuerySet.as_manager()

    class Meta:
        verbose_name = _("ośrodek")
        verbose_name_plural = _("ośrodek")
        ordering = ["pk"]
        constraints = [
            *SingletonModel.Meta.constraints,
            *Place.Meta.constraints,
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("centre:contact")

    @classmethod
    def load(cls):
        """The centre with its phones and hours, or None before it is set up."""
        return cls.objects.with_details().first()


class CentrePhone(Phone):
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="phones", verbose_name=_("ośrodek")
    )

    class Meta(Phone.Meta):
        verbose_name = _("telefon")
        verbose_name_plural = _("telefony")


class CentreHours(OpeningHours):
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="hours", verbose_name=_("ośrodek")
    )

    class Meta(OpeningHours.Meta):
        verbose_name = _("godziny pracy ośrodka")
        verbose_name_plural = _("godziny pracy ośrodka")


class CentreSpecialDay(SpecialDay):
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="special_days", verbose_name=_("ośrodek")
    )

    class Meta(SpecialDay.Meta):
        pass


# Editors are reminded of the statement's yearly review this many days before 31 March.
STATEMENT_REMINDER_DAYS = 60


class StatementReview(NamedTuple):
    """The accessibility statement's yearly review that is due: its 31 March, and
    whether that day has passed."""

    deadline: datetime.date
    overdue: bool


def next_march_31(today):
    """The 31 March on or after ``today``."""
    deadline = today.replace(month=3, day=31)
    return deadline if deadline >= today else deadline.replace(year=today.year + 1)


def statement_review_due(last_review, today):
    """The statement's yearly review if it is due, or None while nothing is.

    The statement is reviewed and updated at least once a year, by 31 March
    (the act of 4 April 2019 on digital accessibility, Dz.U. 2019 poz. 848,
    art. 10 ust. 3). A review counts for the first 31 March on or after it:
    one made on 15 March 2027 meets 31 March 2027, one made on 15 April 2026
    meets 31 March 2027 as well. Overdue when the last 31 March passed with no
    review counting for it; due, not yet overdue, within STATEMENT_REMINDER_DAYS
    of a 31 March no review counts for yet.
    """
    deadline = next_march_31(today)
    previous = deadline.replace(year=deadline.year - 1)
    if last_review > previous:
        return None
    if last_review > previous.replace(year=previous.year - 1):
        if (deadline - today).days <= STATEMENT_REMINDER_DAYS:
            return StatementReview(deadline, overdue=False)
        return None
    return StatementReview(previous, overdue=True)


class AccessibilityStatement(SingletonModel, Reviewed):
    """The deklaracja dostępności, in the structure of the 2024 v2.0 technical conditions."""

    class Status(models.TextChoices):
        COMPLIANT = "zgodna", _("zgodna")
        PARTIAL = "czesciowo", _("częściowo zgodna")
        NON_COMPLIANT = "niezgodna", _("niezgodna")

    class Assessment(models.TextChoices):
        SELF = "samoocena", _("samoocena")
        EXTERNAL = "zewnetrzna", _("badanie przez podmiot zewnętrzny")

    entity_name = models.CharField(_("nazwa podmiotu publicznego"), max_length=200)
    website_url = models.URLField(_("adres strony, której dotyczy deklaracja"))
    published_on = models.DateField(_("data publikacji strony internetowej"))
    site_updated_on = models.DateField(_("data ostatniej istotnej aktualizacji strony"))
    status = models.CharField(_("stan dostępności cyfrowej"), max_length=12, choices=Status.choices)
    non_compliant = models.TextField(
        _("treści niedostępne — niezgodności z ustawą"),
        blank=True,
        help_text=_("Każda niezgodność w osobnym akapicie, z obejściem, jeśli jest."),
    )
    exempt = models.TextField(_("treści wyłączone ze stosowania ustawy"), blank=True)
    excessive_cost = models.TextField(
        _("treści niedostępne z powodu nadmiernych kosztów"),
        blank=True,
        help_text=_("Z odesłaniem do analizy nadmiernego obciążenia."),
    )
    prepared_on = models.DateField(_("data sporządzenia deklaracji"))
    reviewed_on = models.DateField(
        _("data ostatniego przeglądu deklaracji"),
        null=True,
        blank=True,
        help_text=_("Deklarację przegląda się i aktualizuje co roku do 31 marca."),
    )
    assessment = models.CharField(
        _("sposób oceny dostępności"),
        max_length=12,
        choices=Assessment.choices,
        default=Assessment.SELF,
    )
    assessor = models.CharField(
        _("podmiot, który ocenił dostępność"),
        max_length=200,
        blank=True,
        help_text=_("Tylko przy badaniu przez podmiot zewnętrzny."),
    )
    contact_person = models.CharField(_("osoba do kontaktu"), max_length=120)
    contact_email = models.EmailField(_("e-mail do kontaktu"))
    contact_phone = models.CharField(_("telefon do kontaktu"), max_length=40)
    architecture = models.TextField(
        _("dostępność architektoniczna"),
        help_text=_("Wejścia, podjazdy, windy, toalety, pętle indukcyjne, miejsca parkingowe."),
    )
    architecture_url = models.URLField(_("adres opisu dostępności architektonicznej"), blank=True)
    communication = models.TextField(
        _("dostępność komunikacyjno-informacyjna"),
        help_text=_("Tłumacz polskiego języka migowego (PJM), sposoby kontaktu dla osób głuchych."),
    )
    mobile_apps = models.TextField(_("aplikacje mobilne"), blank=True)
    updated_on = models.DateField(_("data aktualizacji deklaracji"), auto_now=True)

    class Meta:
        verbose_name = _("deklaracja dostępności")
        verbose_name_plural = _("deklaracja dostępności")
        ordering = ["pk"]
        constraints = [
            *SingletonModel.Meta.constraints,
            models.CheckConstraint(
                condition=Q(published_on__lte=F("site_updated_on")),
                name="centre_statement_published_before_update",
                violation_error_message=_(
                    "Data aktualizacji strony nie może być wcześniejsza niż data publikacji."
                ),
            ),
        ]

    def __str__(self):
        return str(_("Deklaracja dostępności"))

    def get_absolute_url(self):
        return reverse("centre:accessibility")

    @property
    def last_review(self):
        return max(filter(None, [self.reviewed_on, self.updated_on]))

    def review_due(self, today=None):
        """The yearly review if it is due (see statement_review_due), or None."""
        return statement_review_due(self.last_review, today or timezone.localdate())

    def needs_review(self, today=None):
        """Whether a 31 March has passed with no review counting for it."""
        due = self.review_due(today)
        return due is not None and due.overdue


class PublicInformation(SingletonModel, Reviewed):
    """Art. 6(3) of the 2019 accessibility act: the centre's activity for everyone."""

    easy_to_read = models.TextField(
        _("tekst łatwy do czytania (ETR)"),
        help_text=_(
            "Krótkie zdania, proste słowa. Pusta linia zaczyna nowy akapit; "
            "linia zaczynająca się od „## ” to śródtytuł."
        ),
    )
    sign_language_video_url = models.URLField(_("adres nagrania w polskim języku migowym"))
    sign_language_description = models.CharField(
        _("opis nagrania w PJM"),
        max_length=300,
        blank=True,
        help_text=_("Np. czego dotyczy nagranie i ile trwa."),
    )
    machine_readable_text = models.TextField(
        _("zakres działalności — plik tekstowy do odczytu maszynowego"),
        help_text=_("Udostępniany jako plik .txt (UTF-8) do pobrania."),
    )
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    class Meta:
        verbose_name = _("informacje o ośrodku (ETR, PJM)")
        verbose_name_plural = _("informacje o ośrodku (ETR, PJM)")
        ordering = ["pk"]
        constraints = [*SingletonModel.Meta.constraints]

    def __str__(self):
        return str(_("Informacje o ośrodku"))

    def get_absolute_url(self):
        return reverse("centre:information")

    def easy_to_read_blocks(self):
        """Paragraphs and subheadings: [("h2" | "p", text), …]."""
        blocks = []
        for chunk in self.easy_to_read.replace("\r\n", "\n").split("\n\n"):
            chunk = chunk.strip()
            if chunk.startswith("## "):
                blocks.append(("h2", chunk[3:].strip()))
            elif chunk:
                blocks.append(("p", chunk))
        return blocks


class UnitQuerySet(models.QuerySet):
    def with_details(self):
        return self.prefetch_related("phones", "hours", "special_days")


class Unit(HasOpeningHours, Place, Reviewed):
    """One of the centre's units (placówka): a department, a day centre, a crisis point.

    Each has its own address, phones and hours, and forms of help name the
    unit that handles them, so a resident learns where to go and whether it
    is open now.
    """

    name = models.CharField(_("nazwa"), max_length=200)
    slug = address_ending_field(
        120,
        _(
            "Wpisuje się sama z nazwy. Placówka na stronie kontaktu: "
            "/kontakt/#punkt-interwencji-kryzysowej"
        ),
    )
    description = models.TextField(
        _("czym się zajmuje"),
        max_length=500,
        blank=True,
        help_text=_("Jedno, dwa zdania, np. „Przyjmuje wnioski o zasiłki”."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    open_on_holidays = open_on_holidays_field()
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("placówka")
        verbose_name_plural = _("placówki")
        ordering = ["order", "name", "pk"]
        constraints = [*Place.Meta.constraints]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('centre:contact')}#{self.anchor}"

    @property
    def anchor(self):
        return f"placowka-{self.slug}"


class UnitPhone(Phone):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="phones", verbose_name=_("placówka")
    )

    class Meta(Phone.Meta):
        verbose_name = _("telefon placówki")
        verbose_name_plural = _("telefony placówki")


class UnitHours(OpeningHours):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="hours", verbose_name=_("placówka")
    )

    class Meta(OpeningHours.Meta):
        verbose_name = _("godziny otwarcia placówki")
        verbose_name_plural = _("godziny otwarcia placówki")


class UnitSpecialDay(SpecialDay):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="special_days", verbose_name=_("placówka")
    )

    class Meta(SpecialDay.Meta):
        pass


class CentreDocument(Document):
    """A file to download on the contact page: the statute, a general application form."""

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="documents", verbose_name=_("ośrodek")
    )

    upload_folder = "dokumenty/osrodek"


class StatementDocument(Document):
    """A file to download with the accessibility statement, e.g. the analysis of an
    excessive burden the statement refers to."""

    statement = models.ForeignKey(
        AccessibilityStatement,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("deklaracja dostępności"),
    )

    upload_folder = "dokumenty/deklaracja"


class InformationDocument(Document):
    """A file to download with the information about the centre, e.g. the easy-to-read
    text as a leaflet to print."""

    information = models.ForeignKey(
        PublicInformation,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("informacje o ośrodku"),
    )

    upload_folder = "dokumenty/informacje"
