from django import template
from django.utils import timezone

from communities.models import CommunityArea, Event
from web.pagecache import valid_until

register = template.Library()

# The home page names a few areas; /osl/ lists them all.
HOME_AREAS = 8


@register.inclusion_tag("communities/includes/home_section.html", takes_context=True)
def communities_home_section(context):
    """The home page's section: the areas and the next few events."""
    now = timezone.now()
    # An area or event scheduled to start or end changes this section by the clock.
    valid_until(CommunityArea.objects.next_change(now))
    valid_until(Event.objects.next_change(now))
    areas = list(CommunityArea.objects.published(now)[: HOME_AREAS + 1])
    return {
        "request": context.get("request"),
        "areas": areas[:HOME_AREAS],
        "more_areas": len(areas) > HOME_AREAS,
        "events": Event.objects.published(now).upcoming(now).with_place()[:3],
    }
