from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

EDITORS_GROUP = "Redaktorzy"

# The content editors keep current: everything in these apps unless listed
# below. Accounts, groups, login lockouts and the admin log are not content.
CONTENT_APPS = ["centre", "projects", "communities", "survey", "news", "aid"]

# Per model, the actions editors get instead of all four. Ballots are the
# residents' votes: nobody edits them, and editors do not see them either
# (they read the counts and the comments on the poll's own pages in the
# admin). A poll's deletion would take its ballots with it, so editors may
# close a poll but not delete it.
RESTRICTED = {
    "survey.ballot": set(),
    # The keyed hashes of voters' addresses, kept for the flood limit only.
    "survey.votingaddress": set(),
    "survey.poll": {"view", "add", "change"},
}
ALL_ACTIONS = {"view", "add", "change", "delete"}

# Versions of content (django-reversion): editors read them; the history,
# comparison, restore and recovery pages in the admin need only the content
# model's own permissions, and versions are never edited by hand.
VERSION_APPS = ["reversion"]
VERSION_ACTIONS = {"view"}

# Reports editors read: what residents search for and do not find.
REPORT_PERMISSIONS = [("core", "view_searchquerycount")]


def editor_permissions():
    """The permissions of the editors' group.

    Only the four default permissions of each model are candidates. A model's
    own permissions (Meta.permissions, such as survey.read_ballots, which opens
    single ballots with their times) are for the few people an administrator
    names, one by one, never for the whole group.
    """
    candidates = Permission.objects.filter(
        content_type__app_label__in=CONTENT_APPS + VERSION_APPS
    ).select_related("content_type")
    chosen = []
    for permission in candidates:
        content_type = permission.content_type
        action, _, model_name = permission.codename.partition("_")
        if model_name != content_type.model:
            continue
        if content_type.app_label in VERSION_APPS:
            allowed = VERSION_ACTIONS
        else:
            allowed = RESTRICTED.get(f"{content_type.app_label}.{model_name}", ALL_ACTIONS)
        if action in allowed:
            chosen.append(permission)
    for app_label, codename in REPORT_PERMISSIONS:
        chosen.extend(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    return chosen


class Command(BaseCommand):
    help = (
        f"Creates or updates the group '{EDITORS_GROUP}': editors may change projects, "
        "community areas, events, polls and the centre's pages, but not users, groups or ballots."
    )

    def handle(self, *args, **options):
        # Permissions are created after migrate; make sure they exist even when
        # this runs in the same process as the migration (tests, fresh setups).
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        with transaction.atomic():
            group, created = Group.objects.get_or_create(name=EDITORS_GROUP)
            permissions = editor_permissions()
            group.permissions.set(permissions)
        verb = "Created" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} the group '{EDITORS_GROUP}' with {len(permissions)} permissions. "
                "Add editors to it in the admin (Użytkownicy → status „w zespole”)."
            )
        )
