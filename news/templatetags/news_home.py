from django import template
from django.utils import timezone

from news.models import NewsItem
from web.pagecache import valid_until

register = template.Library()

HOME_NEWS_COUNT = 3


@register.inclusion_tag("news/includes/home_section.html", takes_context=True)
def news_home_section(context):
    """The latest published items for the home page."""
    now = timezone.now()
    valid_until(NewsItem.objects.next_change(now))
    items = NewsItem.objects.published(now)[:HOME_NEWS_COUNT]
    return {"request": context.get("request"), "news_items": items}
