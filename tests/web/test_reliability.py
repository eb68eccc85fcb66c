"""Oversized and misaddressed requests, the 500 page, structured error logs, /healthz."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from tests.production import ROOT, STRONG_KEY
from web.log import JsonFormatter

pytestmark = pytest.mark.django_db


def test_a_body_over_the_request_limit_is_refused_with_413(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    response = client.generic(
        "POST", "/ankieta/", b"x" * 2000, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "zbyt duże" in response.content.decode()


def test_the_production_body_limit_leaves_room_for_a_photo_upload():
    from core.images import MAX_UPLOAD_BYTES

    assert settings.REQUEST_BODY_MAX_BYTES > 2 * MAX_UPLOAD_BYTES


def browser():
    """A client that posts as a browser does: with a CSRF cookie, so the form is read."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


def test_a_form_field_over_the_memory_limit_is_refused_with_400():
    response = browser().post(
        "/ankieta/co-sadzisz/", {"comment": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)}
    )
    assert response.status_code == 400


def test_too_many_form_fields_are_refused_with_400():
    fields = {f"pole{number}": "1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = browser().post("/ankieta/co-sadzisz/", fields)
    assert response.status_code == 400


def test_too_many_query_parameters_are_refused_with_400():
    client = Client(raise_request_exception=False)
    query = "&".join(f"p{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get("/projekty/", QUERY_STRING=query)
    assert response.status_code == 400


@pytest.mark.parametrize("host", ["evil.example", "localhost.evil.example", "127.0.0.1:8000@evil"])
def test_unknown_hosts_get_400(centre, host):
    client = Client(raise_request_exception=False)
    assert client.get("/", HTTP_HOST=host).status_code == 400


@pytest.mark.urls("tests.web.boom_urls")
def test_the_500_page_reveals_nothing_and_the_log_line_has_path_request_id_and_traceback(
    centre, caplog
):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/?q=1")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Przepraszamy, wystąpił błąd" in page
    for secret in ("secret-detail", "hunter2", "RuntimeError", "Traceback", "/srv/", "settings"):
        assert secret not in page
    assert "unsafe-inline" not in response["Content-Security-Policy"]

    record = next(r for r in caplog.records if r.name == "django.request")
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["path"] == "/boom/"
    assert entry["method"] == "GET"
    assert entry["status"] == 500
    assert entry["request_id"] == response["X-Request-ID"]
    assert "RuntimeError: secret-detail" in entry["exception"]


@pytest.mark.urls("tests.web.boom_urls")
def test_a_500_writes_exactly_one_log_line(centre, caplog):
    with caplog.at_level(logging.DEBUG):
        Client(raise_request_exception=False).get("/boom/")
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in warnings] == ["django.request"]
    assert "\n" not in JsonFormatter().format(warnings[0])


def test_log_lines_written_during_a_request_name_that_request(client, centre):
    captured = []

    class Keep(logging.Handler):
        def emit(self, record):
            captured.append(JsonFormatter().format(record))

    handler = Keep()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/projekty/nie-ma-takiego/")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404
    entry = json.loads(captured[-1])
    assert entry["path"] == "/projekty/nie-ma-takiego/"
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["level"] == "WARNING"


def test_logging_goes_to_stderr_as_json():
    handler = settings.LOGGING["handlers"]["stderr"]
    assert handler["class"] == "logging.StreamHandler"
    assert settings.LOGGING["formatters"][handler["formatter"]]["()"] == "web.log.JsonFormatter"


HEALTH_PROBE = """
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode().strip())
"""


@pytest.mark.parametrize(
    "database_url",
    [
        # Nothing listens on port 1: PostgreSQL is stopped or unreachable.
        "postgres://postgres@127.0.0.1:1/opsportal",
        "sqlite:////nonexistent-folder/opsportal/db.sqlite3",
    ],
    ids=["postgresql-stopped", "sqlite-unreadable"],
)
def test_healthz_answers_503_when_the_database_is_down(database_url):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="opsportal.settings",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DATABASE_POOL_TIMEOUT="2",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + HEALTH_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "503 database unavailable", result.stderr


def test_unknown_hosts_get_400_also_when_plain_http_is_redirected(centre, settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client(raise_request_exception=False)
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/", HTTP_HOST="localhost").status_code == 301
