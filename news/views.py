from django.utils import timezone
from django.views.generic import DetailView, ListView

from core.search import Query
from core.visibility import VisibleObjectMixin
from news.models import NewsItem
from news.search import NEWS
from web.pagecache import valid_until


class NewsListView(ListView):
    template_name = "news/newsitem_list.html"
    context_object_name = "news_items"
    paginate_by = 10

    def get_queryset(self):
        now = timezone.now()
        # A scheduled item appears, and an ended one leaves, without a save: a
        # cached list lives no longer than the next such moment.
        valid_until(NewsItem.objects.next_change(now))
        items = NewsItem.objects.published(now)
        # ?q=: the items the site search finds for the words, newest first.
        self.query = Query.parse(self.request.GET.get("q", ""))
        if self.query.text and not self.query.problem:
            items = NEWS.matching(items, self.query)
        return items

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)


class NewsDetailView(VisibleObjectMixin, DetailView):
    """One item. The public gets published ones; staff also drafts, scheduled and
    ended items, so an editor can preview an item before residents see it."""

    template_name = "news/newsitem_detail.html"
    context_object_name = "item"

    model = NewsItem

    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        # At its end the item is a 404, cached page or not.
        valid_until(item.expires_at)
        return item
