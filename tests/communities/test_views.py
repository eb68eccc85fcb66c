import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.models import SiteSpecialDay
from communities.sitemaps import AreaSitemap, EventSitemap
from tests.communities.factories import make_area, make_event, make_full_area, make_site

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def frozen_now(monkeypatch):
    """Sets what timezone.now() returns for views and querysets."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


def test_list_explains_osl_and_shows_areas_with_their_sites(client):
    area = make_area(name="Osiedle Fabryczne", summary="Bloki przy Podleśnej.")
    site = make_site(area, name="Klub Wesoła Gromadka", street_address="ul. Podleśna 2")
    make_area(name="Szkic", published=False)
    html = client.get("/osl/").content.decode()
    assert "Organizowanie Społeczności Lokalnej (OSL) to" in html
    assert "Osiedle Fabryczne" in html
    assert "Klub Wesoła Gromadka" in html
    assert "ul. Podleśna 2, 37-450 Stalowa Wola" in html
    assert site.map_url.replace("&", "&amp;") in html
    assert "Szkic" not in html


def test_area_page_shows_sites_hours_status_organisers_initiatives_specialists_and_events(
    client, frozen_now
):
    # A Wednesday at 12:00 in Warsaw: the factory site (Mon–Fri 10–18) is open.
    frozen_now(dt.datetime(2026, 5, 13, 12, 0, tzinfo=WARSAW))
    area = make_full_area(name="Osiedle Gutwin", slug="gutwin", since_year=2019)
    site = area.sites.get()
    SiteSpecialDay.objects.create(site=site, date=dt.date(2026, 5, 20), reason="Wyjazd")
    html = client.get("/osl/gutwin/").content.decode()
    assert "<h1>Osiedle Gutwin" in html
    assert f'id="mal-{site.pk}"' in html
    assert "Otwarte teraz, do 18:00." in html
    assert "10:00–18:00" in html
    assert "Wyjazd" in html
    assert "Wejście bez schodów lub z podjazdem: nie" in html
    assert 'href="tel:+48150003001"' in html
    assert "Ewa Testowa" in html
    assert "Klub" in html
    assert "Psycholog" in html
    assert "2019 roku" in html
    assert area.events.get().title in html


def test_area_page_omits_draft_and_past_events(client):
    area = make_area(slug="gutwin")
    make_event(area, title="Szkic spotkania", published=False)
    make_event(area, title="Dawny festyn", starts_at=timezone.now() - dt.timedelta(days=9))
    html = client.get("/osl/gutwin/").content.decode()
    assert "Szkic spotkania" not in html
    assert "Dawny festyn" not in html


def test_draft_area_is_404_for_anonymous_but_visible_to_staff(client, admin_client):
    make_area(slug="szkic", published=False)
    assert client.get("/osl/szkic/").status_code == 404
    response = admin_client.get("/osl/szkic/")
    assert response.status_code == 200
    assert "Wersja robocza" in response.content.decode()


def test_draft_event_is_404_for_anonymous_but_visible_to_staff(client, admin_client):
    area = make_area()
    make_event(area, slug="szkic", published=False)
    assert client.get("/osl/wydarzenia/szkic/").status_code == 404
    assert client.get("/osl/wydarzenia/szkic.ics").status_code == 404
    assert admin_client.get("/osl/wydarzenia/szkic/").status_code == 200


def test_event_of_draft_area_is_404(client):
    area = make_area(published=False)
    make_event(area, slug="ukryte")
    assert client.get("/osl/wydarzenia/ukryte/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/osl/nie-ma/", "/osl/wydarzenia/nie-ma/", "/osl/wydarzenia/?page=abc"]
)
def test_unknown_pages_are_404(client, path):
    assert client.get(path).status_code == 404


def test_event_page_shows_time_in_warsaw_and_links_to_calendar(client):
    area = make_area(name="Osiedle Częstocice")
    site = make_site(area, name="MAL Częstocice")
    start = dt.datetime(2026, 7, 1, 15, 0, tzinfo=dt.UTC)  # 17:00 in Warsaw (CEST)
    event = make_event(area, starts_at=start + dt.timedelta(days=3650), site=site, slug="festyn")
    html = client.get("/osl/wydarzenia/festyn/").content.decode()
    assert "17:00" in html and "19:00" in html
    assert 'href="/osl/wydarzenia/festyn.ics"' in html
    assert "MAL Częstocice" in html
    assert event.area.name in html


def test_past_event_page_says_it_has_happened(client):
    area = make_area()
    make_event(area, slug="dawne", starts_at=timezone.now() - dt.timedelta(days=2))
    html = client.get("/osl/wydarzenia/dawne/").content.decode()
    assert "To wydarzenie już się odbyło." in html


def test_events_are_listed_by_start_and_split_at_now_across_the_spring_clock_change(
    client, frozen_now
):
    # 29 March 2026, 03:30 CEST: the clocks went forward at 02:00 CET (01:00 UTC).
    now = frozen_now(dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC))
    area = make_area()
    ended = make_event(
        area, title="Nocny marsz", starts_at=dt.datetime(2026, 3, 28, 23, 0, tzinfo=WARSAW)
    )  # 22:00–00:00 UTC, over before now
    ongoing = make_event(
        area,
        title="Trwa teraz",
        starts_at=dt.datetime(2026, 3, 29, 3, 0, tzinfo=WARSAW),
        hours=1,
    )  # 01:00–02:00 UTC, so under way at 01:30 UTC
    later = make_event(
        area, title="Po południu", starts_at=dt.datetime(2026, 3, 29, 15, 0, tzinfo=WARSAW)
    )
    tomorrow = make_event(
        area, title="Jutro", starts_at=dt.datetime(2026, 3, 30, 9, 0, tzinfo=WARSAW)
    )
    assert ended.ends_at < now <= ongoing.ends_at

    upcoming = list(client.get("/osl/wydarzenia/").context["events"])
    assert upcoming == [ongoing, later, tomorrow]
    archive = list(client.get("/osl/wydarzenia/archiwum/").context["events"])
    assert archive == [ended]


def test_event_entered_in_another_time_zone_is_sorted_and_dated_in_warsaw(client, frozen_now):
    frozen_now(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC))
    area = make_area()
    # 19:30 in New York on 28 March is 00:30 on 29 March in Warsaw.
    from_new_york = make_event(
        area, title="Z Nowego Jorku", starts_at=dt.datetime(2026, 3, 28, 19, 30, tzinfo=NEW_YORK)
    )
    late_evening = make_event(
        area, title="Wieczór", starts_at=dt.datetime(2026, 3, 28, 23, 0, tzinfo=WARSAW)
    )
    response = client.get("/osl/wydarzenia/")
    assert list(response.context["events"]) == [late_evening, from_new_york]
    html = response.content.decode()
    assert html.index('id="dzien-2026-03-28"') < html.index("Wieczór")
    assert html.index('id="dzien-2026-03-29"') < html.index("Z Nowego Jorku")
    assert html.index("Wieczór") < html.index('id="dzien-2026-03-29"')
    # Two hours after 0:30 CET is 3:30 CEST: the clocks go forward that night.
    assert (
        'Niedziela, 29 marca 2026, 0:30</time>–<time datetime="2026-03-29T03:30:00+02:00">3:30'
        in html
    )


def test_archive_lists_latest_first(client, frozen_now):
    now = frozen_now(dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC))
    area = make_area()
    older = make_event(area, starts_at=now - dt.timedelta(days=20))
    newer = make_event(area, starts_at=now - dt.timedelta(days=2))
    assert list(client.get("/osl/wydarzenia/archiwum/").context["events"]) == [newer, older]


def test_map_is_absent_without_a_tile_server_and_the_page_still_lists_addresses(client):
    make_site(make_area(), street_address="ul. Podleśna 2")
    html = client.get("/osl/").content.decode()
    assert "leaflet" not in html
    assert 'id="mapa-mal"' not in html
    assert "ul. Podleśna 2" in html
    assert "openstreetmap.org" in html


@override_settings(MAP_TILE_URL="/kafelki/{z}/{x}/{y}.png")
def test_map_loads_vendored_leaflet_with_site_data_when_a_tile_server_is_set(client):
    site = make_site(make_area(slug="gutwin"), name="MAL Gutwin")
    for path in ["/osl/", "/osl/gutwin/"]:
        response = client.get(path)
        html = response.content.decode()
        assert "/static/vendor/leaflet/leaflet.js" in html
        assert "/static/vendor/leaflet/leaflet.css" in html
        assert 'id="mapa-mal"' in html and "hidden" in html
        assert response.context["map_data"]["sites"] == [
            {
                "name": "MAL Gutwin",
                "address": site.postal_address,
                "lat": 50.5719,
                "lng": 22.0451,
                "url": site.get_absolute_url(),
            }
        ]
        assert response.context["map_data"]["tiles"] == "/kafelki/{z}/{x}/{y}.png"


def test_home_section_lists_areas_and_next_events(client, centre):
    area = make_area(name="Osiedle Fabryczne")
    make_event(area, title="Festyn sąsiedzki")
    make_area(name="Szkic obszaru", published=False)
    html = client.get("/").content.decode()
    assert 'aria-labelledby="home-osl"' in html
    assert "Osiedle Fabryczne" in html
    assert "Festyn sąsiedzki" in html
    assert "Szkic obszaru" not in html


def _populate(count):
    for _ in range(count):
        area = make_full_area()
        make_event(area, starts_at=timezone.now() - dt.timedelta(days=7))
    return count


@pytest.mark.parametrize("count", [3, 100])
def test_list_page_query_count_does_not_grow_with_areas(
    client, centre, django_assert_num_queries, count
):
    _populate(count)
    # centre + phones + hours + special days; the urgent-news banner; the next publication
    # change of areas and of events; area count, a page of areas, sites, site hours, site
    # special days; next events; street lookup.
    with django_assert_num_queries(14):
        response = client.get("/osl/", {"ulica": "Podlesna", "numer": "1"})
    assert len(response.context["areas"]) == min(count, 20)
    assert response.context["paginator"].count == count


@pytest.mark.parametrize("count", [3, 100])
def test_area_page_query_count_does_not_grow_with_content(
    client, centre, django_assert_num_queries, count
):
    area = make_full_area(slug="duzy")
    for _ in range(count):
        site = make_site(area)
        make_event(area, site=site)
    # centre (4); the banner; area; streets, organisers, sites, hours, special days,
    # initiatives, specialists, events, documents; the next publication change of its events.
    with django_assert_num_queries(16):
        response = client.get("/osl/duzy/")
    assert len(response.context["area"].upcoming_events) == count + 1


@pytest.mark.parametrize("count", [3, 100])
def test_events_pages_and_feed_query_count_does_not_grow(
    client, centre, django_assert_num_queries, count
):
    _populate(count)
    # centre (4); the banner; the next publication change; count and page of events for
    # the list; the next change and the events for the feed.
    with django_assert_num_queries(8):
        client.get("/osl/wydarzenia/")
    with django_assert_num_queries(8):
        client.get("/osl/wydarzenia/archiwum/")
    with django_assert_num_queries(2):
        client.get("/osl/wydarzenia.ics")


def test_event_page_describes_the_event_as_schema_org_json_ld(client):
    area = make_area()
    site = make_site(area, name="MAL Gutwin")
    start = dt.datetime(2099, 1, 10, 17, 0, tzinfo=WARSAW)
    make_event(area, slug="festyn", title="Festyn </script>", starts_at=start, site=site)
    html = client.get("/osl/wydarzenia/festyn/").content.decode()
    assert "Festyn </script>" not in html.split('type="application/ld+json">')[1]
    raw = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == "Festyn </script>"
    assert data["startDate"] == "2099-01-10T17:00:00+01:00"
    assert data["location"]["name"] == "MAL Gutwin"


def test_sitemaps_list_published_areas_and_upcoming_events():
    area = make_area()
    make_area(published=False)
    event = make_event(area)
    make_event(area, starts_at=timezone.now() - dt.timedelta(days=3))
    assert list(AreaSitemap().items()) == [area]
    assert list(EventSitemap().items()) == [event]


@pytest.mark.parametrize("count", [3, 100])
def test_home_page_section_adds_no_queries_per_area(client, centre, count):
    with CaptureQueriesContext(connection) as empty:
        client.get("/")
    _populate(count)
    with CaptureQueriesContext(connection) as full:
        response = client.get("/")
    # A few areas by name, then a link to all of them on /osl/.
    assert response.content.decode().count('href="/osl/osiedle-') == min(count, 8)
    assert ("Wszystkie obszary" in response.content.decode()) is (count > 8)
    assert len(full) == len(empty)


def test_area_list_pages_keep_the_address_lookup(client, centre):
    _populate(25)
    first = client.get("/osl/", {"ulica": "Podlesna"})
    assert len(first.context["areas"]) == 20
    assert 'href="?ulica=Podlesna&amp;page=2"' in first.content.decode()
    second = client.get("/osl/", {"ulica": "Podlesna", "page": 2})
    assert len(second.context["areas"]) == 5
    assert client.get("/osl/", {"page": 9}).status_code == 404
