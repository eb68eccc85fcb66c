"""Small things an editor trips over in the admin: links that lead nowhere useful,
a delete button next to a choice, wording that does not read as Polish prose."""

import re
import warnings
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.paginator import UnorderedObjectListWarning
from django.urls import reverse

from tests.communities.factories import make_area, make_event, make_site
from tests.news.factories import make_news
from tests.projects.factories import add_goal, make_partner, make_project
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db


def test_inline_rows_have_no_view_on_site_link_only_the_record_has_one(client):
    log_in_editor(client)
    project = make_project("Szansa dla Ciebie", partners=[make_partner(), make_partner()])
    add_goal(project, "Aktywizacja seniorów.")
    add_goal(project, "Wsparcie rodzin.", order=1)
    page = client.get(reverse("admin:projects_project_change", args=[project.pk]))
    html = page.content.decode()
    assert html.count("Pokaż na stronie") == 1


def test_a_chosen_record_has_no_delete_link_beside_it(admin_client):
    area = make_area()
    event = make_event(area, site=make_site(area))
    html = admin_client.get(
        reverse("admin:communities_event_change", args=[event.pk])
    ).content.decode()
    assert 'id="change_id_area"' in html  # the pencil stays
    assert "delete-related" not in html


def test_the_area_autocomplete_pages_through_an_ordered_list(admin_client):
    make_area(name="Gutwin", city="Ostrowiec Świętokrzyski")
    make_area(name="Osiedle Fabryczne", city="Stalowa Wola")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "communities", "model_name": "event", "field_name": "area"},
        )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == [
        "Gutwin (Ostrowiec Świętokrzyski)",
        "Osiedle Fabryczne (Stalowa Wola)",
    ]


def test_adding_a_partner_shows_no_empty_table_of_its_projects(admin_client):
    url = reverse("admin:projects_partner_add")
    html = admin_client.get(url, {"_popup": "1", "_to_field": "id"}).content.decode()
    assert "w których organizacja jest partnerem" not in html.lower()
    partner = make_partner("Fundacja Dobry Start")
    make_project("Aktywni razem", partners=[partner])
    html = admin_client.get(
        reverse("admin:projects_partner_change", args=[partner.pk])
    ).content.decode()
    assert "w których organizacja jest partnerem" in html.lower()
    assert "Aktywni razem" in html


def test_no_section_of_the_admin_is_named_like_one_of_its_lists():
    for model in admin.site._registry:
        section = str(model._meta.app_config.verbose_name).lower()
        assert section != str(model._meta.verbose_name_plural).lower(), model


def breadcrumbs(html):
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", crumbs).split())


def test_the_add_page_breadcrumb_says_what_its_heading_says(client):
    log_in_editor(client)
    html = client.get(reverse("admin:projects_project_add")).content.decode()
    assert "<h1>Dodaj projekt</h1>" in html
    assert (
        breadcrumbs(html)
        == "Strona główna › Projekty i partnerzy › Projekty socjalne › Dodaj projekt"
    )
    html = client.get(reverse("admin:survey_poll_add")).content.decode()
    assert breadcrumbs(html).endswith("Ankiety i głosy › Ankiety › Dodaj ankietę")


# "Przejrzałeś", "oddałaś", "zrobiłbyś": the second person past tense has a gender.
GENDERED_YOU = re.compile(r"\w+(?:łeś|łaś|łbyś|łabyś)\b")
SOURCES = Path(__file__).resolve().parents[2]


def test_no_sentence_addresses_the_reader_as_a_man_or_as_a_woman():
    found = []
    for path in [*SOURCES.glob("*/*.py"), *SOURCES.glob("templates/**/*.html")]:
        if path.parts[-2] in {"tests", "migrations"} or ".venv" in path.parts:
            continue
        found += [f"{path.name}: {word}" for word in GENDERED_YOU.findall(path.read_text())]
    assert found == []


def test_the_review_note_on_a_form_reads_the_same_for_everyone(client):
    log_in_editor(client)
    item = make_news("Punkt ogrzewania")
    html = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert "Treść jest aktualna? Wystarczy zapisać ją bez zmian." in html


def test_no_field_is_labelled_with_the_word_slug():
    for model in apps.get_models():
        for field in model._meta.fields:
            assert "slug" not in str(field.verbose_name).lower(), (model, field.name)


def test_the_partner_popup_names_the_address_ending_and_shows_the_whole_address(admin_client):
    url = reverse("admin:projects_partner_add")
    html = admin_client.get(url, {"_popup": "1", "_to_field": "id"}).content.decode()
    assert '<label class="required" for="id_slug">Końcówka adresu strony:</label>' in html
    assert "/projekty/?partner=fundacja-dobry-start" in html
