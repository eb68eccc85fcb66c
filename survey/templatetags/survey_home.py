from django import template

register = template.Library()


@register.inclusion_tag("survey/includes/home_section.html", takes_context=True)
def survey_home_section(context):
    """The home page's section for this app."""
    return {"request": context.get("request")}
