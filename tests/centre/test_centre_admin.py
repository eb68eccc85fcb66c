import pytest
from django.db import IntegrityError, transaction

from centre.models import Centre

CENTRE_FIELDS = {
    "name": "MOPS w Testowie",
    "short_name": "MOPS",
    "intro": "Pomagamy.",
    "street_address": "ul. Nowa 2",
    "postal_code": "00-002",
    "city": "Testów",
    "email": "mops@mops.example",
    "epuap_box": "",
    "bip_url": "https://bip.mops.example/",
    "iod_name": "",
    "iod_email": "iod@mops.example",
    "iod_phone": "",
    "latitude": "",
    "longitude": "",
}


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def centre_post(**extra):
    data = dict(CENTRE_FIELDS)
    data.update(management("phones", 1))
    data.update({"phones-0-label": "Sekretariat", "phones-0-number": "22 000 00 01"})
    data.update({"phones-0-order": "0"})
    data.update(management("hours", 2))
    data.update({"hours-0-weekday": "0", "hours-0-opens": "8:00", "hours-0-closes": "12:00"})
    data.update({"hours-1-weekday": "0", "hours-1-opens": "13:00", "hours-1-closes": "16:00"})
    data.update(management("special_days", 1))
    data.update(management("documents", 0))
    data.update(
        {
            "special_days-0-date": "2026-12-24",
            "special_days-0-opens": "",
            "special_days-0-closes": "",
            "special_days-0-reason": "Wigilia — nieczynne",
        }
    )
    data.update(extra)
    return data


@pytest.mark.django_db
def test_caseworker_creates_the_centre_with_two_ranges_a_day_and_a_closure(admin_client):
    response = admin_client.post("/admin/centre/centre/add/", centre_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    centre = Centre.load()
    assert [str(h) for h in centre.hours.all()] == [
        "poniedziałek 8:00–12:00",
        "poniedziałek 13:00–16:00",
    ]
    assert centre.special_days.get().reason == "Wigilia — nieczynne"


@pytest.mark.django_db
def test_admin_refuses_hours_that_close_before_they_open(admin_client):
    data = centre_post(**{"hours-1-opens": "17:00"})
    response = admin_client.post("/admin/centre/centre/add/", data)
    assert response.status_code == 200
    assert "Godzina otwarcia musi być wcześniejsza niż zamknięcia." in response.content.decode()
    assert not Centre.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_special_day_with_one_hour_only(admin_client):
    data = centre_post(**{"special_days-0-opens": "9:00"})
    response = admin_client.post("/admin/centre/centre/add/", data)
    assert response.status_code == 200
    assert "Podaj obie godziny" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("latitude", "longitude"), [("50.1", ""), ("", "21.3"), ("91", "21.3"), ("50.1", "181")]
)
def test_admin_refuses_coordinates_without_their_pair_or_out_of_range(
    admin_client, latitude, longitude
):
    data = centre_post(latitude=latitude, longitude=longitude)
    response = admin_client.post("/admin/centre/centre/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Podaj obie współrzędne" in html
    assert not Centre.objects.exists()


@pytest.mark.django_db
def test_admin_saves_both_coordinates_and_the_map_link_uses_them(admin_client):
    data = centre_post(latitude="50.866", longitude="20.628")
    response = admin_client.post("/admin/centre/centre/add/", data)
    assert response.status_code == 302
    assert "mlat=50.866000&mlon=20.628000" in Centre.load().map_url


@pytest.mark.django_db
@pytest.mark.parametrize(("latitude", "longitude"), [(50, None), (None, 20)])
def test_the_database_refuses_a_centre_with_one_coordinate(centre, latitude, longitude):
    with pytest.raises(IntegrityError), transaction.atomic():
        Centre.objects.filter(pk=centre.pk).update(latitude=latitude, longitude=longitude)


@pytest.mark.django_db
def test_admin_cannot_add_a_second_centre_or_delete_the_first(admin_client, centre):
    assert admin_client.get("/admin/centre/centre/add/").status_code == 403
    assert admin_client.post("/admin/centre/centre/add/", centre_post()).status_code == 403
    delete_url = f"/admin/centre/centre/{centre.pk}/delete/"
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert Centre.objects.count() == 1


@pytest.mark.django_db
def test_centre_list_opens_the_single_record(admin_client, centre):
    response = admin_client.get("/admin/centre/centre/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/centre/centre/{centre.pk}/change/"
    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    assert "Godziny pracy ośrodka" in page.content.decode()


@pytest.mark.django_db
def test_admin_speaks_polish(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert '<html lang="pl"' in html
    assert "Wyloguj" in html
