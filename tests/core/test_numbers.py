"""Polish numbers and the noun forms that agree with them (core.numbers)."""

from decimal import Decimal

import pytest

from core.numbers import plural, polish_number, with_unit
from core.polish_admin import FEMININE, Noun

OSOBA = ("osoba", "osoby", "osób")
NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (1, "1 osoba"),
        (2, "2 osoby"),
        (5, "5 osób"),
        (12, "12 osób"),
        (22, "22 osoby"),
        (25, "25 osób"),
        (32, "32 osoby"),
        (Decimal("2.5"), "2,5 osoby"),
        (1200, f"1{NBSP}200 osób"),
        (0, "0 osób"),
        (14, "14 osób"),
        (104, "104 osoby"),
        (112, "112 osób"),
        (Decimal("32.00"), "32 osoby"),
        (Decimal("1.00"), "1 osoba"),
        (Decimal("0.5"), "0,5 osoby"),
        (Decimal("1234567.50"), f"1{NBSP}234{NBSP}567,5 osoby"),
    ],
)
def test_a_number_takes_the_polish_form_of_its_unit(number, written):
    assert with_unit(number, *OSOBA) == written


def test_a_fraction_takes_the_form_polish_uses_after_fractions():
    assert with_unit(Decimal("2.5"), "godzina", "godziny", "godzin") == "2,5 godziny"
    assert plural(Decimal("1.5"), *OSOBA) == "osoby"


def test_numbers_are_written_without_needless_decimals():
    assert polish_number(Decimal("145.00")) == "145"
    assert polish_number(Decimal("12.50")) == "12,5"
    assert polish_number(Decimal("1200")) == f"1{NBSP}200"
    assert polish_number(999) == "999"


def test_without_a_unit_the_number_stands_alone():
    assert with_unit(Decimal("145.00")) == "145"


@pytest.mark.parametrize(
    ("count", "nominative", "accusative"),
    [
        (1, "1 ankieta", "1 ankietę"),
        (3, "3 ankiety", "3 ankiety"),
        (12, "12 ankiet", "12 ankiet"),
        (22, "22 ankiety", "22 ankiety"),
        (25, "25 ankiet", "25 ankiet"),
    ],
)
def test_admin_counts_choose_the_form_the_same_way(count, nominative, accusative):
    noun = Noun("ankieta", "ankiety", "ankiet", FEMININE, accusative="ankietę")
    assert noun.count(count) == nominative
    assert noun.count(count, accusative=True) == accusative
