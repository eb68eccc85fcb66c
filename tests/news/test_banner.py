"""Urgent announcements: a polite banner on every public page while they last, and never after."""

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.news.factories import DRAFT, make_news
from tests.pages import site_pages

pytestmark = pytest.mark.django_db

FROST = "Mrozy: całodobowy punkt ogrzewania przy ul. Podleśnej"


def banner(html):
    """The banner's section, or None."""
    found = re.search(r'<section class="urgent-notices".*?</section>', html, re.S)
    return found.group(0) if found else None


def banner_titles(html):
    section = banner(html)
    return re.findall(r'</span> <a href="[^"]+">([^<]+)</a></li>', section) if section else []


def test_the_demo_announcement_is_on_every_page_type_until_its_end_and_then_on_none(client, clock):
    # The demo's urgent notice runs from midnight of the day it is loaded to 16:00
    # seven days later.
    call_command("load_demo", stdout=io.StringIO())
    pages = site_pages()
    assert "/aktualnosci/" in pages
    missing = [path for path in pages if FROST not in banner_titles(client.get(path).text)]
    assert missing == []
    # Served from the cache a moment before the end, and gone at the end, with no edit.
    end = dt.datetime.combine(
        clock.now.date() + dt.timedelta(days=7), dt.time(16), tzinfo=clock.now.tzinfo
    )
    clock.now = end - dt.timedelta(seconds=1)
    cache.clear()
    for path in pages:
        client.get(path)
    clock.now = end
    shown = [path for path in pages if banner(client.get(path).text) is not None]
    assert shown == []


def test_the_banner_is_a_polite_status_not_an_alert_and_has_no_heading(client, centre):
    make_news("Punkt ogrzewania", is_urgent=True)
    section = banner(client.get("/kontakt/").text)
    assert 'aria-label="Pilne komunikaty"' in section
    assert 'role="status"' in section
    assert "alert" not in section
    assert "<h" not in section.replace("<html", "")
    assert "Komunikat:" in section


def test_several_notices_show_newest_first_each_linking_to_its_item(client, centre):
    now = dt.datetime.now(dt.UTC)
    older = make_news("Starszy komunikat", is_urgent=True, published_at=now - dt.timedelta(days=2))
    newer = make_news("Nowszy komunikat", is_urgent=True, published_at=now - dt.timedelta(hours=1))
    make_news("Zwykła aktualność", published_at=now - dt.timedelta(minutes=1))
    make_news("Szkic komunikatu", is_urgent=True, published_at=DRAFT)
    html = client.get("/").text
    assert banner_titles(html) == ["Nowszy komunikat", "Starszy komunikat"]
    section = banner(html)
    assert f'href="{newer.get_absolute_url()}"' in section
    assert f'href="{older.get_absolute_url()}"' in section


def test_more_than_three_notices_show_three_and_a_link_to_all(client, centre):
    now = dt.datetime.now(dt.UTC)
    for hours in range(1, 5):
        make_news(
            f"Komunikat {hours}", is_urgent=True, published_at=now - dt.timedelta(hours=hours)
        )
    html = client.get("/").text
    assert banner_titles(html) == ["Komunikat 1", "Komunikat 2", "Komunikat 3"]
    assert "Wszystkie komunikaty i aktualności" in banner(html)


def test_without_urgent_items_there_is_no_banner(client, centre):
    make_news("Zwykła aktualność")
    assert banner(client.get("/").text) is None


def test_a_cached_page_shows_a_scheduled_notice_from_its_start_and_drops_it_at_its_end(
    client, centre, clock
):
    make_news(
        "Przerwa w dostawie wody",
        is_urgent=True,
        published_at=clock.now + dt.timedelta(seconds=30),
        expires_at=clock.now + dt.timedelta(seconds=90),
    )
    cache.clear()
    assert banner(client.get("/kontakt/").text) is None
    clock.now += dt.timedelta(seconds=20)
    before = client.get("/kontakt/")
    assert before["X-Page-Cache"] == "hit"
    assert banner(before.text) is None
    clock.now += dt.timedelta(seconds=10)  # the start
    assert banner_titles(client.get("/kontakt/").text) == ["Przerwa w dostawie wody"]
    clock.now += dt.timedelta(seconds=40)
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=20)  # the end
    assert banner(client.get("/kontakt/").text) is None


def test_the_banner_costs_one_query_whatever_the_number_of_notices(client, centre):
    make_news("Komunikat", is_urgent=True)
    with CaptureQueriesContext(connection) as one:
        client.get("/kontakt/")
    for n in range(20):
        make_news(f"Komunikat {n}", is_urgent=True)
    with CaptureQueriesContext(connection) as many:
        client.get("/kontakt/")
    assert len(many) == len(one)
    assert [q["sql"] for q in many.captured_queries if "news_newsitem" in q["sql"]] != []
    assert sum("news_newsitem" in q["sql"] for q in many.captured_queries) == 1
