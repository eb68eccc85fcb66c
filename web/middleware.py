"""Request handling Django does not provide: request ids, the headers its own
middleware does not set, limits on what a request may carry, and a guard
around Django for requests it cannot read and failures it cannot answer."""

import contextlib
import functools
import io
import logging
import re
import secrets
import uuid
from contextvars import ContextVar
from email.message import Message
from email.utils import collapse_rfc2231_value

from csp.constants import NONCE
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.defaults import server_error

# Read by web.log.JsonFormatter, so that every log line written while a
# request is handled names that request, whichever logger wrote it.
request_id_var = ContextVar("request_id", default="")
request_path_var = ContextVar("request_path", default="")
security_logger = logging.getLogger("django.security.DisallowedHost")
request_logger = logging.getLogger("django.request")

# Keys that GuardedApplication adds to the WSGI environ (request.META). A
# client cannot send them: the server files every request header under HTTP_.
UNREADABLE_CONTENT_TYPE = "opsportal.unreadable_content_type"
UNHANDLED_EXCEPTION = "opsportal.unhandled_exception"


class RequestIdMiddleware:
    """Give each request a random id, put it in the logs and the X-Request-ID header.

    A resident who reports an error can quote the id from the response, and
    the log line with the traceback carries the same id. The id is always our
    own: one sent by the client could be chosen to confuse the logs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex
        id_token = request_id_var.set(request.id)
        path_token = request_path_var.set(request.path)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(id_token)
            request_path_var.reset(path_token)
        response["X-Request-ID"] = request.id
        return response


class SecurityHeadersMiddleware:
    """Every response leaves with the site's security headers, whoever made it.

    django.middleware.security sets most of them, but only on the responses
    that pass through it, and a few answers are given above it: a request
    for a host not in ALLOWED_HOSTS, an unreadable request, a failure that
    GuardedApplication answers. Its headers are filled in here from the same
    settings, with the two it does not know (Permissions-Policy, CORP).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in security_headers(request.is_secure()):
            response.headers.setdefault(header, value)
        return response


def security_headers(secure):
    """The site's security headers (but CSP and X-Frame-Options), as its settings say."""
    headers = []
    if settings.SECURE_HSTS_SECONDS and secure:
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
        headers.append(("Strict-Transport-Security", hsts))
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        policy = settings.SECURE_REFERRER_POLICY
        if not isinstance(policy, str):
            policy = ",".join(policy)
        headers.append(("Referrer-Policy", policy))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    # Our pages, images and files are for our own pages only; another site
    # cannot embed them to read them cross-origin.
    headers.append(("Cross-Origin-Resource-Policy", "same-origin"))
    headers.append(("Permissions-Policy", settings.PERMISSIONS_POLICY))
    return headers


