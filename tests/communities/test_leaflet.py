"""The printable leaflet of a community area: its content, publication rule, QR code and caching."""

import datetime as dt
import re

import pytest
import segno
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.models import Organiser, SiteSpecialDay
from core.qr import qr_svg
from tests.communities.factories import make_area, make_event, make_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(centre):
    area = make_area(name="Osiedle Fabryczne", slug="osiedle-fabryczne")
    site = make_site(
        area, name="Klub Sąsiedzki", street_address="ul. Podleśna 2", phone="15 000 30 10"
    )
    SiteSpecialDay.objects.create(
        site=site, date=timezone.localdate() + dt.timedelta(days=5), reason="Wyjazd integracyjny"
    )
    organiser = Organiser.objects.create(name="Ewa Sowińska", phone="15 000 30 01")
    area.organisers.add(organiser)
    start = timezone.now() + dt.timedelta(days=1)
    for n in range(5):
        make_event(
            area, starts_at=start + dt.timedelta(days=n), site=site, title=f"Spotkanie nr {n}"
        )
    return area


def svg_of(html):
    return re.search(r"<svg .*?</svg>", html, re.S).group(0)


def test_area_leaflet_shows_sites_hours_closures_organisers_and_the_next_three_events(
    client, area, centre
):
    html = client.get("/osl/osiedle-fabryczne/ulotka/").content.decode()

    assert centre.name in html
    assert centre.phones.first().number in html
    assert "Klub Sąsiedzki" in html
    assert "ul. Podleśna 2" in html
    assert "10:00–18:00" in html
    assert "Wyjazd integracyjny" in html
    assert "Ewa Sowińska" in html
    assert "15 000 30 01" in html
    assert [n for n in range(5) if f"Spotkanie nr {n}" in html] == [0, 1, 2]


def test_area_page_links_to_its_leaflet(client, area):
    html = client.get(area.get_absolute_url()).content.decode()
    assert 'href="/osl/osiedle-fabryczne/ulotka/">Ulotka do druku</a>' in html


def test_draft_area_leaflet_is_404_for_anonymous_but_visible_to_staff(client, admin_client, centre):
    make_area(slug="szkic", published=False)

    assert client.get("/osl/szkic/ulotka/").status_code == 404
    response = admin_client.get("/osl/szkic/ulotka/")
    assert response.status_code == 200
    assert "Wersja robocza" in response.content.decode()


def test_leaflet_qr_code_encodes_the_area_page_on_the_configured_site_url(client, area, settings):
    settings.SITE_URL = "https://ops.example.pl"
    html = client.get("/osl/osiedle-fabryczne/ulotka/").content.decode()
    url = "https://ops.example.pl/osl/osiedle-fabryczne/"

    label = f"Kod QR prowadzący do strony {url}"
    assert svg_of(html) == qr_svg(url, label)
    assert f'role="img" aria-label="{label}"' in svg_of(html)
    assert url in html.replace(svg_of(html), "")


def test_leaflet_qr_code_defaults_to_the_request_origin(client, area, settings):
    settings.SITE_URL = ""
    html = client.get("/osl/osiedle-fabryczne/ulotka/").content.decode()
    expected = segno.make("http://testserver/osl/osiedle-fabryczne/", error="m", micro=False)
    assert (
        'aria-label="Kod QR prowadzący do strony http://testserver/osl/osiedle-fabryczne/"' in html
    )
    assert expected.svg_inline(scale=1, omitsize=True, lineclass=None).split(">", 1)[1] in html


def test_page_cache_serves_the_leaflet_and_an_edit_of_the_area_changes_it_at_once(client, area):
    path = "/osl/osiedle-fabryczne/ulotka/"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(path)
    assert len(queries) == 0
    assert "Osiedle Fabryczne" in cached.content.decode()

    area.name = "Osiedle Hutnicze"
    area.save()

    assert "Osiedle Hutnicze" in client.get(path).content.decode()
