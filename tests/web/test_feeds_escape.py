"""Editor text reaches feed readers as text, never as markup they would render."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def descriptions(client, path):
    root = ET.fromstring(client.get(path).content)
    return [item.findtext("description") for item in root.iter("item")]


def test_project_feed_description_is_escaped_html(client):
    make_project("Projekt", lead=PAYLOAD)
    (description,) = descriptions(client, "/projekty/rss/")
    assert "<script" not in description
    assert "<img" not in description
    assert "&lt;script&gt;" in description


def test_events_feed_description_is_escaped_html(client):
    from communities.models import CommunityArea, Event

    area = CommunityArea.objects.create(
        name="Gutwin",
        slug="gutwin",
        city="Ostrowiec Świętokrzyski",
        published_at=timezone.now(),
    )
    start = timezone.now() + dt.timedelta(days=3)
    Event.objects.create(
        title="Festyn",
        slug="festyn",
        area=area,
        place="Skwer",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        description=PAYLOAD,
        published_at=timezone.now(),
    )
    (description,) = descriptions(client, "/osl/wydarzenia/rss/")
    assert "<script" not in description
    assert "&lt;script&gt;" in description


def test_no_event_can_take_the_feeds_address():
    from django.db import IntegrityError, transaction

    from communities.models import CommunityArea, Event

    area = CommunityArea.objects.create(name="A", slug="a", city="X")
    start = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            title="RSS", slug="rss", area=area, place="X", starts_at=start, ends_at=start
        )
