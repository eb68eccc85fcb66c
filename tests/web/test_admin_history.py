"""The admin's history of the centre shows what addresses, phones and hours were before."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry

from centre.models import CentreHours, CentrePhone
from tests.web.adminforms import as_post_data, form_fields

pytestmark = pytest.mark.django_db


def post_centre_form(client, centre, change):
    url = f"/admin/centre/centre/{centre.pk}/change/"
    fields = form_fields(client.get(url).content.decode())
    data = as_post_data(fields)
    change(data)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(f"/admin/centre/centre/{centre.pk}/history/").content.decode()


def test_history_shows_the_old_and_new_street_address(admin_client, centre):
    old_street = centre.street_address

    def change(data):
        data["street_address"] = ["ul. Nowa 5"]

    history = post_centre_form(admin_client, centre, change)
    assert f"„{old_street}” → „ul. Nowa 5”" in history


def test_history_shows_changed_hours_and_phones_with_their_old_values(admin_client, centre):
    CentrePhone.objects.create(centre=centre, label="Sekretariat", number="15 000 20 01", order=0)
    monday = CentreHours.objects.filter(centre=centre, weekday=0).first()
    assert monday is not None

    def change(data):
        for key in list(data):
            if (
                key.startswith("phones-")
                and key.endswith("-number")
                and data[key] == ["15 000 20 01"]
            ):
                data[key] = ["15 000 20 99"]
            if key.startswith("hours-") and key.endswith("-id") and data[key] == [str(monday.pk)]:
                data[key.replace("-id", "-closes")] = ["15:00"]

    history = post_centre_form(admin_client, centre, change)
    assert "„15 000 20 01” → „15 000 20 99”" in history
    closes = monday.closes.strftime("%H:%M")
    assert f"„{closes}” → „15:00”" in history
    assert CentreHours.objects.get(pk=monday.pk).closes == datetime.time(15, 0)


def test_history_names_deleted_hours(admin_client, centre):
    monday = CentreHours.objects.filter(centre=centre, weekday=0).first()

    def change(data):
        for key in list(data):
            if key.startswith("hours-") and key.endswith("-id") and data[key] == [str(monday.pk)]:
                data[key.replace("-id", "-DELETE")] = ["on"]

    history = post_centre_form(admin_client, centre, change)
    assert f"Usunięto {CentreHours._meta.verbose_name} „{monday}”" in history
    entry = LogEntry.objects.get()
    assert entry.get_change_message().startswith("Usunięto")


def test_history_names_changed_fields_in_lower_case_inside_the_sentence(admin_client, centre):
    CentrePhone.objects.create(centre=centre, label="Sekretariat", number="15 000 20 01", order=0)

    def change(data):
        for key in list(data):
            if key.endswith("-number") and data[key] == ["15 000 20 01"]:
                data[key] = ["15 000 20 99"]

    history = post_centre_form(admin_client, centre, change)
    assert "numer: „15 000 20 01” → „15 000 20 99”." in history
    assert "Numer:" not in history
