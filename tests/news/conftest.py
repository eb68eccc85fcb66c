import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.cache.backends import base, locmem
from django.utils import timezone

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock for now() and the local-memory cache; move it with ``clock.now += …``.

    It starts on Monday 30 November 2026, 12:00 in Warsaw.
    """
    state = SimpleNamespace(now=dt.datetime(2026, 11, 30, 12, 0, tzinfo=WARSAW))
    fake_time = SimpleNamespace(time=lambda: state.now.timestamp())
    monkeypatch.setattr(timezone, "now", lambda: state.now)
    monkeypatch.setattr(locmem, "time", fake_time)
    monkeypatch.setattr(base, "time", fake_time)
    return state


@pytest.fixture
def uncached(settings):
    """Every request renders its page: for counting the queries of a render."""
    settings.PAGE_CACHE_SECONDS = 0
