"""Production settings, checked in separate processes with a production environment."""

import re
import urllib.request

import pytest

from tests.production import gunicorn, manage, production_env


def test_check_deploy_reports_nothing_with_production_defaults(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key_outside_debug(tmp_path):
    env = production_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_and_hosts_are_local_by_default(tmp_path):
    result = manage(
        production_env(tmp_path),
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)",
    )
    assert result.stdout.strip().splitlines()[-1] == "False ['localhost', '127.0.0.1']", (
        result.stderr
    )


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    env = production_env(tmp_path, DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    for args in (("migrate", "--no-input"), ("load_demo",)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    with gunicorn(env) as base:
        yield base


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_pages_and_hashed_compressed_static_files(gunicorn_server):
    status, headers, body = fetch(gunicorn_server + "/")
    assert status == 200
    html = body.decode()
    assert "Miejski Ośrodek Pomocy Społecznej" in html
    assert "Strict-Transport-Security" in headers
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the stylesheet is not served under a hashed name"
    status, headers, body = fetch(gunicorn_server + css.group(1), **{"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    assert (
        "max-age=315360000" in headers["Cache-Control"]
        or "max-age=31536000" in headers["Cache-Control"]
    )


def test_plain_http_is_redirected_to_https_in_production(gunicorn_server):
    request = urllib.request.Request(gunicorn_server + "/kontakt/")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")


def test_gunicorn_pages_and_static_files_carry_the_security_headers(gunicorn_server):
    _status, _headers, body = fetch(gunicorn_server + "/")
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
    for path in ("/", css, "/admin/login/"):
        _status, headers, _body = fetch(gunicorn_server + path)
        policy = headers["Content-Security-Policy"]
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy, path
        assert "unsafe-inline" not in policy, path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert "camera=()" in headers["Permissions-Policy"], path
        assert "max-age=31536000" in headers["Strict-Transport-Security"], path


def test_gunicorn_answers_400_to_an_unknown_host(gunicorn_server):
    with pytest.raises(urllib.error.HTTPError) as error:
        fetch(gunicorn_server + "/", Host="evil.example")
    assert error.value.code == 400
