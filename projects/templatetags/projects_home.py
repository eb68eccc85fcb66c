from django import template

from projects.models import Project

register = template.Library()

HOME_PROJECT_COUNT = 6


@register.inclusion_tag("projects/includes/home_section.html", takes_context=True)
def projects_home_section(context):
    """Published projects for the home page, the ones residents can join now first."""
    projects = Project.objects.published().ongoing_first()[:HOME_PROJECT_COUNT]
    return {"request": context.get("request"), "projects": projects}
