import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.communities.factories import make_area, make_event, make_site

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def events(settings):
    area = make_area(name="Osiedle Gutwin")
    site = make_site(area, name="MAL Gutwin", street_address="os. Gutwin 10")
    # The morning after the spring clock change, and one in winter time.
    spring = make_event(
        area,
        title="Spotkanie obywatelskie",
        slug="spotkanie-obywatelskie",
        starts_at=dt.datetime(2099, 3, 29, 10, 0, tzinfo=WARSAW),
        site=site,
        description="Porozmawiamy o placu zabaw.",
    )
    winter = make_event(
        area,
        title="Festyn",
        slug="festyn",
        starts_at=dt.datetime(2099, 1, 10, 17, 0, tzinfo=WARSAW),
        place="boisko przy ul. Podleśnej",
    )
    make_event(area, title="Szkic", published=False)
    make_event(area, title="Dawno", starts_at=dt.datetime(2020, 1, 1, 12, 0, tzinfo=WARSAW))
    return spring, winter


def test_feed_is_valid_icalendar_with_upcoming_published_events_only(client, events):
    cal = _parse(client.get("/osl/wydarzenia.ics"))
    assert str(cal["version"]) == "2.0"
    assert cal["prodid"]
    summaries = [str(item["summary"]) for item in cal.walk("VEVENT")]
    assert summaries == ["Festyn", "Spotkanie obywatelskie"]


def test_feed_times_are_in_warsaw_with_a_vtimezone_that_knows_daylight_time(client, events):
    spring, winter = events
    cal = _parse(client.get("/osl/wydarzenia.ics"))
    by_title = {str(item["summary"]): item for item in cal.walk("VEVENT")}
    start = by_title["Spotkanie obywatelskie"].decoded("dtstart")
    assert start.tzinfo is not None
    assert start == spring.starts_at
    assert start.astimezone(dt.UTC).hour == 8  # 10:00 CEST
    assert by_title["Festyn"].decoded("dtstart").astimezone(dt.UTC).hour == 16  # 17:00 CET
    assert (
        b"DTSTART;TZID=Europe/Warsaw:20990329T100000" in client.get("/osl/wydarzenia.ics").content
    )
    zones = cal.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Europe/Warsaw"]
    assert {sub.name for sub in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_each_feed_event_has_uid_dtstamp_and_links_back_to_its_page(client, events):
    spring, _winter = events
    cal = _parse(client.get("/osl/wydarzenia.ics"))
    items = cal.walk("VEVENT")
    uids = [str(item["uid"]) for item in items]
    assert len(set(uids)) == len(uids)
    item = next(i for i in items if str(i["summary"]) == "Spotkanie obywatelskie")
    assert str(item["uid"]) == f"osl-event-{spring.pk}@testserver"
    assert item.decoded("dtstamp").utcoffset() == dt.timedelta(0)
    assert str(item["url"]) == "http://testserver/osl/wydarzenia/spotkanie-obywatelskie/"
    assert "http://testserver/osl/wydarzenia/spotkanie-obywatelskie/" in str(item["description"])
    assert "Porozmawiamy o placu zabaw." in str(item["description"])
    assert str(item["location"]) == "MAL Gutwin, os. Gutwin 10, Stalowa Wola"
    festyn = next(i for i in items if str(i["summary"]) == "Festyn")
    assert str(festyn["location"]) == "boisko przy ul. Podleśnej"


def test_single_event_calendar_holds_that_event(client, events):
    cal = _parse(client.get("/osl/wydarzenia/festyn.ics"))
    assert [str(item["summary"]) for item in cal.walk("VEVENT")] == ["Festyn"]


def test_empty_feed_is_still_valid(client, db):
    cal = _parse(client.get("/osl/wydarzenia.ics"))
    assert cal.walk("VEVENT") == []


def _offset_in_the_feeds_zone(zone, moment):
    """The UTC offset the calendar's own VTIMEZONE gives the local time of ``moment``."""
    naive = moment.astimezone(WARSAW).replace(tzinfo=None)
    return naive.replace(tzinfo=zone.to_tz(lookup_tzid=False)).utcoffset()


def test_the_time_zone_covers_every_listed_event_however_far_apart(client, db):
    area = make_area(name="Osiedle Gutwin")
    moments = [
        dt.datetime(2027, 3, 28, 9, 0, tzinfo=WARSAW),  # the morning after the clock change
        dt.datetime(2027, 10, 31, 9, 0, tzinfo=WARSAW),  # and after the change back
        dt.datetime(2150, 7, 1, 18, 0, tzinfo=WARSAW),
        dt.datetime(9999, 6, 1, 12, 0, tzinfo=WARSAW),  # a year typed wrong stays listed
    ]
    for number, moment in enumerate(moments):
        make_event(area, title=f"Spotkanie {number}", slug=f"spotkanie-{number}", starts_at=moment)
    response = client.get("/osl/wydarzenia.ics")
    cal = _parse(response)
    (zone,) = cal.walk("VTIMEZONE")
    events = cal.walk("VEVENT")
    assert len(events) == len(moments)
    for event in events:
        for name in ("dtstart", "dtend"):
            moment = event.decoded(name)
            assert _offset_in_the_feeds_zone(zone, moment) == moment.utcoffset(), moment
    # Only the changes around each event, not eight thousand years of them.
    assert len(response.content) < 10_000
