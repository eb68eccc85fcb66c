import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.db.models.signals import post_save
from django.test import RequestFactory, override_settings
from django.utils import timezone

from survey import voting
from survey.models import Ballot, Choice, Poll, ResultsVisibility, VotingAddress
from tests.survey.factories import make_ballots, make_poll
from web.network import client_address

pytestmark = pytest.mark.django_db


def test_poll_must_close_after_it_opens():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Poll.objects.create(question="?", slug="zla", opens_at=now, closes_at=now)
    poll = Poll(question="?", slug="zla2", opens_at=now, closes_at=now - dt.timedelta(hours=1))
    with pytest.raises(ValidationError, match="Koniec głosowania"):
        poll.full_clean()


def test_database_refuses_a_second_ballot_from_the_same_voter_key():
    poll = make_poll()
    choice = poll.choices.first()
    Ballot.objects.create(poll=poll, choice=choice, voter_key="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, choice=poll.choices.last(), voter_key="abc")
    assert poll.ballots.count() == 1


def test_the_same_voter_key_may_vote_in_two_different_polls():
    first, second = make_poll(), make_poll()
    Ballot.objects.create(choice=first.choices.first(), voter_key="abc")
    Ballot.objects.create(choice=second.choices.first(), voter_key="abc")
    assert Ballot.objects.count() == 2


def test_database_refuses_a_ballot_whose_choice_belongs_to_another_poll():
    poll, other = make_poll(), make_poll()
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(poll=poll, choice=other.choices.first(), voter_key="abc")
    assert Ballot.objects.count() == 0


def test_database_refuses_moving_a_voted_choice_to_another_poll():
    poll, other = make_poll(), make_poll()
    choice = poll.choices.first()
    make_ballots(choice, 1)
    choice.poll = other
    with pytest.raises(IntegrityError), transaction.atomic():
        choice.save()


def test_ballot_clean_rejects_a_choice_of_another_poll():
    poll, other = make_poll(), make_poll()
    ballot = Ballot(poll=poll, choice=other.choices.first(), voter_key="abc")
    with pytest.raises(ValidationError) as error:
        ballot.full_clean()
    assert "choice" in error.value.message_dict


def test_ballot_takes_its_poll_from_its_choice():
    poll = make_poll()
    ballot = Ballot.objects.create(choice=poll.choices.first(), voter_key="abc")
    assert ballot.poll == poll


def test_a_choice_with_ballots_cannot_be_deleted():
    poll = make_poll()
    choice = poll.choices.first()
    make_ballots(choice, 1)
    with pytest.raises(ProtectedError):
        choice.delete()
    poll.choices.last().delete()  # no ballots: fine
    assert poll.choices.count() == 2


def test_tally_counts_ballots_per_choice_in_order_including_zero():
    poll = make_poll(choices=("A", "B", "C"))
    a, b, _c = poll.choices.all()
    make_ballots(a, 3)
    make_ballots(b, 1)
    assert [(c.text, c.votes) for c in poll.tally()] == [("A", 3), ("B", 1), ("C", 0)]


def test_open_lists_only_published_polls_between_their_dates():
    now = timezone.now()
    current = make_poll()
    make_poll(published=False)
    make_poll(opens_at=now + dt.timedelta(days=1), closes_at=now + dt.timedelta(days=2))
    make_poll(opens_at=now - dt.timedelta(days=2), closes_at=now - dt.timedelta(days=1))
    assert list(Poll.objects.open()) == [current]
    assert current.is_open()


@pytest.mark.parametrize(
    ("visibility", "voted", "closed", "visible"),
    [
        (ResultsVisibility.ALWAYS, False, False, True),
        (ResultsVisibility.AFTER_VOTING, False, False, False),
        (ResultsVisibility.AFTER_VOTING, True, False, True),
        (ResultsVisibility.AFTER_VOTING, False, True, True),
        (ResultsVisibility.AFTER_CLOSING, True, False, False),
        (ResultsVisibility.AFTER_CLOSING, False, True, True),
    ],
)
def test_results_visibility_rule(visibility, voted, closed, visible):
    now = timezone.now()
    closes_at = now - dt.timedelta(hours=1) if closed else now + dt.timedelta(days=1)
    poll = make_poll(
        results_visibility=visibility, opens_at=now - dt.timedelta(days=2), closes_at=closes_at
    )
    assert poll.results_visible_to(has_voted=voted) is visible


def test_address_hash_is_keyed_and_never_the_address():
    hashed = voting.address_hash("203.0.113.7")
    assert "203.0.113.7" not in hashed
    assert len(hashed) == 64
    assert hashed == voting.address_hash("203.0.113.7")
    assert hashed != voting.address_hash("203.0.113.8")
    with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
        assert voting.address_hash("203.0.113.7") != hashed


def test_ipv6_addresses_in_one_64_network_count_as_one_address():
    assert voting.address_hash("2001:db8:1:2::1") == voting.address_hash("2001:db8:1:2:ffff::9")
    assert voting.address_hash("2001:db8:1:2::1") != voting.address_hash("2001:db8:1:3::1")


def _request(remote="198.51.100.1", **meta):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


def test_client_address_ignores_forwarded_header_unless_configured():
    request = _request(HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR")
def test_client_address_takes_the_rightmost_hop_of_the_trusted_header():
    # The client forged "1.2.3.4"; our proxy appended the address it saw.
    request = _request(HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR", TRUSTED_PROXIES=["10.0.0.0/8"])
def test_client_address_skips_trusted_proxies_from_the_right():
    request = _request(HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.1.2.3")
    assert client_address(request) == "203.0.113.9"


@override_settings(TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR")
def test_client_address_falls_back_to_remote_addr_on_garbage_header():
    assert client_address(_request(HTTP_X_FORWARDED_FOR="nonsense")) == "198.51.100.1"
    assert client_address(_request()) == "198.51.100.1"


def cast(poll, choice, key, address, **kwargs):
    return voting.cast_ballot(poll, choice, key, address, **kwargs)


@override_settings(POLL_VOTES_PER_IP_PER_HOUR=3)
def test_cast_ballot_counts_an_address_hashs_ballots_of_the_last_hour():
    poll = make_poll()
    choice = poll.choices.first()
    make_ballots(choice, 2, prefix="a", address_hash="a")
    assert cast(poll, choice, "third", "a") == voting.STORED
    assert cast(poll, choice, "fourth", "a") == voting.FLOODED
    assert cast(poll, choice, "other-address", "b") == voting.STORED
    Ballot.objects.filter(address_hash="a").update(
        created_at=timezone.now() - dt.timedelta(minutes=61)
    )
    assert cast(poll, choice, "next-hour", "a") == voting.STORED
    assert sorted(Ballot.objects.filter(address_hash="a").values_list("voter_key", flat=True)) == [
        "a0",
        "a1",
        "next-hour",
        "third",
    ]


@override_settings(POLL_VOTES_PER_IP_PER_HOUR=1)
def test_cast_ballot_keeps_the_first_ballot_of_a_voter_and_says_so():
    poll = make_poll()
    first, second = poll.choices.all()[:2]
    assert cast(poll, first, "voter", "a", comment="pierwszy") == voting.STORED
    # Over the limit as well, but "already voted" is the answer that helps.
    assert cast(poll, second, "voter", "a") == voting.ALREADY_VOTED
    # Refused by the unique constraint, from another address with room to spare.
    assert cast(poll, second, "voter", "b") == voting.ALREADY_VOTED
    ballot = Ballot.objects.get()
    assert (ballot.choice, ballot.comment, ballot.address_hash) == (first, "pierwszy", "a")


def test_cast_ballot_runs_the_models_validation_before_saving():
    poll, other = make_poll(), make_poll(slug="inna")
    with pytest.raises(ValidationError, match="innej ankiety"):
        cast(poll, other.choices.first(), "voter", "a")
    with pytest.raises(ValidationError, match="voter_key"):
        cast(poll, poll.choices.first(), "k" * 65, "a")
    assert not Ballot.objects.exists()


def test_cast_ballot_saves_through_the_model_and_its_post_save_signal():
    poll = make_poll()
    choice = poll.choices.first()
    saved = []

    def receiver(sender, instance, created, **kwargs):
        saved.append((instance.voter_key, created))

    post_save.connect(receiver, sender=Ballot)
    try:
        assert cast(poll, choice, "voter", "a") == voting.STORED
    finally:
        post_save.disconnect(receiver, sender=Ballot)
    assert saved == [("voter", True)]


def test_cast_ballot_refuses_a_choice_deleted_since_the_poll_was_read():
    poll = make_poll()
    doomed = Choice.objects.create(poll=poll, text="Do usunięcia", position=9)
    Choice.objects.filter(pk=doomed.pk).delete()
    with pytest.raises(IntegrityError):
        cast(poll, doomed, "voter", "a")
    assert not Ballot.objects.exists()


def test_cast_ballot_keeps_one_row_per_address_for_the_flood_limit():
    poll = make_poll()
    choice = poll.choices.first()
    for key in ("one", "two"):
        assert cast(poll, choice, key, "a") == voting.STORED
    assert cast(poll, choice, "three", "b") == voting.STORED
    assert sorted(VotingAddress.objects.values_list("address_hash", flat=True)) == ["a", "b"]


def test_purge_blanks_only_address_hashes_older_than_the_retention_period():
    poll = make_poll()
    choice = poll.choices.first()
    now = timezone.now()
    old = make_ballots(choice, 2, prefix="old", address_hash="x" * 64)
    Ballot.objects.filter(pk__in=[b.pk for b in old]).update(created_at=now - dt.timedelta(31))
    make_ballots(choice, 1, prefix="new", address_hash="y" * 64)
    out = io.StringIO()
    call_command("purge_ballot_addresses", stdout=out)
    assert "2 ballot" in out.getvalue()
    assert sorted(Ballot.objects.values_list("address_hash", flat=True)) == ["", "", "y" * 64]
    assert Ballot.objects.count() == 3


@override_settings(POLL_ADDRESS_RETENTION_DAYS=7)
def test_purge_reads_the_retention_setting():
    choice = make_poll().choices.first()
    (ballot,) = make_ballots(choice, 1, address_hash="x" * 64)
    Ballot.objects.filter(pk=ballot.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    call_command("purge_ballot_addresses", stdout=io.StringIO())
    ballot.refresh_from_db()
    assert ballot.address_hash == ""


def test_purge_forgets_the_addresses_no_vote_came_from_in_the_last_hour():
    now = timezone.now()
    VotingAddress.objects.bulk_create(
        [
            VotingAddress(address_hash="idle", last_vote_at=now - dt.timedelta(minutes=61)),
            VotingAddress(address_hash="busy", last_vote_at=now - dt.timedelta(minutes=59)),
        ]
    )
    out = io.StringIO()
    call_command("purge_ballot_addresses", stdout=out)
    assert "forgot 1 idle voting address" in out.getvalue()
    assert list(VotingAddress.objects.values_list("address_hash", flat=True)) == ["busy"]


def test_models_have_readable_names_and_urls():
    poll = make_poll(slug="nowa")
    choice = poll.choices.first()
    (ballot,) = make_ballots(choice, 1)
    assert str(poll) == poll.question
    assert str(choice) == choice.text
    assert poll.get_absolute_url() == "/ankieta/nowa/"
    assert ballot.get_absolute_url() == "/ankieta/nowa/wyniki/"
