"""The site-wide templates: the menu's current item and the includes every app shares."""

import datetime as dt
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

from communities.models import CommunityArea, Event
from news.models import NewsItem
from projects.models import Project
from survey.models import Poll
from tests.communities.factories import make_area, make_event, make_site
from tests.pages import is_leaflet, public_pages
from tests.projects.factories import make_group, make_project
from web import pagecache

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"

MENU_ITEMS = [
    "Strona główna",
    "Jak uzyskać pomoc",
    "Aktualności",
    "Projekty socjalne",
    "Społeczności lokalne",
    "Ankieta",
    "Kontakt",
]


def current_menu_items(response):
    """The menu items marked current, or None on a page without the site menu."""
    html = response.content.decode()
    menu = re.search(r'<nav aria-label="Menu główne">(.*?)</nav>', html, re.S)
    if menu is None:
        return None
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', menu.group(1))


@pytest.fixture
def menu_pages():
    """Each menu item's own pages (its lists and details), in the demo content."""
    call_command("load_demo", stdout=io.StringIO())
    project = Project.objects.published().order_by("pk").first()
    area = CommunityArea.objects.published().order_by("pk").first()
    event = Event.objects.published().order_by("starts_at").first()
    poll = Poll.objects.published().order_by("pk").first()
    news_item = NewsItem.objects.published().first()
    return {
        "Strona główna": ["/"],
        "Jak uzyskać pomoc": [
            "/pomoc/",
            "/pomoc/zasilek-staly/",
            "/pomoc/niebieska-karta/",
            "/pomoc/kryterium-dochodowe/",
        ],
        "Aktualności": ["/aktualnosci/", news_item.get_absolute_url()],
        "Projekty socjalne": ["/projekty/", project.get_absolute_url()],
        "Społeczności lokalne": [
            "/osl/",
            area.get_absolute_url(),
            "/osl/wydarzenia/",
            "/osl/wydarzenia/archiwum/",
            event.get_absolute_url(),
        ],
        "Ankieta": ["/ankieta/", poll.get_absolute_url(), poll.get_results_url()],
        "Kontakt": ["/kontakt/"],
    }


@pytest.mark.parametrize("item", MENU_ITEMS)
def test_menu_item_is_current_on_its_own_pages_and_on_no_other(client, menu_pages, item):
    own = menu_pages[item]
    every_page = set(public_pages()).union(*menu_pages.values())
    for path in sorted(every_page):
        current = current_menu_items(client.get(path))
        if current is None:
            assert is_leaflet(path), path
            continue
        if urlsplit(path).path in own:
            assert current == [item], path
        else:
            assert item not in current, path


def week(**days):
    labels = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
    return [(label, days.get(label, [])) for label in labels]


def exception(date, ranges=(), note=""):
    return SimpleNamespace(date=date, is_closed=not ranges, ranges=list(ranges), note=note)


def test_hours_table_has_a_row_per_weekday_closed_days_included():
    html = render_to_string(
        "includes/hours_table.html",
        {"week": week(poniedziałek=["8:00–12:00", "13:00–16:00"]), "caption": "Godziny"},
    )
    assert '<caption class="visually-hidden">Godziny</caption>' in html
    assert '<th scope="row">Poniedziałek</th><td>8:00–12:00, 13:00–16:00</td>' in html
    assert '<th scope="row">Niedziela</th><td>nieczynne</td>' in html
    assert html.count('<th scope="row">') == 7


def test_hours_table_as_a_page_section_always_heads_the_exceptions_and_notes_their_absence():
    context = {"week": week(), "caption": "Godziny", "heading_level": 3}
    usual = render_to_string(
        "includes/hours_table.html", {**context, "usual_hours_note": "Jak zwykle."}
    )
    assert '<h3 class="h5">Dni nieczynne i zmienione godziny</h3>' in usual
    assert "<p>Jak zwykle.</p>" in usual
    christmas = exception(dt.date(2026, 12, 24), note="Wigilia")
    closed = render_to_string("includes/hours_table.html", {**context, "exceptions": [christmas]})
    # The year shows only when it is not this year's.
    assert '<li><time datetime="2026-12-24">Czwartek, 24 grudnia' in closed
    assert "</time> — Wigilia, nieczynne</li>" in closed


def test_hours_table_in_a_card_introduces_exceptions_with_a_line_only_when_there_are_some():
    context = {"week": week(), "caption": "Godziny"}
    assert "Dni nieczynne" not in render_to_string("includes/hours_table.html", context)
    shorter = exception(dt.date(2026, 12, 31), ranges=["10:00–12:00"])
    html = render_to_string("includes/hours_table.html", {**context, "exceptions": [shorter]})
    assert '<p class="mb-1">Dni nieczynne i zmienione godziny:</p>' in html
    assert "</time> — czynne 10:00–12:00</li>" in html
    assert not re.search(r"<h[1-6]", html)


