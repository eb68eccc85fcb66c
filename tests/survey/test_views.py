import datetime as dt
import json
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from survey import voting
from survey.models import Ballot, Choice, ResultsVisibility
from tests.pages import csrf_token
from tests.survey.factories import make_ballots, make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll():
    return make_poll(choices=("Bardzo dobra", "Dobra", "Słaba"), slug="nowa-strona")


def vote(client, poll, choice=None, **data):
    payload = {"choice": (choice or poll.choices.first()).pk, **data}
    return client.post(poll.get_absolute_url(), payload)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_url_names_are_stable():
    assert reverse("survey:current") == "/ankieta/"
    assert reverse("survey:detail", args=["x"]) == "/ankieta/x/"
    assert reverse("survey:results", args=["x"]) == "/ankieta/x/wyniki/"
    assert reverse("survey:results_json", args=["x"]) == "/ankieta/x/wyniki.json"


# The current poll page


def test_current_page_shows_the_open_poll_with_a_form_posting_to_it(client, poll):
    response = client.get("/ankieta/")
    assert response.status_code == 200
    page = text(response)
    assert poll.question in page
    assert f'action="{poll.get_absolute_url()}"' in page
    assert 'type="radio"' in page


def test_current_page_says_none_is_open_and_lists_closed_polls(client):
    now = timezone.now()
    closed = make_poll(opens_at=now - dt.timedelta(days=9), closes_at=now - dt.timedelta(days=1))
    make_poll(published=False)
    response = client.get("/ankieta/")
    assert response.status_code == 200
    page = text(response)
    assert "Obecnie nie prowadzimy żadnej ankiety" in page
    assert closed.get_results_url() in page
    assert 'type="radio"' not in page


# The poll page


def test_poll_page_is_a_crispy_fieldset_whose_legend_is_the_question(client, poll):
    page = text(client.get(poll.get_absolute_url()))
    fieldset = re.search(r"<fieldset[^>]*>\s*<legend[^>]*>\s*(.*?)</legend>", page)
    assert fieldset and poll.question in fieldset.group(1)
    for choice in poll.choices.all():
        assert re.search(rf'<input type="radio"[^>]*value="{choice.pk}"', page)
    assert f'<form action="{poll.get_absolute_url()}"' in re.sub(r"<form\s+", "<form ", page)
    assert 'name="csrfmiddlewaretoken"' in page


def test_poll_page_carries_a_gdpr_clause_naming_the_centre(client, poll, centre):
    page = text(client.get(poll.get_absolute_url()))
    assert f"Administratorem danych jest {centre.name}" in page
    assert f'href="{reverse("centre:privacy")}"' in page
    assert "RODO" in page
    assert "po 30 dniach" in page


