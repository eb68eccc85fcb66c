"""Planned and achieved figures are one row: the migration pairs the old rows by label."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.projects.factories import add_outcome, make_project
from tests.publication import migrate, migrate_to_latest


@pytest.mark.django_db
def test_the_admin_and_the_page_show_figures_without_needless_decimals(admin_client, client):
    project = make_project(slug="wyniki")
    add_outcome(project, "uczestnicy", 32, planned=Decimal("40.50"))
    html = admin_client.get(f"/admin/projects/project/{project.pk}/change/").text
    assert 'name="outcomes-0-planned_value" value="40.5"' in html
    assert 'name="outcomes-0-achieved_value" value="32"' in html
    page = client.get("/projekty/wyniki/").text
    assert "<td>40,5 osoby</td>" in page and "<td>32 osoby</td>" in page


@pytest.mark.django_db(transaction=True)
def test_the_migration_pairs_planned_and_achieved_rows_by_label_and_keeps_the_rest():
    old = migrate(("projects", "0007_phone_extension"))
    Project = old.get_model("projects", "Project")
    Outcome = old.get_model("projects", "Outcome")
    project = Project.objects.create(
        title="P", slug="p", lead="L.", start_date=dt.date(2025, 1, 1), main_goal="C."
    )
    rows = [
        ("uczestnicy", "osiagniety", 145, 2),
        ("uczestnicy", "planowany", 150, 1),
        ("ukończyli kurs", "osiagniety", 12, 3),
        ("mieszkania", "planowany", 4, 4),
    ]
    for label, kind, value, order in rows:
        Outcome.objects.create(
            project=project, label=label, kind=kind, value=Decimal(value), unit="osób", order=order
        )
    try:
        new = migrate(("projects", "0008_outcome_planned_and_achieved"))
        paired = new.get_model("projects", "Outcome").objects.order_by("order", "pk")
        assert [(o.label, o.planned_value, o.achieved_value, o.order) for o in paired] == [
            ("uczestnicy", 150, 145, 1),
            ("ukończyli kurs", None, 12, 3),
            ("mieszkania", 4, None, 4),
        ]
    finally:
        migrate_to_latest()
