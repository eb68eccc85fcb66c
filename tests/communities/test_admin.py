import datetime as dt

import pytest

from communities.models import CommunityArea, Event, Organiser, SiteHours
from tests.communities.factories import make_area, make_event, make_full_area, make_site

pytestmark = pytest.mark.django_db


def _inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/admin/communities/",
        "/admin/communities/communityarea/",
        "/admin/communities/communityarea/add/",
        "/admin/communities/activitysite/",
        "/admin/communities/activitysite/add/",
        "/admin/communities/organiser/",
        "/admin/communities/organiser/add/",
        "/admin/communities/event/",
        "/admin/communities/event/add/",
        "/admin/communities/event/?area__id__exact=1&publikacja=published",
        "/admin/communities/event/?starts_at__year=2026",
    ],
)
def test_admin_pages_render(admin_client, path):
    make_full_area()
    assert admin_client.get(path).status_code == 200


def test_area_change_page_has_inlines_for_streets_sites_initiatives_and_specialists(admin_client):
    area = make_full_area()
    html = admin_client.get(f"/admin/communities/communityarea/{area.pk}/change/").content.decode()
    for prefix in ["streets", "sites", "initiatives", "specialists"]:
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert "admin-autocomplete" in html  # organisers


def test_area_is_saved_with_a_new_street_whose_key_is_computed(admin_client):
    organiser = Organiser.objects.create(name="Ewa Testowa")
    data = {
        "name": "Osiedle Fabryczne",
        "slug": "osiedle-fabryczne",
        "city": "Stalowa Wola",
        "summary": "",
        "description": "",
        "published_at_0": "2026-06-01",
        "published_at_1": "8:00",
        "organisers": [organiser.pk],
        "since_year": "",
        "social_url": "",
        "social_label": "",
        "order": "0",
        **_inline_management("streets", total=1),
        "streets-0-name": "Podleśna",
        "streets-0-number_from": "2",
        "streets-0-number_to": "2",
        "streets-0-side": "all",
        **_inline_management("sites"),
        **_inline_management("initiatives"),
        **_inline_management("specialists"),
        **_inline_management("documents"),
    }
    response = admin_client.post("/admin/communities/communityarea/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    area = CommunityArea.objects.get(slug="osiedle-fabryczne")
    assert list(area.streets.values_list("key", flat=True)) == ["podlesna"]
    assert list(area.organisers.all()) == [organiser]


def test_site_hours_are_edited_on_the_site_page(admin_client):
    site = make_site(make_area(), hours=False)
    data = {
        "area": site.area_id,
        "name": site.name,
        "order": "0",
        "street_address": site.street_address,
        "postal_code": site.postal_code,
        "city": site.city,
        "phone": "",
        "latitude": "50.5",
        "longitude": "22.0",
        "accessibility_notes": "",
        "step_free_entry": "on",
        **_inline_management("hours", total=1),
        "hours-0-weekday": "2",
        "hours-0-opens": "15:00",
        "hours-0-closes": "19:00",
        **_inline_management("special_days"),
    }
    response = admin_client.post(f"/admin/communities/activitysite/{site.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert SiteHours.objects.get(site=site).opens == dt.time(15)


def test_event_ending_before_it_starts_is_refused_with_a_polish_message(admin_client):
    area = make_area()
    data = {
        "area": area.pk,
        "title": "Festyn",
        "slug": "festyn",
        "published_at_0": "2026-06-01",
        "published_at_1": "8:00",
        "starts_at_0": "2026-06-01",
        "starts_at_1": "17:00",
        "ends_at_0": "2026-06-01",
        "ends_at_1": "16:00",
        "site": "",
        "place": "boisko",
        "description": "",
    }
    response = admin_client.post("/admin/communities/event/add/", data)
    assert response.status_code == 200
    assert "Koniec wydarzenia nie może być wcześniej niż początek." in response.content.decode()
    assert not Event.objects.exists()
    data["ends_at_1"] = "19:00"
    assert admin_client.post("/admin/communities/event/add/", data).status_code == 302
    assert Event.objects.get().ends_at.hour == 17  # 19:00 CEST in UTC


def test_organiser_autocomplete_answers_the_area_form(admin_client):
    Organiser.objects.create(name="Ewa Sowińska")
    Organiser.objects.create(name="Paweł Krukowski")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "sowi",
            "app_label": "communities",
            "model_name": "communityarea",
            "field_name": "organisers",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Ewa Sowińska"]


def test_event_changelist_is_constant_in_queries(admin_client, django_assert_max_num_queries):
    area = make_area()
    for _ in range(30):
        make_event(area, site=make_site(area, hours=False))
    with django_assert_max_num_queries(12):
        admin_client.get("/admin/communities/event/")
