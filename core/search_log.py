"""What residents search for, counted per day: the folded words and whether anything was found.

Nothing about who searched is kept: no address, no cookie, no time of day,
and only the folded words of a query (what the search itself used), so two
spellings of one query count together. Queries that look like a machine's
(a web address, markup, a long run of words) are not counted. Counts older
than :data:`RETENTION_DAYS` are removed by the daily retention command
(``purge_ballot_addresses``).
"""

import datetime as dt

from django.apps import apps
from django.db import connection
from django.db.models import Max, Sum
from django.utils import timezone

RETENTION_DAYS = 365
MAX_LOGGED_LENGTH = 60
MAX_LOGGED_WORDS = 6
REPORT_ROWS = 50
# Signs of a query that no resident typed.
_MACHINE_MARKS = ("://", "www.", "<", ">", "{", "}", "@", "\\")


def _model():
    return apps.get_model("core", "SearchQueryCount")


def loggable(query):
    """The folded words of ``query`` to count, or '' when it is not counted."""
    folded = query.folded
    if not folded or query.shortened or len(folded) > MAX_LOGGED_LENGTH:
        return ""
    if len(folded.split()) > MAX_LOGGED_WORDS:
        return ""
    if any(mark in query.text.lower() for mark in _MACHINE_MARKS):
        return ""
    return folded


def record(query, results, today=None):
    """Count one search for ``query`` today, with its number of ``results``. One statement.

    An INSERT … ON CONFLICT DO UPDATE adds one in the database itself, so
    simultaneous searches for the same words never lose a count.
    """
    folded = loggable(query)
    if not folded:
        return
    day = today or timezone.localdate()
    table = connection.ops.quote_name(_model()._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, query, results, count) VALUES (%s, %s, %s, 1) "  # noqa: S608 — the table name is the model's
            f"ON CONFLICT (day, query) DO UPDATE SET count = {table}.count + 1, "
            "results = excluded.results",
            [day, folded, results],
        )


def report(days, today=None):
    """(most searched, searched without results) over the last ``days`` days, today included.

    Each a list of dicts: query, searches (the sum of the days' counts),
    found (the most results on any of the days; 0 in the second list), last
    (the last day it was searched for). Two queries.
    """
    today = today or timezone.localdate()
    rows = _model().objects.filter(day__gt=today - dt.timedelta(days=days), day__lte=today)
    summary = (
        rows.values("query")
        .annotate(searches=Sum("count"), found=Max("results"), last=Max("day"))
        .order_by("-searches", "query")
    )
    missed = summary.filter(found=0)
    return list(summary[:REPORT_ROWS]), list(missed[:REPORT_ROWS])


def forget_older_than(days=RETENTION_DAYS, today=None):
    """Delete the counts of days more than ``days`` ago; how many rows went."""
    today = today or timezone.localdate()
    deleted, _ = _model().objects.filter(day__lt=today - dt.timedelta(days=days)).delete()
    return deleted
