from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from web.pagecache import valid_until


class NewsListSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["news:list"]

    def location(self, name):
        return reverse(name)


class NewsItemSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        now = timezone.now()
        valid_until(NewsItem.objects.next_change(now))
        return NewsItem.objects.published(now).order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"aktualnosci-lista": NewsListSitemap, "aktualnosci": NewsItemSitemap}
