"""Security headers on every kind of response the portal gives."""

import pytest
from csp.utils import build_policy
from django.test import Client

from tests.web.guarded import guarded_client
from tests.web.headers import assert_every_security_header, csp_directives

pytestmark = pytest.mark.django_db


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


@pytest.mark.urls("tests.web.csp_urls")
def test_a_page_using_the_nonce_gets_it_in_its_policy(client, centre):
    response = client.get("/csp/nonce/")
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in csp_directives(response)["script-src"]
    assert "'nonce-" not in client.get("/kontakt/")["Content-Security-Policy"]


@pytest.mark.urls("tests.web.csp_urls")
def test_a_view_that_sets_its_own_policy_keeps_it(client, centre):
    response = client.get("/csp/wlasna/")
    assert csp_directives(response)["img-src"] == ["https://tiles.example.org"]


def test_a_changed_setting_changes_the_policy(settings, centre):
    policy = {**settings.CONTENT_SECURITY_POLICY}
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "img-src": ["'self'", "https://tiles.example"]}
    settings.CONTENT_SECURITY_POLICY = policy
    assert "https://tiles.example" in Client().get("/kontakt/")["Content-Security-Policy"]


def test_the_policy_is_the_one_django_csp_builds_from_the_same_settings(client, centre):
    # Issue 14: our middleware builds the header once, with none of
    # django-csp's private hooks; it must say what django-csp would say.
    ours = csp_directives(client.get("/kontakt/"))
    theirs = {
        name: values for name, *values in (part.split() for part in build_policy().split(";"))
    }
    assert ours == theirs


# Answers given before Django's SecurityMiddleware runs, or instead of a page.
EARLY_ANSWERS = {
    "bad_host": ({"HTTP_HOST": "evil.example"}, "get", b"", 400),
    "unreadable": ({"CONTENT_TYPE": "text/plain; charset=hex"}, "get", b"", 400),
    "too_large": ({"CONTENT_LENGTH": str(13 * 1024 * 1024)}, "post", b"x", 413),
    "not_allowed": ({}, "post", b"a=1", 405),
}


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
@pytest.mark.parametrize("kind", EARLY_ANSWERS)
def test_early_answers_carry_every_security_header_and_hsts_over_https(
    settings, centre, kind, secure
):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    extra, method, body, status = EARLY_ANSWERS[kind]
    client = guarded_client(raise_request_exception=False)
    if method == "get":
        response = client.get("/kontakt/?q=1", secure=secure, **extra)
    else:
        response = client.generic(
            "POST", "/kontakt/", body, "application/x-www-form-urlencoded", secure, **extra
        )
    assert response.status_code == status
    assert_every_security_header(response, secure=secure)
    if not secure:
        assert "Strict-Transport-Security" not in response


@pytest.mark.urls("tests.web.boom_urls")
def test_the_500_page_carries_every_security_header(centre, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = Client(raise_request_exception=False).get("/boom/", secure=True)
    assert response.status_code == 500
    assert_every_security_header(response, secure=True)


def test_a_login_lockout_carries_every_security_header(settings, centre):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "ktos", "password": "zle-haslo"})
    assert response.status_code == 429
    assert_every_security_header(response)
