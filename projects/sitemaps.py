from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from projects.models import Project


class ProjectListSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["projects:list"]

    def location(self, name):
        return reverse(name)


class ProjectSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Project.objects.published().order_by("pk")

    def lastmod(self, project):
        return project.updated_at


SITEMAPS = {"projekty-lista": ProjectListSitemap, "projekty": ProjectSitemap}
