import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from projects.models import Partner, PartnerRole, Project, ProjectStatus, TargetGroup
from projects.views import ProjectFilters
from tests.projects.factories import (
    add_goal,
    add_outcome,
    make_full_project,
    make_group,
    make_many_projects,
    make_partner,
    make_project,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [project.title for project in response.context["projects"]]


@pytest.fixture
def catalogue():
    """Four projects that differ in status, group and partner."""
    seniors = make_group("seniorzy", "seniorzy")
    homeless = make_group("osoby bezdomne", "osoby-bezdomne")
    police = make_partner("Komenda Powiatowa Policji", "policja")
    tbs = make_partner("TBS „Złotnicki”", "tbs")
    now = timezone.now()
    make_project(
        "Bezpieczny rejon",
        groups=[seniors],
        partners=[police, tbs],
        published_at=now - dt.timedelta(days=4),
    )
    make_project(
        "Szansa dla Ciebie",
        groups=[homeless],
        partners=[police],
        lead="Wyjście z bezdomności.",
        published_at=now - dt.timedelta(days=3),
    )
    make_project(
        "Mieszkanie bez długu",
        status=ProjectStatus.COMPLETED,
        groups=[homeless, seniors],
        partners=[tbs],
        published_at=now - dt.timedelta(days=2),
    )
    make_project("Szkic", published=False, groups=[seniors], partners=[police])
    return {"seniors": seniors, "homeless": homeless, "police": police, "tbs": tbs}


def test_list_shows_published_projects_newest_first(client, catalogue):
    response = client.get("/projekty/")
    assert response.status_code == 200
    assert titles(response) == ["Mieszkanie bez długu", "Szansa dla Ciebie", "Bezpieczny rejon"]
    assert "Znaleziono 3 projekty." in response.text


def test_list_hides_drafts_even_from_staff(admin_client, catalogue):
    assert "Szkic" not in titles(admin_client.get("/projekty/"))


def test_status_filter(client, catalogue):
    response = client.get("/projekty/", {"status": "completed"})
    assert titles(response) == ["Mieszkanie bez długu"]
    assert "Znaleziono 1 projekt." in response.text


def test_target_group_filter(client, catalogue):
    response = client.get("/projekty/", {"grupa": "osoby-bezdomne"})
    assert titles(response) == ["Mieszkanie bez długu", "Szansa dla Ciebie"]


def test_partner_filter(client, catalogue):
    response = client.get("/projekty/", {"partner": "policja"})
    assert titles(response) == ["Szansa dla Ciebie", "Bezpieczny rejon"]


def test_search_matches_title_and_lead_ignoring_case(client, catalogue):
    assert titles(client.get("/projekty/", {"q": "bezpieczny"})) == ["Bezpieczny rejon"]
    # SQLite folds only ASCII letters; PostgreSQL folds Polish ones as well.
    assert titles(client.get("/projekty/", {"q": "WYJ"})) == ["Szansa dla Ciebie"]


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("dlugu", ["Mieszkanie bez długu"]),
        ("DŁUGU", ["Mieszkanie bez długu"]),
        ("bezdomnych", ["Mieszkanie bez długu", "Szansa dla Ciebie"]),
        ("policji szansa", ["Szansa dla Ciebie"]),
    ],
)
def test_list_phrase_matches_polish_words_like_the_site_search_newest_first(
    client, catalogue, q, found
):
    # Without diacritics, inflected, in target groups and partners, every word.
    assert titles(client.get("/projekty/", {"q": q})) == found
    site_search = client.get("/szukaj/", {"q": q}).content.decode()
    for title in found:
        assert f'href="/projekty/{Project.objects.get(title=title).slug}/"' in site_search


def test_filters_combine(client, catalogue):
    response = client.get("/projekty/", {"grupa": "seniorzy", "partner": "tbs"})
    assert titles(response) == ["Mieszkanie bez długu", "Bezpieczny rejon"]
    response = client.get(
        "/projekty/", {"grupa": "seniorzy", "partner": "tbs", "status": "ongoing"}
    )
    assert titles(response) == ["Bezpieczny rejon"]
    response = client.get(
        "/projekty/", {"grupa": "osoby-bezdomne", "partner": "policja", "q": "szansa"}
    )
    assert titles(response) == ["Szansa dla Ciebie"]


def test_combined_filters_that_match_nothing_say_so(client, catalogue):
    response = client.get("/projekty/", {"status": "completed", "partner": "policja"})
    assert titles(response) == []
    assert "Żaden projekt nie pasuje do wybranych filtrów." in response.text
    assert "Znaleziono 0 projektów." in response.text


