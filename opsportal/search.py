"""The site search's kinds of result: each app's ``search.SEARCH_KINDS``, in INSTALLED_APPS order.

The matching itself is :mod:`core.search`; the apps describe what of theirs
is found and how a hit reads, so adding an app adds its content to /szukaj/
without naming it here.
"""

from functools import cache

from core import search as engine
from core.discovery import app_modules


@cache
def site_kinds():
    return tuple(
        kind for module in app_modules("search") for kind in getattr(module, "SEARCH_KINDS", ())
    )


def search(query, now=None):
    """The published content of every app matching ``query``, grouped by kind."""
    return engine.search(site_kinds(), query, now)
