"""The last review of public content (core.review): set by every save, listed when a year old."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import RequestFactory
from django.urls import reverse

from core.review import Reviewed, months_before, stale
from news.models import NewsItem
from tests.core.test_versions import submit
from tests.news.factories import make_news

WARSAW = ZoneInfo("Europe/Warsaw")

# Everything residents read on the site's own pages.
PUBLIC_CONTENT = [
    "centre.Centre",
    "centre.AccessibilityStatement",
    "centre.PublicInformation",
    "centre.Unit",
    "projects.Project",
    "communities.CommunityArea",
    "communities.ActivitySite",
    "communities.Event",
    "survey.Poll",
    "news.NewsItem",
    "aid.Category",
    "aid.FormOfHelp",
]


def at(*args):
    return dt.datetime(*args, tzinfo=WARSAW)


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (at(2026, 11, 30, 12), 12, at(2025, 11, 30, 12)),
        (at(2026, 3, 31, 9), 1, at(2026, 2, 28, 9)),
        (at(2028, 2, 29, 8), 12, at(2027, 2, 28, 8)),
        (at(2026, 1, 15, 8), 13, at(2024, 12, 15, 8)),
    ],
)
def test_months_are_counted_on_the_calendar(moment, months, expected):
    assert months_before(moment, months) == expected


@pytest.mark.parametrize("label", PUBLIC_CONTENT)
def test_every_public_content_model_records_its_last_review(label):
    model = apps.get_model(label)
    assert issubclass(model, Reviewed)
    assert model._meta.get_field("reviewed_at").verbose_name == "ostatni przegląd"


@pytest.mark.django_db
def test_every_save_is_a_review_and_bulk_inserts_get_one_too(clock):
    item = make_news("Zmiana godzin")
    assert item.reviewed_at == clock.now
    clock.now += dt.timedelta(days=400)
    item.save()
    item.refresh_from_db()
    assert item.reviewed_at == clock.now
    NewsItem.objects.bulk_create([NewsItem(title="Masowo", slug="masowo", lead="Zajawka.")])
    assert NewsItem.objects.get(slug="masowo").reviewed_at == clock.now


@pytest.mark.django_db
def test_stale_lists_rows_not_reviewed_for_twelve_months_oldest_first(clock):
    now = clock.now
    for slug, reviewed in [
        ("rok-i-dzien", now - dt.timedelta(days=366)),
        ("dwa-lata", now - dt.timedelta(days=730)),
        # Exactly twelve months ago is still within the year.
        ("rowno-rok", months_before(now, 12)),
        ("wczoraj", now - dt.timedelta(days=1)),
    ]:
        make_news(slug=slug)
        # update() bypasses auto_now: the way to put a review in the past.
        NewsItem.objects.filter(slug=slug).update(reviewed_at=reviewed)

    found = [item.slug for item in stale(NewsItem.objects.all(), now)]
    assert found == ["dwa-lata", "rok-i-dzien"]
    assert [i.slug for i in stale(NewsItem.objects.all(), now, months=1)] == [
        "dwa-lata",
        "rok-i-dzien",
        "rowno-rok",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("label", PUBLIC_CONTENT)
def test_every_reviewed_models_admin_shows_the_review_read_only_at_the_bottom(label, admin_user):
    model = apps.get_model(label)
    model_admin = admin.site.get_model_admin(model)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    fieldsets = model_admin.get_fieldsets(request, model())
    assert fieldsets[-1][0] == "Przegląd treści"
    assert fieldsets[-1][1]["fields"] == ["reviewed_at"]
    assert all("reviewed_at" not in options["fields"] for _name, options in fieldsets[:-1])
    assert "reviewed_at" in model_admin.get_readonly_fields(request, model())
    # Not on the form to add a record: it has no review yet.
    assert all("reviewed_at" not in o["fields"] for _n, o in model_admin.get_fieldsets(request))


@pytest.mark.django_db
def test_admins_of_other_models_are_left_as_they_are(admin_user):
    model_admin = admin.site.get_model_admin(apps.get_model("projects.Partner"))
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    assert "reviewed_at" not in model_admin.get_readonly_fields(request)
    assert len(model_admin.get_fieldsets(request, model_admin.model())) == 1


@pytest.mark.django_db
def test_an_editor_reads_the_last_review_and_saving_unchanged_renews_it(admin_client, clock):
    item = make_news("Punkt ogrzewania")
    NewsItem.objects.filter(pk=item.pk).update(reviewed_at=clock.now - dt.timedelta(days=500))
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    html = admin_client.get(url).content.decode()
    assert "Przegląd treści" in html
    assert 'name="reviewed_at"' not in html

    response = submit(admin_client, url)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.reviewed_at == clock.now
    assert not stale(NewsItem.objects.all(), clock.now).exists()


@pytest.mark.django_db(transaction=True)
def test_rows_existing_before_the_migration_count_as_reviewed_when_it_runs():
    before = [("news", "0002_documents")]
    after = [("news", "0003_reviewed_at")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldItem = old_apps.get_model("news", "NewsItem")
    OldItem.objects.create(title="Stara", slug="stara", lead="Zajawka.")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps
    row = new_apps.get_model("news", "NewsItem").objects.get(slug="stara")
    assert row.reviewed_at is not None
    assert dt.datetime.now(dt.UTC) - row.reviewed_at < dt.timedelta(minutes=5)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
