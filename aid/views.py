import datetime as dt

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from aid import income
from aid.forms import IncomeCheckForm
from aid.models import Category, FormOfHelp, IncomeCriterion
from aid.search import FORMS_OF_HELP
from core.hours import WARSAW
from core.qr import absolute_url
from core.search import Query
from core.visibility import VisibleObjectMixin
from web.pagecache import valid_until


class PublishedFormOfHelpMixin(VisibleObjectMixin):
    """Forms of help the visitor may see: published ones, and drafts for staff previewing them."""

    model = FormOfHelp


def published_by_category(query=None):
    """Categories that have published forms of help, each with them in its order.

    With a ``query`` (core.search.Query), only the forms the site search finds for it.
    """
    forms = FormOfHelp.objects.published()
    if query is not None:
        forms = FORMS_OF_HELP.matching(forms, query)
    categories = Category.objects.prefetch_related(
        Prefetch("forms", queryset=forms, to_attr="published_forms")
    )
    return [category for category in categories if category.published_forms]


@require_safe
def form_list(request):
    """/pomoc/?q=: every published form of help, or those the words find, by category."""
    query = Query.parse(request.GET.get("q", ""))
    searching = bool(query.text) and not query.problem
    return render(
        request,
        "aid/formofhelp_list.html",
        {
            "categories": published_by_category(query if searching else None),
            "query": query,
            "searching": searching,
        },
    )


class FormOfHelpDetailView(PublishedFormOfHelpMixin, DetailView):
    template_name = "aid/formofhelp_detail.html"
    context_object_name = "form"

    def get_queryset(self):
        return super().get_queryset().with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_sensitive:
            context["quick_exit_url"] = settings.QUICK_EXIT_URL
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.object.is_sensitive:
            # Neither the browser's history cache nor a shared cache keeps a
            # page someone may need to hide having read.
            add_never_cache_headers(response)
        return response


class FormOfHelpLeafletView(FormOfHelpDetailView):
    """The form of help on one printed A4 sheet, for caseworkers to hand out.

    It keeps the page's care for sensitive help: the quick exit and no-store.
    """

    template_name = "aid/formofhelp_leaflet.html"

    def get_context_data(self, **kwargs):
        # The unit's coming closures move on at midnight.
        valid_until(_midnight(timezone.localdate() + dt.timedelta(days=1)))
        path = self.object.get_absolute_url()
        return super().get_context_data(
            back_url=path, page_url=absolute_url(self.request, path), **kwargs
        )


def _midnight(date):
    return dt.datetime.combine(date, dt.time(), tzinfo=WARSAW)


@require_safe
def income_check(request):
    """/pomoc/kryterium-dochodowe/?osoby=&dochod=: the answer for the numbers typed.

    The numbers are used for this one answer: nothing stores them, and the
    page that shows them is marked private and no-store, so neither the page
    cache nor a proxy keeps it (the logs name the path, never the query).
    """
    today = timezone.localdate()
    criterion = IncomeCriterion.objects.in_force(today)
    upcoming = IncomeCriterion.objects.next_after(today)
    asked = "osoby" in request.GET or "dochod" in request.GET
    # NUL and other control characters cannot be shown back in the field.
    typed = {
        name: "".join(ch if ch.isprintable() else " " for ch in request.GET.get(name, ""))
        for name in ("osoby", "dochod")
    }
    form = IncomeCheckForm(typed if asked else None)
    answer = None
    if asked and criterion is not None and form.is_valid():
        answer = income.check(criterion, form.cleaned_data["osoby"], form.cleaned_data["dochod"])
    if upcoming is not None:
        valid_until(_midnight(upcoming.effective_from))
    valid_until(_midnight(today + dt.timedelta(days=1)))
    response = render(
        request,
        "aid/income_check.html",
        {"form": form, "criterion": criterion, "upcoming": upcoming, "answer": answer},
    )
    if request.GET:
        add_never_cache_headers(response)
    return response
