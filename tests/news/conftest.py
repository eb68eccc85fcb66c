import datetime as dt
from zoneinfo import ZoneInfo

import pytest

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def clock(clock):
    """The site's fake clock (tests/conftest.py), starting on Monday 30 November 2026, 12:00."""
    clock.now = dt.datetime(2026, 11, 30, 12, 0, tzinfo=WARSAW)
    return clock


@pytest.fixture
def uncached(settings):
    """Every request renders its page: for counting the queries of a render."""
    settings.PAGE_CACHE_SECONDS = 0
