"""A resident who uses only the keyboard: skip link, menu, a project, back, a vote."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

ACTIVE = "document.activeElement"


def tab_until(page, condition, limit=120, key="Tab"):
    """Press Tab until ``condition`` (JS over ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"(el => Boolean({condition}))({ACTIVE})"):
            return page.evaluate(f"{ACTIVE}.textContent.trim()")
    raise AssertionError(f"focus never reached an element where {condition}")


def test_keyboard_only_journey_from_home_to_a_project_and_a_vote(live_server, page):
    call_command("load_demo", stdout=io.StringIO())
    from survey.models import Ballot

    ballots_before = Ballot.objects.count()
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    assert page.evaluate(f"{ACTIVE}.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate(f"{ACTIVE}.id") == "tresc"

    # Back to the top and into the main menu.
    page.goto(live_server.url + "/")
    tab_until(page, "el.closest('nav') && el.textContent.trim() === 'Projekty socjalne'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/projekty/")
    assert page.locator("h1").inner_text() == "Projekty socjalne"

    title = tab_until(
        page,
        "el.closest('main') && /^\\/projekty\\/[^/?]+\\/$/.test(el.getAttribute('href') || '')",
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/projekty/*/")
    assert title in page.locator("h1").inner_text()

    # The browser's own Back (Alt+Left belongs to the browser's chrome, which a
    # headless page does not have).
    page.go_back()
    page.wait_for_url("**/projekty/")

    tab_until(page, "el.closest('nav') && el.textContent.trim() === 'Ankieta'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ankieta/")
    tab_until(page, "el.type === 'radio'")
    page.keyboard.press("Space")
    assert page.evaluate(f"{ACTIVE}.checked") is True
    tab_until(page, "el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/wyniki/")

    status = page.locator(".messages[role=status]")
    assert "głos" in status.inner_text().lower()
    assert Ballot.objects.count() == ballots_before + 1
    assert page.locator("h1").count() == 1
