"""The anonymous page cache: hits skip the database, edits show at once, nothing personal leaks."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from centre.models import CentrePhone
from tests.pages import csrf_token
from tests.projects.factories import make_project
from tests.survey.factories import make_poll

WARSAW = ZoneInfo("Europe/Warsaw")
pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_without_touching_the_database(
    client, centre, django_assert_num_queries
):
    first = client.get("/kontakt/")
    assert "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = client.get("/kontakt/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_saved_phone_number_shows_at_once(client, centre):
    assert "22 000 00 01" in client.get("/kontakt/").content.decode()
    phone = CentrePhone.objects.get()
    phone.number = "22 999 99 99"
    phone.save()
    html = client.get("/kontakt/").content.decode()
    assert "22 999 99 99" in html
    assert "22 000 00 01" not in html


def test_a_deleted_project_is_gone_at_once(client):
    project = make_project("Bezpieczny rejon", slug="bezpieczny-rejon")
    assert client.get("/projekty/bezpieczny-rejon/").status_code == 200
    assert "Bezpieczny rejon" in client.get("/projekty/").content.decode()
    project.delete()
    assert client.get("/projekty/bezpieczny-rejon/").status_code == 404
    assert "Bezpieczny rejon" not in client.get("/projekty/").content.decode()


def test_an_admin_edit_shows_to_anonymous_readers_at_once(client, admin_client, centre):
    assert "Pomagamy mieszkańcom Testowa." in client.get("/").content.decode()
    change = admin_client.get(f"/admin/centre/centre/{centre.pk}/change/")
    assert change.status_code == 200
    centre.intro = "Nowy opis ośrodka."
    centre.save()
    assert "Nowy opis ośrodka." in client.get("/").content.decode()


def test_if_none_match_gets_304_from_the_cache(client, centre):
    etag = client.get("/kontakt/")["ETag"]
    assert etag
    response = client.get("/kontakt/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    centre.name = "Inna nazwa"
    centre.save()
    assert client.get("/kontakt/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def vote_in_a_new_browser(poll):
    """Open the poll page in a browser of its own and vote with the token it got."""
    voter = Client()
    page = voter.get(poll.get_absolute_url())
    return voter.post(
        poll.get_absolute_url(),
        {
            "choice": poll.choices.first().pk,
            "csrfmiddlewaretoken": csrf_token(page.content.decode()),
        },
    )


def test_each_visitor_gets_a_csrf_token_that_works_with_their_own_cookie(centre):
    poll = make_poll()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(poll.get_absolute_url())
    second_page = second.get(poll.get_absolute_url())
    assert second_page["X-Page-Cache"] == "hit"
    assert csrf_token(first_page.content.decode()) != csrf_token(second_page.content.decode())
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    choice = poll.choices.first()
    response = second.post(
        poll.get_absolute_url(),
        {"choice": choice.pk, "csrfmiddlewaretoken": csrf_token(second_page.content.decode())},
    )
    assert response.status_code in (302, 303)
    assert poll.ballots.count() == 1


def test_a_newcomer_served_from_the_cache_gets_a_fresh_secret_and_a_masked_token(centre):
    poll = make_poll()
    Client().get(poll.get_absolute_url())  # fills the cache
    seen = set()
    for _ in range(3):
        newcomer = Client(enforce_csrf_checks=True)
        page = newcomer.get(poll.get_absolute_url())
        assert page["X-Page-Cache"] == "hit"
        secret = newcomer.cookies["csrftoken"].value
        token = csrf_token(page.content.decode())
        # Django's own token (get_token): never the secret itself.
        assert re.fullmatch(r"[A-Za-z0-9]{64}", token)
        assert secret not in page.content.decode()
        seen.add(secret)
    assert len(seen) == 3
    # The pair passes Django's CSRF check: the vote is stored.
    response = newcomer.post(
        poll.get_absolute_url(), {"choice": poll.choices.first().pk, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 303


def test_a_returning_visitor_gets_a_token_masked_anew_on_every_hit(centre):
    poll = make_poll()
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(poll.get_absolute_url())
    secret = visitor.cookies["csrftoken"].value
    tokens = set()
    for _ in range(3):
        page = visitor.get(poll.get_absolute_url())
        assert page["X-Page-Cache"] == "hit"
        tokens.add(csrf_token(page.content.decode()))
    assert len(tokens) == 3
    assert visitor.cookies["csrftoken"].value == secret
    # Every one of them is a token of the visitor's secret.
    other_poll = make_poll()
    for token in tokens:
        response = visitor.post(other_poll.get_absolute_url(), {"csrfmiddlewaretoken": token})
        assert response.status_code == 400  # past the CSRF check, refused for the empty form


def test_a_form_pages_etag_is_the_same_after_it_is_rendered_again(centre):
    # Each stored page draws a marker of its own for its tokens; the ETag
    # must not depend on it, or every new render would cost readers their 304s.
    poll = make_poll()
    first = Client().get(poll.get_absolute_url())
    cache.clear()
    again = Client().get(poll.get_absolute_url())
    assert "X-Page-Cache" not in again
    assert again["ETag"] == first["ETag"]
    assert (
        Client().get(poll.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    )


def test_a_page_that_already_holds_its_marker_is_not_stored(client, centre, monkeypatch):
    from web import pagecache

    monkeypatch.setattr(pagecache, "_new_hole", lambda: b"\x1bcsrf-guessed\x1b")
    url = "/projekty/?q=%1Bcsrf-guessed%1B"
    assert client.get(url).status_code == 200
    assert "X-Page-Cache" not in client.get(url)


def test_messages_and_already_voted_never_reach_another_visitor(centre):
    poll = make_poll()
    voter, other = Client(), Client()
    other.get(poll.get_absolute_url())
    page = voter.get(poll.get_absolute_url())
    voter.post(
        poll.get_absolute_url(),
        {
            "choice": poll.choices.first().pk,
            "csrfmiddlewaretoken": csrf_token(page.content.decode()),
        },
        follow=True,
    )
    assert "Twój głos w tej ankiecie jest już zapisany" in voter.get(
        poll.get_absolute_url()
    ).content.decode() or ("Dziękujemy" in voter.get(poll.get_results_url()).content.decode())
    other_html = other.get(poll.get_absolute_url()).content.decode()
    assert "Twój głos w tej ankiecie jest już zapisany" not in other_html
    assert "Dziękujemy" not in other_html
    assert 'type="radio"' in other_html
    results = Client().get(poll.get_results_url()).content.decode()
    assert "Dziękujemy" not in results


def test_a_vote_refreshes_the_results_but_keeps_other_pages_cached(client, centre):
    poll = make_poll()
    before = client.get(poll.get_results_url()).content.decode()
    client.get("/kontakt/")
    vote_in_a_new_browser(poll)
    after = client.get(poll.get_results_url()).content.decode()
    assert after != before
    assert "1 głos" in after
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"


def test_reader_options_are_cached_apart(client, centre):
    client.get("/")
    large = Client()
    large.cookies["czytelnosc"] = "tekst-duzy"
    assert 'class="text-large"' in large.get("/").content.decode()
    assert 'class="text-large"' not in client.get("/").content.decode()


def test_logged_in_staff_never_get_or_fill_the_cache(admin_client, client, centre):
    client.get("/")
    assert "X-Page-Cache" not in admin_client.get("/")
    draft = make_project("Szkic", slug="szkic", published=False)
    assert admin_client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_open_now_is_not_served_past_closing_time(client, centre, clock):
    cache.clear()
    assert "Otwarte teraz, do 16:00." in client.get("/kontakt/").content.decode()
    clock.now += dt.timedelta(seconds=20)
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=20)  # 16:00:10
    html = client.get("/kontakt/").content.decode()
    assert "Zamknięte — otwarcie jutro o 8:00." in html


@pytest.fixture
def redis_url(worker_id):
    """A Redis database of this test process's own: 15, or 14, 13… per pytest-xdist worker."""
    number = 0 if worker_id == "master" else int(worker_id.removeprefix("gw"))
    return f"redis://127.0.0.1:6379/{15 - number}"


