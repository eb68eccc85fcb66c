"""Site search: Polish-aware matching, ranking, safe highlighting, hostile input, query counts."""

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.models import Initiative
from communities.streets import street_key
from core.search import Query, excerpt, highlight
from core.text import fold, stem
from opsportal.search import search, site_kinds
from projects.models import Project
from tests.communities.factories import make_area, make_event, make_site
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

RESULT_LINK = re.compile(
    r'<ol class="search-results[^"]*">\s*<li[^>]*>\s*<h3[^>]*><a href="([^"]+)"'
)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def first_result(client, q):
    response = client.get("/szukaj/", {"q": q})
    assert response.status_code == 200
    match = RESULT_LINK.search(response.content.decode())
    return match.group(1) if match else None


def result_urls(q):
    results = search(Query.parse(q))
    return {group.key: [hit.url for hit in group.hits] for group in results.groups}


# Folding and stemming


def test_folding_drops_case_and_polish_diacritics_including_l_with_stroke():
    assert fold("Mieszkanie bez DŁUGU") == "mieszkanie bez dlugu"
    assert fold("Częstocice, ŻÓŁĆ, źdźbło") == "czestocice, zolc, zdzblo"


def test_folding_plain_ascii_only_lowers_the_case_and_other_text_drops_accents():
    assert fold("Ul. GUTWIN 12-a_b") == "ul. gutwin 12-a_b"
    assert fold("Zażółć GĘŚLĄ jaźń, Straße") == "zazolc gesla jazn, strasse"


@pytest.mark.parametrize("word", ["bezdomnych", "bezdomna", "bezdomne", "bezdomnosci", "bezdomnej"])
def test_inflected_forms_share_a_stem(word):
    assert stem(word) == "bezdomn"


def test_stemming_keeps_at_least_four_letters():
    assert stem("dlugu") == "dlug"
    assert stem("domy") == "domy"


FOREIGN_LETTERS = "Łąkowa ŁĄKOWA Straße Øster Sæby Æble Đakovo"


def test_street_keys_fold_letters_with_the_same_table_as_the_search():
    for name in FOREIGN_LETTERS.split():
        assert street_key(name) == fold(name)
    assert fold(FOREIGN_LETTERS) == "lakowa lakowa strasse oster saeby aeble dakovo"


def test_query_keeps_the_first_hundred_characters_and_says_so():
    query = Query.parse("pomoc " * 100)
    assert len(query.text) <= 100
    assert query.shortened
    assert query.stems == ("pomoc",)


def test_query_drops_control_characters_and_lone_surrogates():
    query = Query.parse("dł\x00ugu\ud800 \x1b")
    assert "\x00" not in query.text and "\ud800" not in query.text
    assert query.problem == ""


def test_highlighting_escapes_the_text_before_marking_matches():
    html = highlight('Mieszkanie bez długu <img src=x onerror="alert(1)">', ("dlug",))
    assert html == (
        "Mieszkanie bez <mark>długu</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    )


def test_excerpt_is_none_without_a_match_and_marks_inflected_forms():
    assert excerpt("Pomoc w spłacie czynszu.", ("dlug",)) is None
    assert "<mark>bezdomności</mark>" in excerpt("Wyjście z bezdomności.", ("bezdomn",))


# The four queries of the issue, on whichever database DATABASE_URL names


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("dlugu", "/projekty/mieszkanie-bez-dlugu/"),
        ("DŁUGU", "/projekty/mieszkanie-bez-dlugu/"),
        ("długu", "/projekty/mieszkanie-bez-dlugu/"),
        ("bezdomnych", "/pomoc/schronienie/"),
        ("bezdomnym", "/pomoc/schronienie/"),
        ("Gutwin", "/osl/gutwin/"),
    ],
)
def test_example_query_puts_the_right_page_first(client, demo, q, expected):
    # An activity site is a section of its area's page.
    assert first_result(client, q).split("#")[0] == expected


