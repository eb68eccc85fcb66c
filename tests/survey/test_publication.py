"""Polls follow core.publication for their pages, keep their own voting times, and show
one rule for the home page when two are open at once."""

import datetime as dt

import pytest

from survey.models import Poll
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
from tests.survey.factories import make_poll
from tests.survey.test_admin import _inline_data

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/survey/poll/"


@pytest.fixture
def editor(client, clock):
    return editor_at_noon(client, clock)


def test_the_poll_list_shows_each_status_in_words(editor, clock):
    changelist_shows_each_status(editor, CHANGELIST, drafts_when_none(make_poll), clock.now)


def saved_with(editor, published=True, **fields):
    """The messages after an editor saves the poll "Jak oceniasz stronę?" with ``fields``."""
    poll = make_poll(question="Jak oceniasz stronę?", published=published)
    data = {**_inline_data(poll), **fields}
    return messages_of(editor.post(f"{CHANGELIST}{poll.pk}/change/", data, follow=True))


def test_scheduling_a_poll_says_from_when_residents_will_see_it(editor):
    assert saved_with(editor, False, published_at_0="2026-12-01", published_at_1="8:00") == [
        "Ankieta „Jak oceniasz stronę?” została zapisana. Mieszkańcy zobaczą ją od 1 grudnia, "
        "8:00. Głosowanie trwa do 1 stycznia 2030, 8:00."
    ]


def test_closing_a_poll_says_that_voting_has_ended(editor):
    assert saved_with(editor, closes_at_0="30.11.2026", closes_at_1="9.00") == [
        "Ankieta „Jak oceniasz stronę?” została zapisana. Jest widoczna na stronie. "
        "Głosowanie zakończyło się 30 listopada, 9:00."
    ]


def test_a_poll_whose_voting_has_not_begun_says_when_it_begins(editor):
    (message,) = saved_with(editor, opens_at_0="2.12.2026", opens_at_1="12")
    assert message.endswith("Jest widoczna na stronie. Głosowanie zacznie się 2 grudnia, 12:00.")


def test_publish_starts_a_draft_poll_now_and_withdraw_hides_it(editor, client, clock):
    poll = make_poll(published=False)
    response = editor.post(
        CHANGELIST, {"action": "publish", "_selected_action": [poll.pk]}, follow=True
    )
    assert messages_of(response) == ["Opublikowano 1 ankietę — od tej chwili na stronie."]
    poll.refresh_from_db()
    assert poll.published_at == clock.now
    response = editor.post(
        CHANGELIST, {"action": "withdraw", "_selected_action": [poll.pk]}, follow=True
    )
    assert messages_of(response) == ["Wycofano 1 ankietę do szkiców. Mieszkańcy nie widzą szkiców."]
    assert not Poll.objects.published().exists()


def test_a_published_poll_past_its_end_is_gone_though_voting_would_still_run(client, clock):
    poll = make_poll(expires_at=clock.now + LEAD)
    assert client.get(poll.get_absolute_url()).status_code == 200
    clock.now += LEAD
    assert poll.is_open() is False
    assert client.get(poll.get_absolute_url()).status_code == 404


def test_of_two_open_polls_the_home_page_shows_the_one_closing_soonest(client, centre, clock):
    later = make_poll(question="Ankieta do lata", closes_at=clock.now + dt.timedelta(days=200))
    sooner = make_poll(question="Ankieta do świąt", closes_at=clock.now + dt.timedelta(days=20))
    assert Poll.objects.shown_on_home() == sooner
    assert "Ankieta do świąt" in client.get("/").text
    assert "Ankieta do świąt" in client.get("/ankieta/").text
    # When the sooner one closes, the other takes its place, cached pages too.
    clock.now = sooner.closes_at - dt.timedelta(seconds=30)
    cached_page_follows_the_clock(
        client, clock, "/", lambda r: later.question in r.text and sooner.question not in r.text
    )


def test_the_admin_marks_the_home_poll_and_warns_when_saving_an_overlapping_one(editor, clock):
    later = make_poll(question="Ankieta do lata", closes_at=clock.now + dt.timedelta(days=200))
    sooner = make_poll(question="Ankieta do świąt", closes_at=clock.now + dt.timedelta(days=20))
    html = editor.get(CHANGELIST).text
    assert html.count('<td class="field-on_home_page">Na stronie głównej</td>') == 1
    [row] = [row for row in html.split("<tr") if ">Ankieta do świąt</a>" in row]
    assert "Na stronie głównej" in row
    response = editor.post(f"{CHANGELIST}{later.pk}/change/", _inline_data(later), follow=True)
    assert messages_of(response)[1] == (
        "Głosowanie w tej ankiecie trwa w tym samym czasie co w ankiecie „Ankieta do świąt” "
        f"(do {sooner.closes_at.astimezone(clock.now.tzinfo):%-d} grudnia, 12:00). Strona "
        "główna pokazuje wtedy ankietę, w której głosowanie kończy się najwcześniej: "
        "„Ankieta do świąt”."
    )


def test_a_draft_poll_overlapping_another_gets_no_warning(editor, clock):
    make_poll(question="Ankieta jawna")
    draft = make_poll(question="Ankieta w szkicu", published=False)
    data = _inline_data(draft)
    data.update(published_at_0="", published_at_1="")
    response = editor.post(f"{CHANGELIST}{draft.pk}/change/", data, follow=True)
    assert len(messages_of(response)) == 1


@pytest.mark.parametrize("path", ["/ankieta/o-swicie/", "/ankieta/", "/", "/sitemap.xml"])
def test_a_scheduled_poll_appears_at_its_moment_on_cached_pages(client, centre, clock, path):
    make_poll(question="Ankieta o świcie", slug="o-swicie", published_at=clock.now + LEAD)
    shows = "/ankieta/o-swicie/" if path == "/sitemap.xml" else "Ankieta o świcie"
    cached_page_follows_the_clock(
        client, clock, path, lambda r: r.status_code == 200 and shows in r.text
    )


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_what_residents_saw():
    old = migrate(("survey", "0006_reviewed_at"))
    OldPoll = old.get_model("survey", "Poll")
    now = dt.datetime(2026, 11, 30, 11, 0, tzinfo=dt.UTC)
    for slug, published in (("jawna", True), ("szkic", False)):
        OldPoll.objects.create(
            question=slug,
            slug=slug,
            opens_at=now,
            closes_at=now + dt.timedelta(days=1),
            published=published,
        )
    try:
        new = migrate(("survey", "0007_publication_moments"))
        polls = new.get_model("survey", "Poll").objects
        created = polls.get(slug="jawna").created_at
        assert dict(polls.values_list("slug", "published_at")) == {
            "jawna": created,
            "szkic": None,
        }
    finally:
        migrate_to_latest()
