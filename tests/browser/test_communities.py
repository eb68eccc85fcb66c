import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from communities.models import SiteSpecialDay
from tests.centre.factories import make_centre
from tests.communities.factories import make_area, make_event, make_full_area, make_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def areas():
    make_centre()
    fabryczne = make_area(
        name="Osiedle Fabryczne",
        slug="osiedle-fabryczne",
        summary="Bloki przy ul. 1-go Sierpnia 22 i ul. Podleśnej 2.",
        streets=[("1-go Sierpnia", 22, 22, "all"), ("Podleśna", 2, 2, "all")],
    )
    site = make_site(fabryczne, name="Klub „Wesoła Gromadka”", phone="15 000 30 10")
    SiteSpecialDay.objects.create(
        site=site, date=timezone.localdate() + dt.timedelta(days=5), reason="Wyjazd"
    )
    make_event(fabryczne, title="Festyn sąsiedzki", site=site, slug="festyn")
    make_event(fabryczne, title="Dzień Dziecka", starts_at=timezone.now() - dt.timedelta(days=20))
    gutwin = make_full_area(
        name="Osiedle Gutwin",
        slug="gutwin",
        city="Ostrowiec Świętokrzyski",
        streets=["Żeromskiego"],
    )
    return fabryczne, gutwin


def _tab_to(page, selector, limit=40):
    """Press Tab until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/osl/",
        "/osl/osiedle-fabryczne/",
        "/osl/gutwin/",
        "/osl/wydarzenia/",
        "/osl/wydarzenia/archiwum/",
        "/osl/wydarzenia/festyn/",
        "/osl/?ulica=Podlesna&numer=5",
        "/osl/?ulica=&numer=x",
    ],
)
def test_osl_pages_have_no_axe_violations(live_server, page, axe, areas, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe(page) == []


def test_street_lookup_works_by_keyboard_and_leads_to_the_area(live_server, page, areas):
    page.goto(live_server.url + "/osl/")
    _tab_to(page, "#id_ulica")
    page.keyboard.type("podlesna")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_numer"
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    page.wait_for_url("**/osl/?ulica=podlesna&numer=2*")
    result = page.locator("#wynik-adresu")
    assert "Adres ul. Podleśna 2 należy do obszaru:" in result.inner_text()
    assert result.get_by_role("link").all_inner_texts() == ["Osiedle Fabryczne"]
    _tab_to(page, "#wynik-adresu a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/osl/osiedle-fabryczne/")
    assert page.locator("h1").inner_text().startswith("Osiedle Fabryczne")


def test_street_lookup_says_clearly_when_an_address_is_outside_every_area(live_server, page, areas):
    page.goto(live_server.url + "/osl/")
    page.get_by_label("Ulica").fill("Nieznana")
    page.get_by_role("button", name="Sprawdź adres").click()
    assert "nie należy do żadnego obszaru OSL" in page.locator("#wynik-adresu").inner_text()


def test_osl_pages_fit_a_320px_screen(live_server, chromium, areas):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    for path in ["/osl/", "/osl/osiedle-fabryczne/", "/osl/gutwin/", "/osl/wydarzenia/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()


def test_pages_work_without_javascript(live_server, chromium, areas):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/osl/?ulica=Podle%C5%9Bna&numer=2")
    assert "Osiedle Fabryczne" in page.locator("#wynik-adresu").inner_text()
    page.goto(live_server.url + "/osl/osiedle-fabryczne/")
    assert page.get_by_role("link", name="Klub „Wesoła Gromadka” na mapie OpenStreetMap").count()
    context.close()


def test_map_shows_the_sites_with_vendored_leaflet_when_tiles_are_configured(
    live_server, page, axe, areas
):
    requests, console = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text))
    with override_settings(MAP_TILE_URL=live_server.url + "/static/img/favicon.svg?{z}{x}{y}"):
        page.goto(live_server.url + "/osl/")
        page.wait_for_selector("#mapa-mal .leaflet-marker-icon")
        assert page.locator("#mapa-mal").is_visible()
        assert page.locator("#mapa-mal .leaflet-marker-icon").count() == 2
        assert axe(page, "#mapa-mal") == []
    assert all(url.startswith(live_server.url) for url in requests)
    assert [text for text in console if "Content Security Policy" in text] == []
