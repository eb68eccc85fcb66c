"""The events for machines: iCalendar (RFC 5545) for calendars, RSS for feed readers."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as CalendarEvent

from communities.models import Event
from core.hours import WARSAW
from web.pagecache import valid_until

PRODUCT_ID = "-//opsportal//Organizowanie spolecznosci lokalnej//PL"
# Moments less than a year apart share one stretch of the time zone's
# history in the VTIMEZONE; one typed centuries away gets a stretch of its own.
JOIN_STRETCHES = dt.timedelta(days=366)
DAY = dt.timedelta(days=1)


def calendar(events, request):
    """Serialise ``events`` with Europe/Warsaw times and their VTIMEZONE."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("Wydarzenia w społecznościach lokalnych"))
    cal.add("x-wr-timezone", "Europe/Warsaw")
    host = request.get_host().split(":")[0]
    moments = []
    for event in events:
        url = request.build_absolute_uri(event.get_absolute_url())
        item = CalendarEvent()
        # The primary key never changes, unlike the slug an editor may fix.
        item.add("uid", f"osl-event-{event.pk}@{host}")
        item.add("dtstamp", event.updated_at.astimezone(dt.UTC))
        item.add("last-modified", event.updated_at.astimezone(dt.UTC))
        item.add("dtstart", event.starts_at.astimezone(WARSAW))
        item.add("dtend", event.ends_at.astimezone(WARSAW))
        item.add("summary", event.title)
        item.add("location", event.place_label)
        description = f"{event.area.name}\n\n{event.description}".strip()
        item.add("description", f"{description}\n\n{url}")
        item.add("url", url)
        if event.site_id and event.site.has_coordinates:
            item.add("geo", (float(event.site.latitude), float(event.site.longitude)))
        cal.add_component(item)
        moments += [event.starts_at, event.ends_at]
    if moments:
        cal.add_component(time_zone(moments))
    return cal.to_ical()


def time_zone(moments):
    """Europe/Warsaw as a VTIMEZONE that gives the right offset at each of ``moments``.

    Each run of moments less than a year apart gets one stretch, from a day
    before its first to a day after its last, with the offset in force at its
    start and every change within it. So the zone covers every event however
    far apart they are, without all the changes between two distant ones,
    and up to the last date Python can count.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Warsaw")
    for start, end in _stretches(sorted(moments)):
        for onset, offset_from, offset_to, name, daylight in _observances(start, end):
            part = TimezoneDaylight() if daylight else TimezoneStandard()
            part.add("dtstart", onset)
            part.add("tzoffsetfrom", offset_from)
            part.add("tzoffsetto", offset_to)
            part.add("tzname", name)
            zone.add_component(part)
    return zone


def _stretches(moments):
    """(start, end) in UTC, whole seconds, around each run of ``moments``."""
    runs = []
    for moment in moments:
        moment = moment.astimezone(dt.UTC).replace(microsecond=0)
        if runs and moment - runs[-1][1] < JOIN_STRETCHES:
            runs[-1][1] = moment
        else:
            runs.append([moment, moment])
    return [(_shifted(start, -DAY), _shifted(end, DAY)) for start, end in runs]


def _shifted(moment, delta):
    # A day before the year 1 or after 9999 cannot be counted: stop there.
    try:
        return moment + delta
    except OverflowError:
        return moment


def _observances(start, end):
    """(onset, offset before, offset after, name, daylight) from ``start`` to ``end``.

    The first is the offset already in force at ``start``; then each change,
    with its onset in local time before the change, as RFC 5545 writes it.
    Offsets never change twice in a day, so stepping a day at a time finds
    every change, and halving the step finds its second.
    """
    local = start.astimezone(WARSAW)
    yield (
        local.replace(tzinfo=None),
        local.utcoffset(),
        local.utcoffset(),
        local.tzname(),
        bool(local.dst()),
    )
    moment, offset = start, _offset(start)
    while moment < end:
        following = end if end - moment <= DAY else moment + DAY
        if _offset(following) != offset:
            before, after = 0, int((following - moment).total_seconds())
            while after - before > 1:
                middle = (before + after) // 2
                if _offset(moment + dt.timedelta(seconds=middle)) == offset:
                    before = middle
                else:
                    after = middle
            change = (moment + dt.timedelta(seconds=after)).astimezone(WARSAW)
            onset = change.replace(tzinfo=None) - change.utcoffset() + offset
            yield onset, offset, change.utcoffset(), change.tzname(), bool(change.dst())
            offset = change.utcoffset()
        moment = following


def _offset(moment):
    return moment.astimezone(WARSAW).utcoffset()


class UpcomingEventsFeed(Feed):
    title = gettext_lazy("Wydarzenia w społecznościach lokalnych")
    description = gettext_lazy("Nadchodzące spotkania, festyny i warsztaty na osiedlach.")
    link = reverse_lazy("communities:events")

    def items(self):
        now = timezone.now()
        valid_until(Event.objects.next_change(now))
        return Event.objects.published(now).upcoming(now).with_place()[:30]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        when = formats.date_format(timezone.localtime(event.starts_at), "j E Y, G:i")
        # Feed readers render <description> as HTML: escape the editor's text
        # here, before the feed's own XML escaping, so it stays text.
        text = f"{when}, {event.place_label}. {event.description}".strip()
        return linebreaks(text, autoescape=True)

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at
