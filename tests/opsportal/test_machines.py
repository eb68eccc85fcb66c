"""What machines read: sitemap, robots.txt, RSS, JSON-LD, OpenGraph, breadcrumbs."""

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone

from communities.models import CommunityArea, Event
from projects.models import Project
from survey.models import Poll
from tests.communities.factories import make_area, make_event
from tests.pages import public_pages, site_pages
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 -- our own output, in a test
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", SITEMAP_NS)]


class PageParser(HTMLParser):
    """The JSON-LD blocks, meta tags and breadcrumb trail of a page."""

    def __init__(self):
        super().__init__()
        self.jsonld = []
        self.meta = {}
        self.crumbs = []
        self.current = []
        self._in_jsonld = False
        self._in_crumbs = False
        self._buffer = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld, self._buffer = True, ""
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            self.meta[key] = attrs.get("content")
        elif tag == "nav" and attrs.get("aria-label") == "Okruszki":
            self._in_crumbs = True
        elif self._in_crumbs and tag == "li":
            self.crumbs.append("")
            if attrs.get("aria-current") == "page":
                self.current.append(len(self.crumbs) - 1)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.jsonld.append(self._buffer)
            self._in_jsonld = False
        elif tag == "nav":
            self._in_crumbs = False

    def handle_data(self, data):
        if self._in_jsonld:
            self._buffer += data
        elif self._in_crumbs and self.crumbs:
            self.crumbs[-1] += data


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


# Sitemap and robots.txt


def test_every_sitemap_url_answers_200(client, demo):
    paths = sitemap_paths(client)
    assert len(paths) == len(set(paths))
    failing = {path: client.get(path).status_code for path in paths}
    assert {path: code for path, code in failing.items() if code != 200} == {}


def test_sitemap_lists_every_published_page(client, demo):
    paths = set(sitemap_paths(client))
    expected = {
        "/",
        "/kontakt/",
        "/projekty/",
        "/osl/",
        "/osl/wydarzenia/",
        "/ankieta/",
        "/deklaracja-dostepnosci/",
        "/informacje/",
        "/polityka-prywatnosci/",
    }
    expected |= {p.get_absolute_url() for p in Project.objects.published()}
    expected |= {a.get_absolute_url() for a in CommunityArea.objects.published()}
    expected |= {e.get_absolute_url() for e in Event.objects.published().upcoming()}
    expected |= {p.get_absolute_url() for p in Poll.objects.published()}
    expected |= {p.get_results_url() for p in Poll.objects.published()}
    assert expected <= paths


def test_sitemap_lists_no_drafts_and_no_past_events(client, demo):
    now = timezone.now()
    draft = make_project("Szkic", slug="szkic-projektu", published=False)
    future = make_project("Jutro", slug="jutrzejszy", published_at=now + dt.timedelta(days=1))
    hidden = make_area(slug="ukryte-osiedle", published=False)
    hidden_event = make_event(hidden, slug="ukryte-wydarzenie")
    shown = CommunityArea.objects.published().first()
    draft_event = make_event(shown, slug="szkic-wydarzenia", published=False)
    past = make_event(shown, slug="dawne-wydarzenie", starts_at=now - dt.timedelta(days=5))
    paths = set(sitemap_paths(client))
    for record in (draft, future, hidden, hidden_event, draft_event, past):
        assert record.get_absolute_url() not in paths
    assert not any(path.startswith("/szukaj/") or path.startswith("/admin/") for path in paths)


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "User-agent: *" in lines


# RSS


