"""The admin page "Czego szukają mieszkańcy": the most frequent searches, those finding nothing."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from core import search_log
from core.models import SearchQueryCount

# ?okres= → (days, label); the first is the default.
PERIODS = {
    "7": (7, _("ostatnie 7 dni")),
    "30": (30, _("ostatnie 30 dni")),
    "365": (365, _("ostatni rok")),
}
DEFAULT_PERIOD = "7"


@admin.register(SearchQueryCount)
class SearchReportAdmin(admin.ModelAdmin):
    """A read-only report instead of a list of rows: nothing here is edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        period = request.GET.get("okres", DEFAULT_PERIOD)
        if period not in PERIODS:
            period = DEFAULT_PERIOD
        days, label = PERIODS[period]
        most, missed = search_log.report(days)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Czego szukają mieszkańcy"),
            "opts": self.model._meta,
            "periods": [(key, text, key == period) for key, (_days, text) in PERIODS.items()],
            "period_label": label,
            "most": most,
            "missed": missed,
            "retention_days": search_log.RETENTION_DAYS,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/core/searchquerycount/report.html", context)
