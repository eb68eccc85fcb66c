from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from centre.models import AccessibilityStatement, PublicInformation


class CentrePageSitemap(Sitemap):
    """The centre's own pages: contact and the legal pages."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        names = ["centre:contact", "centre:privacy"]
        # Both answer 404 until an editor fills them in.
        if AccessibilityStatement.get() is not None:
            names.append("centre:accessibility")
        if PublicInformation.get() is not None:
            names.append("centre:information")
        return names

    def location(self, name):
        return reverse(name)


SITEMAPS = {"osrodek": CentrePageSitemap}
