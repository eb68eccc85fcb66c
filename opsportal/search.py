"""The site search's kinds of result: each app's ``search.SEARCH_KINDS``, in INSTALLED_APPS order.

The matching itself is :mod:`core.search`; the apps describe what of theirs
is found and how a hit reads, so adding an app adds its content to /szukaj/
without naming it here.
"""

from functools import cache

from django.db import DEFAULT_DB_ALIAS

from core import search as engine
from core import search_index
from core.discovery import app_modules


@cache
def site_kinds():
    return tuple(
        kind for module in app_modules("search") for kind in getattr(module, "SEARCH_KINDS", ())
    )


def search(query, now=None):
    """The published content of every app matching ``query``, grouped by kind."""
    return engine.search(site_kinds(), query, now)


def rebuild_index():
    """Index every record of every kind again; the number of documents."""
    return search_index.rebuild(site_kinds())


def build_index_if_empty(using=DEFAULT_DB_ALIAS, **kwargs):
    """After ``migrate``: fill an empty index from the content there is (new install, upgrade).

    A database without content, such as a test database, costs one query.
    """
    if using == DEFAULT_DB_ALIAS and not search_index.has_documents():
        rebuild_index()
