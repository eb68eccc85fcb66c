import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

SITE_PAGES = [
    "/",
    "/kontakt/",
    "/deklaracja-dostepnosci/",
    "/informacje/",
    "/polityka-prywatnosci/",
    "/nie-ma-takiej-strony/",
]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_have_no_axe_violations(live_server, page, axe, demo, path):
    page.goto(live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "pl"
    assert axe(page) == []


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(live_server, page, demo):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Przejdź do treści"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tresc"


@pytest.mark.parametrize("path", ["/", "/kontakt/", "/deklaracja-dostepnosci/"])
def test_pages_fit_a_320px_screen_without_horizontal_scrolling(live_server, chromium, demo, path):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0


def test_pages_stay_usable_at_200_percent_zoom(live_server, chromium, demo):
    # 200 % zoom of a 1280 px window lays the page out like a 640 px one
    # with every CSS pixel twice as large.
    context = chromium.new_context(
        viewport={"width": 640, "height": 400}, device_scale_factor=2, locale="pl-PL"
    )
    page = context.new_page()
    page.goto(live_server.url + "/kontakt/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert page.get_by_role("link", name="Kontakt").first.is_visible()
    context.close()


def test_reader_options_work_without_javascript(live_server, chromium, demo, axe):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/kontakt/")
    base_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("link", name="Większy tekst").click()
    assert page.url == live_server.url + "/kontakt/"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > base_size
    page.get_by_role("link", name="Wysoki kontrast").click()
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("class") == "text-large contrast-high"
    context.close()


def test_high_contrast_theme_has_no_axe_violations(live_server, page, demo, axe):
    page.goto(live_server.url + "/czytelnosc/?kontrast=wysoki&tekst=duzy&next=/kontakt/")
    assert page.locator("html").get_attribute("class") == "text-large contrast-high"
    assert axe(page) == []
