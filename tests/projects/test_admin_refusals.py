"""A partner used by projects cannot be deleted: the page says which projects, with links,
and what to do instead."""

import pytest
from django.urls import reverse

from projects.models import Partner
from tests.projects.factories import make_partner, make_project
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db


def test_a_partner_in_use_names_its_projects_with_links_and_what_to_do(client):
    log_in_editor(client)
    partner = make_partner("Stowarzyszenie Razem")
    first = make_project("Szansa dla Ciebie", partners=[partner])
    second = make_project("Aktywni razem", partners=[partner])
    make_project("Inny projekt")
    url = reverse("admin:projects_partner_delete", args=[partner.pk])
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert page.context["title"] == "Nie można usunąć organizacji partnerskiej"
    for project in (first, second):
        link = reverse("admin:projects_project_change", args=[project.pk])
        assert f'<a href="{link}">{project.title}</a>' in text
    assert text.count("Szansa dla Ciebie") == 1
    assert "Inny projekt" not in text
    assert "Partnerzy projektu" in text and "zaznacz „Usunąć?”" in text
    assert reverse("admin:projects_partner_changelist") in text
    # Posting anyway changes nothing.
    client.post(url, {"post": "yes"})
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_deleting_partners_in_bulk_names_the_projects_that_use_them(client):
    log_in_editor(client)
    used = make_partner("Stowarzyszenie Razem")
    unused = make_partner("Fundacja Nowa")
    project = make_project("Szansa dla Ciebie", partners=[used])
    page = client.post(
        reverse("admin:projects_partner_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk]},
    )
    text = page.content.decode()
    assert "Zaznaczonych wpisów (2 organizacje partnerskie) nie można usunąć" in text
    link = reverse("admin:projects_project_change", args=[project.pk])
    assert f'Projekt socjalny: <a href="{link}">Szansa dla Ciebie</a>' in text
    assert Partner.objects.count() == 2
