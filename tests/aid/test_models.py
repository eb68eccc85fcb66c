import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from aid.models import FormOfHelp, IncomeCriterion
from tests.aid.factories import make_category, make_criterion, make_form, make_unit

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def at(monkeypatch):
    """Freeze now() at a Warsaw wall-clock time."""

    def freeze(*args):
        moment = dt.datetime(*args, tzinfo=WARSAW)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


def test_published_rule_shows_published_forms_only():
    make_form("Zasiłek stały", slug="zasilek-staly")
    make_form("Szkic", slug="szkic", is_published=False)
    assert [form.slug for form in FormOfHelp.objects.published()] == ["zasilek-staly"]


def test_criterion_in_force_is_the_latest_that_took_effect_by_today_in_warsaw(at):
    current = make_criterion(dt.date(2025, 1, 1))
    ahead = make_criterion(dt.date(2028, 1, 1), single="1100.00", family="900.00")
    at(2027, 12, 31, 23, 59)
    assert IncomeCriterion.objects.in_force() == current
    assert IncomeCriterion.objects.next_after() == ahead
    # 00:30 in Warsaw is still 31 December in UTC: the date in Warsaw counts.
    at(2028, 1, 1, 0, 30)
    assert IncomeCriterion.objects.in_force() == ahead
    assert IncomeCriterion.objects.next_after() is None


def test_no_criterion_is_in_force_before_the_first_takes_effect(at):
    make_criterion(dt.date(2025, 1, 1))
    at(2024, 12, 31, 12, 0)
    assert IncomeCriterion.objects.in_force() is None


def test_threshold_is_for_a_person_alone_or_per_person_in_a_family():
    criterion = make_criterion()
    assert criterion.threshold(1) == Decimal("1010.00")
    assert criterion.threshold(2) == Decimal("823.00")


def test_criterion_amounts_must_be_positive():
    criterion = IncomeCriterion(
        effective_from=dt.date(2025, 1, 1),
        single_person=Decimal("0"),
        per_person_in_family=Decimal("823"),
        legal_basis="Dz.U. 2024 poz. 1044",
    )
    with pytest.raises(ValidationError):
        criterion.full_clean()


def test_a_unit_that_handles_forms_of_help_cannot_be_deleted():
    unit = make_unit()
    make_form(unit=unit)
    with pytest.raises(ProtectedError):
        unit.delete()


def test_a_category_with_forms_of_help_cannot_be_deleted():
    category = make_category()
    make_form(category=category)
    with pytest.raises(ProtectedError):
        category.delete()


def test_what_to_bring_is_one_item_per_line():
    form = make_form(what_to_bring="dowód osobisty\n\n- zaświadczenie o dochodach\n")
    assert form.documents_to_bring == ["dowód osobisty", "zaświadczenie o dochodach"]
