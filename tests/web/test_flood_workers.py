"""The poll's flood limit holds across several gunicorn workers, with no shared cache."""

import json
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.production import gunicorn, manage, production_env

LIMIT = 3
VOTES = 12


@pytest.fixture
def workers(tmp_path):
    env = production_env(
        tmp_path,
        DJANGO_SECURE_SSL_REDIRECT="0",
        POLL_VOTES_PER_IP_PER_HOUR=str(LIMIT),
    )
    for args in (("migrate", "--no-input"), ("load_demo",)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    with gunicorn(env, workers=3, threads=4) as base:
        yield base


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_flood_limit_holds_across_gunicorn_workers(workers):
    with urllib.request.urlopen(workers + "/ankieta/", timeout=10) as response:
        html = response.read().decode()
    poll_url = re.search(r'action="(/ankieta/[^"/]+/)"', html).group(1)
    choice = re.search(r'name="choice" value="(\d+)"', html).group(1)
    results = workers + poll_url + "wyniki.json"
    before = _total(results)
    opener = urllib.request.build_opener(NoRedirect)

    def vote(_):
        # A new browser each time: its own CSRF secret, so its own voter key.
        secret = secrets.token_hex(16)
        body = urllib.parse.urlencode({"choice": choice, "csrfmiddlewaretoken": secret}).encode()
        request = urllib.request.Request(
            workers + poll_url, data=body, headers={"Cookie": f"csrftoken={secret}"}
        )
        try:
            return opener.open(request, timeout=20).status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(max_workers=VOTES) as pool:
        statuses = sorted(pool.map(vote, range(VOTES)))
    assert statuses == [303] * LIMIT + [429] * (VOTES - LIMIT)
    assert _total(results) == before + LIMIT


def _total(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())["total"]
