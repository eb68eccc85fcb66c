"""Admin login lockout (django-axes) and password rules."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db

PASSWORD = "Poprawne-Haslo-Redaktora-2026"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "redaktor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(client, username, password, address="198.51.100.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_correct_password_logs_in_before_any_failure(client, editor):
    assert logged_in(attempt(client, "redaktor", PASSWORD))


def test_wrong_passwords_from_elsewhere_cannot_lock_a_caseworker_out(client, editor):
    # Anyone may type a caseworker's login with wrong passwords, from one
    # address or many: the caseworker still logs in from theirs.
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit * 2):
        attempt(client, "redaktor", "zle-haslo", address=f"203.0.113.{number}")
    for _ in range(limit + 1):
        attempt(client, "redaktor", "zle-haslo", address="203.0.113.99")
    assert logged_in(attempt(client, "redaktor", PASSWORD, address="192.0.2.200"))


def test_guessing_one_accounts_password_from_one_address_is_stopped(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit):
        response = attempt(client, "redaktor", "zle-haslo", address="203.0.113.7")
        assert response.status_code == (200 if number < limit - 1 else 429)
    # Even the right password is refused from that address now.
    response = attempt(client, "redaktor", PASSWORD, address="203.0.113.7")
    assert response.status_code == 429
    assert "zablokowane" in response.content.decode().lower()


def test_address_is_locked_after_the_failure_limit_across_accounts(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit):
        attempt(client, f"zgadywany{number}", "zle-haslo", address="203.0.113.50")
    response = attempt(client, "redaktor", PASSWORD, address="203.0.113.50")
    assert response.status_code == 429
    # Another address may still log in to the same account: it was not the one guessing.
    assert logged_in(attempt(client, "redaktor", PASSWORD, address="203.0.113.51"))


def test_forged_x_forwarded_for_does_not_get_around_the_address_lockout(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for number in range(limit + 2):
        attempt(
            client,
            f"zgadywany{number}",
            "zle-haslo",
            address="203.0.113.60",
            HTTP_X_FORWARDED_FOR=f"10.9.8.{number}",
            HTTP_X_REAL_IP=f"10.9.7.{number}",
        )
    response = attempt(
        client, "redaktor", PASSWORD, address="203.0.113.60", HTTP_X_FORWARDED_FOR="10.1.1.1"
    )
    assert response.status_code == 429


def test_a_successful_login_resets_the_count_of_failures(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        attempt(client, "redaktor", "zle-haslo")
    assert logged_in(attempt(client, "redaktor", PASSWORD))
    client.logout()
    for _ in range(limit - 1):
        attempt(client, "redaktor", "zle-haslo")
    assert logged_in(attempt(client, "redaktor", PASSWORD))


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "///evil.example"],
)
def test_a_refused_next_after_admin_login_lands_on_the_admin_index(client, editor, next_url):
    response = client.post(
        f"/admin/login/?next={next_url}", {"username": "redaktor", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_safe_next_after_admin_login_is_followed(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/projects/project/",
        {"username": "redaktor", "password": PASSWORD},
    )
    assert response["Location"] == "/admin/projects/project/"


def test_server_side_authenticate_without_a_request_still_checks_the_password(editor):
    from django.contrib.auth import authenticate

    assert authenticate(username="redaktor", password=PASSWORD) == editor
    assert authenticate(username="redaktor", password="zle-haslo") is None


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("krotkie1", "za krótkie"),
        ("12345678901234", "wyłącznie z cyfr"),
        ("password123", "zbyt powszechne"),
    ],
)
def test_weak_passwords_are_refused_with_a_polish_message(password, fragment):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any(fragment in message for message in error.value.messages), error.value.messages
