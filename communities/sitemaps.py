from django.contrib.sitemaps import Sitemap

from communities.models import CommunityArea, Event


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
