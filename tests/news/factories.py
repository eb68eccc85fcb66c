"""Small factories for news items."""

import datetime as dt
import itertools

from django.utils import timezone

from news.models import NewsItem

_numbers = itertools.count(1)

# published_at=DRAFT makes a draft; None would mean "an hour ago".
DRAFT = object()


def make_news(title=None, *, slug=None, published_at=None, **fields):
    """A news item, published an hour ago unless told otherwise."""
    n = next(_numbers)
    if published_at is DRAFT:
        published_at = None
    elif published_at is None:
        published_at = timezone.now() - dt.timedelta(hours=1)
    defaults = {
        "title": title or f"Aktualność {n}",
        "slug": slug or f"aktualnosc-{n}",
        "lead": "Krótka zajawka aktualności.",
        "body": "Treść aktualności.",
        "published_at": published_at,
    }
    defaults.update(fields)
    return NewsItem.objects.create(**defaults)


def make_many_news(count, **fields):
    """``count`` published items in bulk, the newest a day old, a minute apart."""
    now = timezone.now()
    first = next(_numbers)
    NewsItem.objects.bulk_create(
        NewsItem(
            title=f"Aktualność masowa {first}-{i}",
            slug=f"aktualnosc-masowa-{first}-{i}",
            lead="Zajawka.",
            published_at=now - dt.timedelta(days=1, minutes=i),
            **fields,
        )
        for i in range(count)
    )
