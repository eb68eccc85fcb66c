"""Shared checks for content that follows core.publication: the editors' admin and the
page cache that must honour a publication moment without anybody saving anything."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from opsportal.management.commands.setup_roles import EDITORS_GROUP

# "został(a)", "zmieniony(-na)(-ne)": Django's generic Polish, which editors must not meet.
BRACKETED_ENDING = re.compile(r"\w\((?:a|o|y|-?\w{1,3})\)")

# How long before its moment a test schedules a record, and when it looks again.
LEAD = dt.timedelta(seconds=30)
LOOK_AGAIN = dt.timedelta(seconds=20)


def log_in_editor(client):
    """``client`` logged in as a member of the group Redaktorzy, roles as setup_roles makes them."""
    call_command("setup_roles", stdout=None)
    user = get_user_model().objects.create_user("redaktorka", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def cached_page_follows_the_clock(client, clock, path, shows, *, appears=True):
    """Check that the page at ``path`` changes at ``clock.now + LEAD`` by the clock alone.

    The caller has made a record that starts (``appears``) or ends at that
    moment; ``shows(response)`` says whether the page shows it. The page is
    rendered, asked again before the moment (from the cache, where the page
    cache keeps it), and at the moment, with nothing saved in between: a
    cached copy that outlived the moment fails the last check.
    """
    cache.clear()
    before = client.get(path)
    assert shows(before) is not appears, f"{path} before the moment"
    clock.now += LOOK_AGAIN
    cached = client.get(path)
    assert shows(cached) is not appears, f"{path} from the cache before the moment"
    clock.now += LEAD - LOOK_AGAIN
    assert shows(client.get(path)) is appears, f"{path} at the moment"


def migrate(*targets):
    """Migrate the test database to ``targets`` ((app, migration) pairs); returns the
    historical models' registry at that state, for writing rows as they were then."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))
    return executor.loader.project_state(list(targets)).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def changelist_shows_each_status(client, changelist, make, now):
    """Make one record in each publication state with ``make(published_at=…, expires_at=…)``
    (``now`` being Monday 30 November 2026, 12:00 in Warsaw) and check that the admin's list
    says each in the editors' words, and that its status filter finds the scheduled one."""
    warsaw = now.tzinfo
    scheduled = make(published_at=dt.datetime(2026, 12, 1, 8, 0, tzinfo=warsaw))
    make(published_at=None)
    make(published_at=now - dt.timedelta(days=1))
    make(
        published_at=now - dt.timedelta(days=1),
        expires_at=dt.datetime(2026, 12, 4, 16, 0, tzinfo=warsaw),
    )
    make(published_at=now - dt.timedelta(days=9), expires_at=now)
    html = client.get(changelist).text
    for label in (
        "Szkic",
        "Zaplanowane na 1 grudnia, 8:00",
        "Opublikowane",
        "Opublikowane do 4 grudnia, 16:00",
        "Wygasło",
    ):
        assert f'<td class="field-publication_status_column">{label}</td>' in html, label
    assert not BRACKETED_ENDING.search(html)
    found = client.get(changelist, {"publikacja": "scheduled"}).context["cl"].result_list
    assert list(found) == [scheduled]


def editor_at_noon(client, clock):
    """``client`` logged in as an editor, with the clock on Monday 30 November 2026, 12:00
    in Warsaw, the moment ``changelist_shows_each_status`` counts from."""
    clock.now = dt.datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
    return log_in_editor(client)


def drafts_when_none(make):
    """``make(published=…, published_at=…, expires_at=…)`` as ``changelist_shows_each_status``
    calls it: a draft when the start is None."""

    def make_with(published_at, expires_at=None):
        return make(
            published=published_at is not None, published_at=published_at, expires_at=expires_at
        )

    return make_with
