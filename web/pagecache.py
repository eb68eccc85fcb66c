"""A page cache for anonymous readers that never serves stale content.

Rendered pages are kept in Django's cache under a key that includes a
*content version*. Any save or delete of a content model bumps that version
(see ``web.signals``), so the next request renders afresh: nothing has
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
for each visitor when the page is served. The placeholder is drawn at random
for each stored page, so no text a request sends (a search, a street name)
can spell it and be replaced by the visitor's token.

The versions live in the cache when it is shared (Redis, several servers);
with the default local-memory cache, which each process has for itself, they
are the modification times of small files, so that every process on the
machine sees a bump at once without asking the database. With a shared cache
each process also keeps a copy of the entries it has met, so that a hit asks
Redis for the versions only.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import hashlib
import os
import re
import secrets
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from web import compression
from web.cookies import READER_COOKIE, reader_preferences

CONTENT = "content"

# Tags beyond CONTENT that the pages under a path depend on, as the apps
# declare them (tag_pages); resolved on first use, when the URLconf is loaded.
_page_tags = []

_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
# Part of every page key: a change to Entry must not meet entries of the old shape.
_ENTRY_FORMAT = 5
_MAX_PATH = 1024
_NOT_MODIFIED_HEADERS = ("cache-control", "content-location", "expires", "vary")

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
    return _stamp_path(
        getattr(settings, "PAGE_CACHE_STAMP_DIR", "") or tempfile.gettempdir(),
        str(settings.BASE_DIR),
        str(settings.DATABASES["default"].get("NAME", "")),
        tag,
    )


@functools.lru_cache(maxsize=64)
def _stamp_path(folder, base_dir, database, tag):
    # One set of stamps per checkout and database, shared by its processes.
    owner = hashlib.sha256(f"{base_dir}|{database}".encode()).hexdigest()[:16]
    return Path(folder) / f"opsportal-{owner}-{tag}.stamp"


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


# Process-local stores (below) hold at most this many entries; when one is
# full it is emptied, which drops mostly entries of older content versions.
_PROCESS_ENTRIES = 256


def _remember(store, key, value):
    if len(store) >= _PROCESS_ENTRIES:
        store.clear()
    store[key] = value


_data = {}


def cached_data(name, tags, compute):
    """``compute()``, kept in this process until content of one of ``tags`` changes.

    For data that a request needs often and content edits change, such as the
    poll a vote is cast in. The key carries the versions like a page's, so an
    edit is seen by the next request, in every process. The value is shared
    by the threads of the process: treat it as read-only. None is returned
    but not kept, so that asking for things that do not exist fills nothing.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return compute()
    key = (name, versions(tags))
    value = _data.get(key)
    if value is None:
        value = compute()
        if value is not None:
            _remember(_data, key, value)
    return value


class Entry(NamedTuple):
    """A stored page: headers, body (with a hole for each CSRF token), ETag, when to
    render it anew, its compressed copies (see web.compression), if it is worth
    compressing, when it expires (timestamps of django.utils.timezone.now()), and
    the marker of its holes, None when it has none (see _new_hole)."""

    headers: list
    body: bytes
    etag: str
    refresh_at: float
    compressed: compression.Compressed | None
    expires_at: float
    hole: bytes | None


# With a shared cache (Redis) each process also keeps the entries it fetched
# or stored, so that a hit costs one round trip (the versions) instead of two
# and no page crosses the network. The key holds the content versions, so an
# edit on any server changes the key and the kept copy is no longer asked
# for; a kept copy is used no longer than its entry lives in the cache.
_kept = {}


def _fetch(key):
    if not _cache_is_shared():
        return cache.get(key)
    entry = _kept.get(key)
    if entry is not None and timezone.now().timestamp() < entry.expires_at:
        return entry
    entry = cache.get(key)
    if entry is not None:
        _remember(_kept, key, entry)
    return entry


def _store(key, entry, timeout):
    cache.set(key, entry, timeout)
    if _cache_is_shared():
        _remember(_kept, key, entry)


# An entry is rendered again by one request once this share of its life is
# over (see PageCacheMiddleware.__call__).
REFRESH_AFTER = 0.8
_refreshing = set()
_refreshing_lock = threading.Lock()


def _claim_refresh(key):
    """Whether this request is the one to render ``key`` again (one at a time)."""
    if _cache_is_shared():
        # One renderer among all the servers that share the entry.
        return cache.add(f"{key}:refresh", 1, timeout=60)
    with _refreshing_lock:
        if key in _refreshing:
            return False
        _refreshing.add(key)
        return True


def _release_refresh(key):
    if _cache_is_shared():
        cache.delete(f"{key}:refresh")
    else:
        with _refreshing_lock:
            _refreshing.discard(key)


