"""Versions, restore and recovery of public content in the admin (django-reversion)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from communities.models import ActivitySite, CommunityArea, Event, Organiser, SiteHours
from opsportal.management.commands.setup_roles import EDITORS_GROUP
from projects.models import Partner, Project, TargetGroup
from tests.communities.factories import make_full_area
from tests.projects.factories import add_goal, make_group, make_partner, make_project
from tests.web.adminforms import as_post_data, form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    call_command("setup_roles", stdout=None)
    user = get_user_model().objects.create_user(
        "redaktorka", first_name="Anna", last_name="Nowak", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def submit(client, url, **changes):
    """Open an admin form, change some fields and post it back as a browser would."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = as_post_data(form_fields(page.content.decode()))
    for name, value in changes.items():
        data[name] = [value]
    return client.post(url, data)


def test_restoring_an_earlier_project_version_shows_on_the_public_page_at_once(
    client, editor_client, centre
):
    project = make_project(lead="Zajęcia dla seniorów we wtorki.")
    add_goal(project, "Mniej samotności", order=1)
    call_command("createinitialrevisions", "projects.Project", stdout=None)
    public_url = reverse("projects:detail", args=[project.slug])
    assert "Zajęcia dla seniorów we wtorki." in client.get(public_url).text

    change_url = reverse("admin:projects_project_change", args=[project.pk])
    response = submit(
        editor_client,
        change_url,
        lead="Zajęcia dla seniorów w czwartki.",
        **{"goals-0-text": "Więcej spotkań"},
    )
    assert response.status_code == 302
    assert "Zajęcia dla seniorów w czwartki." in client.get(public_url).text

    history = editor_client.get(reverse("admin:projects_project_history", args=[project.pk])).text
    assert "Przywróć tę wersję" in history
    assert "Porównaj z poprzednią" in history
    assert "Anna Nowak" in history

    earlier, later = Version.objects.get_for_object(project).order_by("pk")
    comparison = editor_client.get(
        reverse("admin:projects_project_compare", args=[project.pk, later.pk])
    ).text
    assert "Zajęcia dla seniorów we wtorki." in comparison
    assert "Zajęcia dla seniorów w czwartki." in comparison
    assert "Mniej samotności" in comparison
    assert "Więcej spotkań" in comparison

    restore_url = reverse("admin:projects_project_revision", args=[project.pk, earlier.pk])
    assert submit(editor_client, restore_url).status_code == 302

    page = client.get(public_url).text
    assert "Zajęcia dla seniorów we wtorki." in page
    assert "Zajęcia dla seniorów w czwartki." not in page
    assert list(project.goals.values_list("text", flat=True)) == ["Mniej samotności"]


def test_deleted_area_is_recovered_with_its_sites_hours_and_events(editor_client):
    area = make_full_area()
    counts = {
        "sites": ActivitySite.objects.filter(area=area).count(),
        "hours": SiteHours.objects.filter(site__area=area).count(),
        "events": Event.objects.filter(area=area).count(),
    }
    assert counts["sites"] and counts["hours"] and counts["events"]
    organisers = Organiser.objects.count()

    delete_url = reverse("admin:communities_communityarea_delete", args=[area.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not CommunityArea.objects.filter(pk=area.pk).exists()
    assert not Event.objects.filter(area_id=area.pk).exists()
    # Organisers are shared by areas: never deleted with one.
    assert Organiser.objects.count() == organisers

    recover_list = editor_client.get(reverse("admin:communities_communityarea_recoverlist")).text
    assert area.name in recover_list
    deleted = Version.objects.get_deleted(CommunityArea).get()
    recover_url = reverse("admin:communities_communityarea_recover", args=[deleted.pk])
    assert submit(editor_client, recover_url).status_code == 302

    area = CommunityArea.objects.get(pk=area.pk)
    assert ActivitySite.objects.filter(area=area).count() == counts["sites"]
    assert SiteHours.objects.filter(site__area=area).count() == counts["hours"]
    assert Event.objects.filter(area=area).count() == counts["events"]
    assert area.organisers.count() == 1


def test_deleting_a_project_keeps_its_shared_partners_and_target_groups(editor_client):
    partner, group = make_partner("Fundacja Razem"), make_group("Seniorzy")
    project = make_project(partners=[partner], groups=[group])
    delete_url = reverse("admin:projects_project_delete", args=[project.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert TargetGroup.objects.filter(pk=group.pk).exists()
    assert Version.objects.get_deleted(Project).count() == 1


def test_user_accounts_are_deactivated_not_deleted_and_their_edits_stay_in_history(
    admin_client, editor_client, editor
):
    project = make_project(lead="Pierwszy opis.")
    change_url = reverse("admin:projects_project_change", args=[project.pk])
    assert submit(editor_client, change_url, lead="Drugi opis.").status_code == 302

    assert admin_client.get(reverse("admin:auth_user_delete", args=[editor.pk])).status_code == 403
    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate_accounts", "_selected_action": [editor.pk]},
        follow=True,
    )
    assert "Dezaktywowane konta: 1." in response.text
    editor.refresh_from_db()
    assert not editor.is_active

    assert LogEntry.objects.filter(user=editor, object_id=str(project.pk)).exists()
    assert Version.objects.get_for_object(project).filter(revision__user=editor).exists()
    history = admin_client.get(reverse("admin:projects_project_history", args=[project.pk])).text
    assert "Anna Nowak" in history
    assert "konto nieaktywne" in history


def test_editors_have_the_recover_list_of_every_versioned_content_type(editor_client):
    for name in [
        "projects_project",
        "communities_communityarea",
        "communities_event",
        "news_newsitem",
    ]:
        response = editor_client.get(reverse(f"admin:{name}_recoverlist"))
        assert response.status_code == 200, name
        assert "Nie ma usuniętych wpisów do odzyskania." in response.text


def test_deleting_an_area_says_what_goes_with_it_and_that_organisers_stay(editor_client):
    area = make_full_area()
    page = editor_client.get(reverse("admin:communities_communityarea_delete", args=[area.pk])).text
    assert f"Razem z „{area}” zostanie usunięte wszystko, co wymieniono poniżej." in page
    assert "organizatorzy (1)" in page
    assert "Odzyskaj usunięte: obszary OSL" in page
    assert "Wydarzenie:" in page
    # The rows that only link the area to shared organisers are not listed.
    assert "object (" not in page


def test_project_history_records_old_and_new_target_groups(editor_client):
    seniors, youth = make_group("Seniorzy"), make_group("Młodzież")
    project = make_project(groups=[seniors])
    change_url = reverse("admin:projects_project_change", args=[project.pk])
    assert submit(editor_client, change_url, target_groups=str(youth.pk)).status_code == 302
    entry = LogEntry.objects.filter(object_id=str(project.pk)).latest("action_time")
    assert "„Seniorzy” → „Młodzież”" in entry.get_change_message()
    assert Version.objects.get_for_object(project).first().revision.get_comment() == (
        entry.get_change_message()
    )
