"""Once a poll has votes, what they answered stays as the voters saw it; copies and deletion."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from survey.admin import CONFIRM_BALLOT_DELETION
from survey.models import Ballot, Choice, Poll
from tests.survey.factories import make_ballots, make_poll
from tests.web.adminforms import as_post_data, form_fields

pytestmark = pytest.mark.django_db

# "został(a)", "usunięty(-ta)(-te)", "kolejne(go)": Django's generic Polish.
BRACKETED_ENDING = re.compile(r"\w\((?:-?\w{1,4})\)")


@pytest.fixture(params=["admin", "editor"])
def any_client(request):
    return request.getfixturevalue(f"{request.param}_client")


@pytest.fixture
def voted_poll():
    poll = make_poll(choices=("Bardzo dobra", "Dobra", "Słaba"), allow_comment=True)
    make_ballots(poll.choices.get(text="Słaba"), 4, comment="Za mała czcionka")
    return poll


def answers(poll):
    return list(poll.choices.order_by("position", "pk").values_list("position", "text"))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_poll_with_ballots_shows_question_and_answers_read_only_and_says_why(
    any_client, voted_poll
):
    page = any_client.get(reverse("admin:survey_poll_change", args=[voted_poll.pk]))
    html = page.content.decode()
    assert 'name="choices-0-text"' not in html
    assert 'name="choices-0-position"' not in html
    assert 'name="choices-0-DELETE"' not in html
    assert 'name="question"' not in html
    assert 'name="choices-3-text"' not in html  # no empty form to add an answer
    assert "W tej ankiecie oddano już głosy" in html
    assert "Bardzo dobra" in html and "Słaba" in html  # still readable
    assert 'name="closes_at_0"' in html  # dates and publication stay editable


def test_posted_changes_to_answers_of_a_poll_with_ballots_change_nothing(any_client, voted_poll):
    """A forged form renames, swaps, deletes and adds answers; none of it lands."""
    url = reverse("admin:survey_poll_change", args=[voted_poll.pk])
    before = answers(voted_poll)
    data = as_post_data(form_fields(any_client.get(url).content.decode()))
    choices = list(voted_poll.choices.order_by("position", "pk"))
    for index, choice in enumerate(choices):
        data[f"choices-{index}-id"] = [str(choice.pk)]
        data[f"choices-{index}-poll"] = [str(voted_poll.pk)]
        data[f"choices-{index}-text"] = [f"Zmieniona {index}"]
        data[f"choices-{index}-position"] = [str(10 - index)]
    data["choices-0-DELETE"] = ["on"]
    data["choices-3-text"] = ["Dopisana"]
    data["choices-3-position"] = ["0"]
    data["choices-TOTAL_FORMS"] = ["4"]
    data["choices-INITIAL_FORMS"] = ["3"]
    data["question"] = ["Czy lubisz podatki?"]
    data["closes_at_0"] = ["2031-01-01"]
    any_client.post(url, data)
    voted_poll.refresh_from_db()
    assert answers(voted_poll) == before
    assert voted_poll.question.startswith("Co sądzisz o naszej stronie?")
    assert voted_poll.closes_at.year == 2031  # the rest of the form was saved
    assert Ballot.objects.filter(poll=voted_poll).count() == 4


def test_answers_stay_editable_until_the_first_vote(editor_client):
    poll = make_poll(choices=("A", "B"))
    url = reverse("admin:survey_poll_change", args=[poll.pk])
    html = editor_client.get(url).content.decode()
    assert 'name="choices-0-text"' in html
    data = as_post_data(form_fields(html))
    data["choices-0-text"] = ["A poprawione"]
    data["choices-1-DELETE"] = ["on"]
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert [text for _, text in answers(poll)] == ["A poprawione"]


def test_copy_as_new_poll_makes_an_unpublished_copy_with_the_answers_and_no_ballots(
    editor_client, voted_poll
):
    response = editor_client.post(
        reverse("admin:survey_poll_changelist"),
        {"action": "copy_as_new", "_selected_action": [voted_poll.pk]},
    )
    copy = Poll.objects.exclude(pk=voted_poll.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:survey_poll_change", args=[copy.pk])
    assert copy.question == voted_poll.question
    assert copy.slug == f"{voted_poll.slug}-kopia"
    assert copy.published_at is None
    assert copy.allow_comment
    assert answers(copy) == answers(voted_poll)
    assert not copy.ballots.exists()
    assert copy.closes_at - copy.opens_at == voted_poll.closes_at - voted_poll.opens_at
    (message,) = messages_of(response)
    assert message.startswith(f"Utworzono kopię ankiety „{voted_poll.question}”")
    assert not BRACKETED_ENDING.search(message)
    # The copy's answers can be changed at once.
    html = editor_client.get(response["Location"]).content.decode()
    assert 'name="choices-0-text"' in html


def test_a_second_copy_gets_a_free_address(editor_client, voted_poll):
    url = reverse("admin:survey_poll_copy", args=[voted_poll.pk])
    editor_client.post(url)
    editor_client.post(url)
    slugs = set(Poll.objects.values_list("slug", flat=True))
    assert {f"{voted_poll.slug}-kopia", f"{voted_poll.slug}-kopia-2"} <= slugs
    assert Choice.objects.count() == 9


def test_the_locked_poll_page_offers_the_copy_and_the_copy_page_asks_first(
    editor_client, voted_poll
):
    change = editor_client.get(reverse("admin:survey_poll_change", args=[voted_poll.pk]))
    copy_url = reverse("admin:survey_poll_copy", args=[voted_poll.pk])
    assert f'href="{copy_url}"' in change.content.decode()
    confirmation = editor_client.get(copy_url)
    assert confirmation.status_code == 200
    assert Poll.objects.count() == 1
    html = confirmation.content.decode()
    assert "Kopia nie będzie miała głosów" in html
    assert not BRACKETED_ENDING.search(html.split('id="content-main"', 1)[1])
    response = editor_client.post(copy_url)
    assert response.status_code == 302 and Poll.objects.count() == 2


def test_superuser_deletes_a_poll_with_ballots_only_after_ticking_the_confirmation(
    admin_client, voted_poll
):
    url = reverse("admin:survey_poll_delete", args=[voted_poll.pk])
    page = admin_client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert f'name="{CONFIRM_BALLOT_DELETION}"' in html
    assert "łącznie: 4" in html
    assert not BRACKETED_ENDING.search(html.split('id="content"', 1)[1])

    refused = admin_client.post(url, {"post": "yes"})
    assert refused.status_code == 302 and refused["Location"] == url
    assert Poll.objects.filter(pk=voted_poll.pk).exists()
    assert Ballot.objects.count() == 4
    (message,) = messages_of(refused)
    assert message.startswith("Ankieta nie została usunięta.")

    deleted = admin_client.post(url, {"post": "yes", CONFIRM_BALLOT_DELETION: "tak"})
    assert deleted.status_code == 302
    assert not Poll.objects.filter(pk=voted_poll.pk).exists()
    assert not Ballot.objects.exists() and not Choice.objects.exists()
    assert messages_of(deleted)[-1] == f"Ankieta „{voted_poll.question}” została usunięta."


def test_a_poll_without_ballots_is_deleted_with_the_usual_confirmation(admin_client):
    poll = make_poll()
    url = reverse("admin:survey_poll_delete", args=[poll.pk])
    html = admin_client.get(url).content.decode()
    assert CONFIRM_BALLOT_DELETION not in html
    assert f"Czy na pewno usunąć ankietę „{poll.question}”?" in html
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Poll.objects.exists()


def test_editors_still_cannot_delete_polls(editor_client, voted_poll):
    url = reverse("admin:survey_poll_delete", args=[voted_poll.pk])
    assert editor_client.get(url).status_code == 403
    post = {"post": "yes", CONFIRM_BALLOT_DELETION: "tak"}
    assert editor_client.post(url, post).status_code == 403
    changelist = editor_client.get(reverse("admin:survey_poll_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist
    assert Poll.objects.filter(pk=voted_poll.pk).exists()
    assert Ballot.objects.count() == 4


def test_polls_are_not_deleted_in_bulk_past_the_confirmation(admin_client, voted_poll):
    changelist = reverse("admin:survey_poll_changelist")
    assert 'value="delete_selected"' not in admin_client.get(changelist).content.decode()
    admin_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [voted_poll.pk], "post": "yes"},
    )
    assert Poll.objects.filter(pk=voted_poll.pk).exists()
