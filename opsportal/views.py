from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from centre.context_processors import get_centre
from centre.structured_data import government_office
from core import search_log
from core.search import Query
from opsportal import search as site_search
from web.cookies import (
    READER_COOKIE,
    READER_COOKIE_MAX_AGE,
    READER_OPTIONS,
    reader_preferences,
)


@require_safe
def home(request):
    centre = get_centre(request)
    return render(
        request,
        "opsportal/home.html",
        {
            "status": centre.opening_status() if centre else None,
            "structured_data": government_office(centre, request) if centre else None,
        },
    )


@require_safe
def search(request):
    """/szukaj/?q=: published content matching the words, grouped by kind."""
    query = Query.parse(request.GET.get("q", ""))
    results = None if query.problem else site_search.search(query)
    response = render(request, "opsportal/search.html", {"query": query, "results": results})
    if results is not None:
        # Counted for the editors' report (core.search_log): the folded words
        # only. A page served from the cache would go uncounted, so none is kept.
        # A misspelling answered with similar words still found nothing as typed.
        search_log.record(query, 0 if results.corrected_from else results.total)
        patch_cache_control(response, private=True)
    return response


@require_safe
def robots(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def reader_options(request):
    """Switch larger text or high contrast by a plain link, then go back."""
    prefs = reader_preferences(request)
    for name, allowed in READER_OPTIONS.items():
        value = request.GET.get(name)
        if value in allowed:
            prefs[name] = value
    # Back to a page of this site: a path, never another host, and never a
    # bare word that a redirect helper could take for a view's name.
    target = request.GET.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    cookie = ".".join(f"{name}-{value}" for name, value in sorted(prefs.items()))
    response.set_cookie(
        READER_COOKIE,
        cookie,
        max_age=READER_COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


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