def test_project_with_two_matching_partners_is_listed_once(client, catalogue):
    response = client.get("/projekty/", {"q": "rejon"})
    assert titles(response) == ["Bezpieczny rejon"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "zawieszony"}, "Nie ma etapu projektu „zawieszony”."),
        ({"grupa": "marsjanie"}, "Nie ma projektów dla grupy docelowej „marsjanie”."),
        ({"partner": "nikt"}, "Nie ma projektów z partnerem „nikt”."),
        ({"partner": "<b>x</b>"}, "Nie ma projektów z partnerem „&lt;b&gt;x&lt;/b&gt;”."),
    ],
)
def test_unknown_filter_value_gives_empty_list_with_message(client, catalogue, params, message):
    response = client.get("/projekty/", params)
    assert response.status_code == 200
    assert titles(response) == []
    assert message in response.text


def test_filter_for_a_group_with_only_draft_projects_is_unknown(client, catalogue):
    make_project("Tylko szkic", published=False, groups=[make_group(slug="ukryta")])
    response = client.get("/projekty/", {"grupa": "ukryta"})
    assert titles(response) == []
    assert "„ukryta”" in response.text


def test_filter_form_offers_known_values_and_keeps_the_choice(client, catalogue):
    response = client.get("/projekty/", {"grupa": "seniorzy", "q": "rejon"})
    assert '<option value="seniorzy" selected>seniorzy</option>' in response.text
    assert 'name="q" value="rejon"' in response.text
    assert '<option value="policja">Komenda Powiatowa Policji</option>' in response.text


def test_list_pages_by_twelve(client):
    group = make_group(slug="wszyscy")
    make_many_projects(25, [group], [make_partner()])
    first = client.get("/projekty/")
    assert len(first.context["projects"]) == 12
    third = client.get("/projekty/", {"page": 3})
    assert len(third.context["projects"]) == 1
    assert "Znaleziono 25 projektów." in third.text


def test_pagination_links_keep_the_filters(client):
    group = make_group(slug="wszyscy")
    make_many_projects(13, [group], [make_partner(slug="p1")])
    response = client.get("/projekty/", {"grupa": "wszyscy", "partner": "p1", "q": "masowy"})
    assert 'href="?grupa=wszyscy&amp;partner=p1&amp;q=masowy&amp;page=2"' in response.text
    second = client.get(
        "/projekty/", {"grupa": "wszyscy", "partner": "p1", "q": "masowy", "page": 2}
    )
    assert len(second.context["projects"]) == 1
    assert second.context["filters"].group == "wszyscy"


@pytest.mark.parametrize(("q", "found"), [("x" * 5000, 0), ("%", 0), ("_", 0), ("'; DROP", 0)])
def test_odd_search_phrases_never_break_the_list(client, catalogue, q, found):
    response = client.get("/projekty/", {"q": q})
    assert response.status_code == 200
    assert len(titles(response)) == found


def test_search_phrase_loses_nul_characters_that_postgresql_would_refuse():
    # The site middleware already answers 400 to NUL in the address; the
    # filter does not rely on it.
    assert ProjectFilters({"q": " rej\x00on "}).q == "rejon"
    assert ProjectFilters({"q": "x" * 500}).q == "x" * 100


@pytest.mark.parametrize("page", ["abc", "99", "0"])
def test_bad_page_number_is_404_not_500(client, catalogue, page):
    assert client.get("/projekty/", {"page": page}).status_code == 404


def test_empty_list_has_a_polish_note(client):
    response = client.get("/projekty/")
    assert "Nie opublikowaliśmy jeszcze żadnego projektu." in response.text


