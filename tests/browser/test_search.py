"""The header search in Chromium: keyboard only, one click to the page, axe on the results."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_header_search_by_keyboard_then_one_click_opens_the_project(live_server, page, demo):
    page.goto(live_server.url + "/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "szukaj-naglowek":
            break
    else:
        pytest.fail("the header search field is not reachable with Tab")
    page.keyboard.type("dlugu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=dlugu")
    assert page.locator("h1").inner_text() == "Szukaj w serwisie"
    assert page.locator(".search-results mark").first.inner_text() == "długu"

    page.locator(".search-results a").first.click()
    page.wait_for_url("**/projekty/mieszkanie-bez-dlugu/")
    assert page.locator("h1").inner_text() == "Mieszkanie bez długu"


@pytest.mark.parametrize(
    ("query", "first_page", "heading"),
    [
        ("bezdomnych", "/pomoc/schronienie/", "Schronienie dla osoby bezdomnej"),
        ("zasilek okresowy", "/pomoc/zasilek-okresowy/", "Zasiłek okresowy"),
        ("dom pomocy spolecznej", "/pomoc/dom-pomocy-spolecznej/", "Dom pomocy społecznej"),
    ],
)
def test_example_queries_reach_their_page_in_one_click(
    live_server, page, demo, query, first_page, heading
):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Szukaj w serwisie").fill(query)
    page.get_by_role("button", name="Szukaj", exact=True).first.click()
    page.locator(".search-results a").first.click()
    page.wait_for_url(f"**{first_page}")
    assert page.locator("h1").inner_text().startswith(heading)


@pytest.mark.parametrize("query", ["dlugu", "Gutwin", "zzzyzx", "", "a"])
def test_search_pages_have_no_axe_violations(live_server, page, axe, demo, query):
    page.goto(f"{live_server.url}/szukaj/?q={query}")
    assert page.locator("h1").count() == 1
    assert axe(page) == []


def test_search_page_fits_a_320_pixel_screen(live_server, chromium, demo):
    context = chromium.new_context(viewport={"width": 320, "height": 700}, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/szukaj/?q=Gutwin")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0
