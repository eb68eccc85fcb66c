"""The centre and the activity sites are one kind of place: one check, one map link, one address."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from centre.models import Centre, CentrePhone
from communities.models import ActivitySite, Organiser, SiteSpecialDay
from core.places import tel_href
from tests.centre.factories import make_centre
from tests.communities.factories import make_area, make_site
from tests.opsportal.test_views import json_ld
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

LATITUDE, LONGITUDE = Decimal("50.571900"), Decimal("22.045100")


def new_site(**fields):
    return make_site(make_area(), **fields)


def coordinates_check(model):
    (check,) = [c for c in model._meta.constraints if c.name.endswith("_coordinates_range")]
    return check


def test_centre_and_site_check_their_coordinates_with_one_named_constraint():
    centre_check, site_check = coordinates_check(Centre), coordinates_check(ActivitySite)
    assert centre_check.condition == site_check.condition
    assert centre_check.name == "centre_centre_coordinates_range"
    assert site_check.name == "communities_activitysite_coordinates_range"


@pytest.mark.parametrize("make_place", [make_centre, new_site])
@pytest.mark.parametrize(
    ("latitude", "longitude"), [(LATITUDE, None), (None, LONGITUDE), (Decimal("91"), LONGITUDE)]
)
def test_the_database_refuses_half_a_pair_or_a_coordinate_out_of_range(
    make_place, latitude, longitude
):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_place(latitude=latitude, longitude=longitude)


@pytest.mark.parametrize("make_place", [make_centre, new_site])
def test_full_clean_explains_the_pair_in_polish(make_place):
    place = make_place(latitude=LATITUDE, longitude=LONGITUDE)
    place.longitude = None
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "Podaj obie współrzędne" in " ".join(error.value.messages)


def test_centre_and_site_at_one_spot_have_one_map_link():
    expected = (
        "https://www.openstreetmap.org/?mlat=50.571900&mlon=22.045100#map=18/50.571900/22.045100"
    )
    assert make_centre(latitude=LATITUDE, longitude=LONGITUDE).map_url == expected
    assert new_site(latitude=LATITUDE, longitude=LONGITUDE).map_url == expected


@pytest.mark.parametrize("make_place", [make_centre, new_site])
def test_a_place_without_coordinates_has_no_map_link(make_place):
    place = make_place(latitude=None, longitude=None)
    assert not place.has_coordinates
    assert place.map_url == ""


def test_postal_address_leaves_out_an_empty_postal_code():
    assert make_centre().postal_address == "ul. Przykładowa 1, 00-001 Testów"
    assert new_site(postal_code="").postal_address == "ul. Podleśna 2, Stalowa Wola"


def test_a_site_may_leave_its_postal_code_empty_but_the_centre_may_not():
    new_site(postal_code="").full_clean()
    place = make_centre()
    place.postal_code = ""
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "postal_code" in error.value.message_dict


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("(22) 724 97 92", "tel:+48227249792"),
        ("15 000 30 01", "tel:+48150003001"),
        ("+49 30 1234567", "tel:+49301234567"),
        ("", ""),
    ],
)
def test_tel_href_dials_polish_numbers_with_the_country_code(number, href):
    assert tel_href(number) == href


def test_every_phone_link_is_dialled_the_same_way():
    number, href = "15 000 30 01", "tel:+48150003001"
    assert CentrePhone(number=number).href == href
    assert new_site(phone=number).phone_href == href
    assert Organiser(name="Ewa", phone=number).phone_href == href
    assert make_project(contact_phone=number).contact_phone_href == href


def test_no_phone_number_gives_no_link():
    assert new_site(phone="").phone_href == ""
    assert Organiser(name="Ewa").phone_href == ""
    assert make_project(contact_phone="").contact_phone_href == ""


def test_contact_and_area_pages_give_the_same_postal_address_in_json_ld(client):
    make_centre(street_address="ul. Podleśna 2", postal_code="37-450", city="Stalowa Wola")
    make_site(make_area(slug="gutwin"), street_address="ul. Podleśna 2", postal_code="37-450")
    address = {
        "@type": "PostalAddress",
        "streetAddress": "ul. Podleśna 2",
        "postalCode": "37-450",
        "addressLocality": "Stalowa Wola",
        "addressCountry": "PL",
    }
    (office,) = json_ld(client.get("/kontakt/").content.decode())
    assert office["address"] == address
    (sites, _breadcrumbs) = json_ld(client.get("/osl/gutwin/").content.decode())
    (place,) = sites["@graph"]
    assert place["@type"] == "Place"
    assert place["address"] == address
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 50.5719, "longitude": 22.0451}


def test_area_page_json_ld_gives_each_sites_hours_and_closures_like_the_centres(client, clock):
    clock.now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)  # no holiday in two weeks ahead
    area = make_area(slug="gutwin")
    place = make_site(area, postal_code="", latitude=None, longitude=None, phone="15 000 30 01")
    closed = timezone.localdate() + dt.timedelta(days=3)
    SiteSpecialDay.objects.create(site=place, date=closed, reason="Wyjazd")
    (sites, _breadcrumbs) = json_ld(client.get("/osl/gutwin/").content.decode())
    (data,) = sites["@graph"]
    assert data["url"] == f"http://testserver/osl/gutwin/#mal-{place.pk}"
    assert data["telephone"] == "15 000 30 01"
    assert "postalCode" not in data["address"]
    assert "geo" not in data
    assert data["openingHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "10:00",
        "closes": "18:00",
    }
    assert len(data["openingHoursSpecification"]) == 5
    assert data["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": closed.isoformat(),
            "validThrough": closed.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
    ]
