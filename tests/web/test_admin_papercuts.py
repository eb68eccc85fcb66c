"""Small things an editor trips over in the admin: links that lead nowhere useful,
a delete button next to a choice, wording that does not read as Polish prose."""

import pytest
from django.urls import reverse

from tests.communities.factories import make_area, make_event, make_site
from tests.projects.factories import add_goal, make_partner, make_project
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db


def test_inline_rows_have_no_view_on_site_link_only_the_record_has_one(client):
    log_in_editor(client)
    project = make_project("Szansa dla Ciebie", partners=[make_partner(), make_partner()])
    add_goal(project, "Aktywizacja seniorów.")
    add_goal(project, "Wsparcie rodzin.", order=1)
    page = client.get(reverse("admin:projects_project_change", args=[project.pk]))
    html = page.content.decode()
    assert html.count("Pokaż na stronie") == 1


def test_a_chosen_record_has_no_delete_link_beside_it(admin_client):
    area = make_area()
    event = make_event(area, site=make_site(area))
    html = admin_client.get(
        reverse("admin:communities_event_change", args=[event.pk])
    ).content.decode()
    assert 'id="change_id_area"' in html  # the pencil stays
    assert "delete-related" not in html
