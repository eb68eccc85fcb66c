import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core import search_log
from survey import voting
from survey.models import Ballot, VotingAddress


class Command(BaseCommand):
    help = (
        "Blanks the address hashes of ballots older than POLL_ADDRESS_RETENTION_DAYS "
        "(default 30) and forgets the addresses no vote has come from in the last hour "
        "(the flood limit's rows); also removes the site search's daily counts older than "
        "a year. Run it daily, e.g. from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep hashes this many days instead of POLL_ADDRESS_RETENTION_DAYS.",
        )

    def handle(self, *args, days, **options):
        days = voting.retention_days() if days is None else days
        if days < 0:
            raise CommandError("--days must be zero or more.")
        cutoff = timezone.now() - dt.timedelta(days=days)
        purged = (
            Ballot.objects.filter(created_at__lt=cutoff)
            .exclude(address_hash="")
            .update(address_hash="")
        )
        # An address's row only serves the flood limit, which looks one hour back.
        idle_since = max(cutoff, timezone.now() - dt.timedelta(seconds=voting.FLOOD_WINDOW_SECONDS))
        forgotten, _ = VotingAddress.objects.filter(last_vote_at__lt=idle_since).delete()
        searches = search_log.forget_older_than(search_log.RETENTION_DAYS)
        self.stdout.write(
            f"Blanked the address hash of {purged} ballot(s) older than {days} days; "
            f"forgot {forgotten} idle voting address(es); removed {searches} daily search "
            f"count(s) older than {search_log.RETENTION_DAYS} days."
        )
