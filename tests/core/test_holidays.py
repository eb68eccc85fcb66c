"""Poland's public holidays close the centre and the activity sites without anyone typing them."""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils.html import strip_tags

from communities.models import SiteHours
from core import holidays
from tests.centre.factories import add_special_day, make_centre
from tests.communities.factories import make_area, make_site

WARSAW = ZoneInfo("Europe/Warsaw")
pytestmark = pytest.mark.django_db


def warsaw(*args):
    return dt.datetime(*args, tzinfo=WARSAW)


# Every public holiday of 2026–2028, written out (not read from the package,
# so that these tests check the package too), with the day a Monday-to-Friday
# office opens again after it.
HOLIDAYS = [
    # 2026
    (dt.date(2026, 1, 1), "Nowy Rok", dt.date(2026, 1, 2)),
    (dt.date(2026, 1, 6), "Święto Trzech Króli", dt.date(2026, 1, 7)),
    (dt.date(2026, 4, 5), "Niedziela Wielkanocna", dt.date(2026, 4, 7)),
    (dt.date(2026, 4, 6), "Poniedziałek Wielkanocny", dt.date(2026, 4, 7)),
    (dt.date(2026, 5, 1), "Święto Państwowe", dt.date(2026, 5, 4)),
    (dt.date(2026, 5, 3), "Święto Narodowe Trzeciego Maja", dt.date(2026, 5, 4)),
    (dt.date(2026, 5, 24), "Zielone Świątki", dt.date(2026, 5, 25)),
    (dt.date(2026, 6, 4), "Dzień Bożego Ciała", dt.date(2026, 6, 5)),
    (dt.date(2026, 8, 15), "Wniebowzięcie Najświętszej Marii Panny", dt.date(2026, 8, 17)),
    (dt.date(2026, 11, 1), "Uroczystość Wszystkich Świętych", dt.date(2026, 11, 2)),
    (dt.date(2026, 11, 11), "Narodowe Święto Niepodległości", dt.date(2026, 11, 12)),
    (dt.date(2026, 12, 24), "Wigilia Bożego Narodzenia", dt.date(2026, 12, 28)),
    (dt.date(2026, 12, 25), "Boże Narodzenie (pierwszy dzień)", dt.date(2026, 12, 28)),
    (dt.date(2026, 12, 26), "Boże Narodzenie (drugi dzień)", dt.date(2026, 12, 28)),
    # 2027
    (dt.date(2027, 1, 1), "Nowy Rok", dt.date(2027, 1, 4)),
    (dt.date(2027, 1, 6), "Święto Trzech Króli", dt.date(2027, 1, 7)),
    (dt.date(2027, 3, 28), "Niedziela Wielkanocna", dt.date(2027, 3, 30)),
    (dt.date(2027, 3, 29), "Poniedziałek Wielkanocny", dt.date(2027, 3, 30)),
    (dt.date(2027, 5, 1), "Święto Państwowe", dt.date(2027, 5, 4)),
    (dt.date(2027, 5, 3), "Święto Narodowe Trzeciego Maja", dt.date(2027, 5, 4)),
    (dt.date(2027, 5, 16), "Zielone Świątki", dt.date(2027, 5, 17)),
    (dt.date(2027, 5, 27), "Dzień Bożego Ciała", dt.date(2027, 5, 28)),
    (dt.date(2027, 8, 15), "Wniebowzięcie Najświętszej Marii Panny", dt.date(2027, 8, 16)),
    (dt.date(2027, 11, 1), "Uroczystość Wszystkich Świętych", dt.date(2027, 11, 2)),
    (dt.date(2027, 11, 11), "Narodowe Święto Niepodległości", dt.date(2027, 11, 12)),
    (dt.date(2027, 12, 24), "Wigilia Bożego Narodzenia", dt.date(2027, 12, 27)),
    (dt.date(2027, 12, 25), "Boże Narodzenie (pierwszy dzień)", dt.date(2027, 12, 27)),
    (dt.date(2027, 12, 26), "Boże Narodzenie (drugi dzień)", dt.date(2027, 12, 27)),
    # 2028
    (dt.date(2028, 1, 1), "Nowy Rok", dt.date(2028, 1, 3)),
    (dt.date(2028, 1, 6), "Święto Trzech Króli", dt.date(2028, 1, 7)),
    (dt.date(2028, 4, 16), "Niedziela Wielkanocna", dt.date(2028, 4, 18)),
    (dt.date(2028, 4, 17), "Poniedziałek Wielkanocny", dt.date(2028, 4, 18)),
    (dt.date(2028, 5, 1), "Święto Państwowe", dt.date(2028, 5, 2)),
    (dt.date(2028, 5, 3), "Święto Narodowe Trzeciego Maja", dt.date(2028, 5, 4)),
    (dt.date(2028, 6, 4), "Zielone Świątki", dt.date(2028, 6, 5)),
    (dt.date(2028, 6, 15), "Dzień Bożego Ciała", dt.date(2028, 6, 16)),
    (dt.date(2028, 8, 15), "Wniebowzięcie Najświętszej Marii Panny", dt.date(2028, 8, 16)),
    (dt.date(2028, 11, 1), "Uroczystość Wszystkich Świętych", dt.date(2028, 11, 2)),
    (dt.date(2028, 11, 11), "Narodowe Święto Niepodległości", dt.date(2028, 11, 13)),
    (dt.date(2028, 12, 24), "Wigilia Bożego Narodzenia", dt.date(2028, 12, 27)),
    (dt.date(2028, 12, 25), "Boże Narodzenie (pierwszy dzień)", dt.date(2028, 12, 27)),
    (dt.date(2028, 12, 26), "Boże Narodzenie (drugi dzień)", dt.date(2028, 12, 27)),
]

