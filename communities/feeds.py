"""The events for machines: iCalendar (RFC 5545) for calendars, RSS for feed readers."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from communities.models import Event
from core.hours import WARSAW

PRODUCT_ID = "-//opsportal//Organizowanie spolecznosci lokalnej//PL"


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
    dates = []
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
        dates += [event.starts_at.date(), event.ends_at.date()]
    if dates:
        # Only the transitions around the events, not fifty years of them.
        cal.add_missing_timezones(
            first_date=min(dates) - dt.timedelta(days=366),
            last_date=max(dates) + dt.timedelta(days=366),
        )
    return cal.to_ical()


class UpcomingEventsFeed(Feed):
    title = gettext_lazy("Wydarzenia w społecznościach lokalnych")
    description = gettext_lazy("Nadchodzące spotkania, festyny i warsztaty na osiedlach.")
    link = reverse_lazy("communities:events")

    def items(self):
        return Event.objects.published().upcoming().with_place()[:30]

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
