import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from centre.models import Unit
from tests.aid.factories import make_unit

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def at(monkeypatch):
    def freeze(*args):
        moment = dt.datetime(*args, tzinfo=WARSAW)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def units(centre):
    crisis = make_unit(
        "punkt-interwencji",
        name="Punkt Interwencji Kryzysowej",
        street_address="ul. Spokojna 7",
        week={5: [(dt.time(9), dt.time(13))]},
        order=1,
    )
    benefits = make_unit("dzial-swiadczen", name="Dział Świadczeń", order=0)
    return benefits, crisis


def test_contact_lists_units_under_the_centre_with_address_phones_and_hours(client, units, at):
    at(2026, 12, 5, 10, 0)  # Saturday
    html = client.get("/kontakt/").content.decode()
    assert html.index("Placówki ośrodka") > html.index("Godziny pracy")
    assert html.index("Dział Świadczeń") < html.index("Punkt Interwencji Kryzysowej")
    section = html[html.index('id="placowka-punkt-interwencji"') :]
    assert "ul. Spokojna 7" in section
    assert 'href="tel:+48220000002"' in section
    assert "Otwarte teraz, do 13:00." in section
    assert '<th scope="row">Sobota</th><td>9:00–13:00</td>' in section
    benefits = html[html.index('id="placowka-dzial-swiadczen"') :]
    assert "Zamknięte — otwarcie w poniedziałek o 8:00." in benefits


def test_units_are_government_offices_with_the_centre_as_parent(client, units):
    html = client.get("/kontakt/").content.decode()
    graph = next(block for block in json_ld(html) if "@graph" in block)["@graph"]
    names = [office["name"] for office in graph]
    assert names == ["Dział Świadczeń", "Punkt Interwencji Kryzysowej"]
    for office in graph:
        assert office["@type"] == "GovernmentOffice"
        assert office["parentOrganization"]["@type"] == "GovernmentOffice"
        assert office["parentOrganization"]["name"].startswith("Miejski Ośrodek")
    assert graph[1]["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Saturday"


def test_units_are_closed_on_public_holidays(units, at):
    at(2026, 12, 25, 10, 0)  # Christmas Day, a Friday
    benefits = Unit.objects.get(slug="dzial-swiadczen")
    assert not benefits.opening_status().is_open


def test_unit_links_to_its_place_on_the_contact_page(units):
    assert units[0].get_absolute_url() == "/kontakt/#placowka-dzial-swiadczen"


def test_unit_admin_pages_open(admin_client, units):
    assert admin_client.get("/admin/centre/unit/").status_code == 200
    response = admin_client.get(f"/admin/centre/unit/{units[0].pk}/change/")
    assert response.status_code == 200
    assert "Godziny otwarcia placówki" in response.content.decode()
