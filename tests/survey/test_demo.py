import io

import pytest
from django.core.management import call_command

from survey import demo
from survey.models import Ballot, Poll, ResultsVisibility

pytestmark = pytest.mark.django_db


def test_demo_poll_is_open_public_with_choices_and_ballots_and_idempotent():
    demo.load(scale=0, stdout=io.StringIO())
    first = list(Ballot.objects.values_list("voter_key", "choice__text"))
    demo.load(scale=0, stdout=io.StringIO())
    poll = Poll.objects.get()
    assert poll.question == "Co sądzisz o naszej nowej stronie?"
    assert poll.is_open()
    assert (poll.closes_at - poll.opens_at).days > 90
    assert poll.results_visibility == ResultsVisibility.ALWAYS
    assert poll.choices.count() >= 3
    assert list(Ballot.objects.values_list("voter_key", "choice__text")) == first
    assert len(first) > 0


def test_demo_scale_adds_synthetic_ballots():
    demo.load(scale=0, stdout=io.StringIO())
    before = Ballot.objects.count()
    demo.load(scale=50, stdout=io.StringIO())
    assert Ballot.objects.count() == before + 50


def test_load_demo_command_includes_the_poll():
    call_command("load_demo", stdout=io.StringIO())
    assert Poll.objects.open().filter(slug="nowa-strona").exists()
