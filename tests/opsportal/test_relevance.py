"""The relevance set (tests/opsportal/relevance.py) on the database in use: the issue's goals."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from core.search import Query
from opsportal.search import search
from tests.opsportal.relevance import QUERIES, measure

pytestmark = pytest.mark.django_db

RECALL_GOAL = 0.95
FIRST_RIGHT_GOAL = 0.85


def ranked_urls(q):
    """The result links in the order the results page shows them."""
    results = search(Query.parse(q))
    return [hit.url for group in results.groups for hit in group.hits]


def test_the_relevance_set_meets_its_goals(clock):
    call_command("load_demo", stdout=io.StringIO())
    recall, first_right, misses = measure(ranked_urls)
    print(
        f"\nRelevance set on {connection.vendor}: {len(QUERIES)} queries, "
        f"recall@5 {recall:.3f}, first result right {first_right:.3f}"
    )
    for query, expected, top in misses:
        print(f"  {query!r}: expected {expected}, got {top}")
    assert len(QUERIES) >= 60
    assert recall >= RECALL_GOAL
    assert first_right >= FIRST_RIGHT_GOAL