def test_a_vote_sets_an_httponly_lax_signed_voter_cookie(client, poll):
    response = client.post(poll.get_absolute_url(), {"choice": poll.choices.first().pk})
    cookie = response.cookies[voting.VOTER_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # plain HTTP here; see the next test for HTTPS
    assert cookie.value.count(":") >= 1  # signed


def test_voter_cookie_is_secure_when_the_request_is(poll):
    response = Client().post(
        poll.get_absolute_url(), {"choice": poll.choices.first().pk}, secure=True
    )
    assert response.cookies[voting.VOTER_COOKIE]["secure"]


def test_comment_field_appears_only_when_the_poll_allows_it(client, poll):
    assert 'name="comment"' not in text(client.get(poll.get_absolute_url()))
    poll.allow_comment = True
    poll.save()
    assert 'name="comment"' in text(client.get(poll.get_absolute_url()))


def test_unknown_poll_is_404(client):
    assert client.get("/ankieta/nie-ma-takiej/").status_code == 404
    assert client.get("/ankieta/nie-ma-takiej/wyniki/").status_code == 404


def test_unpublished_poll_is_404_for_anonymous_but_visible_to_staff(client, poll):
    poll.published_at = None
    poll.save()
    assert client.get(poll.get_absolute_url()).status_code == 404
    staff = get_user_model().objects.create_user("redaktor", password="x", is_staff=True)
    client.force_login(staff)
    response = client.get(poll.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd: tej ankiety mieszkańcy teraz nie widzą. Szkic." in text(response)


# Voting


def test_vote_is_saved_and_redirects_to_results_with_a_message(client, poll, centre):
    choice = poll.choices.last()
    response = vote(client, poll, choice)
    assert response.status_code == 303
    assert response["Location"] == poll.get_results_url()
    ballot = Ballot.objects.get()
    assert ballot.choice == choice and ballot.poll == poll
    request = RequestFactory().get("/")
    request.COOKIES[voting.VOTER_COOKIE] = response.cookies[voting.VOTER_COOKIE].value
    assert voting.voter_key_from_cookie(request) == ballot.voter_key
    results = client.get(response["Location"])
    assert "Dziękujemy! Twój głos został zapisany." in text(results)


def test_vote_stores_a_hash_of_the_client_address_never_the_address(poll):
    client = Client(REMOTE_ADDR="203.0.113.77")
    vote(client, poll)
    ballot = Ballot.objects.get()
    assert ballot.address_hash == voting.address_hash("203.0.113.77")
    assert "203.0.113.77" not in ballot.address_hash
    assert "203.0.113.77" not in ballot.voter_key


def test_vote_with_a_comment_saves_it_when_allowed(client, poll):
    poll.allow_comment = True
    poll.save()
    vote(client, poll, comment="Większa czcionka, proszę.")
    assert Ballot.objects.get().comment == "Większa czcionka, proszę."


def test_comment_is_ignored_when_the_poll_does_not_allow_it(client, poll):
    vote(client, poll, comment="Nie powinno się zapisać.")
    assert Ballot.objects.get().comment == ""


def test_second_vote_from_the_same_browser_keeps_one_ballot_and_says_so(client, poll):
    vote(client, poll, poll.choices.first())
    response = vote(client, poll, poll.choices.last())
    assert response.status_code == 303
    assert Ballot.objects.count() == 1
    assert Ballot.objects.get().choice == poll.choices.first()
    page = text(client.get(response["Location"]))
    assert "Twój głos w tej ankiecie jest już zapisany" in page


def test_poll_page_after_voting_says_already_voted_with_a_results_link(client, poll):
    vote(client, poll)
    page = text(client.get(poll.get_absolute_url()))
    assert "Twój głos w tej ankiecie jest już zapisany" in page
    assert f'href="{poll.get_results_url()}"' in page
    assert 'type="radio"' not in page


def test_double_submit_of_one_form_before_the_cookie_arrives_makes_one_ballot(poll):
    # Both posts carry the browser's CSRF cookie and neither the voter cookie,
    # as when a second click beats the first response.
    browser = Client()
    text(browser.get("/"))
    secret = browser.cookies["csrftoken"].value
    for _ in range(2):
        click = Client()
        click.cookies["csrftoken"] = secret
        response = click.post(poll.get_absolute_url(), {"choice": poll.choices.first().pk})
        assert response.status_code == 303
    assert Ballot.objects.count() == 1


def test_form_pages_set_no_voter_cookie_so_they_can_be_shared(poll, centre):
    for path in ("/", "/ankieta/", poll.get_absolute_url()):
        response = Client().get(path)
        assert voting.VOTER_COOKIE not in response.cookies, path
        assert 'name="voter"' not in text(response)


def test_browsers_with_different_csrf_secrets_are_different_voters(poll):
    for secret in ("a" * 32, "b" * 32):
        browser = Client()
        browser.cookies["csrftoken"] = secret
        browser.post(poll.get_absolute_url(), {"choice": poll.choices.first().pk})
    assert Ballot.objects.count() == 2


def test_two_tabs_sharing_the_cookie_make_one_ballot(client, poll):
    first_tab = text(client.get(poll.get_absolute_url()))
    second_tab = text(client.get(poll.get_absolute_url()))
    for page in (first_tab, second_tab):
        assert 'type="radio"' in page
        client.post(poll.get_absolute_url(), {"choice": poll.choices.first().pk})
    assert Ballot.objects.count() == 1


def test_a_forged_voter_cookie_is_replaced_not_trusted(poll):
    client = Client()
    client.cookies[voting.VOTER_COOKIE] = "somebody-else:forged"
    vote(client, poll)
    ballot = Ballot.objects.get()
    assert ballot.voter_key != "somebody-else"


def test_distinct_browsers_each_get_their_vote(poll):
    for _ in range(3):
        assert vote(Client(), poll).status_code == 303
    assert poll.ballots.count() == 3


@override_settings(POLL_VOTES_PER_IP_PER_HOUR=2)
def test_flood_from_one_address_is_limited_per_hour(poll):
    statuses = [vote(Client(REMOTE_ADDR="198.51.100.5"), poll).status_code for _ in range(3)]
    assert statuses == [303, 303, 429]
    assert Ballot.objects.count() == 2
    # Another address is not affected.
    assert vote(Client(REMOTE_ADDR="198.51.100.6"), poll).status_code == 303


@override_settings(POLL_VOTES_PER_IP_PER_HOUR=1)
def test_flood_limit_message_is_polish(poll):
    vote(Client(), poll)
    response = vote(Client(), poll)
    assert response.status_code == 429
    assert "Spróbuj ponownie później" in text(response)


@override_settings(POLL_VOTES_PER_IP_PER_HOUR=1, TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR")
def test_flood_limit_uses_the_trusted_proxy_header_when_configured(poll):
    behind_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert vote(Client(HTTP_X_FORWARDED_FOR="203.0.113.1", **behind_proxy), poll).status_code == 303
    assert vote(Client(HTTP_X_FORWARDED_FOR="203.0.113.2", **behind_proxy), poll).status_code == 303
    assert vote(Client(HTTP_X_FORWARDED_FOR="203.0.113.2", **behind_proxy), poll).status_code == 429


def test_filled_honeypot_is_refused_without_a_ballot(client, poll):
    response = vote(client, poll, website="http://spam.example")
    assert response.status_code == 400
    assert "nie został zapisany" in text(response)
    assert Ballot.objects.count() == 0


@pytest.mark.parametrize(
    ("when", "message"),
    [("closed", "zostało zakończone"), ("future", "jeszcze się nie rozpoczęło")],
)
def test_votes_outside_the_voting_period_are_refused(client, when, message):
    now = timezone.now()
    if when == "closed":
        dates = {"opens_at": now - dt.timedelta(days=9), "closes_at": now - dt.timedelta(days=1)}
    else:
        dates = {"opens_at": now + dt.timedelta(days=1), "closes_at": now + dt.timedelta(days=9)}
    poll = make_poll(**dates)
    page = text(client.get(poll.get_absolute_url()))
    assert 'type="radio"' not in page
    response = vote(client, poll)
    assert response.status_code == 403
    assert message in text(response)
    assert Ballot.objects.count() == 0


def test_vote_in_an_unpublished_poll_is_refused(client, poll):
    poll.published_at = None
    poll.save()
    assert vote(client, poll).status_code == 404
    staff = get_user_model().objects.create_user("redaktor", password="x", is_staff=True)
    client.force_login(staff)
    response = vote(client, poll)
    assert response.status_code == 403
    assert "Podgląd: tej ankiety mieszkańcy teraz nie widzą. Szkic." in text(response)
    assert Ballot.objects.count() == 0


def test_vote_without_a_choice_is_400_with_a_polish_message(client, poll):
    response = client.post(poll.get_absolute_url(), {})
    assert response.status_code == 400
    assert "Wybierz jedną odpowiedź." in text(response)
    assert Ballot.objects.count() == 0


def test_vote_for_another_polls_choice_is_400_and_writes_nothing(client, poll):
    other = make_poll()
    response = vote(client, poll, other.choices.first())
    assert response.status_code == 400
    assert "Tej odpowiedzi nie ma w tej ankiecie" in text(response)
    assert Ballot.objects.count() == 0


@pytest.mark.parametrize("value", ["abc", "", "-1", "1e9", "99999999999999999999999", "\x00"])
def test_malformed_choice_values_are_400_not_500(client, poll, value):
    response = client.post(poll.get_absolute_url(), {"choice": value})
    assert response.status_code == 400
    assert Ballot.objects.count() == 0


def test_malformed_bodies_are_400_not_500(client, poll):
    url = poll.get_absolute_url()
    broken_multipart = client.post(
        url, data=b"--x\r\nbroken", content_type="multipart/form-data; boundary=x"
    )
    no_boundary = client.post(url, data=b"choice=1", content_type="multipart/form-data")
    as_json = client.post(url, data=b"{not json", content_type="application/json")
    for response in (broken_multipart, no_boundary, as_json):
        assert response.status_code == 400, response.content[:200]
        assert "nie został zapisany" in text(response) or "Nie udało się" in text(response)
    assert Ballot.objects.count() == 0


def test_vote_without_csrf_token_is_403_in_polish_and_writes_nothing(poll):
    client = Client(enforce_csrf_checks=True)
    client.get(poll.get_absolute_url())
    response = vote(client, poll)
    assert response.status_code == 403
    assert '<html lang="pl"' in text(response) and "Formularz wygasł" in text(response)
    assert Ballot.objects.count() == 0


def test_vote_with_csrf_token_passes_csrf_checks(poll):
    client = Client(enforce_csrf_checks=True)
    page = text(client.get(poll.get_absolute_url()))
    token = csrf_token(page)
    response = vote(client, poll, csrfmiddlewaretoken=token)
    assert response.status_code == 303
    assert Ballot.objects.count() == 1


def test_other_methods_are_not_allowed(client, poll):
    assert client.put(poll.get_absolute_url()).status_code == 405
    assert client.post(poll.get_results_url()).status_code == 405
    assert client.post(reverse("survey:results_json", args=[poll.slug])).status_code == 405


# Results


def test_results_show_counts_polish_percentages_bars_and_total(client, poll, centre):
    good, fair, poor = poll.choices.all()
    make_ballots(good, 17)
    make_ballots(fair, 17)
    make_ballots(poor, 6)
    page = text(client.get(poll.get_results_url()))
    assert "42,5 %" in page and "15,0 %" in page
    assert '<progress class="survey-bar" max="100" value="42.5"' in page
    assert "40 głosów" in page
    assert "style=" not in page
    assert "<caption>" in page and 'scope="row"' in page


def test_results_with_no_votes_show_zero_percent(client, poll):
    page = text(client.get(poll.get_results_url()))
    assert "0,0 %" in page
    assert "0 głosów" in page


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "1 głos"),
        (2, "2 głosy"),
        (4, "4 głosy"),
        (5, "5 głosów"),
        (12, "12 głosów"),
        (13, "13 głosów"),
        (22, "22 głosy"),
        (25, "25 głosów"),
        (101, "101 głosów"),
        (112, "112 głosów"),
        (124, "124 głosy"),
    ],
)
def test_results_total_uses_polish_plural_forms(client, poll, count, words):
    make_ballots(poll.choices.first(), count)
    page = text(client.get(poll.get_results_url()))
    total = re.search(r'class="survey-total">([^<]+)<', page).group(1)
    assert total == words


