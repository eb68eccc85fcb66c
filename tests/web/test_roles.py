"""`manage.py setup_roles`: what the editors' group may and may not do in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from opsportal.management.commands.setup_roles import EDITORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    call_command("setup_roles", stdout=None)
    user = get_user_model().objects.create_user("redaktorka", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client


EDITABLE = [
    "projects/project",
    "projects/partner",
    "projects/targetgroup",
    "communities/communityarea",
    "communities/activitysite",
    "communities/event",
    "communities/organiser",
    "survey/poll",
]
FORBIDDEN = ["auth/user", "auth/group", "survey/ballot", "axes/accessattempt"]


@pytest.mark.parametrize("model", EDITABLE)
def test_editors_can_add_and_change_content(editor_client, model):
    assert editor_client.get(f"/admin/{model}/").status_code == 200
    assert editor_client.get(f"/admin/{model}/add/").status_code == 200


def test_editors_can_edit_the_centre_and_its_pages(editor_client, centre):
    response = editor_client.get(f"/admin/centre/centre/{centre.pk}/change/")
    assert response.status_code == 200
    assert b"hours-TOTAL_FORMS" in response.content
    user = response.wsgi_request.user
    for codename in [
        "centre.change_centre",
        "centre.add_centrehours",
        "centre.delete_centrespecialday",
        "centre.change_centrephone",
        "centre.change_accessibilitystatement",
        "centre.change_publicinformation",
        "survey.change_choice",
    ]:
        assert user.has_perm(codename), codename


@pytest.mark.parametrize("model", FORBIDDEN)
def test_editors_cannot_touch_users_groups_ballots_or_lockouts(editor_client, model):
    assert editor_client.get(f"/admin/{model}/").status_code == 403
    assert editor_client.get(f"/admin/{model}/add/").status_code == 403


def test_editors_may_not_delete_a_poll_and_with_it_its_ballots(editor_client):
    user = get_user_model().objects.get(username="redaktorka")
    assert user.has_perm("survey.change_poll")
    assert not user.has_perm("survey.delete_poll")
    assert not any(
        perm.startswith("survey.") and "ballot" in perm for perm in user.get_all_permissions()
    )
    assert not any(
        perm.startswith(("auth.", "axes.", "admin.")) for perm in user.get_all_permissions()
    )


def test_setup_roles_is_idempotent_and_repairs_the_group():
    call_command("setup_roles", stdout=None)
    group = Group.objects.get(name=EDITORS_GROUP)
    count = group.permissions.count()
    group.permissions.clear()
    call_command("setup_roles", stdout=None)
    assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
    assert group.permissions.count() == count > 0


def test_editors_lack_the_permission_to_read_single_ballots(editor_client):
    user = get_user_model().objects.get(username="redaktorka")
    assert not user.has_perm("survey.read_ballots")
    group = Group.objects.get(name=EDITORS_GROUP)
    assert not group.permissions.filter(codename="read_ballots").exists()


def test_setup_roles_gives_the_group_no_models_own_permissions():
    """Meta.permissions (such as survey.read_ballots) are granted to people one by one."""
    call_command("setup_roles", stdout=None)
    group = Group.objects.get(name=EDITORS_GROUP)
    for permission in group.permissions.select_related("content_type"):
        action, _, model = permission.codename.partition("_")
        assert model == permission.content_type.model, permission.codename
        assert action in {"view", "add", "change", "delete"}, permission.codename
