import datetime as dt
import tempfile
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.cache.backends import base, locmem
from django.utils import timezone

from tests.centre.factories import make_centre


def pytest_configure(config):
    # Tests speak plain HTTP to the test client and to the live server (whose
    # middleware is built once per session, hence here and not in a fixture),
    # and find static files through the finders. Production keeps HTTPS
    # redirects and hashed names: tests/opsportal/test_deploy.py checks those
    # in a separate process with the production environment.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    # Page-cache versions of this test run only, not of other runs on the machine.
    settings.PAGE_CACHE_STAMP_DIR = tempfile.mkdtemp(prefix="opsportal-stamps-")
    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="opsportal-static-")
    # Uploads and the demo's generated documents go to a folder of this run,
    # not into the project's media/.
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="opsportal-media-")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def centre(db):
    return make_centre()


@pytest.fixture
def clock(monkeypatch):
    """One fake clock for Django's now() and the local-memory cache's expiry.

    It starts on Monday 23 November 2026, 15:59:30 in Warsaw; move it with
    ``clock.now += …`` or set ``clock.now``. Never sleep in a test.
    """
    state = SimpleNamespace(
        now=dt.datetime(2026, 11, 23, 15, 59, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
    )
    fake_time = SimpleNamespace(time=lambda: state.now.timestamp())
    monkeypatch.setattr(timezone, "now", lambda: state.now)
    monkeypatch.setattr(locmem, "time", fake_time)
    monkeypatch.setattr(base, "time", fake_time)
    return state
