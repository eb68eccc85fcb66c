"""Images uploaded through the admin: checked by content, re-encoded, with alt text."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from communities.models import ActivitySite
from projects.models import Project
from tests.communities.factories import make_full_area
from tests.projects.factories import make_project
from tests.web.adminforms import as_post_data, form_fields
from tests.web.test_images import photo_with_gps_exif

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post_change_form(client, url, change, files=None):
    data = as_post_data(form_fields(client.get(url).content.decode()))
    change(data)
    data.update(files or {})
    return client.post(url, data)


def project_url(project):
    return f"/admin/projects/project/{project.pk}/change/"


def test_svg_uploaded_as_a_project_photo_is_refused(admin_client):
    project = make_project()
    svg = SimpleUploadedFile(
        "zdjecie.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )

    def change(data):
        data["image_alt"] = ["Logo"]

    response = post_change_form(admin_client, project_url(project), change, {"image": svg})
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not Project.objects.get(pk=project.pk).image


def test_project_photo_is_stored_re_encoded_without_exif_under_a_random_name(admin_client, _media):
    project = make_project()
    photo = SimpleUploadedFile("Jan Kowalski w domu.jpg", photo_with_gps_exif())

    def change(data):
        data["image_alt"] = ["Uczestnicy warsztatów przy stole"]

    response = post_change_form(admin_client, project_url(project), change, {"image": photo})
    assert response.status_code == 302, response.content.decode()[:2000]
    stored = Project.objects.get(pk=project.pk).image
    assert stored.name.startswith("projekty/")
    assert "Kowalski" not in stored.name
    assert not Image.open(_media / stored.name).getexif()


def test_project_photo_without_alt_text_is_refused(admin_client):
    project = make_project()
    output = io.BytesIO()
    Image.new("RGB", (20, 20)).save(output, format="PNG")
    photo = SimpleUploadedFile("a.png", output.getvalue())

    def change(data):
        data["image_alt"] = [""]

    response = post_change_form(admin_client, project_url(project), change, {"image": photo})
    assert response.status_code == 200
    assert not Project.objects.get(pk=project.pk).image


def test_activity_site_history_shows_old_and_new_address_and_hours(admin_client):
    area = make_full_area()
    site = ActivitySite.objects.filter(area=area).first()
    old_street = site.street_address
    monday = site.hours.order_by("weekday", "opens").first()
    url = f"/admin/communities/activitysite/{site.pk}/change/"

    def change(data):
        data["street_address"] = ["ul. Zmieniona 7"]
        for key in list(data):
            if key.startswith("hours-") and key.endswith("-id") and data[key] == [str(monday.pk)]:
                data[key.replace("-id", "-opens")] = ["07:30"]

    response = post_change_form(admin_client, url, change)
    assert response.status_code == 302, response.content.decode()[:3000]
    history = admin_client.get(f"/admin/communities/activitysite/{site.pk}/history/")
    text = history.content.decode()
    assert f"„{old_street}” → „ul. Zmieniona 7”" in text
    # Hours read as people write them, not "07:30".
    assert f"„{monday.opens.hour}:{monday.opens.minute:02d}” → „7:30”" in text
