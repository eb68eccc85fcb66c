"""Security headers on every kind of response the portal gives."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


RESPONSES = {
    "page": ("/kontakt/", 200),
    "not_found": ("/projekty/nie-ma-takiego-projektu/", 404),
    "admin_login": ("/admin/login/", 200),
    "admin_redirect": ("/admin/", 302),
    "health": ("/healthz", 200),
}


@pytest.mark.parametrize("kind", RESPONSES)
def test_every_kind_of_response_carries_the_security_headers(client, centre, kind):
    path, status = RESPONSES[kind]
    response = client.get(path)
    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert len(response["X-Request-ID"]) == 32
    directives = csp_directives(response)
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_csp_allows_nothing_inline_and_nothing_from_other_origins(client, centre):
    response = client.get("/")
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "*" not in header
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


def test_static_files_carry_the_security_headers(settings, tmp_path):
    # WhiteNoise answers before Django's views; the header middleware sits
    # above it, so a static file gets the same headers as a page. A new
    # client builds its middleware, and WhiteNoise scans STATIC_ROOT, anew.
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "probe.css").write_text("body{}")
    settings.STATIC_ROOT = tmp_path
    response = Client().get("/static/css/probe.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_request_ids_differ_and_a_client_cannot_choose_its_own(client, centre):
    first = client.get("/kontakt/", HTTP_X_REQUEST_ID="chosen-by-client")
    second = client.get("/kontakt/")
    assert first["X-Request-ID"] != "chosen-by-client"
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_map_tiles_origin_is_the_only_foreign_image_source():
    # The policy is computed at import time from the environment, so check
    # it in a fresh interpreter with MAP_TILE_URL set.
    import subprocess
    import sys

    from tests.production import ROOT

    code = (
        "import os; os.environ['DJANGO_DEBUG']='1';"
        "os.environ['MAP_TILE_URL']='https://{s}.tiles.example.org/{z}/{x}/{y}.png';"
        "import opsportal.settings as s;"
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[\"'self'\", 'data:', 'https://*.tiles.example.org']", (
        result.stderr
    )


def _csp_pair(request_setup=None, response_setup=None):
    """(our header, django-csp's header) for the same request and response."""
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse
    from django.test import RequestFactory

    from web.middleware import ContentSecurityPolicyMiddleware

    headers = []
    for middleware_class in (ContentSecurityPolicyMiddleware, CSPMiddleware):
        middleware = middleware_class(lambda request: HttpResponse())
        request = RequestFactory().get("/kontakt/")
        middleware.process_request(request)
        if request_setup:
            request_setup(request)
        response = HttpResponse("<p>x</p>")
        if response_setup:
            response_setup(response)
        headers.append(middleware.process_response(request, response)["Content-Security-Policy"])
    return headers


def test_the_kept_policy_is_the_one_django_csp_builds():
    ours, theirs = _csp_pair()
    assert ours == theirs
    assert "'nonce-" not in ours


def test_a_page_using_the_nonce_gets_it_in_its_policy():
    nonces = []
    ours, theirs = _csp_pair(request_setup=lambda request: nonces.append(str(request.csp_nonce)))
    assert f"'nonce-{nonces[0]}'" in ours
    assert f"'nonce-{nonces[1]}'" in theirs


def test_a_view_with_a_policy_of_its_own_keeps_it():
    def update(response):
        response._csp_update = {"img-src": ["https://tiles.example"]}

    ours, theirs = _csp_pair(response_setup=update)
    assert ours == theirs
    assert "https://tiles.example" in ours


def test_a_changed_setting_changes_the_kept_policy(settings):
    before, _theirs = _csp_pair()
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "img-src": ["'self'", "https://tiles.example"]}
    settings.CONTENT_SECURITY_POLICY = policy
    after, theirs = _csp_pair()
    assert after == theirs != before
    assert "https://tiles.example" in after
