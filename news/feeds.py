from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem
from web.pagecache import valid_until

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    title = _("Aktualności ośrodka pomocy społecznej")
    description = _("Komunikaty i aktualności: zmiany godzin, nabory do projektów, dni nieczynne.")
    link = reverse_lazy("news:list")

    def items(self):
        now = timezone.now()
        valid_until(NewsItem.objects.next_change(now))
        return NewsItem.objects.published(now)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers render <description> as HTML: escape the editor's text
        # here, before the feed's own XML escaping, so it stays text.
        return linebreaks(item.lead, autoescape=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