EVERY_DAY = {day: [(dt.time(8), dt.time(16))] for day in range(7)}


def ids(cases):
    return [date.isoformat() for date, *_rest in cases]


def text(html):
    return " ".join(strip_tags(html).split())


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028])
def test_fourteen_public_holidays_a_year_christmas_eve_included(year):
    days = holidays.between(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), "pl")
    assert len(days) == 14
    assert (dt.date(year, 12, 24), "Wigilia Bożego Narodzenia") in days


def test_the_written_out_list_is_the_packages():
    listed = [(date, name) for date, name, _reopens in HOLIDAYS]
    assert listed == holidays.between(dt.date(2026, 1, 1), dt.date(2029, 1, 1), "pl")


@pytest.mark.parametrize(("date", "name", "reopens"), HOLIDAYS, ids=ids(HOLIDAYS))
def test_every_holiday_at_ten_is_closed_for_a_centre_open_every_day(date, name, reopens):
    centre = make_centre(week=EVERY_DAY)
    status = centre.opening_status(now=warsaw(date.year, date.month, date.day, 10, 0))
    assert not status.is_open
    assert status.today.note == name
    assert "Zamknięte — otwarcie" in status.message
    assert not holidays.name(status.opens_at.date())


@pytest.mark.parametrize(("date", "name", "reopens"), HOLIDAYS, ids=ids(HOLIDAYS))
def test_every_holiday_at_ten_is_closed_and_the_next_working_day_open(date, name, reopens):
    centre = make_centre()  # Monday to Friday 8:00–16:00
    status = centre.opening_status(now=warsaw(date.year, date.month, date.day, 10, 0))
    assert not status.is_open
    assert status.opens_at == warsaw(reopens.year, reopens.month, reopens.day, 8, 0)
    after = centre.opening_status(now=warsaw(reopens.year, reopens.month, reopens.day, 10, 0))
    assert after.is_open
    assert after.message == "Otwarte teraz, do 16:00."


def test_sites_are_closed_on_holidays_unless_open_on_holidays():
    area = make_area()
    usual = make_site(area, name="MAL Gutwin")
    club = make_site(area, name="Klub Seniora", open_on_holidays=True)
    independence_day = warsaw(2026, 11, 11, 12, 0)  # a Wednesday; sites open 10:00–18:00
    assert not usual.opening_status(now=independence_day).is_open
    opted_out = club.opening_status(now=independence_day)
    assert opted_out.is_open
    assert opted_out.message == "Otwarte teraz, do 18:00."
    assert not opted_out.today.special
    assert club.closures_ahead(dt.date(2026, 11, 1)) == []


def test_an_editors_changed_hours_on_a_holiday_win_for_the_centre(centre):
    add_special_day(centre, dt.date(2026, 11, 11), dt.time(9), dt.time(12), "Dyżur sekretariatu")
    status = centre.opening_status(now=warsaw(2026, 11, 11, 10, 0))
    assert status.is_open
    assert status.message == "Otwarte teraz, do 12:00."
    assert status.today.note == "Dyżur sekretariatu"


@pytest.mark.parametrize("path", ["/", "/kontakt/"])
def test_pages_list_a_named_holiday_within_fourteen_days_but_not_fifteen(
    client, centre, clock, path
):
    # From Tuesday 22 December 2026, 1 January is 10 days away and 6 January 15.
    clock.now = warsaw(2026, 12, 22, 10, 0)
    html = client.get(path).content.decode()
    assert '<time datetime="2026-12-24">Czwartek, 24 grudnia</time>' in html
    assert "24 grudnia — Wigilia Bożego Narodzenia, nieczynne" in text(html)
    assert "1 stycznia 2027 — Nowy Rok, nieczynne" in text(html)
    assert "Trzech Króli" not in html
    # A Saturday holiday changes nothing for an office closed on Saturdays.
    assert "drugi dzień" not in html
    clock.now = warsaw(2026, 12, 23, 10, 0)
    later = text(client.get(path).content.decode())
    assert "6 stycznia 2027 — Święto Trzech Króli, nieczynne" in later


