"""Social projects in the site search: title, lead, goals, target groups, partners, description."""

from django.utils.translation import gettext_lazy, ngettext_lazy

from core.search import Kind
from projects.models import Partnership, Project, SpecificGoal


class ProjectKind(Kind):
    model = Project
    key = "projekty"
    heading = gettext_lazy("Projekty socjalne")
    count_label = ngettext_lazy("%(count)s projekt", "%(count)s projektów", "count")
    title_field = "title"
    fields = ("lead", "main_goal", "description")
    related = {
        "_goals": (SpecificGoal, "project", "text"),
        "_partners": (Partnership, "project", "partner__name"),
        "_groups": (Project.target_groups.through, "project", "targetgroup__name"),
    }

    def queryset(self, now):
        return Project.objects.published(now)

    def texts(self, obj):
        return [
            (None, obj.lead),
            (gettext_lazy("Cel główny"), obj.main_goal),
            (gettext_lazy("Cele szczegółowe"), obj._goals),
            (gettext_lazy("Dla kogo"), obj._groups),
            (gettext_lazy("Partnerzy"), obj._partners),
            (gettext_lazy("Opis"), obj.description),
        ]

    def meta(self, obj):
        return obj.get_status_display()


PROJECTS = ProjectKind()

SEARCH_KINDS = (PROJECTS,)
