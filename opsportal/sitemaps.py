"""Every published page for search engines: /sitemap.xml.

The home page is the project's own; every app lists its pages in the
``SITEMAPS`` of its ``sitemaps`` module, gathered here in the order of
INSTALLED_APPS.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.discovery import app_modules


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["opsportal:home"]

    def location(self, name):
        return reverse(name)


def collect_sitemaps():
    sitemaps = {"strona-glowna": HomeSitemap}
    for module in app_modules("sitemaps"):
        sitemaps.update(getattr(module, "SITEMAPS", {}))
    return sitemaps