def test_after_voting_results_are_hidden_until_this_browser_votes(client, poll):
    poll.results_visibility = ResultsVisibility.AFTER_VOTING
    poll.save()
    make_ballots(poll.choices.first(), 3)
    json_url = reverse("survey:results_json", args=[poll.slug])
    response = client.get(poll.get_results_url())
    assert response.status_code == 403
    assert "po oddaniu głosu" in text(response)
    assert "survey-total" not in text(response)
    assert client.get(json_url).status_code == 403
    vote(client, poll)
    assert client.get(poll.get_results_url()).status_code == 200
    assert client.get(json_url).json()["total"] == 4


def test_after_closing_results_are_hidden_until_the_poll_closes(client):
    now = timezone.now()
    poll = make_poll(results_visibility=ResultsVisibility.AFTER_CLOSING)
    vote(client, poll)
    json_url = reverse("survey:results_json", args=[poll.slug])
    assert client.get(poll.get_results_url()).status_code == 403
    assert "po zakończeniu głosowania" in text(client.get(poll.get_results_url()))
    assert client.get(json_url).status_code == 403
    poll.opens_at = now - dt.timedelta(days=5)
    poll.closes_at = now - dt.timedelta(minutes=1)
    poll.save()
    assert client.get(poll.get_results_url()).status_code == 200
    assert client.get(json_url).json()["total"] == 1


