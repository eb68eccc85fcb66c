"""Projects follow core.publication: status in the admin, scheduling, the page cache, the
actions, the messages after saving, and the migration from the old flag."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from projects.models import Project
from tests.projects.factories import make_project
from tests.projects.test_admin import project_form
from tests.publication import (
    LEAD,
    cached_page_follows_the_clock,
    changelist_shows_each_status,
    drafts_when_none,
    editor_at_noon,
    messages_of,
    migrate,
    migrate_to_latest,
)

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
CHANGELIST = "/admin/projects/project/"


@pytest.fixture
def editor(client, clock):
    return editor_at_noon(client, clock)


def test_the_list_shows_each_projects_status_in_words(editor, clock):
    changelist_shows_each_status(editor, CHANGELIST, drafts_when_none(make_project), clock.now)


def test_scheduling_a_project_says_from_when_residents_will_see_it(editor):
    response = editor.post(
        f"{CHANGELIST}add/",
        project_form(published_at_0="2026-12-01", published_at_1="8:00"),
        follow=True,
    )
    assert messages_of(response) == [
        "Projekt „Wspólnymi siłami” został zapisany. Mieszkańcy zobaczą go od 1 grudnia, 8:00."
    ]


def test_saving_a_project_without_a_moment_says_it_is_a_draft_nobody_sees(editor):
    response = editor.post(
        f"{CHANGELIST}add/", project_form(published_at_0="", published_at_1=""), follow=True
    )
    assert messages_of(response) == [
        "Projekt „Wspólnymi siłami” został zapisany. Jest szkicem i nie jest widoczny. Aby go "
        "opublikować, wpisz początek publikacji albo użyj akcji „Opublikuj” na liście projektów."
    ]
    assert Project.objects.get().published_at is None


def test_publish_starts_a_draft_now_not_at_its_creation(editor, clock):
    draft = make_project("Szkic", published=False)
    clock.now += dt.timedelta(days=3)
    response = editor.post(
        CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert messages_of(response) == ["Opublikowano 1 projekt — od tej chwili na stronie."]
    draft.refresh_from_db()
    assert draft.published_at == clock.now


def test_withdraw_hides_the_projects_from_residents(editor, client):
    projects = [make_project(f"Projekt {n}") for n in range(5)]
    response = editor.post(
        CHANGELIST,
        {"action": "withdraw", "_selected_action": [p.pk for p in projects]},
        follow=True,
    )
    assert messages_of(response) == [
        "Wycofano 5 projektów do szkiców. Mieszkańcy nie widzą szkiców."
    ]
    assert not Project.objects.published().exists()


def _shows(title):
    return lambda response: response.status_code == 200 and title in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/projekty/",
        "/projekty/o-swicie/",
        "/projekty/rss/",
        "/sitemap.xml",
        "/szukaj/?q=świcie",
        "/",
    ],
)
def test_a_scheduled_project_appears_at_its_moment_on_cached_pages(client, centre, clock, path):
    make_project("Projekt o świcie", slug="o-swicie", published_at=clock.now + LEAD)
    # The project's address, not its title: the search page repeats the words asked for.
    cached_page_follows_the_clock(client, clock, path, _shows("/projekty/o-swicie/"))


@pytest.mark.parametrize("path", ["/projekty/", "/projekty/do-poludnia/", "/"])
def test_an_ending_project_leaves_cached_pages_at_its_end(client, centre, clock, path):
    make_project(
        "Projekt do południa",
        slug="do-poludnia",
        published_at=clock.now - dt.timedelta(days=1),
        expires_at=clock.now + LEAD,
    )
    cached_page_follows_the_clock(client, clock, path, _shows("Projekt do południa"), appears=False)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_what_residents_saw():
    old = migrate(("projects", "0004_shared_phone_validator"))
    OldProject = old.get_model("projects", "Project")
    moment = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
    common = {"lead": "L.", "start_date": dt.date(2025, 1, 1), "main_goal": "C."}
    OldProject.objects.create(
        title="Jawny", slug="jawny", is_published=True, published_at=moment, **common
    )
    OldProject.objects.create(
        title="Szkic", slug="szkic", is_published=False, published_at=moment, **common
    )
    try:
        new = migrate(("projects", "0005_publication_moments"))
        NewProject = new.get_model("projects", "Project")
        moments = dict(NewProject.objects.values_list("slug", "published_at"))
        assert moments == {"jawny": moment, "szkic": None}
    finally:
        migrate_to_latest()
