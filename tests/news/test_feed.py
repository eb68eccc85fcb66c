"""/aktualnosci/rss/ read by a real feed parser."""

import datetime as dt

import feedparser
import pytest
from django.core.cache import cache

from tests.news.factories import DRAFT, make_news

pytestmark = pytest.mark.django_db


def parse(client):
    response = client.get("/aktualnosci/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_feed_lists_published_items_newest_first_with_links_and_dates(client):
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    older = make_news("Nabór do projektu", published_at=now - dt.timedelta(days=2))
    newer = make_news("Punkt ogrzewania", published_at=now - dt.timedelta(hours=1))
    make_news("Szkic", published_at=DRAFT)
    make_news("Jutro", published_at=now + dt.timedelta(days=1))
    make_news("Minęła", published_at=now - dt.timedelta(days=3), expires_at=now)
    feed = parse(client)
    assert feed.feed.title == "Aktualności ośrodka pomocy społecznej"
    assert feed.feed.link == "http://testserver/aktualnosci/"
    assert [entry.title for entry in feed.entries] == ["Punkt ogrzewania", "Nabór do projektu"]
    assert feed.entries[0].link == f"http://testserver{newer.get_absolute_url()}"
    published = dt.datetime(*feed.entries[1].published_parsed[:6], tzinfo=dt.UTC)
    assert published == older.published_at


def test_editor_text_in_the_feed_stays_text(client):
    make_news("Komunikat <b>ważny</b>", lead="Zajawka <script>alert(1)</script> & więcej")
    entry = parse(client).entries[0]
    assert entry.title == "Komunikat <b>ważny</b>"
    assert "<script>" not in entry.summary
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; więcej" in entry.summary


def test_a_cached_feed_drops_an_item_at_its_end(client, clock):
    make_news(
        "Do południa",
        published_at=clock.now - dt.timedelta(days=1),
        expires_at=clock.now + dt.timedelta(seconds=30),
    )
    cache.clear()
    assert [entry.title for entry in parse(client).entries] == ["Do południa"]
    clock.now += dt.timedelta(seconds=30)
    assert parse(client).entries == []