@pytest.mark.parametrize("path", ["/", "/kontakt/"])
def test_pages_list_changed_hours_with_their_reason(client, centre, clock, path):
    clock.now = warsaw(2027, 1, 1, 10, 0)
    add_special_day(centre, dt.date(2027, 1, 8), dt.time(8), dt.time(12), "Szkolenie pracowników")
    page = text(client.get(path).content.decode())
    assert "Dziś nieczynne (Nowy Rok)" in page
    assert "Środa, 6 stycznia — Święto Trzech Króli, nieczynne" in page
    assert "Piątek, 8 stycznia — Szkolenie pracowników, czynne 8:00–12:00" in page


def test_home_page_lists_nothing_when_the_next_two_weeks_are_usual(client, centre, clock):
    clock.now = warsaw(2026, 11, 23, 10, 0)
    html = client.get("/").content.decode()
    assert "Dni nieczynne i zmienione godziny" not in html


def site_section(html, site):
    return re.search(rf'<article[^>]*id="{site.anchor}".*?</article>', html, re.S).group()


def test_a_sites_section_lists_its_own_closures_ahead(client, centre, clock):
    clock.now = warsaw(2026, 11, 2, 12, 0)
    area = make_area(slug="gutwin")
    usual = make_site(area, name="MAL Gutwin")
    club = make_site(area, name="Klub Seniora", open_on_holidays=True)
    html = client.get("/osl/gutwin/").content.decode()
    assert "11 listopada — Narodowe Święto Niepodległości, nieczynne" in text(
        site_section(html, usual)
    )
    assert "Niepodległości" not in site_section(html, club)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_json_ld_carries_coming_holidays_and_changed_hours(client, centre, clock):
    clock.now = warsaw(2026, 12, 20, 10, 0)  # a Sunday
    add_special_day(centre, dt.date(2026, 12, 23), dt.time(8), dt.time(12), "Krótszy dzień")
    (data,) = json_ld(client.get("/kontakt/").content.decode())
    special = [
        (spec["validFrom"], spec["opens"], spec["closes"])
        for spec in data["specialOpeningHoursSpecification"]
    ]
    assert special == [
        ("2026-12-23", "08:00", "12:00"),
        ("2026-12-24", "00:00", "00:00"),
        ("2026-12-25", "00:00", "00:00"),
        ("2027-01-01", "00:00", "00:00"),
    ]


def test_a_page_open_on_the_eve_of_a_holiday_is_not_served_open_on_the_holiday(
    client, centre, clock
):
    # Tuesday 10 November 2026, the eve of Independence Day.
    clock.now = warsaw(2026, 11, 10, 15, 59, 30)
    assert "Otwarte teraz, do 16:00." in client.get("/").content.decode()
    clock.now = warsaw(2026, 11, 10, 16, 0, 10)
    evening = client.get("/").content.decode()
    assert "Zamknięte — otwarcie w czwartek o 8:00." in evening
    # The last page of the evening lives until midnight, and not a second longer.
    clock.now = warsaw(2026, 11, 10, 23, 59, 0)
    assert "Zamknięte — otwarcie w czwartek o 8:00." in client.get("/").content.decode()
    clock.now = warsaw(2026, 11, 10, 23, 59, 20)
    assert client.get("/")["X-Page-Cache"] == "hit"
    clock.now = warsaw(2026, 11, 11, 0, 0, 5)
    holiday = client.get("/")
    assert "X-Page-Cache" not in holiday
    assert "Dziś nieczynne (Narodowe Święto Niepodległości)" in text(holiday.content.decode())
    clock.now = warsaw(2026, 11, 11, 8, 0, 10)
    morning = client.get("/").content.decode()
    assert "Otwarte" not in morning
    assert "Zamknięte — otwarcie jutro o 8:00." in morning


def test_a_site_that_opens_every_evening_is_not_served_open_on_a_holiday_morning(client, clock):
    make_centre()
    area = make_area(slug="gutwin")
    site = make_site(area, hours=False)
    for day in range(7):
        SiteHours.objects.create(site=site, weekday=day, opens=dt.time(6), closes=dt.time(23, 59))
    clock.now = warsaw(2027, 12, 23, 23, 58, 0)
    assert "Otwarte teraz, do 23:59." in client.get("/osl/gutwin/").content.decode()
    clock.now = warsaw(2027, 12, 24, 7, 0)
    html = client.get("/osl/gutwin/").content.decode()
    assert "Otwarte" not in html
    assert "Dziś nieczynne (Wigilia Bożego Narodzenia)" in text(html)


def test_a_reason_that_already_says_closed_is_not_followed_by_a_second_closed(
    client, centre, clock
):
    clock.now = warsaw(2026, 11, 23, 10, 0)
    add_special_day(centre, dt.date(2026, 11, 27), reason="Inwentaryzacja — nieczynne")
    page = text(client.get("/kontakt/").content.decode())
    assert "Piątek, 27 listopada — Inwentaryzacja — nieczynne" in page
    assert "nieczynne, nieczynne" not in page
