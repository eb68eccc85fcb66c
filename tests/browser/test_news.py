"""News and the urgent banner in Chromium: high contrast, 320 px, keyboard, no JavaScript."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.news.factories import make_news

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def news():
    now = timezone.now()
    make_news(
        "Mrozy: całodobowy punkt ogrzewania przy ul. Podleśnej 2 w Stalowej Woli",
        slug="mrozy",
        is_urgent=True,
        published_at=now - dt.timedelta(hours=2),
        expires_at=now + dt.timedelta(days=7),
    )
    make_news("Ośrodek nieczynny w Wigilię", slug="wigilia", is_urgent=True)
    make_news("Klub „Wesoła Gromadka” otwarty w soboty", slug="klub")


@pytest.mark.parametrize("contrast", ["normalny", "wysoki"])
@pytest.mark.parametrize("path", ["/", "/aktualnosci/", "/aktualnosci/mrozy/"])
def test_the_banner_and_news_pages_pass_axe_at_320px_in_both_contrasts(
    live_server, chromium, axe, news, contrast, path
):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    context.add_cookies(
        [{"name": "czytelnosc", "value": f"kontrast-{contrast}", "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + path)
    banner = page.locator("section.urgent-notices")
    assert banner.locator("li").count() == 2
    box = banner.bounding_box()
    assert box["x"] == 0 and box["width"] <= 320
    assert (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )
    assert axe(page) == []
    context.close()


def test_a_keyboard_user_reaches_the_notice_before_the_page_and_opens_it(live_server, page, news):
    page.goto(live_server.url + "/kontakt/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.urgent-notices') !== null"):
            break
    else:
        pytest.fail("the banner's first link is not reachable by Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Ośrodek nieczynny")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aktualnosci/wigilia/")
    assert page.locator("h1").inner_text() == "Ośrodek nieczynny w Wigilię"


def test_news_pages_work_without_javascript(live_server, chromium, news):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/aktualnosci/")
    page.click("text=Klub „Wesoła Gromadka” otwarty w soboty")
    assert page.url.endswith("/aktualnosci/klub/")
    assert page.locator("h1").inner_text() == "Klub „Wesoła Gromadka” otwarty w soboty"
    context.close()
