from django import template

from aid.views import published_by_category

register = template.Library()


@register.inclusion_tag("aid/includes/home_section.html", takes_context=True)
def aid_home_section(context):
    """ "Jak uzyskać pomoc" on the home page: each category with its forms of help."""
    return {"request": context.get("request"), "categories": published_by_category()}
