from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from projects.models import Project
from web.pagecache import valid_until


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
        now = timezone.now()
        valid_until(Project.objects.next_change(now))
        return Project.objects.published(now).order_by("pk")

    def lastmod(self, project):
        return project.updated_at


SITEMAPS = {"projekty-lista": ProjectListSitemap, "projekty": ProjectSitemap}