def test_a_search_repeated_finds_and_shows_the_same(demo):
    # The SQL of a kind's own texts is compiled by the first search and reused.
    def shown(q):
        return [
            [(hit.url, hit.title, hit.snippet, hit.meta) for hit in group.hits]
            for group in search(Query.parse(q)).groups
        ]

    first = shown("rodzina")
    assert any(first)
    assert shown("rodzina") == first


def test_logopeda_finds_only_the_areas_with_a_speech_therapist_on_duty(demo):
    assert result_urls("logopeda")["obszary"] == ["/osl/gutwin/"]


def test_psycholog_finds_both_areas_with_a_psychologist(demo):
    assert set(result_urls("psycholog")["obszary"]) == {"/osl/gutwin/", "/osl/czestocice/"}


def test_matches_partner_names_goals_and_target_groups(demo):
    assert "/projekty/szansa-dla-ciebie/" in result_urls("schronisko")["projekty"]
    assert "/projekty/mieszkanie-bez-dlugu/" in result_urls("utracie mieszkania")["projekty"]
    assert "/projekty/innowacyjnosc-w-dzialaniu/" in result_urls("seniorzy")["projekty"]


def test_finds_areas_by_street_and_sites_by_address(demo):
    assert result_urls("Samsonowicza")["obszary"] == ["/osl/czestocice/"]
    assert result_urls("Czestocicka 40")["miejsca"] == [
        f"/osl/czestocice/#mal-{site_pk('Miejsce Aktywności Lokalnej Częstocice')}"
    ]


def site_pk(name):
    from communities.models import ActivitySite

    return ActivitySite.objects.get(name=name).pk


def test_every_word_must_match(demo):
    urls = result_urls("szkoła rodziny gutwin")
    assert urls["inicjatywy"] == [urls["inicjatywy"][0]]
    assert urls["inicjatywy"][0].startswith("/osl/gutwin/#inicjatywa-")
    assert all("czestocice" not in url for url in urls["wydarzenia"])


def test_results_are_grouped_with_polish_plural_counts(client, demo):
    html = client.get("/szukaj/", {"q": "Gutwin"}).content.decode()
    assert "Znaleźliśmy 6 wyników dla „Gutwin”." in html
    assert "2 wydarzenia" in html
    assert "1 aktualność" in html
    assert "1 obszar" in html
    assert "1 klub lub inicjatywa" in html
    # The kind with the best hit first, and so on.
    groups = [group for group in search(Query.parse("Gutwin")).groups if group.total]
    bests = [group.best for group in groups]
    assert bests == sorted(bests, reverse=True)
    positions = [html.index(f'id="wyniki-{group.key}"') for group in groups]
    assert positions == sorted(positions)


def test_the_query_is_shown_back_in_the_form_and_the_summary(client, demo):
    html = client.get("/szukaj/", {"q": "dlugu"}).content.decode()
    assert 'value="dlugu"' in html
    assert "dla „dlugu”" in html
    assert "Mieszkanie bez <mark>długu</mark>" in html


def test_no_results_page_suggests_what_to_do(client, demo):
    html = client.get("/szukaj/", {"q": "zzzyzx"}).content.decode()
    assert "Nie znaleźliśmy niczego dla „zzzyzx”." in html
    assert 'href="/projekty/"' in html


# Publication rules


def test_drafts_future_projects_and_past_events_are_not_found():
    now = timezone.now()
    make_project("Mieszkanie szkicowe", published=False)
    make_project("Mieszkanie przyszłe", published_at=now + dt.timedelta(days=1))
    make_project("Mieszkanie jawne")
    hidden = make_area(name="Osiedle Ukryte", published=False, streets=("Ukryta",))
    make_event(hidden, title="Festyn na Ukrytym")
    shown = make_area(name="Osiedle Jawne", streets=("Jawna",))
    make_event(shown, title="Festyn dawny", starts_at=now - dt.timedelta(days=3))
    make_event(shown, title="Festyn szkicowy", published=False)
    make_event(shown, title="Festyn przyszły", slug="festyn-przyszly")

    assert [hit.title for hit in search(Query.parse("mieszkanie")).groups[0].hits] == [
        "<mark>Mieszkanie</mark> jawne"
    ]
    urls = result_urls("festyn")
    assert urls["wydarzenia"] == ["/osl/wydarzenia/festyn-przyszly/"]
    assert result_urls("ukryta")["obszary"] == []


