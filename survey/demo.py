"""The site-feedback poll of seed 000, open now, with a few demo ballots."""

import datetime as dt

from django.utils import timezone

from survey.models import Ballot, Choice, Poll, ResultsVisibility

SLUG = "nowa-strona"
QUESTION = "Co sądzisz o naszej nowej stronie?"
DESCRIPTION = (
    "Przebudowaliśmy stronę ośrodka, żeby łatwiej było znaleźć godziny pracy, "
    "projekty socjalne i kontakt. Powiedz nam, jak się z niej korzysta — "
    "to zajmie kilka sekund."
)
# (choice, demo ballots for it)
CHOICES = [("Bardzo dobra", 9), ("Dobra", 7), ("Przeciętna", 4), ("Słaba", 2)]
COMMENTS = {
    0: "Wreszcie widać, w jakich godzinach jest otwarte.",
    5: "Większa czcionka by się przydała.",
    17: "Brakuje mi numeru do pracownika socjalnego z mojego rejonu.",
}


def load(scale, stdout):
    now = timezone.now()
    poll = Poll.objects.filter(slug=SLUG).first()
    if poll is None or not poll.is_open(now):
        # Keep the dates of a poll that is already open, so a second run
        # changes nothing; reopen it only when it has run out.
        opens_at = timezone.make_aware(
            dt.datetime.combine(timezone.localdate() - dt.timedelta(days=30), dt.time(8))
        )
        dates = {
            "opens_at": opens_at,
            "closes_at": opens_at + dt.timedelta(days=365),
            "published_at": opens_at,
        }
    else:
        dates = {"published_at": poll.published_at or now}
    poll, _ = Poll.objects.update_or_create(
        slug=SLUG,
        defaults={
            "question": QUESTION,
            "description": DESCRIPTION,
            "allow_comment": True,
            "results_visibility": ResultsVisibility.ALWAYS,
            **dates,
        },
    )
    choices = []
    for position, (text, _votes) in enumerate(CHOICES, start=1):
        choice, _ = Choice.objects.update_or_create(
            poll=poll, text=text, defaults={"position": position * 10}
        )
        choices.append(choice)

    ballots = []
    number = 0
    for choice, (_text, votes) in zip(choices, CHOICES, strict=True):
        for _ in range(votes):
            ballots.append(
                Ballot(
                    poll=poll,
                    choice=choice,
                    voter_key=f"demo-{number:04d}",
                    created_at=poll.opens_at + dt.timedelta(hours=5 + 7 * number),
                    comment=COMMENTS.get(number, ""),
                )
            )
            number += 1
    for index in range(scale):
        ballots.append(
            Ballot(
                poll=poll,
                choice=choices[index % len(choices)],
                voter_key=f"scale-{index:07d}",
                created_at=poll.opens_at + dt.timedelta(minutes=index),
            )
        )
    # The voter keys are fixed, so the unique constraint turns a second run
    # into a no-op instead of a second set of votes.
    Ballot.objects.bulk_create(ballots, batch_size=2000, ignore_conflicts=True)
    stdout.write(f"Survey: poll “{poll.question}” with {poll.ballots.count()} ballots.")
