"""Refusals inside the admin say what is refused, why, and where to go next."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.survey.factories import make_poll
from tests.web.editors import log_in_editor
from web.errors import permission_denied

pytestmark = pytest.mark.django_db


def test_a_refused_admin_page_stays_in_the_admin_with_a_reason_and_a_way_back(client):
    log_in_editor(client)
    response = client.get(
        reverse("admin:auth_user_changelist"), HTTP_REFERER="http://testserver/admin/"
    )
    assert response.status_code == 403
    text = response.content.decode()
    assert "Portal ośrodka — administracja" in text  # the admin's header, not the site's
    assert "Nie możesz przeglądać tych wpisów: użytkownicy." in text
    assert "nie ma takiego uprawnienia" in text
    assert f'<a href="{reverse("admin:index")}">Strona główna administracji</a>' in text
    assert '<a href="http://testserver/admin/">Wróć do poprzedniej strony</a>' in text
    assert "Nie możesz otworzyć tej strony." not in text


def test_a_refused_deletion_offers_the_list_the_editor_may_open(client):
    user = log_in_editor(client)
    assert not user.has_perm("survey.delete_poll")
    poll = make_poll()
    response = client.get(reverse("admin:survey_poll_delete", args=[poll.pk]))
    assert response.status_code == 403
    text = response.content.decode()
    assert "Nie możesz usuwać tych wpisów: ankiety." in text
    assert f'<a href="{reverse("admin:survey_poll_changelist")}">Wróć do listy: ankiety</a>' in text


def test_a_foreign_referer_is_not_offered_as_the_way_back(client):
    log_in_editor(client)
    response = client.get(
        reverse("admin:auth_group_changelist"), HTTP_REFERER="https://example.com/phish"
    )
    assert response.status_code == 403
    assert "example.com" not in response.content.decode()


def test_the_public_site_keeps_its_own_403_page(rf):
    request = rf.get("/projekty/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "Nie możesz otworzyć tej strony." in response.content.decode()
