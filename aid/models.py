from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.documents import Document
from core.models import address_ending_field
from core.places import tel_href
from core.review import Reviewed
from core.validators import phone_validator
from core.visibility import VisibleToMixin


class Category(Reviewed, models.Model):
    """A group of forms of help residents recognise: money, services, family, crisis…"""

    name = models.CharField(_("nazwa"), max_length=120, unique=True)
    slug = address_ending_field(
        120, _("Wpisuje się sama z nazwy. Kategoria na stronie: /pomoc/#zasilki")
    )
    description = models.CharField(
        _("opis"),
        max_length=300,
        blank=True,
        help_text=_("Jedno zdanie pod nazwą kategorii, np. „Zasiłki i inne świadczenia”."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kategoria pomocy")
        verbose_name_plural = _("kategorie pomocy")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('aid:list')}#{self.slug}"


class FormOfHelpQuerySet(VisibleToMixin, models.QuerySet):
    def published(self):
        """Forms of help the public may see: the one publication rule."""
        return self.filter(is_published=True)

    def with_details(self):
        return self.select_related("category", "unit").prefetch_related(
            "documents", "unit__phones", "unit__hours", "unit__special_days"
        )


class FormOfHelp(Reviewed, models.Model):
    """One form of help (forma pomocy): who may get it, how to apply, where to go."""

    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="forms",
        verbose_name=_("kategoria"),
    )
    title = models.CharField(_("nazwa"), max_length=200, help_text=_("Np. „Zasiłek okresowy”."))
    slug = address_ending_field(
        200, _("Wpisuje się sama z tytułu. Strona: /pomoc/zasilek-okresowy/")
    )
    short_answer = models.TextField(
        _("krótka odpowiedź"),
        max_length=400,
        help_text=_(
            "Jedno, dwa zdania na listę, np. „Zasiłek okresowy to pieniądze na czas, gdy…”."
        ),
    )
    eligibility = models.TextField(
        _("kto może otrzymać"),
        help_text=_("Zwykłym tekstem; pusta linia zaczyna nowy akapit."),
    )
    income_criterion_applies = models.BooleanField(
        _("obowiązuje kryterium dochodowe"),
        default=True,
        help_text=_("Zaznacz, gdy pomoc zależy od dochodu. Strona odeśle wtedy do kalkulatora."),
    )
    what_to_bring = models.TextField(
        _("co zabrać ze sobą"),
        blank=True,
        help_text=_("Każdy dokument w osobnej linii."),
    )
    apply_in_person = models.TextField(
        _("jak złożyć wniosek osobiście"),
        blank=True,
        help_text=_("Np. „W placówce poniżej, pokój 12; pracownik socjalny pomoże wypełnić”."),
    )
    apply_by_epuap = models.BooleanField(
        _("można złożyć przez ePUAP"),
        default=True,
        help_text=_("Strona pokaże adres skrytki ePUAP ośrodka."),
    )
    apply_by_post = models.BooleanField(
        _("można wysłać pocztą"),
        default=True,
        help_text=_("Strona pokaże adres ośrodka."),
    )
    processing_time = models.CharField(
        _("ile to trwa"),
        max_length=300,
        blank=True,
        help_text=_("Np. „Decyzja w ciągu miesiąca od złożenia wniosku”."),
    )
    legal_basis = models.TextField(
        _("podstawa prawna"),
        help_text=_("Ustawa i artykuł, np. „art. 38 ustawy z dnia 12 marca 2004 r. …”."),
    )
    unit = models.ForeignKey(
        "centre.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forms_of_help",
        verbose_name=_("placówka, która prowadzi sprawę"),
        help_text=_("Puste — sprawę prowadzi ośrodek pod adresem z kontaktu."),
    )
    contact_name = models.CharField(
        _("osoba lub dział do kontaktu"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Dział świadczeń, pokój 12”."),
    )
    phone = models.CharField(
        _("telefon w tej sprawie"), max_length=40, blank=True, validators=[phone_validator]
    )
    checked_on = models.DateField(
        _("informacje sprawdzono"),
        default=timezone.localdate,
        help_text=_("Data ostatniego sprawdzenia treści; mieszkańcy ją widzą."),
    )
    is_sensitive = models.BooleanField(
        _("temat wrażliwy"),
        default=False,
        help_text=_(
            "Np. przemoc domowa, Niebieska Karta, kryzys. Strona dostaje przycisk "
            "„Wyjdź szybko” i nie zostaje w pamięci przeglądarki."
        ),
    )
    is_published = models.BooleanField(
        _("opublikowana"),
        default=False,
        help_text=_("Bez zaznaczenia stronę widzą tylko pracownicy (podgląd)."),
    )
    order = models.PositiveSmallIntegerField(_("kolejność w kategorii"), default=0)
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = FormOfHelpQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "category__name", "order", "title"]
        verbose_name = _("forma pomocy")
        verbose_name_plural = _("formy pomocy")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("aid:detail", kwargs={"slug": self.slug})

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def documents_to_bring(self):
        return [line.strip(" -•\t") for line in self.what_to_bring.splitlines() if line.strip()]


class AidDocument(Document):
    form = models.ForeignKey(
        FormOfHelp,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("forma pomocy"),
    )

    upload_folder = "pomoc"

    class Meta(Document.Meta):
        verbose_name = _("formularz do pobrania")
        verbose_name_plural = _("formularze do pobrania")


class IncomeCriterionQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """The criterion in force ``on`` a date (today in Warsaw by default), or None."""
        on = on or timezone.localdate()
        return self.filter(effective_from__lte=on).order_by("-effective_from").first()

    def next_after(self, on=None):
        """The first criterion entered ahead, taking effect after ``on``, or None."""
        on = on or timezone.localdate()
        return self.filter(effective_from__gt=on).order_by("effective_from").first()


class IncomeCriterion(models.Model):
    """The income criteria of art. 8 of the Act on social assistance, from a given date.

    They are reviewed every three years by a regulation; the next one can be
    entered ahead and is used from its date.
    """

    single_person = models.DecimalField(
        _("kryterium dla osoby samotnie gospodarującej (zł)"), max_digits=8, decimal_places=2
    )
    per_person_in_family = models.DecimalField(
        _("kryterium na osobę w rodzinie (zł)"), max_digits=8, decimal_places=2
    )
    effective_from = models.DateField(_("obowiązuje od"), unique=True)
    legal_basis = models.CharField(
        _("podstawa prawna"),
        max_length=300,
        help_text=_(
            "Np. „rozporządzenie Rady Ministrów z 10 lipca 2024 r. (Dz.U. 2024 poz. 1044)”."
        ),
    )

    objects = IncomeCriterionQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("kryterium dochodowe")
        verbose_name_plural = _("kryteria dochodowe")
        constraints = [
            models.CheckConstraint(
                condition=Q(single_person__gt=Decimal("0"), per_person_in_family__gt=Decimal("0")),
                name="aid_incomecriterion_amounts_positive",
                violation_error_message=_("Kwoty kryteriów muszą być większe od zera."),
            ),
        ]

    def __str__(self):
        return _("Kryterium dochodowe od %(date)s") % {
            "date": self.effective_from.strftime("%d.%m.%Y")
        }

    def get_absolute_url(self):
        return reverse("aid:income_check")

    def threshold(self, people):
        """The monthly income per person that may not be exceeded in a household of ``people``."""
        return self.single_person if people == 1 else self.per_person_in_family
