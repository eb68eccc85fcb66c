"""Who reads what of the residents' votes in the admin: editors get counts and comments,
single ballots (answer, time and comment together) need survey.read_ballots."""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from survey.exports import XLSX_CONTENT_TYPE
from tests.survey.factories import make_ballots, make_poll

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"


def staff_client(client, username, *permissions):
    user = get_user_model().objects.create_user(username, is_staff=True)
    for codename in permissions:
        app_label, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    client.force_login(user)
    return client


@pytest.fixture
def voted_poll():
    """A poll with 2 + 1 ballots: two with comments, one of them HTML."""
    poll = make_poll(choices=("Bardzo dobra", "Słaba", "Nie mam zdania"))
    first, second, _ = poll.choices.all()
    make_ballots(first, 1, prefix="a", comment="Większa czcionka, proszę")
    make_ballots(first, 1, prefix="b", comment="<b>Jan Kowalski</b>, tel. 600 000 000")
    make_ballots(second, 1, prefix="c")
    return poll


def spreadsheet_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(BOM)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_editors_are_not_offered_and_cannot_run_the_ballot_export_of_the_poll_list(
    editor_client, voted_poll
):
    changelist = reverse("admin:survey_poll_changelist")
    page = editor_client.get(changelist).content.decode()
    assert 'value="export_results"' in page
    assert 'value="export_ballots"' not in page
    response = editor_client.post(
        changelist, {"action": "export_ballots", "_selected_action": [voted_poll.pk]}
    )
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert b"Kowalski" not in response.content


@pytest.mark.parametrize("page", ["changelist", "change", "history", "delete", "changelist_export"])
def test_editors_cannot_open_any_page_or_action_of_single_ballots(editor_client, voted_poll, page):
    ballot = voted_poll.ballots.first()
    if page == "changelist":
        response = editor_client.get(reverse("admin:survey_ballot_changelist"))
    elif page == "changelist_export":
        response = editor_client.post(
            reverse("admin:survey_ballot_changelist"),
            {"action": "export_csv", "_selected_action": [ballot.pk]},
        )
    else:
        response = editor_client.get(reverse(f"admin:survey_ballot_{page}", args=[ballot.pk]))
    assert response.status_code == 403
    assert b"Kowalski" not in response.content


def test_editors_export_votes_per_answer_as_a_csv_polish_excel_opens_in_columns(
    editor_client, voted_poll
):
    response = editor_client.post(
        reverse("admin:survey_poll_changelist"),
        {"action": "export_results", "_selected_action": [voted_poll.pk]},
    )
    rows = spreadsheet_rows(response)
    question = voted_poll.question
    assert rows == [
        ["Ankieta", "Odpowiedź", "Głosy", "Procent głosów"],
        [question, "Bardzo dobra", "2", "66,7"],
        [question, "Słaba", "1", "33,3"],
        [question, "Nie mam zdania", "0", "0,0"],
        [question, "Razem", "3", "100,0"],
    ]
    assert b"Kowalski" not in response.content and b"czcionka" not in response.content


def test_editors_download_one_polls_results_from_its_page(editor_client, voted_poll):
    url = reverse("admin:survey_poll_results_csv", args=[voted_poll.pk])
    rows = spreadsheet_rows(editor_client.get(url))
    assert rows[-1] == [voted_poll.question, "Razem", "3", "100,0"]
    assert (
        editor_client.get(url)["Content-Disposition"]
        == f'attachment; filename="ankieta-{voted_poll.slug}-wyniki.csv"'
    )


def test_csv_keeps_polish_text_intact_between_semicolons(editor_client):
    poll = make_poll(question="Czy łatwo znaleźć godziny pracy?", choices=("Żółć; tak", "Nie"))
    make_ballots(poll.choices.first(), 2)
    response = editor_client.get(reverse("admin:survey_poll_results_csv", args=[poll.pk]))
    assert response.content.startswith(BOM)
    lines = response.content[len(BOM) :].decode("utf-8").splitlines()
    assert lines[0] == "Ankieta;Odpowiedź;Głosy;Procent głosów"
    # A semicolon inside an answer is quoted, so the columns stay where they are.
    assert lines[1] == 'Czy łatwo znaleźć godziny pracy?;"Żółć; tak";2;100,0'


