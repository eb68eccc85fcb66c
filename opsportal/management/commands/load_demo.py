import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.discovery import app_modules
from opsportal.search import rebuild_index


class Command(BaseCommand):
    help = "Loads demo content (idempotent); --scale N adds synthetic volume for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Add N synthetic projects, areas and events on top of the demo.",
        )
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Create (or reset) the superuser 'admin' with a new random password.",
        )

    def handle(self, *args, scale, with_admin, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        with transaction.atomic():
            # Each app's ``demo`` module, in the order of INSTALLED_APPS, so
            # that later apps may refer to earlier apps' records.
            for module in app_modules("demo"):
                module.load(scale=scale, stdout=self.stdout)
            # Bulk inserts send no signals: the search index is built once, at the end.
            rebuild_index()
        if connection.vendor == "postgresql":
            # Thousands of rows arrive at once, before autovacuum has gathered
            # the planner's statistics: gather them now, so that the first
            # searches are planned as they will be later.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if with_admin:
            self._create_admin()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def _create_admin(self):
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@example.invalid"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Admin login: admin / {password}")
