from django import template

from communities.models import CommunityArea, Event

register = template.Library()

# The home page names a few areas; /osl/ lists them all.
HOME_AREAS = 8


@register.inclusion_tag("communities/includes/home_section.html", takes_context=True)
def communities_home_section(context):
    """The home page's section: the areas and the next few events."""
    areas = list(CommunityArea.objects.published()[: HOME_AREAS + 1])
    return {
        "request": context.get("request"),
        "areas": areas[:HOME_AREAS],
        "more_areas": len(areas) > HOME_AREAS,
        "events": Event.objects.published().upcoming().with_place()[:3],
    }
