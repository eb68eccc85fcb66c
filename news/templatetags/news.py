"""The urgent-announcement banner of every page, and an item's schema.org description."""

from django import template
from django.utils import timezone

from news.models import NewsItem
from web.pagecache import valid_until

register = template.Library()

# The banner names a few notices; more would push the page itself off a phone's screen.
BANNER_NOTICES = 3


def urgent_notices(request):
    """``(notices, next change)`` of the banner, from one query per request."""
    if request is None:
        return NewsItem.objects.urgent_notices()
    found = getattr(request, "urgent_notices", None)
    if found is None:
        found = request.urgent_notices = NewsItem.objects.urgent_notices()
    return found


@register.inclusion_tag("news/includes/urgent_banner.html", takes_context=True)
def urgent_banner(context):
    """``{% urgent_banner %}``: urgent announcements while they last, newest first.

    A cached page expires when an urgent item starts or ends, so the banner
    appears and disappears by the clock alone.
    """
    notices, next_change = urgent_notices(context.get("request"))
    valid_until(next_change)
    return {
        "notices": notices[:BANNER_NOTICES],
        "more": len(notices) > BANNER_NOTICES,
    }


@register.simple_tag(takes_context=True)
def news_article(context, item):
    """``{% news_article item as data %}``: a schema.org NewsArticle for JSON-LD.

    The publisher is the centre of the page's context, when there is one.
    """
    request = context["request"]
    url = request.build_absolute_uri(item.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "description": item.lead,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "pl",
        "datePublished": timezone.localtime(item.published_at).isoformat()
        if item.published_at
        else None,
        "dateModified": timezone.localtime(item.updated_at).isoformat(),
    }
    if item.image:
        data["image"] = request.build_absolute_uri(item.image.url)
    centre = context.get("centre")
    if centre:
        organisation = {"@type": "Organization", "name": centre.name}
        data["publisher"] = data["author"] = organisation
    return {key: value for key, value in data.items() if value is not None}
