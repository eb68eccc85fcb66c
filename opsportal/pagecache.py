"""A page cache for anonymous readers that never serves stale content.

Rendered pages are kept in Django's cache under a key that includes a
*content version*. Any save or delete of a content model bumps that version
(see ``opsportal.signals``), so the next request renders afresh: nothing has
to know which pages a record appears on. Ballots have a version of their own
that only the poll pages depend on, so a stream of votes does not empty the
cache of every other page.

Content that changes with the clock rather than with the database ("open
now", a poll that closes at noon) calls :func:`valid_until`, which shortens
the life of the page being rendered to that moment.

Only requests whose cookies are all in ``SHARED_COOKIES`` are served from or
stored into the cache, so anything personal (a session, flash messages, the
poll's voter key) is never shared. The CSRF token is the one per-visitor value
that a cacheable page may hold: it is stored as a placeholder and filled in
for each visitor when the page is served.

The versions live in the cache when it is shared (Redis, several servers);
with the default local-memory cache, which each process has for itself, they
are the modification times of small files, so that every process on the
machine sees a bump at once without asking the database.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import os
import re
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from opsportal.cookies import READER_COOKIE, reader_preferences

CONTENT = "content"
BALLOTS = "ballots"

# Which versions a path depends on, first match wins.
PATH_TAGS = (("/ankieta/", (CONTENT, BALLOTS)), ("/", (CONTENT,)))
SKIP_PREFIXES = ("/admin/", "/healthz", "/czytelnosc/", "/static/", "/media/")

_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
_CSRF_HOLE = b"\x1bopsportal-csrf\x1b"
_MAX_PATH = 1024

_valid_until = contextvars.ContextVar("opsportal_page_valid_until", default=None)


def valid_until(moment: dt.datetime | None) -> None:
    """Declare that the page being rendered changes at ``moment`` by the clock alone."""
    moments = _valid_until.get()
    if moments is not None and moment is not None:
        moments.append(moment)


def _shared_cookie_names():
    return {settings.CSRF_COOKIE_NAME, READER_COOKIE}


def _cache_is_shared():
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def _stamp_file(tag):
    folder = Path(getattr(settings, "PAGE_CACHE_STAMP_DIR", "") or tempfile.gettempdir())
    database = str(settings.DATABASES["default"].get("NAME", ""))
    owner = hashlib.sha256(f"{settings.BASE_DIR}|{database}".encode()).hexdigest()[:16]
    return folder / f"opsportal-{owner}-{tag}.stamp"


def versions(tags):
    """The current version of each tag, as a tuple of integers."""
    if _cache_is_shared():
        keys = [f"pagecache:version:{tag}" for tag in tags]
        found = cache.get_many(keys)
        missing = [key for key in keys if key not in found]
        for key in missing:
            cache.add(key, time.time_ns(), timeout=None)
        if missing:
            found = cache.get_many(keys)
        return tuple(found.get(key, 0) for key in keys)
    result = []
    for tag in tags:
        try:
            result.append(os.stat(_stamp_file(tag)).st_mtime_ns)
        except FileNotFoundError:
            result.append(bump(tag))
    return tuple(result)


def bump(tag=CONTENT):
    """Make every cached page that depends on ``tag`` stale."""
    if _cache_is_shared():
        key = f"pagecache:version:{tag}"
        if not cache.add(key, time.time_ns(), timeout=None):
            try:
                return cache.incr(key)
            except ValueError:
                cache.set(key, time.time_ns(), timeout=None)
        return cache.get(key)
    path = _stamp_file(tag)
    try:
        previous = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        path.touch()
        previous = 0
    # Strictly later than before, even when two bumps share a clock tick.
    stamp = max(time.time_ns(), previous + 1)
    os.utime(path, ns=(stamp, stamp))
    return stamp


_MISSING = object()


def cached_data(name, tags, compute):
    """``compute()``, kept in the cache until content of one of ``tags`` changes.

    For data that a request needs often and content edits change, such as the
    poll a vote is cast in. The key carries the versions like a page's, so an
    edit is seen by the next request. None is returned but not kept, so that
    asking for things that do not exist cannot fill the cache.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    key = f"pagecache:data:{name}:" + ",".join(str(v) for v in versions(tags))
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if value is not None:
            cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def _eligible(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if len(request.get_full_path()) > _MAX_PATH or path.startswith(SKIP_PREFIXES):
        return False
    if not settings.PAGE_CACHE_SECONDS:
        return False
    return set(request.COOKIES) <= _shared_cookie_names()


def _key(request, tags):
    prefs = ".".join(f"{k}-{v}" for k, v in sorted(reader_preferences(request).items()))
    raw = "|".join(
        [
            request.get_host(),
            request.get_full_path(),
            prefs,
            ",".join(str(v) for v in versions(tags)),
        ]
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _tags(path):
    return next(tags for prefix, tags in PATH_TAGS if path.startswith(prefix))


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A CSP nonce belongs to one response's header; a page that carries one
    # cannot be shared.
    if b' nonce="' in response.content:
        return False
    # "Vary: Cookie" is no bar: the requests that reach the cache carry only
    # the shared cookies, whose effect the key (reader options) and the CSRF
    # placeholder already cover. The header still guides caches downstream.
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _timeout(moments):
    timeout = settings.PAGE_CACHE_SECONDS
    if moments:
        until = (min(moments) - timezone.now()).total_seconds()
        timeout = min(timeout, int(until))
    return timeout


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store what is safe to share.

    It sits after the CSRF, session, auth and message middleware so that a
    hit fills in this visitor's CSRF token (and the CSRF middleware then sets
    its cookie), while a hit touches neither the database nor the session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request, _tags(request.path))
        entry = cache.get(key)
        if entry is not None:
            return self._serve(request, entry)
        moments = []
        token = _valid_until.set(moments)
        try:
            response = self.get_response(request)
        finally:
            _valid_until.reset(token)
        if _storable(response):
            timeout = _timeout(moments)
            body = _CSRF_FIELD.sub(rb"\1" + _CSRF_HOLE + rb"\2", response.content)
            etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
            if timeout > 0:
                headers = [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in ("set-cookie", "date", "etag", "content-length")
                ]
                cache.set(key, (headers, body, etag), timeout)
            response["ETag"] = etag
            patch_cache_control(response, no_cache=True)
            return get_conditional_response(request, etag=etag, response=response)
        return response

    def _serve(self, request, entry):
        headers, body, etag = entry
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
        if _CSRF_HOLE in body:
            body = body.replace(_CSRF_HOLE, get_token(request).encode())
        response = HttpResponse(body)
        for name, value in headers:
            response[name] = value
        response["ETag"] = etag
        response["X-Page-Cache"] = "hit"
        return response
