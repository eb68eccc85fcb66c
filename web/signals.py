"""Content written to the database makes the cached pages that show it stale (web.pagecache).

Each app says which of its models are content, and under which tag, in its
``AppConfig.ready()``: ``watch(self.get_models())``. The cache names no app.

The watch is on the database connection rather than on model signals: every
statement that writes to a watched table bumps the table's tag once it has
run. That is a save or a delete, but also what Django sends no signal for:
``QuerySet.update()`` (an admin action that publishes the selected rows),
``bulk_create()``, ``bulk_update()``, and raw SQL.
"""

import contextlib
import re

from django.db import transaction
from django.db.backends.signals import connection_created

from web import pagecache

# The table a statement writes to, as Django and hand-written SQL spell it:
# INSERT [OR IGNORE] INTO, UPDATE, DELETE FROM, the name quoted or not and
# perhaps after a schema.
_WRITE = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"
    r"(?:\"?\w+\"?\.)?\"?(\w+)",
    re.IGNORECASE,
)


# Table name (lower case) -> the tag its writes bump.
_tables = {}


def _content_changed(tag, using):
    """Bump ``tag`` now, and again after the commit."""
    pagecache.bump(tag)
    if transaction.get_connection(using).in_atomic_block:
        # Once more after commit: a request that rendered the old rows between
        # the first bump and the commit must not outlive it in the cache.
        transaction.on_commit(lambda: pagecache.bump(tag), using=using)


def watch(models, tag=pagecache.CONTENT):
    """Make pages depending on ``tag`` stale whenever a row of one of ``models`` is written."""
    for model in models:
        _tables[model._meta.db_table.lower()] = tag
        for field in model._meta.local_many_to_many:
            _tables[field.remote_field.through._meta.db_table.lower()] = tag


def _bump_after_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    match = _WRITE.match(sql) if isinstance(sql, str) else None
    if match:
        tag = _tables.get(match.group(1).lower())
        if tag is not None:
            _content_changed(tag, context["connection"].alias)
    return result


def _watch_writes(sender, connection, **kwargs):
    # Django's documented way to see every statement is the execute_wrapper()
    # context manager; it is entered here for the life of the connection
    # object, which Django keeps per thread and reconnects, sending this
    # signal again each time.
    if getattr(connection, "page_cache_watch", None) is None:
        connection.page_cache_watch = contextlib.ExitStack()
        connection.page_cache_watch.enter_context(connection.execute_wrapper(_bump_after_writes))


connection_created.connect(_watch_writes, dispatch_uid="web.signals.watch_writes")