def test_editors_download_one_polls_results_as_xlsx_with_the_counts(editor_client, voted_poll):
    response = editor_client.get(reverse("admin:survey_poll_results_xlsx", args=[voted_poll.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="ankieta-{voted_poll.slug}-wyniki.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    question = voted_poll.question
    assert rows[0] == ["Ankieta", "Odpowiedź", "Głosy", "Procent głosów"]
    assert rows[1][:3] == [question, "Bardzo dobra", 2]
    assert rows[1][3] == pytest.approx(2 / 3)
    assert sheet["D2"].number_format == "0.0%"
    assert rows[2][:3] == [question, "Słaba", 1]
    assert rows[3][:3] == [question, "Nie mam zdania", 0]
    assert rows[4] == [question, "Razem", 3, 1.0]
    assert b"Kowalski" not in response.content and b"czcionka" not in response.content


def test_xlsx_writes_a_formula_like_answer_as_text(editor_client):
    poll = make_poll(choices=('=HYPERLINK("http://zly.example","klik")', "Nie"))
    response = editor_client.get(reverse("admin:survey_poll_results_xlsx", args=[poll.pk]))
    cell = load_workbook(io.BytesIO(response.content)).active["B2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")


def test_editors_read_comments_with_a_personal_data_note_and_without_times_or_answers(
    editor_client, voted_poll
):
    response = editor_client.get(reverse("admin:survey_poll_comments", args=[voted_poll.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Komentarze mogą zawierać dane osobowe — nie kopiuj ich poza system." in page
    assert "Większa czcionka, proszę" in page
    assert "&lt;b&gt;Jan Kowalski&lt;/b&gt;" in page  # escaped, as text
    assert "<b>Jan Kowalski</b>" not in page
    content = page.split('id="content-main"', 1)[1]
    assert "Bardzo dobra" not in content and "Słaba" not in content
    assert not re.search(r"\d{1,2}:\d{2}", content)  # no time of day


def test_comments_are_paged(editor_client):
    poll = make_poll()
    make_ballots(poll.choices.first(), 60, comment="Komentarz")
    url = reverse("admin:survey_poll_comments", args=[poll.pk])
    assert editor_client.get(url).content.decode().count("<li>Komentarz</li>") == 50
    second = editor_client.get(url + "?strona=2").content.decode()
    assert second.count("<li>Komentarz</li>") == 10
    assert "Strona 2 z 2" in second


def object_tool_links(page):
    tools = page.split('class="object-tools"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', tools)


def test_poll_page_shows_editors_only_links_they_may_open(editor_client, voted_poll):
    page = editor_client.get(reverse("admin:survey_poll_change", args=[voted_poll.pk]))
    links = object_tool_links(page.content.decode())
    labels = [label for _, label in links]
    assert "Komentarze do przeczytania: 2" in labels
    assert "Wyniki do arkusza (CSV)" in labels
    assert "Wyniki do Excela (XLSX)" in labels
    assert not any("Wszystkie głosy" in label for label in labels)
    assert not any("/survey/ballot/" in url for url, _ in links)
    for url, label in links:
        # "Pokaż na stronie" answers with a redirect to the public page.
        response = editor_client.get(url.replace("&amp;", "&"))
        assert response.status_code in (200, 302), label


def test_a_holder_of_read_ballots_sees_and_exports_single_ballots(client, voted_poll):
    reader = staff_client(client, "iod", "survey.view_poll", "survey.read_ballots")
    page = reader.get(reverse("admin:survey_poll_change", args=[voted_poll.pk])).content.decode()
    links = {label: url for url, label in object_tool_links(page)}
    assert reader.get(links["Wszystkie głosy"].replace("&amp;", "&")).status_code == 200
    response = reader.post(
        reverse("admin:survey_poll_changelist"),
        {"action": "export_ballots", "_selected_action": [voted_poll.pk]},
    )
    rows = spreadsheet_rows(response)
    assert rows[0] == ["Ankieta", "Odpowiedź", "Oddano", "Komentarz"]
    assert len(rows) == 4
    assert any("Kowalski" in row[3] for row in rows)
    response = reader.post(
        reverse("admin:survey_ballot_changelist"),
        {"action": "export_csv", "_selected_action": [voted_poll.ballots.first().pk]},
    )
    assert len(spreadsheet_rows(response)) == 2


def test_the_default_view_ballot_permission_alone_opens_no_ballot(client, voted_poll):
    viewer = staff_client(client, "podglad", "survey.view_poll", "survey.view_ballot")
    assert viewer.get(reverse("admin:survey_ballot_changelist")).status_code == 403
    ballot = voted_poll.ballots.first()
    assert viewer.get(reverse("admin:survey_ballot_change", args=[ballot.pk])).status_code == 403


def test_staff_without_poll_permissions_cannot_read_comments_or_results(client, voted_poll):
    stranger = staff_client(client, "obcy", "projects.view_project")
    for name in ["survey_poll_comments", "survey_poll_results_csv", "survey_poll_copy"]:
        response = stranger.get(reverse(f"admin:{name}", args=[voted_poll.pk]))
        assert response.status_code == 403, name


def test_an_editor_of_the_group_opens_comments_and_exports_but_not_single_ballots(
    editor_client, voted_poll
):
    for name in ["survey_poll_comments", "survey_poll_results_csv", "survey_poll_results_xlsx"]:
        assert editor_client.get(reverse(f"admin:{name}", args=[voted_poll.pk])).status_code == 200
    response = editor_client.post(
        reverse("admin:survey_ballot_changelist"),
        {"action": "export_csv", "_selected_action": [voted_poll.ballots.first().pk]},
    )
    assert response.status_code == 403
