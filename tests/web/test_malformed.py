"""Requests Django cannot read get a 400 in the site's layout; no failure reaches the server bare.

Some Content-Type headers made Django raise while it built the request or
read its data, so gunicorn answered with its own bare 500 (no CSP, no HSTS)
and a multi-line traceback. The guard in opsportal.wsgi and the middleware
behind it answer them with the site's 400 page instead.
"""

import io
import json
import logging
import urllib.error
import urllib.request
from wsgiref.util import setup_testing_defaults

import pytest
from django.test import Client

from tests.production import gunicorn, manage, production_env
from tests.survey.factories import make_poll
from tests.web.guarded import guarded_client
from tests.web.headers import assert_every_security_header
from web.log import JsonFormatter
from web.middleware import GuardedApplication, readable_charset, unreadable_content_type

pytestmark = pytest.mark.django_db

MULTIPART = b'--XX\r\nContent-Disposition: form-data; name="choice"\r\n\r\n1\r\n--XX--\r\n'
# (method, content type, body): each raised inside Django before this change.
MALFORMED = {
    "query string, hex": ("GET", "text/plain; charset=hex", b""),
    "query string, base64": ("GET", "text/plain; charset=base64", b""),
    "query string, zlib": ("GET", "text/plain; charset=zlib", b""),
    "query string, rot13": ("GET", "text/plain; charset=rot13", b""),
    "form post, ascii": ("POST", "application/x-www-form-urlencoded; charset=ascii", b"choice=1"),
    "form post, utf8 alias": ("POST", "application/x-www-form-urlencoded; charset=utf8", b"a=1"),
    "multipart, boundary in unknown charset": (
        "POST",
        "multipart/form-data; boundary*=BOGUS''XX",
        MULTIPART,
    ),
    "multipart, hex": ("POST", "multipart/form-data; boundary=XX; charset=hex", MULTIPART),
    # Found by the property-based test: the email parser Django reads the
    # header with raises TypeError on these RFC 2231 continuations.
    "continuations the parser cannot sort": ("GET", "text/plain; a*; a*0", b""),
}


def browser():
    """A client that posts as a browser does: CSRF cookie and checks on, errors answered."""
    client = guarded_client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.parametrize("case", MALFORMED)
def test_an_unreadable_request_gets_400_in_the_sites_layout_with_every_header(centre, case):
    method, content_type, body = MALFORMED[case]
    poll = make_poll()
    # As an extra, the header goes out with an empty body too (a GET).
    response = browser().generic(
        method, f"{poll.get_absolute_url()}?q=pomoc", body, CONTENT_TYPE=content_type
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="pl"' in page
    assert "Przejdź do treści" in page  # the site's layout, not Django's bare page
    assert "Nie udało się odczytać żądania" in page
    assert_every_security_header(response)


@pytest.mark.parametrize("case", ["form post, ascii", "multipart, hex"])
def test_django_parsers_never_see_an_unreadable_request_even_without_the_wsgi_guard(centre, case):
    # These two Django can build; the middleware alone answers them.
    method, content_type, body = MALFORMED[case]
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    response = client.generic(
        method, make_poll().get_absolute_url(), body, CONTENT_TYPE=content_type
    )
    assert response.status_code == 400
    assert "Nie udało się odczytać żądania" in response.content.decode()


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain; charset=iso-8859-2",
        "text/plain; charset=UTF-8",
        "text/plain; charset*=utf-8''utf-8",
        "application/json",
    ],
)
def test_a_readable_charset_on_a_get_changes_nothing(client, centre, content_type):
    response = client.generic("GET", "/projekty/?q=pomoc", CONTENT_TYPE=content_type)
    assert response.status_code == 200


def test_a_vote_posted_as_utf_8_in_any_spelling_of_the_header_still_counts(centre):
    poll = make_poll()
    choice = poll.choices.first()
    bodies = {
        "application/x-www-form-urlencoded; charset=UTF-8": (
            "choice={choice}&csrfmiddlewaretoken={token}"
        ),
        "multipart/form-data; boundary=XX": (
            '--XX\r\nContent-Disposition: form-data; name="choice"\r\n\r\n{choice}\r\n'
            '--XX\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            "{token}\r\n--XX--\r\n"
        ),
    }
    for number, (content_type, body) in enumerate(bodies.items()):
        # A browser of its own for each vote: its own CSRF secret, its own voter key.
        token = str(number) * 32
        client = browser()
        client.cookies["csrftoken"] = token
        body = body.format(choice=choice.pk, token=token).encode()
        response = client.generic("POST", poll.get_absolute_url(), body, content_type=content_type)
        assert response.status_code == 303, content_type
    assert poll.ballots.count() == 2


