"""The admin fits a laptop and a phone: change lists without sideways scrolling at 1366 px,
tables of rows stacked at 390 px so "Usunąć?" stays on the screen, rows' add links named."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from centre.models import Centre
from opsportal.management.commands.setup_roles import EDITORS_GROUP
from projects.models import Project

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Zrzuty-ekranu-2026"
OVERFLOW = """() => {
  const results = document.querySelector('#changelist .results');
  return {
    page: document.documentElement.scrollWidth - window.innerWidth,
    list: results ? results.scrollWidth - results.clientWidth : 0,
    deleteBoxes: Array.from(document.querySelectorAll('.inline-group td.delete input'))
      .map(box => box.getBoundingClientRect().right),
  };
}"""


@pytest.fixture
def editor_page(page, live_server):
    call_command("load_demo", stdout=io.StringIO())
    call_command("setup_roles", stdout=io.StringIO())
    user = get_user_model().objects.create_user("redaktorka", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redaktorka")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


@pytest.mark.parametrize("width", [1366, 390])
def test_the_widest_change_list_needs_no_sideways_scrolling(
    editor_page, live_server, width, tmp_path
):
    editor_page.set_viewport_size({"width": width, "height": 900})
    for url in ["/admin/aid/formofhelp/", "/admin/communities/event/", "/admin/projects/project/"]:
        editor_page.goto(f"{live_server.url}{url}")
        editor_page.screenshot(path=tmp_path / f"{width}{url.replace('/', '_')}.png")
        measured = editor_page.evaluate(OVERFLOW)
        assert measured["page"] <= 0, (url, measured)
        if width == 1366:
            assert measured["list"] <= 0, (url, measured)


@pytest.mark.parametrize("width", [1366, 390])
def test_tables_of_rows_keep_their_delete_boxes_on_screen(
    editor_page, live_server, width, tmp_path
):
    editor_page.set_viewport_size({"width": width, "height": 900})
    centre = Centre.objects.get()
    editor_page.goto(f"{live_server.url}/admin/centre/centre/{centre.pk}/change/")
    editor_page.screenshot(path=tmp_path / f"{width}_centre.png", full_page=True)
    measured = editor_page.evaluate(OVERFLOW)
    assert measured["page"] <= 0, measured
    assert measured["deleteBoxes"], "the centre's phones and hours can be deleted"
    assert max(measured["deleteBoxes"]) <= width, measured
    add_links = editor_page.locator(".add-row a").all_inner_texts()
    assert "Dodaj kolejny telefon" in add_links
    assert "Dodaj kolejny dzień nieczynny" in add_links


@pytest.mark.parametrize("width", [1366, 390])
def test_a_projects_outcome_rows_with_their_unit_forms_fit_the_screen(
    editor_page, live_server, width, tmp_path
):
    editor_page.set_viewport_size({"width": width, "height": 900})
    project = Project.objects.filter(outcomes__isnull=False).first()
    editor_page.goto(f"{live_server.url}/admin/projects/project/{project.pk}/change/")
    editor_page.screenshot(path=tmp_path / f"{width}_project.png", full_page=True)
    measured = editor_page.evaluate(OVERFLOW)
    assert measured["page"] <= 0, measured
    assert max(measured["deleteBoxes"]) <= width, measured
    assert editor_page.locator("#outcomes-group select[name$='-unit']").first.is_visible()
