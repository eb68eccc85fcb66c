from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from communities.models import CommunityArea, Event


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
        return CommunityArea.objects.published()


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().upcoming()

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {"osl-lista": CommunityListSitemap, "osl": AreaSitemap, "wydarzenia": EventSitemap}
