"""A caseworker of the group Redaktorzy, as `manage.py setup_roles` makes it."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from opsportal.management.commands.setup_roles import EDITORS_GROUP


def log_in_editor(client, username="redaktorka"):
    call_command("setup_roles", stdout=io.StringIO())
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return user
