import pytest

from projects.models import Partner, Project
from tests.projects.factories import make_full_project, make_group, make_partner, make_project

pytestmark = pytest.mark.django_db


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def project_form(**overrides):
    data = {
        "title": "Wspólnymi siłami",
        "slug": "wspolnymi-silami",
        "lead": "Wzmacnianie rodziny.",
        "status": "ongoing",
        "start_date": "2025-02-01",
        "end_date": "2025-12-31",
        "main_goal": "Wzmocnienie roli i funkcji rodziny.",
        "description": "",
        "how_to_join": "Zgłoś się do asystenta rodziny.",
        "contact_name": "Dorota Próbna",
        "contact_phone": "15 000 20 04",
        "contact_email": "rodzina@mops.example",
        "published_at_0": "2025-01-01",
        "published_at_1": "08:00:00",
        "image_alt": "",
    }
    data.update(inline_management("goals"))
    data.update(inline_management("partnerships"))
    data.update(inline_management("outcomes"))
    data.update(inline_management("documents"))
    data.update(overrides)
    return data


def test_admin_add_page_renders_with_inlines_and_slug_prepopulation(admin_client):
    response = admin_client.get("/admin/projects/project/add/")
    assert response.status_code == 200
    html = response.text
    for prefix in ("goals", "partnerships", "outcomes"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert 'data-prepopulated-fields="' in html and "#id_slug" in html
    assert "admin-autocomplete" in html


def test_caseworker_creates_project_with_three_partners_two_goals_and_outcomes(
    admin_client, client
):
    partners = [make_partner(f"Partner {n}") for n in range(3)]
    group = make_group("rodziny z dziećmi", "rodziny-z-dziecmi")
    data = project_form(target_groups=[str(group.pk)])
    data.update(inline_management("goals", total=2))
    data.update({"goals-0-order": "1", "goals-0-text": "Cel A.", "goals-1-order": "2"})
    data["goals-1-text"] = "Cel B."
    data.update(inline_management("partnerships", total=3))
    for n, partner in enumerate(partners):
        data[f"partnerships-{n}-order"] = str(n + 1)
        data[f"partnerships-{n}-partner"] = str(partner.pk)
        data[f"partnerships-{n}-role"] = "lider" if n == 0 else "partner"
    data.update(inline_management("outcomes", total=2))
    data.update(
        {
            "outcomes-0-order": "1",
            "outcomes-0-label": "uczestnicy",
            "outcomes-0-planned_value": "40",
            "outcomes-0-achieved_value": "35",
            "outcomes-0-unit": "osób",
            "outcomes-1-order": "2",
            "outcomes-1-label": "ukończyli kurs",
            "outcomes-1-planned_value": "30",
            "outcomes-1-achieved_value": "",
            "outcomes-1-unit": "osób",
        }
    )
    response = admin_client.post("/admin/projects/project/add/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    project = Project.objects.get(slug="wspolnymi-silami")
    assert [g.text for g in project.goals.all()] == ["Cel A.", "Cel B."]
    assert [p.partner for p in project.partnerships.all()] == partners
    assert project.outcomes.count() == 2
    page = client.get("/projekty/wspolnymi-silami/")
    assert page.status_code == 200
    assert "<td>40 osób</td>" in page.text and "<td>35 osób</td>" in page.text
    assert "<td>30 osób</td>" in page.text


def test_admin_refuses_end_before_start_as_a_form_error(admin_client):
    response = admin_client.post(
        "/admin/projects/project/add/", project_form(end_date="2024-01-01")
    )
    assert response.status_code == 200
    assert "Data rozpoczęcia nie może być późniejsza niż data zakończenia." in response.text
    assert not Project.objects.exists()


def test_admin_refuses_the_same_partner_twice(admin_client):
    partner = make_partner()
    data = project_form()
    data.update(inline_management("partnerships", total=2))
    for n in range(2):
        data[f"partnerships-{n}-order"] = str(n)
        data[f"partnerships-{n}-partner"] = str(partner.pk)
        data[f"partnerships-{n}-role"] = "partner"
    response = admin_client.post("/admin/projects/project/add/", data)
    assert response.status_code == 200
    assert not Project.objects.exists()


def test_admin_change_page_renders_and_saves(admin_client):
    project = make_full_project(slug="pelny")
    url = f"/admin/projects/project/{project.pk}/change/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "/admin/r/" in response.text  # the "view on site" link
    goals = list(project.goals.all())
    partnerships = list(project.partnerships.all())
    outcomes = list(project.outcomes.all())
    data = project_form(title="Nowy tytuł", slug="pelny")
    data.update(inline_management("goals", total=2, initial=2))
    for n, goal in enumerate(goals):
        data.update(
            {
                f"goals-{n}-id": str(goal.pk),
                f"goals-{n}-project": str(project.pk),
                f"goals-{n}-order": str(goal.order),
                f"goals-{n}-text": goal.text,
            }
        )
    data.update(inline_management("partnerships", total=3, initial=3))
    for n, partnership in enumerate(partnerships):
        data.update(
            {
                f"partnerships-{n}-id": str(partnership.pk),
                f"partnerships-{n}-project": str(project.pk),
                # Reverse the order: the caseworker reorders partners by number.
                f"partnerships-{n}-order": str(3 - n),
                f"partnerships-{n}-partner": str(partnership.partner_id),
                f"partnerships-{n}-role": partnership.role,
            }
        )
    data.update(inline_management("outcomes", total=2, initial=2))
    for n, outcome in enumerate(outcomes):
        data.update(
            {
                f"outcomes-{n}-id": str(outcome.pk),
                f"outcomes-{n}-project": str(project.pk),
                f"outcomes-{n}-order": str(outcome.order),
                f"outcomes-{n}-label": outcome.label,
                f"outcomes-{n}-planned_value": str(outcome.planned_value or ""),
                f"outcomes-{n}-achieved_value": str(outcome.achieved_value or ""),
                f"outcomes-{n}-unit": outcome.unit_many,
            }
        )
    data["outcomes-1-DELETE"] = "on"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Nowy tytuł"
    assert [p.partner_id for p in project.partnerships.all()] == [
        p.partner_id for p in reversed(partnerships)
    ]
    assert project.outcomes.count() == 1


def test_project_changelist_filters_and_search_work(admin_client):
    group = make_group("seniorzy", "seniorzy")
    partner = make_partner("TBS Złotnicki")
    make_project("Bezpieczny rejon", groups=[group], partners=[partner])
    make_project("Inny projekt", status="completed")
    base = "/admin/projects/project/"
    assert admin_client.get(base).status_code == 200
    cases = {
        "?status__exact=completed": ["Inny projekt"],
        f"?target_groups__id__exact={group.pk}": ["Bezpieczny rejon"],
        f"?partners__id__exact={partner.pk}": ["Bezpieczny rejon"],
        "?q=Złotnicki": ["Bezpieczny rejon"],
    }
    for query, expected in cases.items():
        response = admin_client.get(base + query)
        assert response.status_code == 200, query
        shown = [p.title for p in response.context["cl"].result_list]
        assert shown == expected, query


def test_partner_autocomplete_finds_partners_by_name(admin_client):
    make_partner("Komenda Powiatowa Policji")
    make_partner("Straż Miejska")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "Komenda",
            "app_label": "projects",
            "model_name": "partnership",
            "field_name": "partner",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Komenda Powiatowa Policji"]


def test_partner_admin_page_lists_its_projects(admin_client):
    partner = make_partner("TBS Złotnicki")
    first = make_project("Bezpieczny rejon", partners=[partner])
    second = make_project("Mieszkanie bez długu", partners=[partner])
    response = admin_client.get(f"/admin/projects/partner/{partner.pk}/change/")
    assert response.status_code == 200
    for project in (first, second):
        assert f"/admin/projects/project/{project.pk}/change/" in response.text
    changelist = admin_client.get("/admin/projects/partner/")
    assert changelist.context["cl"].result_list[0].project_count == 2


def test_partner_in_use_cannot_be_deleted_in_admin(admin_client):
    partner = make_partner()
    make_project(partners=[partner])
    response = admin_client.post(f"/admin/projects/partner/{partner.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_target_group_admin_pages_render(admin_client):
    make_group()
    assert admin_client.get("/admin/projects/targetgroup/").status_code == 200
    assert admin_client.get("/admin/projects/targetgroup/add/").status_code == 200
    assert admin_client.get("/admin/projects/partner/add/").status_code == 200
