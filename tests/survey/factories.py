"""Small factories for polls, choices and ballots."""

import datetime as dt
import itertools

from django.utils import timezone

from survey.models import Ballot, Choice, Poll, ResultsVisibility

_numbers = itertools.count(1)


def make_poll(choices=("Bardzo dobra", "Dobra", "Słaba"), published=True, **fields):
    """A poll published a day ago (``published=False``: a draft) and open from yesterday
    for 30 days, with the given choices."""
    number = next(_numbers)
    now = timezone.now()
    defaults = {
        "question": f"Co sądzisz o naszej stronie? ({number})",
        "slug": f"ankieta-{number}",
        "opens_at": now - dt.timedelta(days=1),
        "closes_at": now + dt.timedelta(days=30),
        "published_at": now - dt.timedelta(days=1) if published else None,
        "results_visibility": ResultsVisibility.ALWAYS,
    }
    defaults.update(fields)
    poll = Poll.objects.create(**defaults)
    Choice.objects.bulk_create(
        Choice(poll=poll, text=text, position=position) for position, text in enumerate(choices)
    )
    return poll


def make_ballots(choice, count, prefix=None, **fields):
    prefix = prefix or f"k{choice.pk}-"
    return Ballot.objects.bulk_create(
        Ballot(poll_id=choice.poll_id, choice=choice, voter_key=f"{prefix}{i}", **fields)
        for i in range(count)
    )
