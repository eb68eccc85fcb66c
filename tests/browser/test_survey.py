import re

import pytest

from survey.models import Ballot
from tests.centre.factories import make_centre
from tests.survey.factories import make_ballots, make_poll

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def poll():
    make_centre()
    poll = make_poll(
        choices=("Bardzo dobra", "Dobra", "Przeciętna", "Słaba"),
        slug="nowa-strona",
        question="Co sądzisz o naszej nowej stronie?",
        allow_comment=True,
    )
    make_ballots(poll.choices.first(), 3)
    return poll


def test_vote_with_the_keyboard_only_and_see_the_results(live_server, page, poll):
    page.goto(live_server.url + poll.get_absolute_url())
    # Tab from the top of the page until focus reaches the first answer.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "choice":
            break
    else:
        pytest.fail("keyboard focus never reached the answers")
    page.keyboard.press("ArrowDown")  # moves to and selects "Dobra"
    assert (
        page.locator("input[name=choice]:checked").evaluate("e => e.labels[0].textContent").strip()
        == "Dobra"
    )
    page.keyboard.press("Tab")  # the comment
    page.keyboard.type("Czytelna i prosta.")
    page.keyboard.press("Tab")  # the submit button (the honeypot is hidden)
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ankieta/nowa-strona/wyniki/$"))
    assert "Dziękujemy! Twój głos został zapisany." in page.content()
    total = page.locator(".survey-total").inner_text()
    assert total == "4 głosy"
    assert Ballot.objects.filter(choice__text="Dobra", comment="Czytelna i prosta.").count() == 1


@pytest.mark.parametrize(
    "path", ["/ankieta/", "/ankieta/nowa-strona/", "/ankieta/nowa-strona/wyniki/"]
)
def test_poll_pages_have_no_axe_violations(live_server, page, axe, poll, path):
    page.goto(live_server.url + path)
    assert axe(page) == []


def test_poll_page_with_errors_and_after_voting_has_no_axe_violations(live_server, page, axe, poll):
    page.goto(live_server.url + poll.get_absolute_url())
    page.get_by_role("button", name="Oddaj głos").click()  # no answer chosen
    page.wait_for_load_state()
    assert "Wybierz jedną odpowiedź." in page.content()
    assert axe(page) == []
    page.get_by_label("Słaba").check()
    page.get_by_role("button", name="Oddaj głos").click()
    page.wait_for_url(re.compile(r"/wyniki/$"))
    assert axe(page) == []
    page.goto(live_server.url + poll.get_absolute_url())
    assert "Twój głos w tej ankiecie jest już zapisany" in page.content()
    assert axe(page) == []


def test_home_page_poll_form_votes_without_javascript(live_server, chromium, poll):
    context = chromium.new_context(java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    page.goto(live_server.url + "/")
    section = page.locator("section.survey-home")
    section.get_by_label("Przeciętna").check()
    section.get_by_role("button", name="Oddaj głos").click()
    page.wait_for_url(re.compile(r"/ankieta/nowa-strona/wyniki/$"))
    assert page.locator(".survey-total").inner_text() == "4 głosy"
    context.close()


def test_results_fit_a_320px_screen(live_server, chromium, poll):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="pl-PL")
    page = context.new_page()
    for path in ["/ankieta/nowa-strona/", "/ankieta/nowa-strona/wyniki/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()
