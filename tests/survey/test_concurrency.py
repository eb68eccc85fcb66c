"""Votes arriving at the same moment, on PostgreSQL where requests really overlap.

SQLite serialises writers on one file, so these races only mean something on
PostgreSQL; CI runs the suite on both.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from survey import voting
from survey.models import Ballot, VotingAddress
from tests.survey.factories import make_poll

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")


def _at_once(count, request):
    """Run request(i) for i in range(count) in threads released together."""
    barrier = threading.Barrier(count)
    statuses = [None] * count
    errors = []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            statuses[index] = request(index)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            # Hands the connection back to the pool for the threads still waiting.
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return statuses


def test_200_distinct_voters_voting_at_once_are_all_counted():
    poll = make_poll(choices=("A", "B", "C", "D"))
    choices = list(poll.choices.values_list("pk", flat=True))

    def vote(index):
        # Distinct addresses, as 200 residents would have; each client is a new browser.
        client = Client(REMOTE_ADDR=f"10.20.{index // 250}.{index % 250 + 1}")
        response = client.post(poll.get_absolute_url(), {"choice": choices[index % 4]})
        return response.status_code

    statuses = _at_once(200, vote)
    assert statuses == [303] * 200
    assert Ballot.objects.filter(poll=poll).count() == 200
    data = Client().get(reverse("survey:results_json", args=[poll.slug])).json()
    assert data["total"] == 200
    assert [choice["votes"] for choice in data["choices"]] == [50, 50, 50, 50]


def _signed_voter_cookie(key):
    response = HttpResponse()
    voting.set_voter_cookie(response, RequestFactory().get("/"), key)
    return {voting.VOTER_COOKIE: response.cookies[voting.VOTER_COOKIE].value}


@pytest.mark.parametrize(
    "cookies",
    [
        # One browser before its first vote: only its CSRF cookie says who it is.
        {"csrftoken": "s3cretS3cretS3cretS3cretS3cret12"},
        # One browser that has a voter cookie already.
        _signed_voter_cookie("one-voter"),
    ],
    ids=["csrf-cookie", "voter-cookie"],
)
def test_one_voter_posting_20_times_at_once_gets_exactly_one_ballot(cookies):
    poll = make_poll()
    choice = poll.choices.first().pk

    def vote(index):
        client = Client()
        for name, value in cookies.items():
            client.cookies[name] = value
        return client.post(poll.get_absolute_url(), {"choice": choice}).status_code

    statuses = _at_once(20, vote)
    assert statuses == [303] * 20  # every tab lands on the results, none on an error
    assert Ballot.objects.filter(poll=poll).count() == 1
    data = Client().get(reverse("survey:results_json", args=[poll.slug])).json()
    assert data["total"] == 1


def test_flood_limit_holds_when_voters_from_one_address_vote_at_once(settings):
    settings.POLL_VOTES_PER_IP_PER_HOUR = 3
    poll = make_poll()
    choice = poll.choices.first().pk

    def vote(index):
        client = Client(REMOTE_ADDR="198.51.100.77")
        client.cookies["csrftoken"] = f"voter{index:027d}"
        return client.post(poll.get_absolute_url(), {"choice": choice}).status_code

    statuses = sorted(_at_once(12, vote))
    assert statuses == [303] * 3 + [429] * 9
    assert Ballot.objects.filter(poll=poll).count() == 3


@pytest.mark.parametrize("first_vote_of_the_address", [True, False], ids=["new", "known"])
def test_a_vote_waits_for_its_addresss_row_and_counts_what_the_holder_committed(
    settings, first_vote_of_the_address
):
    # Deterministic form of the race above: another transaction holds the
    # address's row (inserted by it and not yet committed, or an existing row
    # locked with select_for_update) and stores the last allowed ballot while
    # the vote waits. The vote must wait, then see that ballot; without the
    # row, or with a count taken before the row was granted, it would be
    # stored over the limit.
    settings.POLL_VOTES_PER_IP_PER_HOUR = 1
    poll = make_poll()
    choice = poll.choices.first()
    if not first_vote_of_the_address:
        VotingAddress.objects.create(address_hash="one-address", last_vote_at=timezone.now())
    holding, release = threading.Event(), threading.Event()
    outcome = {}

    def holder():
        try:
            with transaction.atomic():
                if first_vote_of_the_address:
                    VotingAddress.objects.create(
                        address_hash="one-address", last_vote_at=timezone.now()
                    )
                else:
                    VotingAddress.objects.select_for_update().get(address_hash="one-address")
                holding.set()
                release.wait(timeout=30)
                Ballot.objects.create(
                    poll=poll, choice=choice, voter_key="early", address_hash="one-address"
                )
        finally:
            connections.close_all()

    def late_vote():
        try:
            outcome["late"] = voting.cast_ballot(poll, choice, "late", "one-address")
        finally:
            connections.close_all()

    holding_thread = threading.Thread(target=holder)
    holding_thread.start()
    assert holding.wait(timeout=30)
    late_thread = threading.Thread(target=late_vote)
    late_thread.start()
    waiting = 0
    for _ in range(500):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            waiting = cursor.fetchone()[0]
        if waiting or not late_thread.is_alive():
            break
        time.sleep(0.01)
    release.set()
    holding_thread.join(timeout=30)
    late_thread.join(timeout=30)
    assert waiting == 1, "the vote did not wait for the address's row"
    assert outcome == {"late": voting.FLOODED}
    assert list(Ballot.objects.values_list("voter_key", flat=True)) == ["early"]