def test_sites_and_initiatives_of_a_draft_area_are_not_found():
    hidden = make_area(name="Osiedle Ukryte", published=False)
    make_site(hidden, name="Świetlica Ukryta")
    Initiative.objects.create(area=hidden, name="Klub Ukryty")
    shown = make_area(name="Osiedle Jawne")
    make_site(shown, name="Świetlica Jawna")
    Initiative.objects.create(area=shown, name="Klub Jawny")

    def titles(q, key):
        groups = {group.key: group for group in search(Query.parse(q)).groups}
        return [hit.title for hit in groups[key].hits]

    assert titles("swietlica", "miejsca") == ["<mark>Świetlica</mark> Jawna"]
    assert titles("klub", "inicjatywy") == ["<mark>Klub</mark> Jawny"]


# Which kinds, in which order


def test_each_app_brings_its_own_kinds_in_the_order_of_installed_apps():
    assert [kind.key for kind in site_kinds()] == [
        "projekty",
        "obszary",
        "miejsca",
        "inicjatywy",
        "wydarzenia",
        "aktualnosci",
        "pomoc",
    ]
    assert {type(kind).__module__ for kind in site_kinds()} == {
        "projects.search",
        "communities.search",
        "news.search",
        "aid.search",
    }


# Ranking


def test_a_title_match_ranks_before_matches_in_the_text():
    now = timezone.now()
    make_project(
        "Bezpieczny rejon",
        slug="tekst",
        lead="Rodzina, rodzina i jeszcze raz rodzina.",
        main_goal="Wsparcie dla rodzin.",
        published_at=now,
    )
    make_project(
        "Wspólnymi siłami dla rodziny", slug="tytul", published_at=now - dt.timedelta(days=9)
    )
    hits = search(Query.parse("rodzina")).groups[0].hits
    assert [hit.url for hit in hits] == ["/projekty/tytul/", "/projekty/tekst/"]


def test_more_occurrences_rank_higher_when_no_title_matches():
    now = timezone.now()
    make_project("Jeden", slug="raz", lead="Pomoc seniorom.", published_at=now)
    make_project(
        "Dwa",
        slug="wiele",
        lead="Seniorzy, dla seniorów, z seniorami.",
        published_at=now - dt.timedelta(days=9),
    )
    hits = search(Query.parse("seniorzy")).groups[0].hits
    assert [hit.url for hit in hits] == ["/projekty/wiele/", "/projekty/raz/"]


# Escaping


def test_editor_markup_in_a_result_is_escaped_not_rendered(client):
    make_project(
        '<b>Pomoc</b> <script>alert("x")</script>',
        slug="znaczniki",
        lead='Pomoc <img src=x onerror="alert(1)">',
    )
    html = client.get("/szukaj/", {"q": "pomoc"}).content.decode()
    assert "&lt;b&gt;<mark>Pomoc</mark>&lt;/b&gt;" in html
    assert '<script>alert("x")' not in html
    assert "<img src=x" not in html


