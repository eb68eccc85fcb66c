"""Every public page and admin change list runs as many queries with 300 more of everything."""

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages import public_pages

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"centre", "projects", "communities", "survey", "news", "aid"}


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code < 500, path
    return len(queries)


def changelists():
    return [
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for model in admin.site._registry
        if model._meta.app_label in CONTENT_APPS
    ]


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_query_counts_do_not_grow_with_content(client, admin_client, uncached):
    call_command("load_demo", stdout=io.StringIO())
    pages = public_pages()
    small = {path: count_queries(client, path) for path in pages}
    small_admin = {path: count_queries(admin_client, path) for path in changelists()}

    call_command("load_demo", "--scale", "300", stdout=io.StringIO())
    large = {path: count_queries(client, path) for path in pages}
    large_admin = {path: count_queries(admin_client, path) for path in changelists()}

    assert large == small
    assert large_admin == small_admin
    assert len(small_admin) >= 10


def test_every_public_page_is_served_from_the_cache_without_queries(client):
    call_command("load_demo", stdout=io.StringIO())
    not_cached = {}
    private = set()
    for path in public_pages():
        response = client.get(path)
        cache_control = response.get("Cache-Control", "")
        # Pages that must not be kept (the income check's answer, pages about
        # violence at home) say no-store and are rendered every time.
        if response.status_code != 200 or "no-store" in cache_control:
            continue
        if "private" in cache_control:
            private.add(path.split("?", 1)[0])
            continue
        queries = count_queries(client, path)
        if queries:
            not_cached[path] = queries
    assert not_cached == {}
    # Searches are rendered for each visitor, so that every one is counted for
    # the editors' report (core.search_log); no other page is.
    assert private == {"/szukaj/"}
