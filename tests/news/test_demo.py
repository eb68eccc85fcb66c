import datetime as dt
import io

import pytest

from core.publication import PublicationStatus
from news import demo
from news.models import NewsItem

pytestmark = pytest.mark.django_db


def load():
    demo.load(scale=0, stdout=io.StringIO())


def test_demo_has_an_urgent_week_a_scheduled_morning_and_an_ended_notice(clock):
    load()
    published = NewsItem.objects.published()
    assert published.count() >= 5
    [urgent] = published.filter(is_urgent=True)
    assert urgent.published_at == dt.datetime(2026, 11, 30, 0, 0, tzinfo=clock.now.tzinfo)
    assert urgent.expires_at == dt.datetime(2026, 12, 7, 16, 0, tzinfo=clock.now.tzinfo)
    [scheduled] = NewsItem.objects.scheduled()
    assert scheduled.published_at == dt.datetime(2026, 12, 1, 8, 0, tzinfo=clock.now.tzinfo)
    assert scheduled.status_label() == "Zaplanowane na 1 grudnia, 8:00"
    [ended] = NewsItem.objects.expired()
    assert ended.is_urgent
    assert ended.publication_status() == PublicationStatus.EXPIRED


def test_demo_is_idempotent_and_scale_adds_synthetic_items():
    load()
    before = NewsItem.objects.count()
    load()
    assert NewsItem.objects.count() == before
    demo.load(scale=30, stdout=io.StringIO())
    assert NewsItem.objects.count() == before + 30
    assert NewsItem.objects.published().count() >= 30
