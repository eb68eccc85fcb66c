"""A cached page that says "open now" or "closed" lives until that answer changes, not longer."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.communities.factories import make_area, make_site

WARSAW = ZoneInfo("Europe/Warsaw")
pytestmark = pytest.mark.django_db


def warsaw(*args):
    return dt.datetime(*args, tzinfo=WARSAW)


@pytest.mark.parametrize("path", ["/", "/kontakt/"])
def test_a_closed_page_is_not_served_past_opening_time(client, centre, clock, path):
    clock.now = warsaw(2026, 11, 23, 7, 59, 30)  # Monday; the centre opens at 8:00
    assert "Zamknięte — otwarcie dziś o 8:00." in client.get(path).content.decode()
    clock.now += dt.timedelta(seconds=20)
    assert client.get(path)["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=20)
    assert "Otwarte teraz, do 16:00." in client.get(path).content.decode()


def test_todays_hours_are_not_served_past_midnight(client, centre, clock):
    clock.now = warsaw(2026, 11, 23, 23, 59, 30)
    assert "Zamknięte — otwarcie jutro o 8:00." in client.get("/kontakt/").content.decode()
    clock.now += dt.timedelta(seconds=20)
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=20)
    assert "Zamknięte — otwarcie dziś o 8:00." in client.get("/kontakt/").content.decode()


def test_an_area_page_is_not_served_past_its_sites_closing_time(client, centre, clock):
    area = make_area(slug="gutwin")
    make_site(area)  # Monday to Friday 10:00–18:00
    clock.now = warsaw(2026, 11, 23, 17, 59, 30)
    assert "Otwarte teraz, do 18:00." in client.get("/osl/gutwin/").content.decode()
    clock.now += dt.timedelta(seconds=20)
    assert client.get("/osl/gutwin/")["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=20)
    html = client.get("/osl/gutwin/").content.decode()
    assert "Zamknięte — otwarcie jutro o 10:00." in html
    assert "Otwarte teraz" not in html
