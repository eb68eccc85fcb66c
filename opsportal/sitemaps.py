"""Every published page for search engines: /sitemap.xml."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from communities.sitemaps import AreaSitemap, EventSitemap
from opsportal.models import AccessibilityStatement, PublicInformation
from projects.sitemaps import ProjectSitemap
from survey.models import Poll, ResultsVisibility


class SitePageSitemap(Sitemap):
    """The pages that exist once: home, contact, the lists and the legal pages."""

    changefreq = "weekly"

    def items(self):
        names = [
            "opsportal:home",
            "opsportal:contact",
            "projects:list",
            "communities:list",
            "communities:events",
            "survey:current",
            "opsportal:privacy",
        ]
        # Both answer 404 until an editor fills them in.
        if AccessibilityStatement.get() is not None:
            names.append("opsportal:accessibility")
        if PublicInformation.get() is not None:
            names.append("opsportal:information")
        return names

    def location(self, name):
        return reverse(name)

    def priority(self, name):
        return 1.0 if name == "opsportal:home" else 0.6


class PollSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Poll.objects.published().order_by("pk")

    def lastmod(self, poll):
        return poll.updated_at


class PollResultsSitemap(Sitemap):
    """Results pages the public may read (others answer 403 until the poll closes)."""

    changefreq = "daily"

    def items(self):
        visible = Q(results_visibility=ResultsVisibility.ALWAYS) | Q(closes_at__lte=timezone.now())
        return Poll.objects.published().filter(visible).order_by("pk")

    def location(self, poll):
        return poll.get_results_url()


SITEMAPS = {
    "strony": SitePageSitemap,
    "projekty": ProjectSitemap,
    "osl": AreaSitemap,
    "wydarzenia": EventSitemap,
    "ankiety": PollSitemap,
    "wyniki": PollResultsSitemap,
}
