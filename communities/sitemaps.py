from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from communities.models import CommunityArea, Event
from web.pagecache import valid_until


class CommunityListSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["communities:list", "communities:events"]

    def location(self, name):
        return reverse(name)


class AreaSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        now = timezone.now()
        valid_until(CommunityArea.objects.next_change(now))
        return CommunityArea.objects.published(now)


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        now = timezone.now()
        valid_until(Event.objects.next_change(now))
        return Event.objects.published(now).upcoming(now)

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"osl-lista": CommunityListSitemap, "osl": AreaSitemap, "wydarzenia": EventSitemap}