def _eligible(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if len(request.get_full_path()) > _MAX_PATH or path.startswith(
        tuple(settings.PAGE_CACHE_SKIP_PREFIXES)
    ):
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
    return f"pagecache:page:{_ENTRY_FORMAT}:" + hashlib.sha256(raw.encode()).hexdigest()


def tag_pages(prefix, tag):
    """Pages under ``prefix`` (a string or ``reverse_lazy``) also depend on ``tag``.

    For data that changes often and shows on few pages, such as ballots on
    the poll's pages: a stream of votes then leaves every other page cached.
    """
    _page_tags.append((prefix, tag))
    _tagged_prefixes.cache_clear()


def tags():
    """Every tag in use: CONTENT and those the apps declared."""
    return (CONTENT, *dict.fromkeys(tag for _prefix, tag in _page_tags))


@functools.cache
def _tagged_prefixes():
    return tuple((str(prefix), tag) for prefix, tag in _page_tags)


def _tags(path):
    return (CONTENT, *(tag for prefix, tag in _tagged_prefixes() if path.startswith(prefix)))


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


def _new_hole():
    """The marker of the CSRF tokens in one stored page, drawn when the page is stored.

    It is random, never derived from the request, and stored with the entry
    (another process or server may serve it), so no parameter a page reflects
    can spell it: a fixed marker would let ``?q=<marker>`` put the visitor's
    token wherever the page shows the query. A body that holds the marker
    before its tokens are replaced is not stored at all (see _render).
    """
    return b"\x1bcsrf-" + secrets.token_hex(16).encode() + b"\x1b"


def _etag(pieces):
    """The ETag of a body whose tokens were cut out: the same for every render of the same text."""
    digest = hashlib.blake2b(digest_size=16)
    for piece in pieces:
        digest.update(len(piece).to_bytes(8, "big"))
        digest.update(piece)
    return f'"{digest.hexdigest()}"'


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store what is safe to share.

    It sits after the CSRF middleware, so that a hit fills in this visitor's
    CSRF token and the CSRF middleware then sets its cookie, and before the
    session, auth and message middleware: the requests it serves carry none
    of their cookies, and it sees the cookies they set on what it stores.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request, _tags(request.path))
        entry = _fetch(key)
        if entry is None:
            return self._render(request, key)
        if timezone.now().timestamp() < entry.refresh_at or not _claim_refresh(key):
            return self._serve(request, entry)
        # The entry is near the end of its life: this request renders the page
        # again while every other request is still served the entry, so that
        # under load the page never expires and no crowd renders it at once.
        try:
            return self._render(request, key)
        finally:
            _release_refresh(key)

    def _render(self, request, key):
        moments = []
        token = _valid_until.set(moments)
        try:
            response = self.get_response(request)
        finally:
            _valid_until.reset(token)
        if not _storable(response):
            return response
        timeout = _timeout(moments)
        hole = _new_hole()
        if hole in response.content:
            return response
        body, tokens = _CSRF_FIELD.subn(rb"\1" + hole + rb"\2", response.content)
        if not tokens:
            hole = None
        etag = _etag(body.split(hole) if hole else (body,))
        compressed = None
        if compression.worth_compressing(response.get("Content-Type", ""), body):
            compressed = compression.compress(body, hole)
            patch_vary_headers(response, ("Accept-Encoding",))
        # Served pages are checked with the ETag on every visit, hits included.
        patch_cache_control(response, no_cache=True)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "date", "etag", "content-length")
        ]
        now = timezone.now().timestamp()
        entry = Entry(
            headers, body, etag, now + timeout * REFRESH_AFTER, compressed, now + timeout, hole
        )
        if timeout > 0:
            _store(key, entry, timeout)
        coding = compression.choose(request.META.get("HTTP_ACCEPT_ENCODING"), compressed)
        if coding is not None:
            # The rendered token is this visitor's (the render asked for it),
            # and _serve asks for it again: the same secret, masked anew.
            return self._serve(request, entry, coding, hit=False)
        response["ETag"] = etag
        return get_conditional_response(request, etag=etag, response=response)

    def _serve(self, request, entry, coding=None, hit=True):
        headers, body, etag, _refresh_at, compressed, _expires_at, hole = entry
        if hit:
            coding = compression.choose(request.META.get("HTTP_ACCEPT_ENCODING"), compressed)
        if coding is not None:
            # Other bytes than the identity body: a weak tag, which If-None-Match
            # compares weakly, so either tag gets a 304 while the page is unchanged.
            etag = "W/" + etag
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            # A 304 carries what the 200 would say of its validator and caching
            # (RFC 9110, 15.4.5), as Django's own 304 from a rendered page does.
            for name, value in headers:
                if name.lower() in _NOT_MODIFIED_HEADERS:
                    not_modified[name] = value
            not_modified["ETag"] = etag
            return not_modified
        # Django's token for this visitor, masked anew for each response; a
        # newcomer gets a new secret, which the CSRF middleware sets as a cookie.
        token = get_token(request).encode() if hole else b""
        if coding == compression.BROTLI:
            content = compressed.brotli
        elif coding == compression.GZIP:
            content = compression.gzip_body(compressed, body, hole, token)
        else:
            content = body.replace(hole, token) if hole else body
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        if coding is not None:
            response["Content-Encoding"] = coding
        response["ETag"] = etag
        if hit:
            response["X-Page-Cache"] = "hit"
        return response
