"""Writes that send no model signal make cached pages stale too (web.signals).

QuerySet.update(), bulk_create() and bulk_update() skip save() and its
signals; an admin action that publishes the selected rows is one of them. The
page cache watches the statements written to content tables instead.
"""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from centre.models import CentrePhone
from projects.models import Project
from tests.projects.factories import make_group, make_project
from web import pagecache

pytestmark = pytest.mark.django_db


def cached(client, path):
    """The page at ``path``, after making sure the cache holds it."""
    client.get(path)
    response = client.get(path)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_queryset_update_makes_cached_pages_stale(client):
    project = make_project("Bezpieczny rejon", slug="bezpieczny-rejon")
    assert "Bezpieczny rejon" in cached(client, "/projekty/")
    Project.objects.filter(pk=project.pk).update(title="Bezpieczne osiedle")
    page = client.get("/projekty/").content.decode()
    assert "Bezpieczne osiedle" in page
    assert "Bezpieczny rejon" not in page


def test_unpublishing_with_update_hides_the_page_at_once(client):
    make_project("Bezpieczny rejon", slug="bezpieczny-rejon")
    cached(client, "/projekty/bezpieczny-rejon/")
    Project.objects.filter(slug="bezpieczny-rejon").update(published_at=None)
    assert client.get("/projekty/bezpieczny-rejon/").status_code == 404


def test_bulk_create_and_bulk_update_make_cached_pages_stale(client, centre):
    assert "22 777 77 77" not in cached(client, "/kontakt/")
    CentrePhone.objects.bulk_create(
        [CentrePhone(centre=centre, label="Kasa", number="22 777 77 77")]
    )
    assert "22 777 77 77" in cached(client, "/kontakt/")
    phone = CentrePhone.objects.get(number="22 777 77 77")
    phone.number = "22 888 88 88"
    CentrePhone.objects.bulk_update([phone], ["number"])
    assert "22 888 88 88" in client.get("/kontakt/").content.decode()


def test_a_many_to_many_change_and_raw_sql_make_cached_pages_stale(client):
    project = make_project("Bezpieczny rejon", slug="bezpieczny-rejon")
    group = make_group("Seniorzy", slug="seniorzy")
    assert "Bezpieczny rejon" not in cached(client, "/projekty/?grupa=seniorzy")
    project.target_groups.add(group)
    assert "Bezpieczny rejon" in cached(client, "/projekty/?grupa=seniorzy")
    assert Project._meta.db_table == "projects_project"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE projects_project SET title = %s WHERE id = %s", ["Nowy tytuł", project.pk]
        )
    assert "Nowy tytuł" in client.get("/projekty/?grupa=seniorzy").content.decode()


def test_writes_to_tables_no_page_shows_leave_the_cache_alone(client, centre):
    before = pagecache.versions(pagecache.tags())
    session = SessionStore()
    session["x"] = 1
    session.save()
    assert pagecache.versions(pagecache.tags()) == before
