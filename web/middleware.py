"""Request handling Django does not provide: request ids, the headers its own
middleware does not set, and limits on what a request may carry."""

import functools
import logging
import uuid
from contextvars import ContextVar

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

# Read by web.log.JsonFormatter, so that every log line written while a
# request is handled names that request, whichever logger wrote it.
request_id_var = ContextVar("request_id", default="")
request_path_var = ContextVar("request_path", default="")
security_logger = logging.getLogger("django.security.DisallowedHost")


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


class AllowedHostMiddleware:
    """Answer a request for a host not in ALLOWED_HOSTS with a bare 400, first.

    Django would raise DisallowedHost wherever the host is first read and
    render the 400 page, and any page that reads the host again (an absolute
    URL in the layout) would then fail with a 500. Checking once, before
    anything else, keeps misaddressed requests, scanners included, at 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost as exc:
            security_logger.warning(str(exc), extra={"request": request, "status_code": 400})
            response = HttpResponseBadRequest(
                "Bad Request (400)", content_type="text/plain; charset=utf-8"
            )
            response["X-Content-Type-Options"] = "nosniff"
            return response
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers that django.middleware.security does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Our pages, images and files are for our own pages only; another
        # site cannot embed them to read them cross-origin.
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy of the settings built once.

    django-csp builds the header from the settings for every response, which
    costs about as much as serving a cached page's body. Unless a view set a
    policy of its own (csp_update, csp_exempt…) or the page used the nonce,
    the result is the same string each time, so it is kept; anything else
    goes to django-csp as before.
    """

    _OWN_POLICY = tuple(
        f"_csp_{kind}{suffix}"
        for kind in ("exempt", "config", "update", "replace")
        for suffix in ("", "_ro")
    )

    def process_response(self, request, response):
        if (
            isinstance(getattr(request, "_csp_nonce", None), str)
            or any(hasattr(response, name) for name in self._OWN_POLICY)
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        for header, value, excluded in _settings_policies():
            if value and header not in response and not request.path_info.startswith(excluded):
                response[header] = value
        # As django-csp does: a nonce asked for after this point is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@functools.cache
def _settings_policies():
    policies = []
    for header, setting, report_only in (
        (HEADER, "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        excluded = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
        policies.append((header, build_policy(report_only=report_only), excluded))
    return policies


def _forget_policies(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _settings_policies.cache_clear()


setting_changed.connect(_forget_policies, dispatch_uid="web.middleware.csp")
