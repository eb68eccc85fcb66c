from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from aid.models import FormOfHelp


class AidPageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["aid:list", "aid:income_check"]

    def location(self, name):
        return reverse(name)


class FormOfHelpSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return FormOfHelp.objects.published().order_by("pk")

    def lastmod(self, form):
        return form.updated_at


SITEMAPS = {"pomoc-lista": AidPageSitemap, "pomoc": FormOfHelpSitemap}
