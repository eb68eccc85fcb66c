import pytest

from tests.factories import add_special_day, make_centre

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_centre():
    import datetime as dt

    from django.utils import timezone

    centre = make_centre()
    add_special_day(
        centre, timezone.localdate() + dt.timedelta(days=3), reason="Szkolenie — nieczynne"
    )
    return centre


@pytest.mark.parametrize("path", ["/", "/kontakt/", "/polityka-prywatnosci/", "/nie-ma-takiej/"])
def test_site_pages_have_no_axe_violations(live_server, page, axe, demo_centre, path):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "pl"
    assert axe(page) == []


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(live_server, page, demo_centre):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Przejdź do treści"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"


def test_home_fits_a_320px_screen_without_horizontal_scrolling(live_server, chromium, demo_centre):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    for path in ["/", "/kontakt/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()
