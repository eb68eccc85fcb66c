"""No text a request sends can become the page cache's CSRF marker.

The cache stores a page with a marker where each CSRF token was and puts the
visitor's token there on every hit. With a fixed marker, a page that shows a
parameter (a search, a street) could be asked for the marker itself, and the
hit then showed the visitor's CSRF token, or the raw secret, in that place,
from where a GET form carries it into URLs and logs.
"""

import gzip
import re
from urllib.parse import urlencode

import brotli
import pytest
from django.test import Client

from tests.communities.factories import make_area
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db

PAYLOADS = [
    pytest.param("\x1bopsportal-csrf\x1b", id="old-marker"),
    pytest.param("\x1bcsrf-" + "0" * 32 + "\x1b", id="guessed-marker"),
    pytest.param("".join(map(chr, range(1, 32))) + "\x7f", id="control-characters"),
    pytest.param('name="csrfmiddlewaretoken" value="' + "A" * 32 + '"', id="token-field"),
]
# Every parameter a cacheable page shows back to the visitor.
REFLECTED = [
    pytest.param("/projekty/", "q", id="projects-q"),
    pytest.param("/projekty/", "status", id="projects-status"),
    pytest.param("/osl/", "ulica", id="street-lookup"),
    pytest.param("/szukaj/", "q", id="search-q"),
]
TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
RETURNING_SECRET = "Rt7sKq2VbN9xLm4PzW8cYd3FgH6jA1eQ"


@pytest.fixture
def content(centre):
    make_project("Mieszkanie bez długu", slug="mieszkanie-bez-dlugu")
    make_area(streets=["Gutwińska"])


def _page(response):
    body = response.content
    coding = response.get("Content-Encoding")
    if coding == "gzip":
        body = gzip.decompress(body)
    elif coding == "br":
        body = brotli.decompress(body)
    return body.decode()


def _without_tokens(html):
    return TOKEN_FIELD.sub('name="csrfmiddlewaretoken" value=""', html)


def _visitors():
    newcomer = Client(enforce_csrf_checks=True)
    returning = Client(enforce_csrf_checks=True)
    returning.cookies["csrftoken"] = RETURNING_SECRET
    return {"newcomer": newcomer, "returning": returning}


@pytest.mark.parametrize(("path", "parameter"), REFLECTED)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_reflected_parameter_never_receives_the_visitors_csrf_token(
    content, path, parameter, payload
):
    url = f"{path}?{urlencode({parameter: payload})}"
    miss = Client().get(url)
    assert miss.status_code == 200
    assert "X-Page-Cache" not in miss
    if "private" in miss.get("Cache-Control", ""):
        # A search that is counted (core.search_log) is never stored, so no
        # visitor can be served another's page with it.
        assert "X-Page-Cache" not in Client().get(url)
        return
    rendered = _page(miss)
    for coding in ("", "gzip", "gzip, deflate, br"):
        for name, visitor in _visitors().items():
            hit = visitor.get(url, HTTP_ACCEPT_ENCODING=coding)
            assert hit["X-Page-Cache"] == "hit", name
            html = _page(hit)
            tokens = TOKEN_FIELD.findall(html)
            secret = visitor.cookies.get("csrftoken")
            # A page without a form gives a newcomer no CSRF secret at all.
            assert secret is not None or not tokens, (name, coding)
            if secret is not None:
                assert secret.value not in html, (name, coding)
            # The page differs from the one rendered for another visitor in
            # the token fields only, and each token stands in its field alone.
            assert _without_tokens(html) == _without_tokens(rendered), (name, coding)
            for token in tokens:
                assert html.count(token) == 1, (name, coding)


# The site search folds control characters into spaces; these show them as they came.
@pytest.mark.parametrize(("path", "parameter"), REFLECTED[:3])
def test_the_old_marker_is_shown_back_as_the_text_it_is(content, path, parameter):
    url = f"{path}?{urlencode({parameter: 'x' + chr(27) + 'opsportal-csrf' + chr(27)})}"
    Client().get(url)
    hit = Client().get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert "x\x1bopsportal-csrf\x1b" in hit.content.decode()
