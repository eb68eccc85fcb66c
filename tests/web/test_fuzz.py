"""No public URL answers 5xx, whatever the query string, slug, headers or body.

Hypothesis draws hostile and random input; each strategy is bounded so the
suite stays fast. The demo content gives real slugs, so the views get past
their 404s and meet the input with data behind them. Content-Type headers go
through the guard gunicorn's requests pass (opsportal.wsgi), since some of
them stop Django before its middleware.
"""

import encodings.aliases
from urllib.parse import quote, urlencode

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.guarded import guarded_client
from tests.web.headers import assert_every_security_header
from tests.web.public_urls import public_urls, url_patterns

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


# Every name Python gives a codec, text or not, and names it does not know.
CODEC_NAMES = sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values()))
CHARSETS = st.one_of(
    st.sampled_from(
        [
            *("hex", "base64", "zlib", "rot13", "bz2", "uu", "quopri", "idna", "punycode"),
            *("undefined", "unicode_escape", "utf-8", "UTF-8", "utf8", "ascii", "latin-1"),
            *("nieznany", "BOGUS", "", "utf-8\x00", "utf-8'pl'x"),
        ]
    ),
    st.sampled_from(CODEC_NAMES),
    TEXT,
)
BOUNDARIES = st.one_of(
    st.from_regex(r"[0-9A-Za-z'()+_,./:=? -]{0,75}", fullmatch=True),
    st.sampled_from(["", " ", "x" * 300, '"', "ą", "--", "a b ", "XX", "----WebKitFormBoundary"]),
    TEXT,
)
MEDIA_TYPES = st.one_of(
    st.sampled_from(
        [
            *("text/plain", "application/x-www-form-urlencoded", "multipart/form-data"),
            *("multipart/mixed", "application/json", "application/octet-stream", "", "*/*"),
        ]
    ),
    TEXT,
)


def _quoted(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


PARAMETERS_OF_CONTENT_TYPE = st.one_of(
    st.builds("charset={}".format, CHARSETS),
    st.builds(lambda charset: f"charset={_quoted(charset)}", CHARSETS),
    st.builds("boundary={}".format, BOUNDARIES),
    st.builds(lambda boundary: f"boundary={_quoted(boundary)}", BOUNDARIES),
    # RFC 2231: name*=charset'language'value, and continuations name*0=, name*1=…
    st.builds(
        "{}*={}'{}'{}".format,
        st.sampled_from(["charset", "boundary", "name", "x"]),
        CHARSETS,
        st.sampled_from(["", "pl", "en-GB"]),
        st.one_of(BOUNDARIES, st.sampled_from(["%ff%fe", "%", "utf-8", "hex"])),
    ),
    st.builds(
        "{}*{}={}".format,
        st.sampled_from(["charset", "boundary"]),
        st.sampled_from(["0", "1", "0*", "1*", "x"]),
        BOUNDARIES,
    ),
    TEXT,
)


def _header(text):
    # As a WSGI server hands a header to Django: its bytes, one character each.
    return text.encode().decode("iso-8859-1")


@st.composite
def content_types(draw):
    """(Content-Type header, a body that may fit it)."""
    boundary = draw(BOUNDARIES)
    parameters = draw(st.lists(PARAMETERS_OF_CONTENT_TYPE, max_size=4))
    if draw(st.booleans()):
        parameters.insert(draw(st.integers(0, len(parameters))), f"boundary={boundary}")
    header = "; ".join([draw(MEDIA_TYPES), *parameters])
    multipart = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="choice"\r\n\r\n1\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="plik"; filename="a.txt"\r\n'
        f"Content-Type: text/plain; charset=hex\r\n\r\nabc\r\n--{boundary}--\r\n"
    )
    body = draw(
        st.one_of(
            st.just(multipart.encode()),
            st.builds(lambda query: urlencode(query, doseq=True).encode(), QUERY),
            st.binary(max_size=200),
        )
    )
    return _header(header), body


def test_any_content_type_on_a_get_with_a_query_string_never_gives_a_server_error(site):
    client = guarded_client(raise_request_exception=False)

    @FUZZ
    @given(url=st.sampled_from(site), query=QUERY, content_type=content_types())
    def check(url, query, content_type):
        header, _body = content_type
        query_string = urlencode(query, doseq=True) or "q=pomoc"
        response = client.get(url, QUERY_STRING=query_string, CONTENT_TYPE=header)
        assert_no_server_error(response, (url, query_string, header))
        assert_every_security_header(response, what=(url, header))

    check()


def test_any_content_type_on_a_post_never_gives_a_server_error(site):
    # Posted as a browser posts, CSRF cookie and token included, so that the
    # CSRF check reads the body first; and without the check, so that the
    # views read it.
    browser = guarded_client(enforce_csrf_checks=True, raise_request_exception=False)
    browser.cookies["csrftoken"] = "a" * 32
    lenient = guarded_client(raise_request_exception=False)

    @FUZZ
    @given(
        url=st.sampled_from(site),
        content_type=content_types(),
        as_browser=st.booleans(),
    )
    def check(url, content_type, as_browser):
        header, body = content_type
        client = browser if as_browser else lenient
        response = client.generic(
            "POST", f"{url}?q=pomoc", body, CONTENT_TYPE=header, HTTP_X_CSRFTOKEN="a" * 32
        )
        assert_no_server_error(response, (url, header, body))
        assert_every_security_header(response, what=(url, header))

    check()
