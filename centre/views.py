from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from centre.context_processors import get_centre
from centre.models import AccessibilityStatement, PublicInformation, Unit
from centre.structured_data import government_office, unit_offices
from web.cookies import site_cookies


@require_safe
def contact(request):
    centre = get_centre(request)
    context = {}
    if centre:
        context = {
            "status": centre.opening_status(),
            "week": centre.weekly_hours(),
            "exceptions": centre.coming_exceptions(),
            "structured_data": government_office(centre, request),
            "documents": list(centre.documents.all()),
        }
    units = list(Unit.objects.with_details())
    context["units"] = units
    if centre and units:
        context["units_structured_data"] = unit_offices(units, centre, request)
    return render(request, "centre/contact.html", context)


@require_safe
def accessibility(request):
    statement = AccessibilityStatement.get()
    return render(
        request,
        "centre/accessibility.html",
        {"statement": statement},
        status=200 if statement else 404,
    )


@require_safe
def information(request):
    info = PublicInformation.get()
    return render(request, "centre/information.html", {"info": info}, status=200 if info else 404)


@require_safe
def information_text(request):
    """The scope of the centre's activity as a plain UTF-8 file (art. 6(3) of the act)."""
    info = PublicInformation.get()
    if info is None:
        raise Http404
    response = HttpResponse(info.machine_readable_text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="zakres-dzialalnosci.txt"'
    return response


@require_safe
def privacy(request):
    return render(request, "centre/privacy.html", {"cookies": site_cookies()})
