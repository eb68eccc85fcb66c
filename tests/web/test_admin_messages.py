"""Admin sentences written per model (core.polish_admin): messages after adding, saving and
deleting in the noun's gender, titles in the accusative, counts with Polish plurals."""

import re

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from communities.models import Event, Organiser
from core.publication import moment_label
from projects.models import Project, TargetGroup
from survey.models import Poll
from tests.communities.factories import make_area, make_event, make_site
from tests.projects.factories import make_group, make_project
from tests.survey.factories import make_poll
from tests.web.adminforms import as_post_data, form_fields
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    log_in_editor(client)
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def save_unchanged(client, url):
    """Submit an admin change form as the browser would, nothing typed."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, as_post_data(form_fields(page.content.decode())))


def test_adding_a_feminine_record_says_zostala_dodana(editor_client):
    response = editor_client.post(
        reverse("admin:projects_targetgroup_add"), {"name": "Seniorzy", "slug": "seniorzy"}
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Grupa docelowa „Seniorzy” została dodana."]


def test_adding_another_says_so_in_the_nouns_gender(editor_client):
    response = editor_client.post(
        reverse("admin:projects_targetgroup_add"),
        {"name": "Seniorzy", "slug": "seniorzy", "_addanother": "1"},
    )
    assert messages_of(response) == [
        "Grupa docelowa „Seniorzy” została dodana. Poniżej możesz dodać kolejną."
    ]


def test_saving_a_masculine_record_says_zostal_zapisany(editor_client):
    organiser = Organiser.objects.create(name="Jan Kowalski", role="organizator")
    url = reverse("admin:communities_organiser_change", args=[organiser.pk])
    response = save_unchanged(editor_client, url)
    assert response.status_code == 302
    assert messages_of(response) == ["Organizator społeczności „Jan Kowalski” został zapisany."]


def test_saving_a_neuter_record_says_zostalo_zapisane(editor_client):
    site = make_site(make_area(name="Gutwin"), name="MAL Gutwin")
    url = reverse("admin:communities_activitysite_change", args=[site.pk])
    response = save_unchanged(editor_client, url)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert messages_of(response) == ["Miejsce aktywności lokalnej „MAL Gutwin” zostało zapisane."]


@pytest.mark.parametrize(
    ("make", "url_name", "message"),
    [
        (
            lambda: Organiser.objects.create(name="Jan Kowalski"),
            "admin:communities_organiser_delete",
            "Organizator społeczności „Jan Kowalski” został usunięty.",
        ),
        (
            lambda: make_group("Seniorzy"),
            "admin:projects_targetgroup_delete",
            "Grupa docelowa „Seniorzy” została usunięta.",
        ),
        (
            lambda: make_site(make_area(), name="MAL Gutwin"),
            "admin:communities_activitysite_delete",
            "Miejsce aktywności lokalnej „MAL Gutwin” zostało usunięte.",
        ),
    ],
)
def test_deleting_says_usuniety_usunieta_usuniete(editor_client, make, url_name, message):
    record = make()
    response = editor_client.post(reverse(url_name, args=[record.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert messages_of(response) == [message]


def test_the_delete_page_names_the_record_in_the_accusative_and_hides_link_rows(editor_client):
    area = make_area(name="Gutwin", city="Stalowa Wola")
    organiser = Organiser.objects.create(name="Jan Kowalski")
    area.organisers.add(organiser)
    page = editor_client.get(reverse("admin:communities_organiser_delete", args=[organiser.pk]))
    text = page.content.decode()
    assert "organizatora społeczności „Jan Kowalski”" in text
    assert "CommunityArea_organisers object" not in text
    assert "Przypisanie do: obszar OSL „Gutwin (Stalowa Wola)” (ten wpis zostaje)" in text
    assert page.context["title"] == "Usunąć organizatora społeczności?"


def test_bulk_deletion_counts_in_the_accusative(editor_client):
    groups = [make_group(f"Grupa {n}") for n in range(3)]
    response = editor_client.post(
        reverse("admin:projects_targetgroup_changelist"),
        {"action": "delete_selected", "_selected_action": [g.pk for g in groups], "post": "yes"},
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Usunięto 3 grupy docelowe."]
    assert not TargetGroup.objects.exists()


def test_bulk_deletion_asks_with_the_count(editor_client):
    groups = [make_group(f"Grupa {n}") for n in range(5)]
    page = editor_client.post(
        reverse("admin:projects_targetgroup_changelist"),
        {"action": "delete_selected", "_selected_action": [g.pk for g in groups]},
    )
    text = page.content.decode()
    assert "Czy na pewno usunąć zaznaczone wpisy (5 grup docelowych)?" in text
    assert "Usuwanie zaznaczonych wpisów" in text


@pytest.mark.parametrize(
    ("count", "shown"), [(1, "1 grupa docelowa"), (3, "3 grupy docelowe"), (7, "7 grup docelowych")]
)
def test_the_change_list_counts_with_polish_plurals(editor_client, count, shown):
    for n in range(count):
        make_group(f"Grupa {n}")
    page = editor_client.get(reverse("admin:projects_targetgroup_changelist"))
    paginator = re.search(r'<p class="paginator">(.*?)</p>', page.content.decode(), re.S).group(1)
    assert " ".join(paginator.split()).startswith(shown)


def test_titles_and_buttons_take_the_accusative(editor_client):
    changelist = editor_client.get(reverse("admin:projects_targetgroup_changelist"))
    assert changelist.context["title"] == "Grupy docelowe"
    assert "Dodaj grupę docelową" in changelist.content.decode()
    add = editor_client.get(reverse("admin:projects_targetgroup_add"))
    assert add.context["title"] == "Dodaj grupę docelową"
    group = make_group("Seniorzy")
    change = editor_client.get(reverse("admin:projects_targetgroup_change", args=[group.pk]))
    assert change.context["title"] == "Zmień grupę docelową"


def test_inline_add_links_name_the_row(editor_client, centre):
    page = editor_client.get(reverse("admin:centre_centre_change", args=[centre.pk]))
    text = page.content.decode()
    assert 'data-add-text="Dodaj kolejny telefon"' in text
    assert 'data-add-text="Dodaj kolejny dzień nieczynny"' in text
    assert 'data-add-text="Dodaj kolejne godziny"' in text


def test_publishing_in_bulk_counts_with_polish_plurals(editor_client):
    drafts = [make_project(f"Projekt {n}", published=False) for n in range(3)]
    response = editor_client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )
    assert response.status_code == 302
    assert messages_of(response)[0].startswith("Opublikowano 3 projekty")


def bulk_action(client, model, action, records):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.post(url, {"action": action, "_selected_action": [r.pk for r in records]})
    assert response.status_code == 302
    # Messages not yet shown pile up in the session: the action's is the last.
    return messages_of(response)[-1]


def test_bulk_actions_count_what_they_changed_in_the_accusative(editor_client):
    area = make_area()
    events = [make_event(area, published=False) for _ in range(5)]
    assert bulk_action(editor_client, Event, "publish", events).startswith(
        "Opublikowano 5 wydarzeń — "
    )
    projects = [make_project(f"Projekt {n}") for n in range(3)]
    assert bulk_action(editor_client, Project, "withdraw", projects).startswith(
        "Wycofano 3 projekty do szkiców."
    )
    poll = make_poll(published=False)
    assert bulk_action(editor_client, Poll, "publish", [poll]).startswith(
        "Opublikowano 1 ankietę — "
    )


@pytest.mark.parametrize(
    ("published", "sentence"),
    [
        (
            False,
            "Ankieta „Jak oceniasz stronę?” została zapisana. Jest szkicem i nie jest widoczna. "
            "Aby ją opublikować, wpisz początek publikacji albo użyj akcji „Opublikuj” na "
            "liście ankiet.",
        ),
        (True, "Ankieta „Jak oceniasz stronę?” została zapisana. Jest widoczna na stronie."),
    ],
)
def test_publication_sentences_agree_with_the_admins_noun(published, sentence):
    poll = make_poll(question="Jak oceniasz stronę?", published=published)
    voting = f"Głosowanie trwa do {moment_label(poll.closes_at)}."
    assert admin.site.get_model_admin(Poll).visibility_message(poll) == f"{sentence} {voting}"
