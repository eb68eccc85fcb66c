import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from survey.admin import csv_safe
from survey.models import Ballot
from tests.survey.factories import make_ballots, make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "x")
    client.force_login(user)
    return client


def _inline_data(poll):
    choices = list(poll.choices.all())
    data = {
        "question": poll.question,
        "slug": poll.slug,
        "description": "",
        "opens_at_0": "2025-01-01",
        "opens_at_1": "08:00:00",
        "closes_at_0": "2030-01-01",
        "closes_at_1": "08:00:00",
        "published_at_0": "2025-01-01",
        "published_at_1": "08:00",
        "results_visibility": "always",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": str(len(choices)),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, choice in enumerate(choices):
        data[f"choices-{index}-id"] = str(choice.pk)
        data[f"choices-{index}-poll"] = str(poll.pk)
        data[f"choices-{index}-text"] = choice.text
        data[f"choices-{index}-position"] = str(choice.position)
    return data


def test_poll_change_page_shows_read_only_counts_per_choice(admin_client):
    poll = make_poll(choices=("Bardzo dobra", "Słaba"))
    make_ballots(poll.choices.first(), 22)
    response = admin_client.get(reverse("admin:survey_poll_change", args=[poll.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bardzo dobra: 22 głosy" in page
    assert "Słaba: 0 głosów" in page
    assert 'name="choices-0-votes"' not in page  # read-only, not an input


def test_admin_poll_form_enforces_closing_after_opening(admin_client):
    poll = make_poll()
    data = _inline_data(poll)
    data["closes_at_0"] = "2024-01-01"
    response = admin_client.post(reverse("admin:survey_poll_change", args=[poll.pk]), data)
    assert response.status_code == 200
    assert "Koniec głosowania musi nastąpić po jego rozpoczęciu." in response.content.decode()


def test_ballots_cannot_be_added_or_edited_in_admin(admin_client):
    poll = make_poll()
    (ballot,) = make_ballots(poll.choices.first(), 1, comment="Dobrze")
    assert admin_client.get(reverse("admin:survey_ballot_add")).status_code == 403
    change_url = reverse("admin:survey_ballot_change", args=[ballot.pk])
    page = admin_client.get(change_url).content.decode()
    assert 'name="comment"' not in page
    admin_client.post(change_url, {"comment": "Zmienione"})
    ballot.refresh_from_db()
    assert ballot.comment == "Dobrze"


def test_comments_are_listed_for_reading(admin_client):
    poll = make_poll()
    make_ballots(poll.choices.first(), 1, prefix="a", comment="Większa czcionka")
    make_ballots(poll.choices.first(), 1, prefix="b")
    url = reverse("admin:survey_ballot_changelist") + "?z_komentarzem=tak"
    page = admin_client.get(url).content.decode()
    assert "Większa czcionka" in page
    assert "1 głos" in page or "z 2" in page or page.count('class="action-select"') == 1


def _export(admin_client, ballots):
    response = admin_client.post(
        reverse("admin:survey_ballot_changelist"),
        {"action": "export_csv", "_selected_action": [b.pk for b in ballots]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode("utf-8-sig")


def test_csv_export_has_choice_time_and_comment_but_no_hashes_or_keys(admin_client):
    poll = make_poll()
    ballots = make_ballots(
        poll.choices.first(), 2, prefix="secret-key-", address_hash="f" * 64, comment="Super"
    )
    content = _export(admin_client, ballots)
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0] == ["Ankieta", "Odpowiedź", "Oddano", "Komentarz"]
    assert len(rows) == 3
    assert rows[1][1] == poll.choices.first().text and rows[1][3] == "Super"
    assert "secret-key-" not in content
    assert "f" * 64 not in content


def test_csv_export_neutralises_formulas_in_comments(admin_client):
    poll = make_poll()
    ballots = make_ballots(poll.choices.first(), 1, comment='=HYPERLINK("http://x","y")')
    rows = list(csv.reader(io.StringIO(_export(admin_client, ballots)), delimiter=";"))
    assert rows[1][3] == '\'=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_safe_prefixes_every_formula_trigger(value):
    assert csv_safe(value) == "'" + value


def test_poll_admin_export_action_exports_the_polls_ballots(admin_client):
    poll = make_poll()
    make_ballots(poll.choices.first(), 3)
    make_ballots(make_poll().choices.first(), 5)
    response = admin_client.post(
        reverse("admin:survey_poll_changelist"),
        {"action": "export_ballots", "_selected_action": [poll.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4


def test_admin_lists_render(admin_client):
    poll = make_poll()
    make_ballots(poll.choices.first(), 2)
    assert admin_client.get(reverse("admin:survey_poll_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:survey_ballot_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:survey_poll_add")).status_code == 200
    assert Ballot.objects.count() == 2
