"""No public URL answers 5xx, whatever the query string, slug, headers or body.

Hypothesis draws hostile and random input; each strategy is bounded so the
suite stays fast. The demo content gives real slugs, so the views get past
their 404s and meet the input with data behind them.
"""

from urllib.parse import quote, urlencode

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.public_urls import public_urls, url_patterns

pytestmark = pytest.mark.django_db

EXAMPLES = 100
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Parameters the views read, and the form fields they accept.
PARAMETERS = ["q", "status", "grupa", "partner", "page", "ulica", "numer", "tekst", "kontrast"]
PARAMETERS += ["next", "choice", "comment", "website", "csrfmiddlewaretoken", "format"]
HOSTILE = [
    "",
    " ",
    "'",
    '"',
    "\\",
    "%",
    "%00",
    "\x00",
    "rej\x00on",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "//evil.example/",
    "https://evil.example/",
    "javascript:alert(1)",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "١٢٣",
    "²",
    "last",
    "2026-02-30",
    "\u202e\u0000\ufeff",
    "ą" * 5000,
    "9" * 1000,
    "💥",
]
# Text a browser can send: any character but lone surrogates, which UTF-8
# cannot encode.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
VALUES = st.one_of(st.sampled_from(HOSTILE), TEXT)
KEYS = st.one_of(st.sampled_from(PARAMETERS), TEXT)
QUERY = st.dictionaries(KEYS, st.lists(VALUES, min_size=1, max_size=3), max_size=5)
# A WSGI server hands Django header bytes decoded as ISO-8859-1, so UTF-8
# text arrives as its bytes, one character per byte.
HEADER_VALUES = st.builds(lambda text: text.encode().decode("iso-8859-1"), VALUES)
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": HEADER_VALUES,
        "HTTP_ACCEPT": HEADER_VALUES,
        "HTTP_COOKIE": st.one_of(
            HEADER_VALUES,
            st.builds(
                lambda v: f"czytelnosc={v}; ankieta_glosujacy={v}; csrftoken={v}", HEADER_VALUES
            ),
        ),
        "HTTP_IF_NONE_MATCH": HEADER_VALUES,
        "HTTP_IF_MODIFIED_SINCE": HEADER_VALUES,
        "HTTP_RANGE": HEADER_VALUES,
        "HTTP_REFERER": HEADER_VALUES,
        "HTTP_USER_AGENT": HEADER_VALUES,
        "HTTP_X_FORWARDED_FOR": HEADER_VALUES,
        "HTTP_X_FORWARDED_PROTO": HEADER_VALUES,
        "HTTP_X_REQUESTED_WITH": HEADER_VALUES,
    },
)
SLUG_LIKE = st.one_of(
    st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True),
    st.sampled_from(["a" * 1000, "rss", "wyniki", "archiwum", "-", "_"]),
    TEXT.filter(bool),
)


@pytest.fixture
def site():
    call_command("load_demo", stdout=None)
    urls = public_urls()
    assert len(urls) > 20
    return urls


def assert_no_server_error(response, what):
    assert response.status_code < 500, what


def test_hostile_query_strings_never_give_a_server_error(site):
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(url=st.sampled_from(site), query=QUERY)
    def check(url, query):
        response = client.get(url, QUERY_STRING=urlencode(query, doseq=True))
        assert_no_server_error(response, (url, query))

    check()


def test_raw_malformed_query_strings_never_give_a_server_error(site):
    client = Client(raise_request_exception=False)
    raw = st.one_of(TEXT, st.sampled_from(["%", "%%", "%zz", "a=%ff%fe", "&&&=", "=" * 50]))

    @FUZZ
    @given(url=st.sampled_from(site), query=raw)
    def check(url, query):
        response = client.get(url, QUERY_STRING=quote(query, safe="=&%+"))
        assert_no_server_error(response, (url, query))

    check()


def test_unknown_or_odd_slugs_give_404_never_a_server_error(site):
    client = Client(raise_request_exception=False)
    routes = [route for _name, route, converters in url_patterns() if "slug" in converters]
    assert len(routes) >= 5

    @FUZZ
    @given(route=st.sampled_from(routes), slug=SLUG_LIKE)
    def check(route, slug):
        url = route.replace("<slug:slug>", quote(slug, safe=""))
        response = client.get(url)
        assert_no_server_error(response, url)

    check()


def test_hostile_headers_and_cookies_never_give_a_server_error(site):
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(url=st.sampled_from(site), headers=HEADERS)
    def check(url, headers):
        response = client.get(url, **headers)
        assert_no_server_error(response, (url, headers))

    check()


def test_hostile_post_bodies_never_give_a_server_error(site):
    # CSRF checks are off here so that the bodies reach the views; with them
    # on, every one of these posts stops at a 403 before any view.
    client = Client(raise_request_exception=False)

    @FUZZ
    @given(url=st.sampled_from(site), body=QUERY, headers=HEADERS)
    def check(url, body, headers):
        response = client.post(url, body, **headers)
        assert_no_server_error(response, (url, body))

    check()


def test_raw_post_bodies_with_any_content_type_never_give_a_server_error(site):
    client = Client(raise_request_exception=False)
    content_types = st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain; charset=nieznany",
            "application/x-www-form-urlencoded; charset=utf-16",
        ]
    )

    @FUZZ
    @given(url=st.sampled_from(site), body=st.binary(max_size=300), content_type=content_types)
    def check(url, body, content_type):
        response = client.generic("POST", url, body, content_type=content_type)
        assert_no_server_error(response, (url, body, content_type))

    check()