@pytest.fixture
def redis_cache(settings, redis_url):
    """Django's Redis cache on this process's database, emptied before and after the test."""
    import redis

    try:
        redis.Redis.from_url(redis_url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "opsportal-test",
        }
    }
    from django.core.cache import caches

    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_the_shared_redis_cache_invalidates_too(redis_cache, client, centre):
    client.get("/kontakt/")
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"
    centre.name = "Ośrodek po zmianie"
    centre.save()
    response = client.get("/kontakt/")
    assert "X-Page-Cache" not in response
    assert "Ośrodek po zmianie" in response.content.decode()


def test_with_redis_a_hit_asks_only_for_the_versions_and_sees_another_servers_edit(
    redis_cache, redis_url, client, centre, clock, monkeypatch
):
    import redis

    from web import pagecache

    cache_gets = []
    real_get = redis_cache.get
    monkeypatch.setattr(
        redis_cache, "get", lambda *a, **k: cache_gets.append(a) or real_get(*a, **k)
    )
    first = client.get("/kontakt/")
    cache_gets.clear()
    hit = client.get("/kontakt/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == first.content
    assert cache_gets == []  # the page came from this process's copy
    # Another server saves an edit: it bumps the version in Redis only.
    redis_cache.incr(f"pagecache:version:{pagecache.CONTENT}")
    CentrePhone.objects.update(number="22 999 99 99")  # no signal in this process
    assert "22 999 99 99" in client.get("/kontakt/").content.decode()
    # The process's copy lives no longer than the entry in Redis: once Redis
    # has let the page expire, it is rendered again, even while another
    # request holds the claim to render it before it expires.
    CentrePhone.objects.update(number="22 888 88 88")
    clock.now += dt.timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1)
    pages = redis.Redis.from_url(redis_url)
    pages.delete(*pages.keys("opsportal-test:*pagecache:page:*"))
    monkeypatch.setattr(pagecache, "_claim_refresh", lambda key: False)
    response = client.get("/kontakt/")
    assert "X-Page-Cache" not in response
    assert "22 888 88 88" in response.content.decode()


