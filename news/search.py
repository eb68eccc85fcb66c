"""News in the site search: title, lead and body of the published items."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy, ngettext_lazy

from core.search import Kind
from news.models import NewsItem


class NewsKind(Kind):
    model = NewsItem
    key = "aktualnosci"
    heading = gettext_lazy("Aktualności")
    count_label = ngettext_lazy("%(count)s aktualność", "%(count)s aktualności", "count")
    title_field = "title"
    fields = ("lead", "body")
    related = {}

    def queryset(self, now):
        return NewsItem.objects.published(now)

    def texts(self, obj):
        return [(None, obj.lead), (gettext_lazy("Treść"), obj.body)]

    def meta(self, obj):
        return formats.date_format(timezone.localtime(obj.published_at), "j E Y")


NEWS = NewsKind()

SEARCH_KINDS = (NEWS,)
