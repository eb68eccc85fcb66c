"""The news admin as an editor of the group Redaktorzy uses it: status, scheduling, Polish."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

from news.models import NewsItem
from opsportal.management.commands.setup_roles import EDITORS_GROUP
from tests.news.factories import DRAFT, make_news
from tests.publication import log_in_editor, messages_of

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
CHANGELIST = "/admin/news/newsitem/"
# "został(a)", "zmieniony(-na)(-ne)": Django's generic Polish, which editors must not meet.
BRACKETED_ENDING = re.compile(r"\w\((?:a|o|y|-?\w{1,3})\)")


@pytest.fixture
def editor(client, clock):
    return log_in_editor(client)


def news_form(**overrides):
    data = {
        "title": "Nabór do projektu",
        "slug": "nabor-do-projektu",
        "lead": "Przyjmujemy zgłoszenia.",
        "body": "",
        "published_at_0": "",
        "published_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "image_alt": "",
        # The inline of files to download, empty.
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_the_list_shows_each_items_status_in_words(editor, clock):
    make_news("Szkic", published_at=DRAFT)
    make_news("Jutro", published_at=dt.datetime(2026, 12, 2, 8, 0, tzinfo=WARSAW))
    make_news("Teraz", published_at=clock.now - dt.timedelta(days=1))
    make_news(
        "Do piątku",
        published_at=clock.now - dt.timedelta(days=1),
        expires_at=dt.datetime(2026, 12, 4, 16, 0, tzinfo=WARSAW),
    )
    make_news("Minęła", published_at=clock.now - dt.timedelta(days=9), expires_at=clock.now)
    html = editor.get(CHANGELIST).text
    for label in (
        "Szkic",
        "Zaplanowane na 2 grudnia, 8:00",
        "Opublikowane",
        "Opublikowane do 4 grudnia, 16:00",
        "Wygasło",
    ):
        assert f'<td class="field-publication_status_column">{label}</td>' in html
    assert not BRACKETED_ENDING.search(html)


def test_the_status_filter_narrows_the_list(editor, clock):
    make_news("Szkic", published_at=DRAFT)
    make_news("Jutro", published_at=clock.now + dt.timedelta(days=1))
    response = editor.get(CHANGELIST, {"publikacja": "scheduled"})
    assert [item.title for item in response.context["cl"].result_list] == ["Jutro"]


def test_scheduling_an_item_says_from_when_residents_will_see_it(editor, clock):
    response = editor.post(
        f"{CHANGELIST}add/",
        news_form(published_at_0="2026-12-02", published_at_1="08:00"),
        follow=True,
    )
    assert messages_of(response) == [
        "Aktualność „Nabór do projektu” została zapisana. Mieszkańcy zobaczą ją od 2 grudnia, 8:00."
    ]
    item = NewsItem.objects.get()
    assert item.published_at == dt.datetime(2026, 12, 2, 8, 0, tzinfo=WARSAW)


def test_an_urgent_notice_for_next_week_says_until_when(editor, clock):
    response = editor.post(
        f"{CHANGELIST}add/",
        news_form(
            title="Ośrodek nieczynny",
            slug="osrodek-nieczynny",
            is_urgent="on",
            published_at_0="2026-11-30",
            published_at_1="11:00",
            expires_at_0="2026-12-07",
            expires_at_1="16:00",
        ),
        follow=True,
    )
    assert messages_of(response) == [
        "Aktualność „Ośrodek nieczynny” została zapisana. "
        "Jest widoczna na stronie do 7 grudnia, 16:00."
    ]


def test_saving_without_a_moment_says_it_is_a_draft(editor):
    response = editor.post(f"{CHANGELIST}add/", news_form(), follow=True)
    [message] = messages_of(response)
    assert message.startswith(
        "Aktualność „Nabór do projektu” została zapisana. Jest szkicem i nie jest widoczna."
    )


def test_changing_a_published_item_says_it_is_visible_and_continue_keeps_the_message(editor, clock):
    item = make_news("Punkt ogrzewania", slug="punkt", published_at=clock.now)
    response = editor.post(
        f"/admin/news/newsitem/{item.pk}/change/",
        news_form(
            title="Punkt ogrzewania",
            slug="punkt",
            published_at_0="2026-11-30",
            published_at_1="12:00",
            _continue="1",
        ),
        follow=True,
    )
    assert messages_of(response) == [
        "Aktualność „Punkt ogrzewania” została zapisana. Jest widoczna na stronie."
    ]
    assert not BRACKETED_ENDING.search(response.text)


def test_an_end_before_the_start_is_refused_in_the_form(editor):
    response = editor.post(
        f"{CHANGELIST}add/",
        news_form(
            published_at_0="2026-12-02",
            published_at_1="08:00",
            expires_at_0="2026-12-01",
            expires_at_1="08:00",
        ),
    )
    assert response.status_code == 200
    assert "Koniec publikacji musi być późniejszy niż jej początek." in response.text
    assert not NewsItem.objects.exists()


def test_publish_starts_drafts_now_and_keeps_scheduled_items(editor, clock):
    draft = make_news("Szkic", published_at=DRAFT)
    scheduled = make_news("Jutro", published_at=clock.now + dt.timedelta(days=1))
    response = editor.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [draft.pk, scheduled.pk]},
        follow=True,
    )
    assert messages_of(response) == [
        "Opublikowano 1 aktualność — od tej chwili na stronie.",
        "Liczba zaznaczonych wpisów bez zmian, bo już były opublikowane albo zaplanowane: 1. "
        "Zaplanowane pojawią się w swoim terminie.",
    ]
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert draft.published_at == clock.now
    assert scheduled.published_at == clock.now + dt.timedelta(days=1)
    assert LogEntry.objects.get().object_repr == "Szkic"


def test_withdraw_makes_drafts_and_residents_lose_the_item(editor, client, clock):
    items = [make_news(f"Aktualność {n}", slug=f"a-{n}") for n in range(2)]
    response = editor.post(
        CHANGELIST,
        {"action": "withdraw", "_selected_action": [item.pk for item in items]},
        follow=True,
    )
    assert messages_of(response) == [
        "Wycofano 2 aktualności do szkiców. Mieszkańcy nie widzą szkiców."
    ]
    assert NewsItem.objects.drafts().count() == 2
    assert NewsItem.objects.published().count() == 0


def test_deleting_says_so_in_polish(editor):
    item = make_news("Stara aktualność")
    response = editor.post(f"/admin/news/newsitem/{item.pk}/delete/", {"post": "yes"}, follow=True)
    assert messages_of(response) == ["Aktualność „Stara aktualność” została usunięta."]
    assert not NewsItem.objects.exists()


def test_the_editors_group_may_add_change_and_delete_news(editor):
    assert editor.get(CHANGELIST).status_code == 200
    assert editor.get(f"{CHANGELIST}add/").status_code == 200
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(
        group.permissions.filter(content_type__app_label="news").values_list("codename", flat=True)
    )
    assert codenames == {
        f"{action}_{model}"
        for action in ("view", "add", "change", "delete")
        for model in ("newsitem", "newsdocument")
    }
