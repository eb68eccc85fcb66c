from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.search import Query
from core.visibility import VisibleObjectMixin
from projects.models import Partner, Project, ProjectStatus, TargetGroup
from projects.search import PROJECTS
from web.pagecache import valid_until


class PublishedProjectMixin(VisibleObjectMixin):
    """Projects the visitor may see: published ones, and drafts for staff previewing them."""

    model = Project


class ProjectFilters:
    """The list's query parameters, checked against the values that exist.

    An unknown value is not an error: the list is empty and ``problems`` says
    which value was not recognised.
    """

    def __init__(self, params):
        self.status = params.get("status", "").strip()
        self.group = params.get("grupa", "").strip()
        self.partner = params.get("partner", "").strip()
        # PostgreSQL refuses NUL in text, and a long phrase only slows the search down.
        self.q = params.get("q", "").replace("\x00", "").strip()[:100]
        # The phrase matches as in the site search: folded, stemmed, every word.
        self.query = Query.parse(self.q)

    @cached_property
    def groups(self):
        return list(TargetGroup.objects.filter(projects__in=Project.objects.published()).distinct())

    @cached_property
    def partners(self):
        return list(Partner.objects.filter(projects__in=Project.objects.published()).distinct())

    @cached_property
    def problems(self):
        problems = []
        if self.status and self.status not in ProjectStatus.values:
            problems.append(_("Nie ma etapu projektu „%(value)s”.") % {"value": self.status})
        if self.group and self.group_obj is None:
            problems.append(
                _("Nie ma projektów dla grupy docelowej „%(value)s”.") % {"value": self.group}
            )
        if self.partner and self.partner_obj is None:
            problems.append(
                _("Nie ma projektów z partnerem „%(value)s”.") % {"value": self.partner}
            )
        return problems

    @cached_property
    def group_obj(self):
        return next((g for g in self.groups if g.slug == self.group), None)

    @cached_property
    def partner_obj(self):
        return next((p for p in self.partners if p.slug == self.partner), None)

    @property
    def active(self):
        return bool(self.status or self.group or self.partner or self.q)

    def apply(self, queryset):
        if self.problems:
            return queryset.none()
        if self.status:
            queryset = queryset.filter(status=self.status)
        if self.group_obj:
            queryset = queryset.filter(target_groups=self.group_obj)
        if self.partner_obj:
            queryset = queryset.filter(partnerships__partner=self.partner_obj)
        if self.q:
            queryset = PROJECTS.matching(queryset, self.query)
        return queryset


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 12

    def get_queryset(self):
        self.filters = ProjectFilters(self.request.GET)
        now = timezone.now()
        # A scheduled project appears, and an ended one leaves, without a save:
        # a cached list lives no longer than the next such moment.
        valid_until(Project.objects.next_change(now))
        # Filtering through a to-many relation may repeat a project; a
        # subquery keeps the list distinct without DISTINCT over text columns.
        matching = self.filters.apply(Project.objects.published(now)).values("pk")
        return Project.objects.filter(pk__in=matching).prefetch_related("target_groups")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters"] = self.filters
        context["statuses"] = ProjectStatus.choices
        return context


class ProjectDetailView(PublishedProjectMixin, DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return super().get_queryset().with_details()

    def get_object(self, queryset=None):
        project = super().get_object(queryset)
        # At its end the project is a 404, cached page or not.
        valid_until(project.expires_at)
        return project