@pytest.mark.parametrize("path", ["/projekty/rss/", "/osl/wydarzenia/rss/"])
def test_feeds_parse_as_rss_with_items(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 -- our own output, in a test
    assert root.tag == "rss"
    items = root.findall("channel/item")
    assert items
    for item in items:
        assert item.findtext("title")
        assert urlsplit(item.findtext("link")).path


def test_events_feed_lists_upcoming_published_events_soonest_first(client, demo):
    shown = CommunityArea.objects.published().first()
    make_event(shown, slug="szkic-w-kanale", published=False)
    feed = client.get("/osl/wydarzenia/rss/").content
    root = ET.fromstring(feed)  # noqa: S314 -- our own output, in a test
    paths = [urlsplit(item.findtext("link")).path for item in root.findall("channel/item")]
    expected = [e.get_absolute_url() for e in Event.objects.published().upcoming()]
    assert paths == expected[:30]
    assert "/osl/wydarzenia/szkic-w-kanale/" not in paths


def test_every_page_advertises_both_feeds(client, demo):
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/projekty/rss/"' in html and 'href="/osl/wydarzenia/rss/"' in html


# JSON-LD, OpenGraph, breadcrumbs


def test_every_json_ld_block_on_the_demo_pages_parses(client, demo):
    types = set()
    for path in public_pages():
        for block in parse(client.get(path)).jsonld:
            data = json.loads(block)
            assert data["@context"] == "https://schema.org", path
            # A block describes one thing, or several in an @graph.
            types.update(node["@type"] for node in data.get("@graph", [data]))
    assert {"GovernmentOffice", "Event", "BreadcrumbList", "Place"} <= types


def test_every_page_has_a_description_and_opengraph_tags(client, demo):
    missing = {}
    for path in site_pages():
        meta = parse(client.get(path)).meta
        absent = [
            key
            for key in (
                "description",
                "og:title",
                "og:description",
                "og:type",
                "og:url",
                "og:locale",
                "og:site_name",
            )
            if not (meta.get(key) or "").strip()
        ]
        if absent:
            missing[path] = absent
        assert meta.get("og:locale") == "pl_PL"
    assert missing == {}


def test_opengraph_describes_the_page_itself(client, demo):
    project = Project.objects.get(slug="szansa-dla-ciebie")
    meta = parse(client.get(project.get_absolute_url())).meta
    assert meta["og:title"] == "Szansa dla Ciebie — Projekty socjalne"
    assert meta["og:description"] == project.lead == meta["description"]
    assert meta["og:url"] == "http://testserver/projekty/szansa-dla-ciebie/"


def detail_pages():
    project = Project.objects.get(slug="mieszkanie-bez-dlugu")
    area = CommunityArea.objects.get(slug="gutwin")
    event = Event.objects.published().upcoming().first()
    poll = Poll.objects.published().first()
    return [
        (project.get_absolute_url(), ["Strona główna", "Projekty socjalne", project.title]),
        (area.get_absolute_url(), ["Strona główna", "Społeczności lokalne", area.name]),
        (
            event.get_absolute_url(),
            ["Strona główna", "Społeczności lokalne", "Wydarzenia", event.title],
        ),
        (poll.get_absolute_url(), ["Strona główna", "Ankieta", poll.question]),
        (
            poll.get_results_url(),
            ["Strona główna", "Ankieta", poll.question, "Wyniki ankiety"],
        ),
    ]


def test_detail_pages_have_breadcrumbs_as_html_and_breadcrumb_list(client, demo):
    for path, trail in detail_pages():
        page = parse(client.get(path))
        assert [crumb.strip() for crumb in page.crumbs] == trail, path
        assert page.current == [len(trail) - 1], path
        lists = [json.loads(b) for b in page.jsonld]
        lists = [data for data in lists if data.get("@type") == "BreadcrumbList"]
        assert len(lists) == 1, path
        items = lists[0]["itemListElement"]
        assert [item["name"] for item in items] == trail
        assert [item["position"] for item in items] == list(range(1, len(trail) + 1))
        assert items[-1]["item"] == f"http://testserver{path}"
        assert items[0]["item"] == "http://testserver/"


def test_breadcrumb_json_ld_cannot_be_broken_out_of_by_editor_text(client):
    project = make_project('Pomoc </script><script>alert("x")</script>', slug="wstrzykniecie")
    html = client.get(project.get_absolute_url()).content.decode()
    assert '<script>alert("x")' not in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    names = [item["name"] for item in json.loads(blocks[-1])["itemListElement"]]
    assert names[-1] == project.title


def test_every_page_has_the_labelled_header_search_form(client, demo):
    for path in site_pages():
        html = client.get(path).content.decode()
        form = re.search(r'<form class="site-search" action="/szukaj/" method="get"[^>]*>', html)
        assert form, path
        assert '<label for="szukaj-naglowek">' in html, path
        assert re.search(r'<input[^>]+id="szukaj-naglowek" name="q"', html), path
