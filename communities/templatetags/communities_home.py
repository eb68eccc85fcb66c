from django import template

from communities.models import CommunityArea, Event

register = template.Library()


@register.inclusion_tag("communities/includes/home_section.html", takes_context=True)
def communities_home_section(context):
    """The home page's section: the areas and the next few events."""
    return {
        "request": context.get("request"),
        "areas": CommunityArea.objects.published(),
        "events": Event.objects.published().upcoming().with_place()[:3],
    }
