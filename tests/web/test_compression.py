"""Cached pages travel compressed to browsers that accept it, made once per stored page."""

import gzip

import brotli
import pytest
from django.test import Client

from tests.communities.factories import make_area, make_event
from tests.pages import csrf_token
from tests.survey.factories import make_poll
from web import compression

pytestmark = pytest.mark.django_db

BROWSER = "gzip, deflate, br, zstd"


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_a_hit_comes_in_brotli_or_gzip_as_the_browser_asks_and_reads_the_same(centre):
    plain = Client().get("/kontakt/")
    assert "Content-Encoding" not in plain
    assert "accept-encoding" in vary(plain)

    squeezed = Client().get("/kontakt/", HTTP_ACCEPT_ENCODING=BROWSER)
    assert squeezed["X-Page-Cache"] == "hit"
    assert squeezed["Content-Encoding"] == "br"
    assert "accept-encoding" in vary(squeezed)
    assert brotli.decompress(squeezed.content) == plain.content
    assert len(squeezed.content) < len(plain.content) / 3

    zipped = Client().get("/kontakt/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert int(zipped["Content-Length"]) == len(zipped.content)


@pytest.mark.parametrize("header", ["", "identity", "gzip;q=0, br;q=0", "*;q=0", "compress"])
def test_no_coding_the_browser_refuses(centre, header):
    response = Client().get("/kontakt/", HTTP_ACCEPT_ENCODING=header)
    assert "Content-Encoding" not in response
    assert b"</html>" in response.content


def test_the_first_visit_after_an_edit_is_compressed_too(client, centre):
    first = client.get("/kontakt/", HTTP_ACCEPT_ENCODING="gzip")
    assert "X-Page-Cache" not in first
    assert first["Content-Encoding"] == "gzip"
    assert centre.name.encode() not in first.content
    assert centre.name in gzip.decompress(first.content).decode()


def test_the_calendar_feed_is_compressed(client, centre):
    area = make_area()
    for number in range(5):
        make_event(area, title=f"Spotkanie sąsiedzkie nr {number}", place="Świetlica")
    client.get("/osl/wydarzenia.ics")
    response = client.get("/osl/wydarzenia.ics", HTTP_ACCEPT_ENCODING="br")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = brotli.decompress(response.content)
    assert calendar.startswith(b"BEGIN:VCALENDAR")
    assert calendar.count(b"BEGIN:VEVENT") == 5


def test_a_compressed_page_gets_304_with_either_tag(client, centre):
    plain = client.get("/kontakt/")["ETag"]
    zipped = client.get("/kontakt/", HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert zipped == f"W/{plain}"
    for tag in (plain, zipped):
        again = client.get("/kontakt/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tag)
        assert again.status_code == 304
        # What the 200 would say of its validator and caching.
        assert again["ETag"] == zipped
        assert "accept-encoding" in vary(again)
        assert again["Cache-Control"] == "no-cache"
    centre.name = "Inna nazwa"
    centre.save()
    changed = client.get("/kontakt/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped)
    assert changed.status_code == 200


def test_a_form_page_is_gzipped_around_the_visitors_own_token(centre):
    poll = make_poll()
    Client().get(poll.get_absolute_url())  # fills the cache
    visitors = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(poll.get_absolute_url(), HTTP_ACCEPT_ENCODING=BROWSER)
        assert response["X-Page-Cache"] == "hit"
        # Brotli would have to compress the token with the page: gzip it is.
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        token = csrf_token(html)
        assert len(token) == 64 and visitor.cookies["csrftoken"].value not in html
        # The token travels as it is, outside the compressed text (BREACH).
        assert token.encode() in response.content
        visitors.append((visitor, token))
    assert visitors[0][1] != visitors[1][1]
    for visitor, token in visitors:
        vote = visitor.post(
            poll.get_absolute_url(),
            {"choice": poll.choices.first().pk, "csrfmiddlewaretoken": token},
        )
        assert vote.status_code == 303
    assert poll.ballots.count() == 2


def test_a_returning_visitors_masked_token_fills_every_hole():
    body = b"<form>HOLE</form>" + b"<p>tekst strony</p>" * 100 + b"<form>HOLE</form>"
    stored = compression.compress(body, b"HOLE")
    assert stored.brotli is None and stored.gzip is None
    token = b"x" * 64
    page = gzip.decompress(compression.gzip_body(stored, body, b"HOLE", token))
    assert page == body.replace(b"HOLE", token)


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("GZIP;Q=0.5", "gzip"),
        ("*", "br"),
        ("gzip;q=0, *", "br"),
        ("gzip;q=zero", None),
        ("deflate", None),
        (",,;", None),
    ],
)
def test_choose_reads_accept_encoding(header, coding):
    stored = compression.compress(b"<p>tekst</p>" * 100, b"HOLE")
    assert compression.choose(header, stored) == coding
