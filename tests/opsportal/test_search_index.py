"""The search index and what residents search for: updates, publication moments, the report."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from core import search_log
from core.models import SearchDocument, SearchQueryCount
from core.search import Query
from core.text import lemmas
from opsportal.search import search
from tests.communities.factories import make_area, make_site
from tests.projects.factories import add_goal, make_group, make_project

pytestmark = pytest.mark.django_db


def found(q):
    """The result links of the site search for ``q``, in the order shown."""
    return [hit.url for group in search(Query.parse(q)).groups for hit in group.hits]


def project_titles(client, q):
    response = client.get("/projekty/", {"q": q})
    assert response.status_code == 200
    return [project.title for project in response.context["projects"]]


# The dictionary


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("bezdomnym", "bezdomny"),
        ("bezdomnych", "bezdomny"),
        ("rodzinami", "rodzina"),
        ("Długów", "dlug"),
        ("zasiłku", "zasilek"),
        ("społecznej", "spoleczny"),
    ],
)
def test_inflected_words_come_to_their_folded_dictionary_form(word, lemma):
    assert lemma in lemmas(word)


def test_a_word_the_dictionary_does_not_know_has_no_forms():
    assert lemmas("zzzyzx") == ()


# Saves and deletes


def test_a_saved_record_is_found_and_a_deleted_one_is_not():
    project = make_project("Ogród kwiatowy", slug="ogrod")
    assert found("kwiatowe") == ["/projekty/ogrod/"]
    project.title = "Ogród warzywny"
    project.save()
    assert found("kwiatowe") == []
    assert found("warzywny") == ["/projekty/ogrod/"]
    project.delete()
    assert found("warzywny") == []
    assert not SearchDocument.objects.filter(kind="projekty").exists()


def test_to_many_texts_update_their_records_document():
    project = make_project("Pierwszy", slug="pierwszy")
    goal = add_goal(project, "Wsparcie dla rowerzystów.")
    assert found("rowerzysta") == ["/projekty/pierwszy/"]
    goal.delete()
    assert found("rowerzysta") == []
    project.target_groups.add(make_group("żeglarze", "zeglarze"))
    assert found("zeglarzom") == ["/projekty/pierwszy/"]
    project.target_groups.clear()
    assert found("zeglarzom") == []


def test_renaming_an_area_updates_the_documents_of_its_sites():
    area = make_area(name="Osiedle Zielone", slug="zielone")
    make_site(area, name="Świetlica")
    assert any(url.startswith("/osl/zielone/#mal-") for url in found("zielonym"))
    area.name = "Osiedle Słoneczne"
    area.save()
    assert any(url.startswith("/osl/zielone/#mal-") for url in found("słonecznym"))
    assert found("zielonym") == []


def test_a_scheduled_record_is_found_from_its_moment_and_not_after_its_end(clock):
    now = timezone.now()
    make_project(
        "Ferie zimowe",
        slug="ferie",
        published_at=now + dt.timedelta(days=1),
        expires_at=now + dt.timedelta(days=3),
    )
    assert found("ferii") == []
    clock.now += dt.timedelta(days=2)
    assert found("ferii") == ["/projekty/ferie/"]
    clock.now += dt.timedelta(days=2)
    assert found("ferii") == []


def test_drafts_are_indexed_but_never_found():
    make_project("Szkic tajny", slug="tajny", published=False)
    assert SearchDocument.objects.filter(kind="projekty").count() == 1
    assert found("tajny") == []


def test_the_command_rebuilds_the_index_from_the_records():
    make_project("Mieszkanie bez długu", slug="dlug")
    SearchDocument.objects.all().delete()
    assert found("dlugu") == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "Indexed 1 record(s)." in out.getvalue()
    assert found("dlugu") == ["/projekty/dlug/"]


# Every box


def test_the_project_list_box_finds_inflected_words_without_diacritics(client, centre):
    call_command("load_demo", stdout=io.StringIO())
    assert "Mieszkanie bez długu" in project_titles(client, "dlugu")
    assert "Szansa dla Ciebie" in project_titles(client, "bezdomnym")
    assert "Wspólnymi siłami" in project_titles(client, "rodzinami")
    assert project_titles(client, "zzzyzx") == []


def test_the_forms_of_help_box_finds_through_the_index(client, centre):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/pomoc/", {"q": "zasilku okresowego"})
    forms = [form.title for c in response.context["categories"] for form in c.published_forms]
    assert forms == ["Zasiłek okresowy"]
    html = client.get("/pomoc/", {"q": "zzzyzx"}).content.decode()
    assert "Nie znaleźliśmy niczego dla „zzzyzx”." in html
    assert 'href="/szukaj/?q=zzzyzx"' in html


def test_the_news_box_finds_through_the_index(client, centre):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/aktualnosci/", {"q": "mrozow"})
    assert [item.slug for item in response.context["news_items"]] == ["mrozy-punkt-ogrzewania"]
    assert "Nie znaleźliśmy niczego" in client.get("/aktualnosci/", {"q": "zzzyzx"}).text


# The results page


def demo_results_page(client, q):
    call_command("load_demo", stdout=io.StringIO())
    response = client.get("/szukaj/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_a_misspelling_is_answered_with_similar_words(client, centre):
    html = demo_results_page(client, "psyholog")
    assert "Nie znaleźliśmy niczego dla „psyholog”." in html
    assert 'Czy chodziło Ci o: <a href="/szukaj/?q=psycholog">psycholog</a>?' in html
    assert "/pomoc/poradnictwo-specjalistyczne/" in html


def test_no_results_offer_the_forms_of_help_and_contact(client, centre):
    html = demo_results_page(client, "zzzyzx")
    assert "Nie znaleźliśmy niczego dla „zzzyzx”." in html
    assert 'href="/pomoc/"' in html
    assert 'href="/kontakt/"' in html
    assert "Czy chodziło Ci o" not in html


# What residents search for


def test_each_search_is_counted_by_its_folded_words_and_nothing_else(client, centre):
    make_project("Mieszkanie bez długu", slug="dlug")
    for q in ("Długu", "dlugu", "  DŁUGU "):
        response = client.get("/szukaj/", {"q": q})
        # Never from the page cache, where a search would go uncounted.
        assert "private" in response["Cache-Control"]
    client.get("/szukaj/", {"q": "zzzyzx"})
    rows = {row.query: row for row in SearchQueryCount.objects.all()}
    assert set(rows) == {"dlugu", "zzzyzx"}
    assert (rows["dlugu"].count, rows["dlugu"].results) == (3, 1)
    assert (rows["zzzyzx"].count, rows["zzzyzx"].results) == (1, 0)
    assert rows["dlugu"].day == timezone.localdate()
    fields = {field.name for field in SearchQueryCount._meta.get_fields()}
    assert fields == {"id", "day", "query", "results", "count"}


@pytest.mark.parametrize(
    "q",
    [
        "",
        "a",
        "http://spam.example/kup-teraz",
        "<script>alert(1)</script>",
        "słowo " * 20,
        "x" * 200,
    ],
)
def test_empty_and_machine_like_queries_are_not_counted(client, centre, q):
    assert client.get("/szukaj/", {"q": q}).status_code == 200
    assert not SearchQueryCount.objects.exists()


def test_the_count_grows_in_one_statement_per_search():
    query = Query.parse("zasiłek okresowy")
    search_log.record(query, 2)
    search_log.record(query, 3)
    row = SearchQueryCount.objects.get()
    assert (row.query, row.count, row.results) == ("zasilek okresowy", 2, 3)


def test_counts_older_than_a_year_go_with_the_retention_command():
    today = timezone.localdate()
    query = Query.parse("pomoc")
    search_log.record(query, 1, today=today - dt.timedelta(days=366))
    search_log.record(query, 1, today=today - dt.timedelta(days=365))
    search_log.record(query, 1, today=today)
    call_command("purge_ballot_addresses", stdout=io.StringIO())
    assert sorted(SearchQueryCount.objects.values_list("day", flat=True)) == [
        today - dt.timedelta(days=365),
        today,
    ]


REPORT = "/admin/core/searchquerycount/"


def test_editors_see_what_residents_searched_for_and_did_not_find(editor_client):
    today = timezone.localdate()
    for _ in range(3):
        search_log.record(Query.parse("zasiłek okresowy"), 1, today=today)
    search_log.record(Query.parse("becikowe"), 0, today=today - dt.timedelta(days=2))
    search_log.record(Query.parse("karta dużej rodziny"), 0, today=today - dt.timedelta(days=20))
    html = editor_client.get(REPORT).content.decode()
    assert "Czego szukają mieszkańcy" in html
    missed, most = html.split('id="najczestsze"')
    assert "becikowe" in missed and "zasilek okresowy" not in missed
    assert "karta duzej rodziny" not in html
    assert most.index("zasilek okresowy") < most.index("becikowe")
    assert '<td><a href="/szukaj/?q=zasilek%20okresowy">zasilek okresowy</a></td><td>3</td>' in most
    html = editor_client.get(REPORT, {"okres": "30"}).content.decode()
    assert "karta duzej rodziny" in html
    # An unknown period is the last week, not an error.
    assert editor_client.get(REPORT, {"okres": "x"}).status_code == 200


def test_the_report_is_for_editors_only(client):
    user = get_user_model().objects.create_user("praktykant", is_staff=True)
    client.force_login(user)
    assert client.get(REPORT).status_code == 403
