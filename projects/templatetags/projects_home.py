from django import template

register = template.Library()


@register.inclusion_tag("projects/includes/home_section.html", takes_context=True)
def projects_home_section(context):
    """The home page's section for this app."""
    return {"request": context.get("request")}