def test_centre_and_activity_site_show_their_week_in_the_same_table(client, centre):
    area = make_area()
    make_site(area, name="Klub Sąsiedzki")
    contact = client.get("/kontakt/").content.decode()
    site = client.get(area.get_absolute_url()).content.decode()
    row = '<th scope="row">Poniedziałek</th><td>{}</td>'
    assert row.format("8:00–16:00") in contact
    assert row.format("10:00–18:00") in site
    assert "Godziny otwarcia: Klub Sąsiedzki</caption>" in site
    assert "W najbliższym czasie ośrodek pracuje w zwykłych godzinach." in contact


def opening_status(is_open=True):
    return SimpleNamespace(
        is_open=is_open,
        message="Otwarte teraz, do 16:00." if is_open else "Zamknięte — otwarcie jutro o 8:00.",
        changes_at=timezone.now() + dt.timedelta(hours=1),
        has_hours=True,
        today=SimpleNamespace(is_closed=False, ranges=["8:00–16:00"], note=""),
    )


@pytest.mark.parametrize("small", [False, True])
def test_opening_status_tells_the_page_cache_when_its_answer_changes(monkeypatch, small):
    moments = []
    monkeypatch.setattr(pagecache, "valid_until", moments.append)
    status = opening_status()
    render_to_string("includes/opening_status.html", {"status": status, "small": small})
    assert moments == [status.changes_at]


def test_opening_status_shows_today_hours_unless_small():
    status = opening_status(is_open=False)
    full = render_to_string("includes/opening_status.html", {"status": status})
    assert '<p class="opening-status is-closed">' in full
    assert "<strong>Zamknięte — otwarcie jutro o 8:00.</strong>" in full
    assert '<p class="opening-today">Dziś: 8:00–16:00</p>' in full
    small = render_to_string("includes/opening_status.html", {"status": status, "small": True})
    assert '<p class="mb-1 opening-status--small is-closed">' in small
    assert "<strong>" not in small
    assert "Dziś" not in small


def project_card(html, project):
    link = f'<a href="{project.get_absolute_url()}">{project.title}</a>'
    start = html.rindex('<li class="col-md-6 col-lg-4">', 0, html.index(link))
    return html[start : html.index("</li>", start)]


def test_home_page_shows_the_project_list_card_without_dates_and_groups(client):
    project = make_project("Klub Seniora", groups=[make_group("seniorzy")])
    on_list = project_card(client.get("/projekty/").content.decode(), project)
    at_home = project_card(client.get("/").content.decode(), project)
    assert 'class="card h-100 project-card"' in on_list
    assert 'class="card h-100 project-card"' in at_home
    assert "Dla kogo:" in on_list
    assert "Dla kogo:" not in at_home
    assert '<p class="mb-0">Krótki opis projektu.</p>' in at_home
    assert "Etap:" in on_list
    assert "Etap:" in at_home


def test_event_list_pages_with_the_shared_pagination(client):
    area = make_area()
    now = timezone.now()
    for day in range(31):
        make_event(area, starts_at=now + dt.timedelta(days=day + 1))
    first = client.get("/osl/wydarzenia/").content.decode()
    assert '<nav aria-label="Strony listy wydarzeń">' in first
    assert 'href="?page=1" aria-current="page"' in first
    assert 'href="?page=2" rel="next"' in first
    second = client.get("/osl/wydarzenia/", {"page": 2}).content.decode()
    assert 'href="?page=1" rel="prev"' in second
    assert 'rel="next"' not in second


def breadcrumb_list(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    lists = [json.loads(block) for block in blocks]
    return [data for data in lists if data["@type"] == "BreadcrumbList"]


@pytest.mark.parametrize(
    ("path", "trail"),
    [
        ("/osl/wydarzenia/", ["Strona główna", "Społeczności lokalne", "Wydarzenia"]),
        (
            "/osl/wydarzenia/archiwum/",
            ["Strona główna", "Społeczności lokalne", "Wydarzenia", "Archiwum"],
        ),
    ],
)
def test_event_lists_have_the_breadcrumb_trail_and_its_breadcrumb_list(client, path, trail):
    html = client.get(path).content.decode()
    nav = re.search(r'<nav aria-label="Okruszki">(.*?)</nav>', html, re.S).group(1)
    assert [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li[^>]*>(.*?)</li>", nav)] == (
        trail
    )
    assert f'aria-current="page">{trail[-1]}</li>' in nav
    (crumbs,) = breadcrumb_list(html)
    assert [item["name"] for item in crumbs["itemListElement"]] == trail
    assert crumbs["itemListElement"][-1]["item"] == f"http://testserver{path}"


# Markup that one include writes for every page; anywhere else it would be a copy.
SHARED_MARKUP = {
    'class="breadcrumb"': "includes/breadcrumbs.html",
    'class="pagination': "includes/pagination.html",
    "hours-table": "includes/hours_table.html",
    "opening-status": "includes/opening_status.html",
    'project-card"': "projects/includes/project_card.html",
}


@pytest.mark.parametrize("marker", SHARED_MARKUP)
def test_shared_markup_is_written_in_its_include_only(marker):
    writers = sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if marker in path.read_text(encoding="utf-8")
    )
    assert writers == [SHARED_MARKUP[marker]]
