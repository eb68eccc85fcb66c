"""core.publication through news items: the one rule, its boundaries, status and next change."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.publication import PublicationStatus, moment_label, next_change_among
from news.models import NewsItem
from tests.news.factories import DRAFT, make_news

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=WARSAW)
TICK = dt.timedelta(microseconds=1)


def published_slugs(now):
    return set(NewsItem.objects.published(now).values_list("slug", flat=True))


def test_an_item_is_published_from_its_publication_moment_exactly():
    make_news(slug="od-poludnia", published_at=NOW)
    assert published_slugs(NOW - TICK) == set()
    assert published_slugs(NOW) == {"od-poludnia"}


def test_an_item_is_gone_at_its_end_moment_exactly():
    make_news(slug="do-poludnia", published_at=NOW - dt.timedelta(days=1), expires_at=NOW)
    assert published_slugs(NOW - TICK) == {"do-poludnia"}
    assert published_slugs(NOW) == set()


def test_a_draft_is_never_published_whatever_its_end():
    make_news(slug="szkic", published_at=DRAFT, expires_at=NOW + dt.timedelta(days=1))
    assert published_slugs(NOW) == set()
    assert NewsItem.objects.drafts().count() == 1


def test_the_end_must_come_after_the_start_in_the_form_and_in_the_database():
    item = make_news(published_at=NOW)
    item.expires_at = NOW
    with pytest.raises(ValidationError, match="Koniec publikacji musi być późniejszy"):
        item.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_each_status_and_its_filter_agree():
    rows = {
        PublicationStatus.DRAFT: make_news(published_at=DRAFT),
        PublicationStatus.SCHEDULED: make_news(published_at=NOW + dt.timedelta(hours=1)),
        PublicationStatus.PUBLISHED: make_news(
            published_at=NOW - dt.timedelta(hours=1), expires_at=NOW + dt.timedelta(hours=1)
        ),
        PublicationStatus.EXPIRED: make_news(
            published_at=NOW - dt.timedelta(hours=2), expires_at=NOW - dt.timedelta(hours=1)
        ),
    }
    for status, item in rows.items():
        assert item.publication_status(NOW) == status
        assert list(NewsItem.objects.with_status(status, NOW)) == [item]
    assert rows[PublicationStatus.PUBLISHED].is_public(NOW)
    assert not rows[PublicationStatus.SCHEDULED].is_public(NOW)


def test_status_labels_are_polish_in_warsaw_time():
    # 7:00 UTC on 15 December is 8:00 in Warsaw (winter time).
    scheduled = make_news(published_at=dt.datetime(2026, 12, 15, 7, 0, tzinfo=dt.UTC))
    assert scheduled.status_label(NOW) == "Zaplanowane na 15 grudnia, 8:00"
    next_year = make_news(published_at=dt.datetime(2027, 1, 4, 7, 30, tzinfo=WARSAW))
    assert next_year.status_label(NOW) == "Zaplanowane na 4 stycznia 2027, 7:30"
    assert make_news(published_at=DRAFT).status_label(NOW) == "Szkic"
    assert make_news(published_at=NOW).status_label(NOW) == "Opublikowane"
    ended = make_news(published_at=NOW - dt.timedelta(days=2), expires_at=NOW)
    assert ended.status_label(NOW) == "Wygasło"


def test_moment_label_follows_the_summer_time():
    assert moment_label(dt.datetime(2026, 7, 1, 6, 0, tzinfo=dt.UTC), NOW) == "1 lipca, 8:00"


def test_next_change_is_the_nearest_coming_start_or_end():
    make_news(published_at=NOW - dt.timedelta(days=1), expires_at=NOW + dt.timedelta(hours=5))
    make_news(published_at=NOW + dt.timedelta(hours=3))
    make_news(published_at=NOW - dt.timedelta(days=3), expires_at=NOW - dt.timedelta(days=2))
    # A draft's end changes nothing residents see.
    make_news(published_at=DRAFT, expires_at=NOW + dt.timedelta(hours=1))
    assert NewsItem.objects.next_change(NOW) == NOW + dt.timedelta(hours=3)
    rows = list(NewsItem.objects.all())
    assert next_change_among(rows, NOW) == NOW + dt.timedelta(hours=3)
    assert NewsItem.objects.next_change(NOW + dt.timedelta(hours=3)) == NOW + dt.timedelta(hours=5)
    assert NewsItem.objects.next_change(NOW + dt.timedelta(hours=5)) is None
    assert next_change_among(rows, NOW + dt.timedelta(hours=5)) is None


def test_next_change_is_one_query(django_assert_num_queries):
    make_news(published_at=NOW + dt.timedelta(hours=3))
    with django_assert_num_queries(1):
        NewsItem.objects.next_change(NOW)


def test_publishing_a_draft_starts_it_now_and_a_scheduled_item_keeps_its_moment():
    draft = make_news(published_at=DRAFT)
    assert draft.publish(NOW) is True
    assert draft.published_at == NOW
    scheduled = make_news(published_at=NOW + dt.timedelta(days=1))
    assert scheduled.publish(NOW) is False
    assert scheduled.published_at == NOW + dt.timedelta(days=1)


def test_publishing_an_ended_item_drops_its_end_and_withdrawing_makes_a_draft():
    ended = make_news(
        published_at=NOW - dt.timedelta(days=2), expires_at=NOW - dt.timedelta(days=1)
    )
    assert ended.publish(NOW) is True
    assert ended.expires_at is None
    assert ended.publication_status(NOW) == PublicationStatus.PUBLISHED
    assert ended.withdraw() is True
    assert ended.publication_status(NOW) == PublicationStatus.DRAFT
    assert ended.withdraw() is False


def test_urgent_notices_are_current_urgent_items_newest_first_with_the_next_change(
    django_assert_num_queries,
):
    older = make_news(
        is_urgent=True,
        published_at=NOW - dt.timedelta(days=2),
        expires_at=NOW + dt.timedelta(days=5),
    )
    newer = make_news(is_urgent=True, published_at=NOW - dt.timedelta(hours=1))
    make_news(is_urgent=True, published_at=NOW + dt.timedelta(hours=2))  # not yet
    make_news(is_urgent=True, published_at=NOW - dt.timedelta(days=9), expires_at=NOW)  # ended
    make_news(is_urgent=False, published_at=NOW - dt.timedelta(minutes=5))  # not urgent
    make_news(is_urgent=True, published_at=DRAFT)
    with django_assert_num_queries(1):
        notices, next_change = NewsItem.objects.urgent_notices(NOW)
    assert notices == [newer, older]
    assert next_change == NOW + dt.timedelta(hours=2)
