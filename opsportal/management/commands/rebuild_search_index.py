from django.core.management.base import BaseCommand

from opsportal.search import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuilds the site search's index from every record of every kind of result. "
        "Saves and deletes keep it current; run it after bulk writes or a restore."
    )

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"Indexed {count} record(s).")
