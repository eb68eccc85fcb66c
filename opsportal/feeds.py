"""RSS of upcoming OSL events, beside the projects' feed (projects.feeds)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import formats, timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from communities.models import Event


class UpcomingEventsFeed(Feed):
    title = _("Wydarzenia w społecznościach lokalnych")
    description = _("Nadchodzące spotkania, festyny i warsztaty na osiedlach.")
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
