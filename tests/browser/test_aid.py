"""Forms of help in Chromium: the quick exit with and without JavaScript, the income
check without JavaScript, axe at 320 px."""

import pytest

from tests.aid.factories import add_document, make_criterion, make_form, make_unit

pytestmark = pytest.mark.django_db(transaction=True)

NEUTRAL = "https://pogoda.example/"


@pytest.fixture
def aid_pages(settings, centre, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.QUICK_EXIT_URL = NEUTRAL
    unit = make_unit("punkt-interwencji", name="Punkt Interwencji Kryzysowej")
    make_criterion()
    ordinary = make_form("Zasiłek stały", slug="zasilek-staly", unit=unit)
    add_document(ordinary, title="Wniosek o przyznanie zasiłku stałego")
    make_form(
        "Przemoc domowa — Niebieska Karta",
        slug="niebieska-karta",
        unit=unit,
        is_sensitive=True,
        income_criterion_applies=False,
        phone="15 000 10 40",
    )


def serve_neutral_site(page):
    page.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Pogoda</title><p>Słonecznie"
        ),
    )


def test_quick_exit_without_javascript_is_the_first_link_after_the_skip_link(
    live_server, chromium, aid_pages
):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    serve_neutral_site(page)
    page.goto(live_server.url + "/pomoc/niebieska-karta/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.innerText.trim(), document.activeElement.rel]")
    assert focused == ["Wyjdź szybko", "noreferrer"]
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    context.close()


def test_esc_three_times_leaves_and_replaces_the_page_in_history(live_server, page, aid_pages):
    serve_neutral_site(page)
    page.goto(live_server.url + "/pomoc/")
    page.goto(live_server.url + "/pomoc/niebieska-karta/")
    assert page.locator("a.quick-exit").inner_text() == "Wyjdź szybko (albo naciśnij 3 razy Esc)"
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert page.url.endswith("/pomoc/niebieska-karta/")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    # The sensitive page is no longer in the history: Back goes to the page before it.
    assert page.url == live_server.url + "/pomoc/"


def test_clicking_quick_exit_with_javascript_also_replaces_the_page(live_server, page, aid_pages):
    serve_neutral_site(page)
    page.goto(live_server.url + "/pomoc/")
    page.goto(live_server.url + "/pomoc/niebieska-karta/")
    page.click("a.quick-exit")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == live_server.url + "/pomoc/"


def test_ordinary_pages_have_no_quick_exit(live_server, page, aid_pages):
    page.goto(live_server.url + "/pomoc/zasilek-staly/")
    assert page.locator("a.quick-exit").count() == 0


def test_income_check_works_without_javascript(live_server, chromium, aid_pages):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/pomoc/kryterium-dochodowe/")
    page.get_by_label("Ile osób jest w Twoim gospodarstwie domowym?").fill("2")
    page.get_by_label("Jaki jest miesięczny dochód netto").fill("1 646,00 zł")
    page.get_by_role("button", name="Sprawdź").click()
    assert (
        page.locator(".aid-answer__sentence")
        .inner_text()
        .startswith("Spełniasz kryterium dochodowe")
    )
    page.get_by_label("Ile osób jest w Twoim gospodarstwie domowym?").fill("0")
    page.get_by_role("button", name="Sprawdź").click()
    field = page.get_by_label("Ile osób jest w Twoim gospodarstwie domowym?")
    assert field.get_attribute("aria-invalid") == "true"
    assert "co najmniej 1 osoba" in page.locator("#pole-osoby-blad").inner_text()
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/pomoc/",
        "/pomoc/zasilek-staly/",
        "/pomoc/niebieska-karta/",
        "/pomoc/kryterium-dochodowe/",
        "/pomoc/kryterium-dochodowe/?osoby=3&dochod=2+469%2C50+z%C5%82",
        "/pomoc/kryterium-dochodowe/?osoby=0&dochod=abc",
        "/kontakt/",
    ],
)
def test_aid_pages_pass_axe_and_fit_320px(live_server, chromium, axe, aid_pages, path):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + path)
    assert (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )
    assert axe(page) == []
    context.close()