def test_results_json_has_exactly_the_documented_shape(client, poll):
    good, fair, _poor = poll.choices.all()
    make_ballots(good, 2)
    make_ballots(fair, 1)
    response = client.get(reverse("survey:results_json", args=[poll.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == {
        "question": poll.question,
        "total": 3,
        "choices": [
            {"text": "Bardzo dobra", "votes": 2},
            {"text": "Dobra", "votes": 1},
            {"text": "Słaba", "votes": 0},
        ],
    }


def test_results_json_is_404_json_for_unknown_or_unpublished_polls(client, poll):
    response = client.get(reverse("survey:results_json", args=["nie-ma"]))
    assert response.status_code == 404
    assert "detail" in response.json()
    poll.published_at = None
    poll.save()
    assert client.get(reverse("survey:results_json", args=[poll.slug])).status_code == 404


def test_json_total_equals_the_number_of_successful_votes(poll):
    successes = sum(vote(Client(), poll).status_code == 303 for _ in range(7))
    data = Client().get(reverse("survey:results_json", args=[poll.slug])).json()
    assert data["total"] == successes == 7
    assert sum(choice["votes"] for choice in data["choices"]) == 7


# Home page


def test_home_section_shows_the_open_poll_as_a_form_posting_to_the_poll(client, poll, centre):
    page = text(client.get("/"))
    section = re.search(r'<section class="home-section survey-home".*?</section>', page).group(0)
    assert "<h2" in section
    assert poll.question in section
    assert f'action="{poll.get_absolute_url()}"' in section
    assert 'method="post"' in section
    assert 'name="csrfmiddlewaretoken"' in section
    assert section.count('type="radio"') == 3
    assert 'id="ankieta-choice_0"' in section


def test_home_section_form_works_without_javascript(poll, centre):
    client = Client(enforce_csrf_checks=True)
    page = text(client.get("/"))
    token = csrf_token(page)
    response = client.post(
        poll.get_absolute_url(),
        {"choice": poll.choices.last().pk, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 303
    assert Ballot.objects.get().choice == poll.choices.last()


def test_home_section_says_when_no_poll_is_open(client, centre):
    page = text(client.get("/"))
    assert "Obecnie nie prowadzimy żadnej ankiety." in page


# Constant queries


def _grow(poll, choices, ballots_each):
    for index in range(choices):
        choice = Choice.objects.create(poll=poll, text=f"Odpowiedź {index}", position=10 + index)
        make_ballots(choice, ballots_each)


def _survey_queries(client, url):
    """(survey queries, all queries) of one GET; the rest is the shared centre data."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    survey = [q for q in queries.captured_queries if '"survey_' in q["sql"]]
    return len(survey), len(queries)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # next change of what polls show, poll, has this browser voted, choices of the
        # form, closed polls
        ("/ankieta/", 5),
        # poll, has this browser voted, choices of the form
        ("/ankieta/nowa-strona/", 3),
        # poll, counts per choice
        ("/ankieta/nowa-strona/wyniki/", 2),
        # next change of what polls show, open poll, has this browser voted, choices
        # of the form
        ("/", 4),
    ],
)
def test_pages_run_a_constant_number_of_queries(client, poll, centre, url, expected):
    # A returning browser with a voter cookie: its pages are rendered for it
    # (and ask whether it voted), never taken from the shared page cache.
    response = HttpResponse()
    voting.set_voter_cookie(response, RequestFactory().get("/"), "returning-reader")
    client.cookies[voting.VOTER_COOKIE] = response.cookies[voting.VOTER_COOKIE].value
    small = _survey_queries(client, url)
    _grow(poll, 12, 30)
    large = _survey_queries(client, url)
    assert small[0] == large[0] == expected
    assert small[1] == large[1]


def test_results_json_runs_two_queries_whatever_the_size(client, poll, django_assert_num_queries):
    url = reverse("survey:results_json", args=[poll.slug])
    with django_assert_num_queries(2):
        client.get(url)
    _grow(poll, 12, 30)
    with django_assert_num_queries(2):
        assert client.get(url).json()["total"] == 360


def test_after_voting_results_add_one_query_for_the_voter(client, poll, django_assert_num_queries):
    poll.results_visibility = ResultsVisibility.AFTER_VOTING
    poll.save()
    vote(client, poll)
    url = reverse("survey:results_json", args=[poll.slug])
    with django_assert_num_queries(3):
        client.get(url)
    _grow(poll, 12, 30)
    with django_assert_num_queries(3):
        assert client.get(url).json()["total"] == 361


def test_a_vote_reads_no_poll_and_is_decided_by_three_statements(client, poll):
    # The poll comes from the cache. The vote takes its address's row, counts
    # the address's ballots of the hour and saves the ballot, whose unique
    # constraint refuses a repeat, so no "has this key voted?" check can race
    # a second tab. Only a refused ballot asks why.
    first, *_others, last = poll.choices.all()
    vote(client, poll, first)
    with CaptureQueriesContext(connection) as fresh:
        assert vote(Client(), poll, first).status_code == 303
    with CaptureQueriesContext(connection) as repeat:
        assert vote(client, poll, last).status_code == 303

    def statements(captured):
        found = [q["sql"] for q in captured if "SAVEPOINT" not in q["sql"].upper()]
        assert not [sql for sql in found if '"survey_poll"' in sql or '"survey_choice"' in sql]
        return found

    lock, count, insert = statements(fresh)
    assert lock.startswith('INSERT INTO "survey_votingaddress"') and "ON CONFLICT" in lock
    # Reading no further than the flood limit.
    assert count.startswith('SELECT "survey_ballot"."id"')
    assert count.endswith(f"LIMIT {settings.POLL_VOTES_PER_IP_PER_HOUR}")
    assert '"survey_ballot"."address_hash"' in count
    assert insert.startswith('INSERT INTO "survey_ballot"')
    lock, count, insert, why = statements(repeat)
    assert insert.startswith('INSERT INTO "survey_ballot"')
    assert why.startswith("SELECT") and '"survey_ballot"."voter_key"' in why
    assert Ballot.objects.count() == 2
    assert "Twój głos w tej ankiecie jest już zapisany" in text(client.get(poll.get_results_url()))


def test_a_poll_edit_reaches_the_next_vote(client, poll):
    vote(Client(), poll)  # the poll is now in the cache
    poll.closes_at = timezone.now() - dt.timedelta(minutes=1)
    poll.save()
    response = vote(client, poll)
    assert response.status_code == 403
    assert "zostało zakończone" in text(response)
    added = Choice.objects.create(poll=poll, text="Nowa odpowiedź", position=9)
    poll.closes_at = timezone.now() + dt.timedelta(days=1)
    poll.save()
    assert vote(client, poll, added).status_code == 303
    assert Ballot.objects.filter(choice=added).count() == 1


def test_a_choice_deleted_after_the_poll_was_read_is_a_form_error(client, poll, monkeypatch):
    doomed = Choice.objects.create(poll=poll, text="Do usunięcia", position=9)
    cached = voting.poll_for_ballot(poll.slug)
    Choice.objects.filter(pk=doomed.pk).delete()
    monkeypatch.setattr(voting, "poll_for_ballot", lambda slug: cached)
    response = vote(client, poll, doomed)
    assert response.status_code == 400
    assert "Tej odpowiedzi nie ma w tej ankiecie" in text(response)
    assert not Ballot.objects.exists()