class ContentSecurityPolicyMiddleware:
    """The Content-Security-Policy of settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].

    The policy is the same string for every response, so it is built once
    per process: django-csp's own middleware builds it anew for each
    response, which costs about a quarter of the time of serving a cached
    page. The settings are written with django-csp's constants; where they
    name ``NONCE``, a page that used ``request.csp_nonce`` gets its nonce.
    No view of the site changes its policy, so there are no per-view
    policies (django-csp's decorators); a response that already has the
    header keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        self.policy = content_security_policy(self.directives)

    def __call__(self, request):
        nonce = request.csp_nonce = Nonce()
        response = self.get_response(request)
        if settings.DEBUG and response.status_code in (404, 500):
            # Django's debug pages use inline scripts and styles.
            return response
        if "Content-Security-Policy" not in response:
            policy = self.policy
            if nonce.value:
                policy = content_security_policy(self.directives, nonce.value)
            response["Content-Security-Policy"] = policy
        return response


class Nonce:
    """``request.csp_nonce``: drawn the first time a page reads it."""

    value = ""

    def __str__(self):
        if not self.value:
            self.value = secrets.token_urlsafe(16)
        return self.value


def content_security_policy(directives, nonce=""):
    """The header for ``directives`` (name -> sources), with ``nonce`` where they say NONCE."""
    parts = []
    for name, sources in directives.items():
        if sources is True:
            parts.append(name)
            continue
        sources = [
            f"'nonce-{nonce}'" if source == NONCE else source
            for source in sources or ()
            if source != NONCE or nonce
        ]
        if sources:
            parts.append(" ".join([name, *sources]))
    return "; ".join(parts)


class AllowedHostMiddleware:
    """Answer a request for a host not in ALLOWED_HOSTS with a bare 400, first.

    Django would raise DisallowedHost wherever the host is first read and
    render the 400 page, and any page that reads the host again (an absolute
    URL in the layout) would then fail with a 500. Checking once, before
    anything else, keeps misaddressed requests, scanners included, at 400.
    The header middlewares above it add the security headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost as exc:
            security_logger.warning(str(exc), extra={"request": request, "status_code": 400})
            return HttpResponseBadRequest(
                "Bad Request (400)", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


# What RFC 2046 allows in a multipart boundary: at most 70 characters, the
# last not a space. Django's parser takes every such boundary.
_BOUNDARY = re.compile(r"[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]")
# Python ships three text codecs that fail on some bytes whatever the error
# handler: "undefined" on any input, "idna" on a label over 63 bytes and
# "punycode" on bytes that are not ASCII. These probes find them, and any
# other codec that would break the same way. (No backslash: the escape codecs
# would only warn about it.)
_CHARSET_PROBES = (b"", bytes(range(256)).replace(b"\\", b""), b"a" * 64)


@functools.lru_cache(maxsize=256)
def readable_charset(name):
    """Whether Django can decode request data in the charset ``name``.

    It must be a text codec Python knows (``hex``, ``base64``, ``zlib`` or
    ``rot13`` are codecs, but not of text) that turns any bytes into text:
    with errors replaced, as Django decodes form fields, and with nothing
    worse than UnicodeDecodeError without, as it decodes the query string.
    """
    try:
        for probe in _CHARSET_PROBES:
            probe.decode(name, "replace")
            with contextlib.suppress(UnicodeDecodeError):
                probe.decode(name)
    except (LookupError, ValueError):
        return False
    return True


def unreadable_content_type(value):
    """Whether Django would fail to read a request with this Content-Type header.

    Its parameters are read as Django reads them (with the standard library's
    email parser) and must be readable: a charset Django can decode with,
    RFC 2231 values in such a charset, UTF-8 or nothing for a form post (the
    only charset Django reads a form in), and for multipart form data an ASCII
    header with a boundary Django's parser takes.
    """
    if not value:
        return False
    message = Message()
    message["content-type"] = value
    try:
        media_type, *parameters = message.get_params(header="content-type")
        values = {}
        for name, parameter in parameters:
            if isinstance(parameter, tuple):
                if parameter[0] and not readable_charset(parameter[0]):
                    return True
                parameter = collapse_rfc2231_value(parameter)
            values[name] = parameter
    except (LookupError, TypeError, ValueError):
        # Django reads the header with the same parser and would fail too: the
        # email package raises TypeError for "a*; a*0", for one.
        return True
    media_type = media_type[0].strip().lower()
    charset = values.get("charset")
    if charset is not None and not readable_charset(charset):
        return True
    if media_type == "application/x-www-form-urlencoded":
        return charset is not None and charset.lower() != "utf-8"
    if media_type == "multipart/form-data":
        boundary = values.get("boundary")
        return not (value.isascii() and boundary and _BOUNDARY.fullmatch(boundary))
    return False


class UnreadableRequestMiddleware:
    """Answer 400 in the site's layout to a request whose data Django cannot read.

    Django decides how to decode the query string and the body from the
    Content-Type header, and some headers make it raise instead (a ``hex``
    charset with any query string, a form post in ASCII, a multipart boundary
    written in an unknown charset): an error before any view, answered with a
    500, some of them even before the middleware runs. GuardedApplication sets
    those headers aside so that Django can build the request; this answers
    every request with such a header before anything reads its data. It sits
    below AllowedHostMiddleware, because the layout shows the host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if UNREADABLE_CONTENT_TYPE in request.META or unreadable_content_type(
            request.META.get("CONTENT_TYPE", "")
        ):
            # The page reads nothing the client sent, but the layout may read
            # the query string: in the charset Django always can.
            request.encoding = settings.DEFAULT_CHARSET
            return render(request, "400.html", status=400)
        return self.get_response(request)


class UnhandledExceptionMiddleware:
    """Answer with the site's 500 page a request whose first handling failed outside Django.

    GuardedApplication sends such a request through once more, marked, and
    this answers it before anything else can fail, below the middlewares
    that add the request id and the security headers. Django logs the 500 as
    it logs any, and web.log.JsonFormatter puts the first failure's traceback
    into that one line.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if UNHANDLED_EXCEPTION in request.META:
            return server_error(request)
        return self.get_response(request)


class RequestLimitsMiddleware:
    """Refuse bodies larger than any form of the site before anything reads them.

    Django already caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE,
    DATA_UPLOAD_MAX_NUMBER_FIELDS) with a 400; this caps the whole body,
    uploads included, with a 413.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            return HttpResponse(
                _("Przesłane dane są zbyt duże."),
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def set_aside_unreadable_content_type(environ):
    """Move a Content-Type header Django cannot read out of its way, keeping it for the 400."""
    if unreadable_content_type(environ.get("CONTENT_TYPE", "")):
        environ[UNREADABLE_CONTENT_TYPE] = environ.pop("CONTENT_TYPE")


# When even the site's 500 page cannot be made: a page that needs nothing.
LAST_RESORT_PAGE = (
    '<!doctype html><html lang="pl"><meta charset="utf-8">'
    "<title>Błąd serwera</title><h1>Przepraszamy, wystąpił błąd</h1>"
    "<p>Strona chwilowo nie działa. Spróbuj ponownie za kilka minut.</p></html>"
).encode()


class GuardedApplication:
    """The site's WSGI application: Django, between two guards.

    Before it: Django builds its request object before any middleware runs,
    and that raises for some Content-Type headers, so the server would answer
    with its own bare 500 and a multi-line traceback. Such a header is set
    aside here, and UnreadableRequestMiddleware answers the request with 400.

    After it: an exception that escapes Django (its own error page failed
    too) sends the request through once more, without its query string or
    body and marked, and UnhandledExceptionMiddleware answers it with the
    site's 500 page: request id, security headers and one JSON log line, as
    any 500. Only if that fails too does a static page go out from here.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        set_aside_unreadable_content_type(environ)
        try:
            return self.application(environ, start_response)
        except Exception as exc:
            return self.fail(environ, start_response, exc)

    def fail(self, environ, start_response, exc):
        exc_info = (type(exc), exc, exc.__traceback__)

        def restart(status, headers, _exc_info=None):
            # The first attempt may have started its answer: this one replaces
            # it, as PEP 3333 lets an error handler do.
            return start_response(status, headers, exc_info)

        retry = {
            **environ,
            UNHANDLED_EXCEPTION: exc,
            "QUERY_STRING": "",
            "CONTENT_LENGTH": "0",
            "wsgi.input": io.BytesIO(),
        }
        retry.pop("CONTENT_TYPE", None)
        try:
            return self.application(retry, restart)
        except Exception:
            request_logger.exception(
                "Internal Server Error: %s",
                environ.get("PATH_INFO", ""),
                extra={"status_code": 500},
            )
            restart("500 Internal Server Error", last_resort_headers(environ))
            return [LAST_RESORT_PAGE]


def last_resort_headers(environ):
    return [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(LAST_RESORT_PAGE))),
        # The page loads nothing, so its policy allows nothing.
        (
            "Content-Security-Policy",
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
        *security_headers(_environ_is_secure(environ)),
    ]


def _environ_is_secure(environ):
    # As HttpRequest.is_secure() decides, for a request Django could not build.
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return environ[header].split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"