def test_results_json_is_cached_until_the_next_ballot(client, centre):
    poll = make_poll()
    url = f"{poll.get_results_url()}".replace("wyniki/", "wyniki.json")
    assert client.get(url).json()["total"] == 0
    assert client.get(url)["X-Page-Cache"] == "hit"
    vote_in_a_new_browser(poll)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert response.json()["total"] == 1


def test_near_its_end_one_request_renders_the_page_again_while_others_get_the_entry(
    client, centre, clock, settings, monkeypatch
):
    from web import pagecache

    settings.PAGE_CACHE_SECONDS = 100
    clock.now = dt.datetime(2026, 11, 23, 11, 0, tzinfo=WARSAW)  # open until 16:00
    cache.clear()
    client.get("/projekty/")  # stored for 100 s, to be rendered again after 80 s
    clock.now += dt.timedelta(seconds=79)
    assert client.get("/projekty/")["X-Page-Cache"] == "hit"
    clock.now += dt.timedelta(seconds=2)
    with monkeypatch.context() as busy:
        # Another request is rendering it: this one is served the entry.
        busy.setattr(pagecache, "_claim_refresh", lambda key: False)
        assert client.get("/projekty/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/projekty/")  # this one renders it
    assert pagecache._refreshing == set()
    clock.now += dt.timedelta(seconds=79)  # the new entry lives a full period
    assert client.get("/projekty/")["X-Page-Cache"] == "hit"


def test_one_request_at_a_time_may_render_a_page_again():
    from web import pagecache

    assert pagecache._claim_refresh("pagecache:page:x") is True
    assert pagecache._claim_refresh("pagecache:page:x") is False
    assert pagecache._claim_refresh("pagecache:page:y") is True
    pagecache._release_refresh("pagecache:page:x")
    pagecache._release_refresh("pagecache:page:y")
    assert pagecache._claim_refresh("pagecache:page:x") is True
    pagecache._release_refresh("pagecache:page:x")