@pytest.mark.parametrize(
    ("charset", "readable"),
    [
        ("utf-8", True),
        ("iso-8859-2", True),
        ("cp1250", True),
        ("utf-16", True),
        ("hex", False),
        ("base64", False),
        ("zlib", False),
        ("rot13", False),
        ("bz2", False),
        ("idna", False),
        ("punycode", False),
        ("undefined", False),
        ("nieznany", False),
        ("", False),
    ],
)
def test_a_charset_is_readable_if_python_decodes_any_bytes_as_text_with_it(charset, readable):
    assert readable_charset(charset) is readable


@pytest.mark.parametrize(
    ("content_type", "unreadable"),
    [
        ("multipart/form-data; boundary=----WebKitFormBoundaryx7Kp2vQ9mZ4tL8wR", False),
        ('multipart/form-data; boundary="a b:c"', False),
        ("multipart/form-data", True),
        ("multipart/form-data; boundary=", True),
        ("multipart/form-data; boundary=" + "x" * 71, True),
        ("multipart/form-data; boundary=ends-with-space ", False),  # the header's space is not
        ('multipart/form-data; boundary="ends with space "', True),
        ("multipart/form-data; boundary=ąę", True),
        ("application/x-www-form-urlencoded; charset=", True),
        ("text/plain; charset*=utf-8''hex", True),
        ("text/html; charset=utf-8; level*=BOGUS''x", True),
        ("text/plain; a*; a*0", True),
    ],
)
def test_what_makes_a_content_type_unreadable(content_type, unreadable):
    assert unreadable_content_type(content_type) is unreadable


def test_before_the_guard_django_could_not_even_build_these_requests(centre):
    # Why the guard sits in front of Django: the plain test client, which
    # builds Django's request as gunicorn's worker does, fails right there.
    with pytest.raises(LookupError):
        Client().generic("GET", "/projekty/?q=a", CONTENT_TYPE="text/plain; charset=hex")
    with pytest.raises(ValueError, match="RFC 2231"):
        Client().generic("POST", "/projekty/", MULTIPART, "multipart/form-data; boundary*=X''Y")


@pytest.mark.urls("tests.web.broken_urls")
def test_a_failure_that_escapes_django_gets_the_sites_500_page_and_one_log_line(centre, caplog):
    client = guarded_client(raise_request_exception=False)
    with caplog.at_level(logging.INFO):
        response = client.get("/boom/?q=1")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Przepraszamy, wystąpił błąd" in page
    assert "secret-detail" not in page
    assert_every_security_header(response)
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(records) == 1, [record.getMessage() for record in records]
    line = JsonFormatter().format(records[0])
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["status"] == 500
    assert entry["path"] == "/boom/"
    assert entry["request_id"] == response["X-Request-ID"]
    assert "first failure: secret-detail" in entry["exception"]
    assert "the error page failed too" in entry["exception"]


def test_when_even_the_second_pass_fails_a_static_page_goes_out_with_the_headers(caplog):
    def broken(environ, start_response):
        raise RuntimeError("everything is broken")

    environ = {"PATH_INFO": "/kontakt/", "HTTP_X_FORWARDED_PROTO": "https"}
    setup_testing_defaults(environ)
    answers = []
    with caplog.at_level(logging.INFO):
        body = b"".join(GuardedApplication(broken)(environ, lambda *answer: answers.append(answer)))
    status, headers, _exc_info = answers[-1]
    headers = dict(headers)
    assert status.startswith("500")
    assert "Przepraszamy, wystąpił błąd".encode() in body
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert len(caplog.records) == 1
    entry = json.loads(JsonFormatter().format(caplog.records[0]))
    assert entry["status"] == 500
    assert "everything is broken" in entry["exception"]


@pytest.fixture
def production_site(tmp_path):
    log = tmp_path / "gunicorn.log"
    env = production_env(
        tmp_path,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        DJANGO_SECURE_SSL_REDIRECT="0",
    )
    for args in (("migrate", "--no-input"), ("load_demo",)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    with log.open("w") as stream, gunicorn(env, log=stream) as base:
        yield base, log


def test_gunicorn_answers_unreadable_requests_with_the_sites_400_and_one_json_line(
    production_site,
):
    base, log = production_site
    for case, (method, content_type, body) in MALFORMED.items():
        request = urllib.request.Request(
            f"{base}/ankieta/?q=pomoc",
            data=body or None,
            method=method,
            headers={
                "Content-Type": content_type,
                "X-Forwarded-Proto": "https",
                "Cookie": "csrftoken=" + "a" * 32,
            },
        )
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=10)
        assert answer.value.code == 400, case
        headers = answer.value.headers
        assert headers["Strict-Transport-Security"].startswith("max-age="), case
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], case
        assert headers["X-Frame-Options"] == "DENY", case
        assert "Nie udało się odczytać żądania" in answer.value.read().decode(), case
    lines = [line for line in io.StringIO(log.read_text()) if "/ankieta/" in line]
    assert "Traceback" not in log.read_text()
    assert len(lines) == len(MALFORMED)
    for line in lines:
        assert json.loads(line)["status"] == 400
