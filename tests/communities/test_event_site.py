"""An event's activity site belongs to the event's area; a place elsewhere is free text."""

import pytest
from django.core.exceptions import ValidationError

from communities.models import Event
from tests.communities.factories import make_area, make_event, make_site
from tests.publication import log_in_editor

pytestmark = pytest.mark.django_db

REFUSAL = (
    "To miejsce należy do obszaru Gutwin (Ostrowiec Świętokrzyski), a wydarzenie — do "
    "obszaru Osiedle Fabryczne (Stalowa Wola). Wybierz miejsce tego obszaru albo wpisz "
    "inne miejsce."
)


@pytest.fixture
def areas():
    fabryczne = make_area(name="Osiedle Fabryczne", city="Stalowa Wola")
    gutwin = make_area(name="Gutwin", city="Ostrowiec Świętokrzyski")
    return fabryczne, gutwin


def test_a_site_of_another_area_is_refused_naming_both_areas(areas):
    fabryczne, gutwin = areas
    event = make_event(fabryczne, place="świetlica")
    event.site = make_site(gutwin, name="MAL Gutwin")
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert refused.value.message_dict == {"site": [REFUSAL]}


def test_a_site_of_the_area_or_a_free_text_place_is_accepted(areas):
    fabryczne, _ = areas
    make_event(fabryczne, site=make_site(fabryczne)).full_clean()
    make_event(fabryczne, place="boisko przy ul. Podleśnej").full_clean()


def event_form(area, site, **overrides):
    return {
        "area": area.pk,
        "title": "Festyn",
        "slug": "festyn",
        "starts_at_0": "2026-12-05",
        "starts_at_1": "15:00",
        "ends_at_0": "2026-12-05",
        "ends_at_1": "18:00",
        "site": site.pk,
        "place": "",
        "description": "",
        **overrides,
    }


def test_the_admin_refuses_the_site_of_another_area_as_a_form_error(client, areas):
    fabryczne, gutwin = areas
    editor = log_in_editor(client)
    response = editor.post(
        "/admin/communities/event/add/", event_form(fabryczne, make_site(gutwin))
    )
    assert response.status_code == 200
    assert REFUSAL in response.text
    assert not Event.objects.exists()


def test_editing_an_event_offers_only_the_sites_of_its_area(client, areas):
    fabryczne, gutwin = areas
    own = make_site(fabryczne, name="MAL Fabryczna")
    make_site(gutwin, name="MAL Gutwin")
    event = make_event(fabryczne, site=own)
    editor = log_in_editor(client)
    form = editor.get(f"/admin/communities/event/{event.pk}/change/").context["adminform"].form
    assert list(form.fields["site"].queryset) == [own]
