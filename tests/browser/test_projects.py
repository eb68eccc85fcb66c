import pytest

from projects.models import PartnerRole, ProjectStatus
from tests.centre.factories import make_centre
from tests.projects.factories import (
    add_goal,
    add_outcome,
    make_full_project,
    make_group,
    make_partner,
    make_project,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def projects():
    make_centre()
    seniors = make_group("seniorzy", "seniorzy")
    homeless = make_group("osoby bezdomne", "osoby-bezdomne")
    police = make_partner("Komenda Powiatowa Policji w Zduńskiej Woli", "policja")
    make_project(
        "Bezpieczny rejon",
        slug="bezpieczny-rejon",
        groups=[seniors],
        partners=[police],
    )
    make_project(
        "Szansa dla Ciebie",
        slug="szansa-dla-ciebie",
        groups=[homeless],
        partners=[(police, PartnerRole.COALITION)],
    )
    make_project("Mieszkanie bez długu", status=ProjectStatus.COMPLETED, groups=[homeless])
    full = make_full_project(title="Partnerstwo na rzecz aktywnej integracji", slug="partnerstwo")
    add_goal(full, "Programy Aktywności Lokalnej.", 3)
    add_outcome(full, "ukończyli staż", 13, order=3)
    return full


@pytest.mark.parametrize(
    "path",
    [
        "/projekty/",
        "/projekty/?status=ongoing&grupa=osoby-bezdomne",
        "/projekty/?grupa=nie-ma-takiej",
        "/projekty/partnerstwo/",
        "/",
    ],
)
def test_project_pages_have_no_axe_violations(live_server, page, axe, projects, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe(page) == []


def test_filtering_by_keyboard_alone(live_server, page, projects):
    page.goto(live_server.url + "/projekty/")
    page.locator("#filtr-q").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filtr-status"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filtr-grupa"
    page.select_option("#filtr-grupa", "osoby-bezdomne")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filtr-partner"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Pokaż projekty"
    page.keyboard.press("Enter")
    page.wait_for_url("**grupa=osoby-bezdomne**")
    titles = page.locator(".project-card h3").all_inner_texts()
    assert titles == ["Mieszkanie bez długu", "Szansa dla Ciebie"]
    assert page.locator("#filtr-grupa").input_value() == "osoby-bezdomne"


def test_typing_a_search_and_pressing_enter_filters_the_list(live_server, page, projects):
    page.goto(live_server.url + "/projekty/")
    page.locator("#filtr-q").focus()
    page.keyboard.type("rejon")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=rejon**")
    assert page.locator(".project-card h3").all_inner_texts() == ["Bezpieczny rejon"]
    assert page.get_by_role("status").inner_text() == "Znaleziono 1 projekt."


def test_partner_link_on_detail_page_opens_the_filtered_list(live_server, page, projects):
    page.goto(live_server.url + "/projekty/szansa-dla-ciebie/")
    page.get_by_role("link", name="Komenda Powiatowa Policji w Zduńskiej Woli").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**partner=policja**")
    assert page.locator(".project-card h3").all_inner_texts() == [
        "Szansa dla Ciebie",
        "Bezpieczny rejon",
    ]


def test_project_pages_fit_a_320px_screen(live_server, chromium, projects):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    for path in ["/projekty/", "/projekty/partnerstwo/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()
