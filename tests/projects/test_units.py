"""An outcome's unit in three Polish forms: picked from the common ones or typed, shown
agreeing with the number, and converted from the old free text by a migration."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from projects.admin import OutcomeForm
from projects.models import Outcome
from projects.units import unit_forms
from tests.projects.factories import add_outcome, make_project
from tests.publication import migrate, migrate_to_latest

pytestmark = pytest.mark.django_db


def outcome_form(project, instance=None, **data):
    values = {"order": "1", "label": "uczestnicy", "achieved_value": "32", **data}
    return OutcomeForm(data=values, instance=instance or Outcome(project=project))


def test_a_common_unit_picked_from_the_list_gets_its_three_forms():
    project = make_project(slug="wyniki")
    form = outcome_form(project, unit="rodzin")
    assert form.is_valid(), form.errors
    outcome = form.save()
    assert outcome.unit_forms == ("rodzina", "rodziny", "rodzin")
    assert outcome.achieved_display == "32 rodziny"


def test_a_custom_unit_is_typed_in_its_three_forms():
    project = make_project()
    form = outcome_form(
        project, unit_one="konsultacja", unit_few="konsultacje", unit_many="konsultacji"
    )
    assert form.is_valid(), form.errors
    assert form.save().achieved_display == "32 konsultacje"


def test_a_custom_unit_needs_all_three_forms():
    form = outcome_form(make_project(), unit_one="konsultacja", unit_few="konsultacje")
    assert not form.is_valid()
    assert "Wpisz jednostkę we wszystkich trzech formach" in str(form.errors)
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(
            project=make_project(), label="a", achieved_value=1, unit_one="x", unit_few="y"
        )


def test_a_unit_both_picked_and_typed_is_refused_in_polish():
    form = outcome_form(make_project(), unit="osób", unit_one="a", unit_few="b", unit_many="c")
    assert not form.is_valid()
    assert "nie jedno i drugie" in str(form.errors)


def test_no_unit_leaves_the_number_alone():
    form = outcome_form(make_project())
    assert form.is_valid(), form.errors
    assert form.save().achieved_display == "32"


def test_a_stored_common_unit_shows_as_picked_and_saves_unchanged():
    project = make_project()
    outcome = add_outcome(project, "uczestnicy", 32, unit="osób")
    form = OutcomeForm(instance=outcome)
    assert form.initial["unit"] == "osób"
    assert form["unit_one"].value() == ""
    bound = outcome_form(project, instance=outcome, order="0", unit="osób")
    assert bound.is_valid(), bound.errors
    assert bound.changed_data == []


def test_the_admin_offers_the_common_units(admin_client):
    project = make_project()
    add_outcome(project, "uczestnicy", 32, unit="osób")
    html = admin_client.get(f"/admin/projects/project/{project.pk}/change/").text
    assert '<option value="osób" selected>osoby</option>' in html
    assert '<option value="rodzin">rodziny</option>' in html
    assert "wpisz własną jednostkę w trzech formach" in html


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("osób", ("osoba", "osoby", "osób")),
        (" Osoby ", ("osoba", "osoby", "osób")),
        ("rodzin", ("rodzina", "rodziny", "rodzin")),
        ("m²", ("m²", "m²", "m²")),
        ("", ("", "", "")),
    ],
)
def test_free_text_units_map_to_three_forms(text, forms):
    assert unit_forms(text) == forms


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_old_units_their_three_forms_and_goes_back():
    old = migrate(("projects", "0009_documents"))
    Project = old.get_model("projects", "Project")
    Outcome = old.get_model("projects", "Outcome")
    project = Project.objects.create(
        title="P", slug="p", lead="L.", start_date=dt.date(2025, 1, 1), main_goal="C."
    )
    for order, unit in enumerate(["osób", "godzin", "paczek żywnościowych", ""]):
        Outcome.objects.create(
            project=project, label=f"w{order}", achieved_value=Decimal(3), unit=unit, order=order
        )
    try:
        new = migrate(("projects", "0010_outcome_unit_in_three_forms"))
        rows = new.get_model("projects", "Outcome").objects.order_by("order")
        assert [(o.unit_one, o.unit_few, o.unit_many) for o in rows] == [
            ("osoba", "osoby", "osób"),
            ("godzina", "godziny", "godzin"),
            ("paczek żywnościowych",) * 3,
            ("", "", ""),
        ]
        back = migrate(("projects", "0009_documents"))
        rows = back.get_model("projects", "Outcome").objects.order_by("order")
        assert [o.unit for o in rows] == ["osób", "godzin", "paczek żywnościowych", ""]
    finally:
        migrate_to_latest()
