from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from opsportal.context_processors import get_centre
from opsportal.models import Weekday
from opsportal.structured_data import government_office


def _centre(request):
    centre = get_centre(request)
    return centre if centre else None


@require_safe
def home(request):
    centre = _centre(request)
    return render(
        request,
        "opsportal/home.html",
        {
            "status": centre.opening_status() if centre else None,
            "structured_data": government_office(centre, request) if centre else None,
        },
    )


@require_safe
def contact(request):
    centre = _centre(request)
    context = {}
    if centre:
        context = {
            "status": centre.opening_status(),
            "week": [(Weekday(day).label, ranges) for day, ranges in centre.schedule.week()],
            "exceptions": centre.coming_exceptions(timezone.localdate()),
            "structured_data": government_office(centre, request),
        }
    return render(request, "opsportal/contact.html", context)


@require_safe
def accessibility(request):
    return render(request, "opsportal/accessibility.html")


@require_safe
def information(request):
    return render(request, "opsportal/information.html")


@require_safe
def privacy(request):
    return render(request, "opsportal/privacy.html")


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
