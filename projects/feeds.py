from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from projects.models import Project
from web.pagecache import valid_until


class LatestProjectsFeed(Feed):
    title = _("Projekty socjalne ośrodka pomocy społecznej")
    description = _("Nowo opublikowane projekty socjalne: cele, partnerzy, jak wziąć udział.")
    link = reverse_lazy("projects:list")

    def items(self):
        now = timezone.now()
        valid_until(Project.objects.next_change(now))
        return Project.objects.published(now)[:20]

    def item_title(self, project):
        return project.title

    def item_description(self, project):
        # Feed readers render <description> as HTML: escape the editor's text
        # here, before the feed's own XML escaping, so it stays text.
        return linebreaks(project.lead, autoescape=True)

    def item_pubdate(self, project):
        return project.published_at

    def item_updateddate(self, project):
        return project.updated_at