def test_detail_shows_goals_partners_in_order_outcomes_and_contact(client):
    project = make_full_project(title="Szansa dla Ciebie", slug="szansa-dla-ciebie")
    response = client.get("/projekty/szansa-dla-ciebie/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Szansa dla Ciebie</h1>" in html
    assert html.index("Pierwszy cel.") < html.index("Drugi cel.")
    names = [p.partner.name for p in project.partnerships.all()]
    assert html.index(names[0]) < html.index(names[1]) < html.index(names[2])
    assert f"{names[0]}</a> — lider" in html
    assert '<th scope="col">Planowano</th>' in html
    assert '<th scope="col">Osiągnięto</th>' in html
    assert "<td>150 osób</td>" in html and "<td>145 osób</td>" in html
    assert 'href="tel:+48150002001"' in html
    assert "Zgłoś się do pracownika socjalnego." in html
    assert project.target_groups.get().get_absolute_url() in html


def test_detail_without_planned_values_shows_only_the_achieved_column(client):
    project = make_project(slug="p")
    add_outcome(project, "ukończyło", 96)
    html = client.get("/projekty/p/").text
    assert "Osiągnięto" in html and "Planowano" not in html


def test_detail_escapes_editor_text(client):
    project = make_project(slug="p", main_goal="<script>alert(1)</script>")
    add_goal(project, "<b>cel</b>")
    html = client.get("/projekty/p/").text
    assert "<script>alert(1)" not in html and "&lt;b&gt;cel&lt;/b&gt;" in html


def test_unknown_slug_is_404(client):
    assert client.get("/projekty/nie-ma-takiego/").status_code == 404


def test_draft_project_is_404_for_anonymous_but_visible_to_staff(client, admin_client):
    make_project("Szkic", slug="szkic", published=False)
    assert client.get("/projekty/szkic/").status_code == 404
    response = admin_client.get("/projekty/szkic/")
    assert response.status_code == 200
    assert "Podgląd: tego projektu mieszkańcy teraz nie widzą. Szkic." in response.text


def test_project_scheduled_for_later_is_404_until_its_publication_time(client):
    make_project(slug="pozniej", published_at=timezone.now() + dt.timedelta(hours=1))
    assert client.get("/projekty/pozniej/").status_code == 404


def test_rss_feed_is_xml_with_published_projects_only(client, catalogue):
    response = client.get("/projekty/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 -- our own output, in a test
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == [
        "Mieszkanie bez długu",
        "Szansa dla Ciebie",
        "Bezpieczny rejon",
    ]
    assert root.findtext("./channel/title") == "Projekty socjalne ośrodka pomocy społecznej"
    link = items[0].findtext("link")
    assert link.startswith("http://testserver/projekty/projekt-")


def test_home_page_lists_ongoing_projects_first(client, centre):
    now = timezone.now()
    make_project("Zakończony", status=ProjectStatus.COMPLETED, published_at=now)
    make_project("Trwający", status=ProjectStatus.ONGOING, published_at=now - dt.timedelta(days=9))
    make_project("Szkic domowy", published=False)
    html = client.get("/").text
    assert 'aria-labelledby="projekty-home"' in html
    assert html.index("Trwający") < html.index("Zakończony")
    assert "Szkic domowy" not in html


def _scale(count):
    groups = [make_group() for _ in range(3)]
    partners = [make_partner() for _ in range(5)]
    make_many_projects(count, groups, partners)
    make_many_projects(count, [TargetGroup.objects.get(slug="g")], [Partner.objects.get(slug="p")])


@pytest.mark.parametrize("params", [{}, {"grupa": "g", "partner": "p", "q": "masowy"}])
def test_list_query_count_does_not_grow_with_projects(
    client, centre, django_assert_num_queries, params
):
    make_group(slug="g")
    make_partner(slug="p")
    _scale(5)
    assert Project.objects.count() == 10
    # A phrase asks the search index which dictionary forms its words have (1).
    expected = LIST_QUERIES + ("q" in params)
    with django_assert_num_queries(expected):
        small = client.get("/projekty/", params)
    _scale(145)
    assert Project.objects.count() == 300
    with django_assert_num_queries(expected):
        large = client.get("/projekty/", params)
    assert len(small.context["projects"]) == (10 if not params else 5)
    assert len(large.context["projects"]) == 12


def test_detail_query_count_does_not_grow_with_projects_or_partners(
    client, centre, django_assert_num_queries
):
    project = make_full_project(slug="pelny")
    make_group(slug="g")
    make_partner(slug="p")
    _scale(5)
    assert Project.objects.count() == 11
    with django_assert_num_queries(DETAIL_QUERIES):
        small = client.get("/projekty/pelny/")
    assert small.status_code == 200
    _scale(145)
    assert Project.objects.count() == 301
    for n in range(20):
        make_partner().partnerships.create(
            project=project, order=10 + n, role=PartnerRole.COALITION
        )
        add_outcome(project, f"wskaźnik {n}", planned=n)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get("/projekty/pelny/")
    assert response.text.count("partner koalicyjny") == 20


# Centre with phones, hours and special days (4); the urgent-news banner (1);
# groups and partners for the form (2); the next publication change (1); count, page,
# the page's target groups (3).
LIST_QUERIES = 11
# Centre (4); the banner (1); the project (1); goals, groups, partnerships with
# partners, outcomes, documents (5).
DETAIL_QUERIES = 11
