"""The news pages: list, item, home section, sitemap, and what machines read off them."""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache

from tests.news.factories import DRAFT, make_many_news, make_news

pytestmark = pytest.mark.django_db


def json_ld(html, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


def titles(html):
    return re.findall(r'class="h\d news-item__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_list_shows_published_items_newest_first(client, centre):
    now = dt.datetime.now(dt.UTC)
    make_news("Starsza", published_at=now - dt.timedelta(days=3))
    make_news("Nowsza", published_at=now - dt.timedelta(days=1))
    make_news("Szkic", published_at=DRAFT)
    make_news("Jutro", published_at=now + dt.timedelta(days=1))
    make_news("Minęła", published_at=now - dt.timedelta(days=9), expires_at=now)
    response = client.get("/aktualnosci/")
    assert response.status_code == 200
    assert titles(response.text) == ["Nowsza", "Starsza"]


def test_the_list_has_ten_items_a_page_and_numbered_pages(client, centre):
    make_many_news(23)
    first = client.get("/aktualnosci/").text
    assert len(titles(first)) == 10
    assert 'aria-label="Strony listy aktualności"' in first
    assert 'href="?page=2"' in first
    third = client.get("/aktualnosci/", {"page": 3})
    assert len(titles(third.text)) == 3
    assert "Aktualności — strona 3" in third.text
    assert client.get("/aktualnosci/", {"page": 4}).status_code == 404


def test_an_empty_list_says_so(client, centre):
    assert "Nie opublikowaliśmy jeszcze żadnych aktualności." in client.get("/aktualnosci/").text


@pytest.mark.parametrize(
    "moments",
    [
        {"published_at": DRAFT},
        {"published_at": "future"},
        {"published_at": "past", "expires_at": "now"},
    ],
    ids=["draft", "scheduled", "ended"],
)
def test_an_unpublished_item_is_a_polish_404_for_residents_and_a_preview_for_staff(
    client, admin_client, centre, moments
):
    now = dt.datetime.now(dt.UTC)
    values = {"future": now + dt.timedelta(days=1), "past": now - dt.timedelta(days=1), "now": now}
    fields = {key: values.get(value, value) for key, value in moments.items()}
    item = make_news("Niewidoczna", slug="niewidoczna", **fields)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text
    preview = admin_client.get(item.get_absolute_url())
    assert preview.status_code == 200
    assert "Podgląd: tej aktualności mieszkańcy teraz nie widzą." in preview.text
    assert client.get("/aktualnosci/nie-ma-takiej/").status_code == 404


def test_the_body_is_escaped_text_with_paragraphs_and_links(client, centre):
    body = 'Pierwszy akapit <script>alert(1)</script>.\n\nZobacz https://example.org/x?a=1&b=2 "tu"'
    item = make_news(body=body)
    html = client.get(item.get_absolute_url()).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<p>Pierwszy akapit" in html
    assert '<a href="https://example.org/x?a=1&amp;b=2" rel="nofollow noopener">' in html


def test_an_item_describes_itself_to_machines(client, centre):
    item = make_news("Punkt ogrzewania", lead="Całodobowy punkt przy Podleśnej.")
    html = client.get(item.get_absolute_url()).text
    article = json_ld(html, "NewsArticle")
    assert article["headline"] == "Punkt ogrzewania"
    assert article["description"] == "Całodobowy punkt przy Podleśnej."
    assert article["url"].endswith(item.get_absolute_url())
    assert article["publisher"]["name"] == centre.name
    assert article["datePublished"].startswith(item.published_at.astimezone().date().isoformat())
    crumbs = json_ld(html, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Strona główna", "Aktualności", "Punkt ogrzewania"]
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Punkt ogrzewania — Aktualności">' in html
    assert 'type="application/rss+xml" title="Aktualności (RSS)" href="/aktualnosci/rss/"' in html


def test_the_header_menu_names_news_and_marks_it_current_on_news_pages(client, centre):
    item = make_news()
    home = client.get("/").text
    assert '<a href="/aktualnosci/">Aktualności</a>' in home
    for path in ("/aktualnosci/", item.get_absolute_url()):
        assert (
            '<a href="/aktualnosci/" aria-current="page">Aktualności</a>' in client.get(path).text
        )


def test_the_home_page_shows_the_three_latest_items(client, centre):
    now = dt.datetime.now(dt.UTC)
    for days in range(1, 6):
        make_news(f"Sprzed {days} dni", published_at=now - dt.timedelta(days=days))
    make_news("Szkic", published_at=DRAFT)
    html = client.get("/").text
    assert titles(html) == ["Sprzed 1 dni", "Sprzed 2 dni", "Sprzed 3 dni"]
    assert '<a href="/aktualnosci/">Wszystkie aktualności</a>' in html


def test_the_sitemap_lists_published_items_only(client, centre):
    shown = make_news(slug="widoczna")
    make_news(slug="szkic", published_at=DRAFT)
    xml = client.get("/sitemap.xml").text
    assert f"http://testserver{shown.get_absolute_url()}</loc>" in xml
    assert "http://testserver/aktualnosci/</loc>" in xml
    assert "/aktualnosci/szkic/" not in xml


def test_a_cached_list_shows_a_scheduled_item_at_its_moment_and_not_before(client, centre, clock):
    make_news("Wcześniejsza", published_at=clock.now - dt.timedelta(days=1))
    make_news("Jutro o ósmej", published_at=clock.now + dt.timedelta(seconds=30))
    cache.clear()
    assert titles(client.get("/aktualnosci/").text) == ["Wcześniejsza"]
    clock.now += dt.timedelta(seconds=20)
    cached = client.get("/aktualnosci/")
    assert cached["X-Page-Cache"] == "hit"
    assert titles(cached.text) == ["Wcześniejsza"]
    clock.now += dt.timedelta(seconds=10)
    assert titles(client.get("/aktualnosci/").text) == ["Jutro o ósmej", "Wcześniejsza"]
    assert titles(client.get("/").text) == ["Jutro o ósmej", "Wcześniejsza"]


def test_a_cached_item_is_a_404_from_its_end_moment(client, centre, clock):
    item = make_news(
        published_at=clock.now - dt.timedelta(days=1),
        expires_at=clock.now + dt.timedelta(seconds=30),
    )
    cache.clear()
    assert client.get(item.get_absolute_url()).status_code == 200
    clock.now += dt.timedelta(seconds=20)
    assert client.get(item.get_absolute_url())["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=10)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert titles(client.get("/aktualnosci/").text) == []


# Per page, with a centre: the centre with its phones and hours, the banner's
# urgent items, then the page's own: list (next change, count, items); item (the
# item); home (the home page's own queries and the three latest with their next change).
LIST_QUERIES = 8
DETAIL_QUERIES = 7
FEED_QUERIES = 2


@pytest.mark.parametrize(
    ("path", "queries"),
    [("/aktualnosci/", LIST_QUERIES), ("/aktualnosci/?page=2", LIST_QUERIES)],
)
def test_list_query_count_does_not_grow_with_items(
    client, centre, uncached, django_assert_num_queries, path, queries
):
    make_many_news(10, is_urgent=True)
    make_news(slug="pierwsza")
    make_many_news(10)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    make_many_news(280, is_urgent=True)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


def test_item_and_feed_query_counts_do_not_grow_with_items(
    client, centre, uncached, django_assert_num_queries
):
    item = make_news(slug="pierwsza")
    make_many_news(9, is_urgent=True)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(item.get_absolute_url()).status_code == 200
    with django_assert_num_queries(FEED_QUERIES):
        assert client.get("/aktualnosci/rss/").status_code == 200
    make_many_news(290, is_urgent=True)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(item.get_absolute_url()).status_code == 200
    with django_assert_num_queries(FEED_QUERIES):
        assert client.get("/aktualnosci/rss/").status_code == 200


def test_the_site_search_finds_published_news_only(client, centre):
    make_news("Punkt ogrzewania", slug="punkt", lead="Całodobowy punkt przy Podleśnej.")
    make_news("Ogrzewanie — szkic", slug="szkic", published_at=DRAFT)
    html = client.get("/szukaj/", {"q": "ogrzewania"}).text
    assert 'id="wyniki-aktualnosci"' in html
    assert 'href="/aktualnosci/punkt/"' in html
    assert "/aktualnosci/szkic/" not in html
