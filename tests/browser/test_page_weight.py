"""The home page's weight budget: under 12 requests and 150 KB transferred.

Chromium loads the home page with an empty cache and every request it makes
is counted (map tiles excepted: they come from the tile server the centre
chooses, and the demo names none). Pages are counted as the browser received
them, compressed by the page cache. The live server of the tests sends static
files uncompressed, so they are counted as whitenoise serves them in
production (its Brotli copy when that is smaller, as
CompressedManifestStaticFilesStorage writes it). Each response's headers
count too.
"""

import io
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

MAX_REQUESTS = 12
MAX_BYTES = 150 * 1024


def whitenoise_compresses(path):
    return PurePosixPath(path).suffix.lstrip(".").lower() not in set(
        settings.WHITENOISE_SKIP_COMPRESS_EXTENSIONS
    )


def transferred_body_size(path, content_type, body):
    """Bytes of the body on the wire in production."""
    if path.startswith(settings.STATIC_URL):
        if not whitenoise_compresses(path):
            return len(body)
        compressed = brotli.compress(body)
        # whitenoise keeps a compressed copy only when it saves at least 5 %.
        return len(compressed) if len(compressed) < len(body) * 0.95 else len(body)
    return len(body)


def headers_size(response):
    return sum(len(h["name"]) + len(h["value"]) + 4 for h in response.headers_array()) + 17


def is_map_tile(url):
    tiles = settings.MAP_TILE_URL
    return bool(tiles) and urlsplit(url).hostname == urlsplit(tiles.replace("{s}", "a")).hostname


def load_home(live_server, page):
    """Every response of one cold load of the home page: (url, status, bytes on the wire)."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server.url + "/", wait_until="networkidle")
    # Pictures below the fold count too: scroll to the end and let them load.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    loaded = []
    for response in responses:
        url = response.url
        if url.startswith("data:") or is_map_tile(url):
            continue
        path = urlsplit(url).path
        if path.startswith(settings.STATIC_URL):
            body = response.body() if response.status < 300 else b""
            size = transferred_body_size(path, response.headers.get("content-type", ""), body)
        else:
            size = response.request.sizes()["responseBodySize"]
        loaded.append((url, response.status, size + headers_size(response)))
    return loaded


def describe(loaded):
    rows = sorted(loaded, key=lambda row: -row[2])
    return "\n".join(f"{size:>8} B  {status}  {url}" for url, status, size in rows)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_home_page_needs_fewer_than_12_requests_without_map_tiles(live_server, page, demo):
    loaded = load_home(live_server, page)
    assert len(loaded) < MAX_REQUESTS, describe(loaded)
    assert all(status < 400 for _url, status, _size in loaded), describe(loaded)


def test_home_page_transfers_under_150_kb_with_its_css_js_and_images(live_server, page, demo):
    loaded = load_home(live_server, page)
    total = sum(size for _url, _status, size in loaded)
    assert total < MAX_BYTES, f"{total} B transferred:\n{describe(loaded)}"


def test_only_our_own_origin_is_asked_for_anything_but_map_tiles(live_server, page, demo):
    loaded = load_home(live_server, page)
    foreign = [url for url, _status, _size in loaded if not url.startswith(live_server.url)]
    assert foreign == []


def test_budget_counts_static_files_compressed_and_images_as_they_are():
    css = b".a{color:red}\n" * 1000
    assert transferred_body_size("/static/css/site.css", "text/css", css) < len(css) / 10
    png = bytes(range(256)) * 10
    assert transferred_body_size("/static/img/logo.png", "image/png", png) == len(png)


def test_the_home_page_reaches_the_browser_gzipped_around_its_form_token(live_server, page, demo):
    responses = []
    page.on("response", lambda response: responses.append(response))
    for _visit in range(2):  # the first visit renders the page, the second is a hit
        page.goto(live_server.url + "/", wait_until="domcontentloaded")
        home = next(r for r in responses if urlsplit(r.url).path == "/")
        responses.clear()
        assert home.headers["content-encoding"] == "gzip"
        html = home.body()
        assert b"csrfmiddlewaretoken" in html
        assert home.request.sizes()["responseBodySize"] < len(html) / 3
