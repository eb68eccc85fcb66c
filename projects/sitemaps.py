from django.contrib.sitemaps import Sitemap

from projects.models import Project


class ProjectSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Project.objects.published().order_by("pk")

    def lastmod(self, project):
        return project.updated_at