def test_the_query_itself_is_escaped_when_shown_back(client):
    html = client.get("/szukaj/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


# Hostile and odd input


@pytest.mark.parametrize(
    ("raw_query", "message"),
    [
        ("", "Wpisz, czego szukasz"),
        ("q=", "Wpisz, czego szukasz"),
        ("q=a", "Wpisz co najmniej jedno słowo"),
        ("q=%00", "Wpisz, czego szukasz"),
        ("q=%ED%A0%80", "Wpisz co najmniej jedno słowo"),
        ("q=%FF%FE", "Wpisz co najmniej jedno słowo"),
        ("q=%3Cscript%3E", "Nie znaleźliśmy niczego"),
        ("q=%27%3B+DROP+TABLE+projects_project%3B+--", "dla „&#x27;; DROP TABLE"),
        ("q=dlug%3A*+%7C+%21a+%26+%27", "dla „dlug"),
        ("q=%25_%5C", "Wpisz co najmniej jedno słowo"),
        ("q=" + "a" * 5000, "pierwszych 100 znaków"),
        ("q=a&q=b&q=dlugu", "dla „dlugu”"),
    ],
)
def test_odd_queries_get_a_helpful_polish_page_never_an_error(client, demo, raw_query, message):
    response = client.get(f"/szukaj/?{raw_query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Project.objects.exists()


def test_post_is_refused_politely(client):
    assert client.post("/szukaj/", {"q": "dlugu"}).status_code == 405


# Queries


SEARCHES = ["dlugu", "spotkanie", "projekt syntetyczny", "obszar testowy", "zzzyzx"]


def count_queries(client, q):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/szukaj/", {"q": q}).status_code == 200
    return len(queries)


def test_a_search_costs_the_same_queries_with_a_hundred_times_more_content(
    client, django_assert_num_queries
):
    # A little synthetic content first, so that every query finds at both sizes.
    call_command("load_demo", "--scale", "1", stdout=io.StringIO())
    small = {q: count_queries(client, q) for q in SEARCHES}
    call_command("load_demo", "--scale", "100", stdout=io.StringIO())
    assert len(result_urls("spotkanie")["wydarzenia"]) == 20
    for q in SEARCHES:
        cache.clear()
        with django_assert_num_queries(small[q]):
            client.get("/szukaj/", {"q": q})
    # On top of the page without a search: the words' known forms, one query
    # on the index per kind, one to read the rows of each kind that found
    # something ("dlugu": projects), the count for the editors' report, and the
    # kinds' next publication moments for the page cache (at most one each).
    kinds = len(site_kinds())
    extra = small["dlugu"] - count_queries(client, "")
    assert 1 + kinds + 1 + 1 <= extra <= 1 + kinds + 1 + 1 + kinds


def test_a_query_finding_nothing_looks_for_similar_words_once_per_unknown_word(client):
    call_command("load_demo", stdout=io.StringIO())
    found = count_queries(client, "dlugu")
    # Nothing found: one trigram (or difflib) lookup; no similar word, no second search.
    assert count_queries(client, "zzzyzx") == found


def test_an_unusable_query_sends_no_search_queries(client, centre):
    assert count_queries(client, "a") == count_queries(client, "")


# The database's own matching


def test_each_database_matches_with_its_own_tools(demo):
    with CaptureQueriesContext(connection) as queries:
        search(Query.parse("dlugu"))
    sql = " ".join(q["sql"] for q in queries).lower()
    # The stored documents, never the content tables' texts folded on the fly.
    assert "unaccent" not in sql and "opsportal_fold" not in sql
    if connection.vendor == "postgresql":
        assert "@@" in sql and "to_tsquery" in sql and "ts_rank" in sql
    else:
        assert "core_searchfts match" in sql and "bm25" in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a GIN index is PostgreSQL's")
def test_postgresql_finds_words_through_the_gin_index(demo):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM core_searchdocument "
            "WHERE vector @@ to_tsquery('simple', 'dlug')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "core_searchdocument_vector_gin" in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="unaccent is a PostgreSQL extension")
def test_the_migration_installs_unaccent_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT unaccent(lower('DŁUGU'))")
        assert cursor.fetchone() == ("dlugu",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="unaccent is a PostgreSQL extension")
def test_python_folding_is_what_postgresql_unaccent_gives():
    # SQLite and stored street keys fold in Python; both databases must agree.
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent(lower(%s))", [FOREIGN_LETTERS])
        assert cursor.fetchone() == (fold(FOREIGN_LETTERS),)
