import importlib
import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from opsportal import pagecache

# Each of these apps may have a ``demo`` module with ``load(scale, stdout)``;
# they run in this order because later ones refer to earlier ones' records.
DEMO_APPS = ["opsportal", "projects", "communities", "survey"]


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
            for label in DEMO_APPS:
                module = _demo_module(label)
                if module is not None:
                    module.load(scale=scale, stdout=self.stdout)
        if connection.vendor == "postgresql":
            # Thousands of rows arrive at once, before autovacuum has gathered
            # the planner's statistics: gather them now, so that the first
            # searches are planned as they will be later.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # bulk_create sends no signals: make every cached page stale here.
        pagecache.bump(pagecache.CONTENT)
        pagecache.bump(pagecache.BALLOTS)
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


def _demo_module(label):
    name = f"{apps.get_app_config(label).name}.demo"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None
