from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from survey.models import Poll
from web.pagecache import valid_until


class PollListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["survey:current"]

    def location(self, name):
        return reverse(name)


class PollSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        now = timezone.now()
        valid_until(Poll.objects.next_change(now))
        return Poll.objects.published(now).order_by("pk")

    def lastmod(self, poll):
        return poll.updated_at


class PollResultsSitemap(Sitemap):
    """Results pages the public may read (others answer 403 until the poll closes)."""

    changefreq = "daily"

    def items(self):
        now = timezone.now()
        valid_until(Poll.objects.next_change(now))
        return Poll.objects.results_public(now).order_by("pk")

    def location(self, poll):
        return poll.get_results_url()


SITEMAPS = {"ankieta": PollListSitemap, "ankiety": PollSitemap, "wyniki": PollResultsSitemap}
