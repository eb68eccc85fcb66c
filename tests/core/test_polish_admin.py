"""The grammar and the forgiving time field of core.polish_admin."""

import datetime as dt

import pytest
from django import forms

from core.polish_admin import (
    FEMININE,
    MASCULINE,
    HumanAdminSplitDateTime,
    HumanAdminTimeWidget,
    HumanSplitDateTimeField,
    HumanTimeField,
    Noun,
    date_with_weekday,
    time_label,
)

PROJECT = Noun("projekt", "projekty", "projektów", MASCULINE)
ORGANISER = Noun(
    "organizator",
    "organizatorzy",
    "organizatorów",
    MASCULINE,
    accusative="organizatora",
    accusative_plural="organizatorów",
)
POLL = Noun("ankieta", "ankiety", "ankiet", FEMININE, accusative="ankietę")


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (0, "0 projektów"),
        (1, "1 projekt"),
        (2, "2 projekty"),
        (3, "3 projekty"),
        (4, "4 projekty"),
        (5, "5 projektów"),
        (7, "7 projektów"),
        (12, "12 projektów"),
        (14, "14 projektów"),
        (21, "21 projektów"),
        (22, "22 projekty"),
        (112, "112 projektów"),
        (124, "124 projekty"),
    ],
)
def test_counts_follow_polish_plural_rules(number, shown):
    assert PROJECT.count(number) == shown


def test_counts_in_the_accusative_for_persons_and_feminine_nouns():
    assert ORGANISER.count(1, accusative=True) == "1 organizatora"
    assert ORGANISER.count(3, accusative=True) == "3 organizatorów"
    assert ORGANISER.count(3) == "3 organizatorzy"
    assert POLL.count(1, accusative=True) == "1 ankietę"
    assert POLL.count(3, accusative=True) == "3 ankiety"


def test_a_noun_refuses_an_unknown_gender():
    with pytest.raises(ValueError):
        Noun("x", "x", "x", "female")


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("8", dt.time(8)),
        ("8.00", dt.time(8)),
        ("8:00", dt.time(8)),
        ("08:00", dt.time(8)),
        ("8.30", dt.time(8, 30)),
        ("8:30", dt.time(8, 30)),
        ("16", dt.time(16)),
        (" 7.05 ", dt.time(7, 5)),
        ("07:30:00", dt.time(7, 30)),
    ],
)
def test_times_are_accepted_as_people_write_them(typed, time):
    assert HumanTimeField().clean(typed) == time


@pytest.mark.parametrize("typed", ["25", "8:75", "ósma", "8-30", "8,30,1"])
def test_impossible_times_are_refused_with_an_example(typed):
    with pytest.raises(forms.ValidationError) as error:
        HumanTimeField().clean(typed)
    assert error.value.messages == ["Wpisz godzinę, na przykład 8:00, 8.30 albo 16."]


def test_times_show_without_leading_zero_or_seconds():
    assert time_label(dt.time(7, 30)) == "7:30"
    assert time_label(dt.time(16, 0)) == "16:00"
    assert HumanAdminTimeWidget().format_value(dt.time(8, 0)) == "8:00"


def test_dates_show_their_weekday():
    assert date_with_weekday(dt.date(2026, 12, 14)) == "pon. 14\xa0grudnia\xa02026"
    assert date_with_weekday(dt.date(2026, 12, 20)) == "niedz. 20\xa0grudnia\xa02026"


def test_a_moment_takes_its_time_as_people_write_it_and_shows_it_so():
    field = HumanSplitDateTimeField()
    moment = field.clean(["14.12.2026", "8.30"])
    assert (moment.hour, moment.minute) == (8, 30)
    widget = HumanAdminSplitDateTime()
    assert widget.decompress(dt.datetime(2026, 12, 14, 7, 30))[1] == "7:30"


def test_another_agrees_with_a_man_as_with_a_thing():
    partner = Noun(
        "partner",
        "partnerzy",
        "partnerów",
        MASCULINE,
        accusative="partnera",
        genitive="partnera",
    )
    assert partner.say("Dodaj %(another)s %(noun)s") == "Dodaj kolejnego partnera"
    assert PROJECT.say("Dodaj %(another)s %(noun)s") == "Dodaj kolejny projekt"
    assert POLL.say("Dodaj %(another)s %(noun)s") == "Dodaj kolejną ankietę"
