from django import template
from django.utils import timezone

from projects.models import Project
from web.pagecache import valid_until

register = template.Library()

HOME_PROJECT_COUNT = 6


@register.inclusion_tag("projects/includes/home_section.html", takes_context=True)
def projects_home_section(context):
    """Published projects for the home page, the ones residents can join now first."""
    now = timezone.now()
    valid_until(Project.objects.next_change(now))
    projects = Project.objects.published(now).ongoing_first()[:HOME_PROJECT_COUNT]
    return {"request": context.get("request"), "projects": projects}
