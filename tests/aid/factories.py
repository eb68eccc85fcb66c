"""Small factories for forms of help, their units, documents and income criteria."""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile

from aid.demo import minimal_pdf
from aid.models import AidDocument, Category, FormOfHelp, IncomeCriterion
from centre.models import Unit, UnitHours, UnitPhone


def make_unit(slug="dzial-swiadczen", week=None, **fields):
    """A unit open Monday–Friday 8:00–16:00 unless ``week`` says otherwise."""
    defaults = {
        "name": "Dział Świadczeń",
        "street_address": "ul. Przykładowa 3",
        "postal_code": "00-001",
        "city": "Testów",
        "email": "swiadczenia@mops.example",
    }
    defaults.update(fields)
    unit = Unit.objects.create(slug=slug, **defaults)
    UnitPhone.objects.create(unit=unit, label="Rejestracja", number="22 000 00 02")
    if week is None:
        week = {day: [(dt.time(8), dt.time(16))] for day in range(5)}
    for weekday, ranges in week.items():
        for opens, closes in ranges:
            UnitHours.objects.create(unit=unit, weekday=weekday, opens=opens, closes=closes)
    return unit


def make_category(name="Pieniądze — zasiłki", slug="pieniadze", order=0):
    category, _created = Category.objects.get_or_create(
        slug=slug, defaults={"name": name, "order": order}
    )
    return category


def make_form(title="Zasiłek stały", slug=None, category=None, **fields):
    defaults = {
        "short_answer": (
            "Zasiłek stały to pieniądze co miesiąc dla dorosłej osoby, która nie może pracować. "
            "Wniosek o przyznanie zasiłku stałego złożysz w dziale świadczeń."
        ),
        "eligibility": "Pełnoletnia osoba całkowicie niezdolna do pracy z powodu wieku.",
        "legal_basis": "Art. 37 ustawy z dnia 12 marca 2004 r. o pomocy społecznej.",
        "checked_on": dt.date(2026, 11, 20),
        "is_published": True,
    }
    defaults.update(fields)
    return FormOfHelp.objects.create(
        title=title,
        slug=slug or title.lower().replace(" ", "-").replace("ł", "l").replace("ą", "a"),
        category=category or make_category(),
        **defaults,
    )


def add_document(form, title="Wniosek o zasiłek", content=None, name="wniosek.pdf", **fields):
    document = AidDocument(
        form=form,
        title=title,
        file=ContentFile(content or minimal_pdf(title), name=name),
        **fields,
    )
    document.full_clean()
    document.save()
    return document


def make_criterion(
    effective_from=dt.date(2025, 1, 1), single="1010.00", family="823.00", legal_basis=None
):
    return IncomeCriterion.objects.create(
        effective_from=effective_from,
        single_person=Decimal(single),
        per_person_in_family=Decimal(family),
        legal_basis=legal_basis or "Dz.U. 2024 poz. 1044",
    )
