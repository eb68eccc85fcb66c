import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from projects.models import Outcome, OutcomeKind, Partnership, Project, ProjectStatus
from tests.projects.factories import add_outcome, make_group, make_partner, make_project

pytestmark = pytest.mark.django_db


def test_database_refuses_a_project_that_ends_before_it_starts():
    project = make_project(start_date=dt.date(2025, 5, 1))
    project.end_date = dt.date(2025, 4, 30)
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_end_before_start_is_a_form_error_too():
    project = make_project(start_date=dt.date(2025, 5, 1))
    project.end_date = dt.date(2025, 4, 30)
    with pytest.raises(ValidationError, match="Data rozpoczęcia"):
        project.full_clean()


def test_one_day_project_and_open_ended_project_are_allowed():
    make_project(start_date=dt.date(2025, 5, 1), end_date=dt.date(2025, 5, 1))
    make_project(start_date=dt.date(2025, 5, 1), end_date=None)
    assert Project.objects.count() == 2


def test_image_without_alt_text_is_refused_by_the_database():
    project = make_project()
    project.image = "projekty/zdjecie.jpg"
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()
    project.image_alt = "Uczestnicy projektu przy wspólnym stole"
    project.save()


def test_unknown_status_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(status="zawieszony")


def test_rss_is_not_a_project_slug_because_the_feed_lives_there():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_project(slug="rss")


def test_partner_appears_once_per_project():
    partner = make_partner()
    project = make_project(partners=[partner])
    with pytest.raises(IntegrityError), transaction.atomic():
        Partnership.objects.create(project=project, partner=partner, order=2)


def test_partner_in_use_cannot_be_deleted():
    partner = make_partner()
    make_project(partners=[partner])
    with pytest.raises(ProtectedError):
        partner.delete()


def test_deleting_a_project_keeps_its_shared_partners():
    partner = make_partner()
    project = make_project(partners=[partner])
    make_project(partners=[partner])
    project.delete()
    partner.refresh_from_db()
    assert partner.projects.count() == 1


def test_one_partner_record_serves_many_projects_with_different_roles():
    police = make_partner("Komenda Powiatowa Policji")
    first = make_project(partners=[(police, "partner")])
    second = make_project(partners=[(police, "koalicjant")])
    assert set(police.projects.all()) == {first, second}
    roles = dict(police.partnerships.values_list("project_id", "role"))
    assert roles == {first.pk: "partner", second.pk: "koalicjant"}


def test_outcome_value_cannot_be_negative():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        add_outcome(project, "uczestnicy", -1)


def test_outcome_label_has_one_planned_and_one_achieved_value_at_most():
    project = make_project()
    add_outcome(project, "uczestnicy", 150, kind=OutcomeKind.PLANNED)
    add_outcome(project, "uczestnicy", 145, kind=OutcomeKind.ACHIEVED)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_outcome(project, "uczestnicy", 140, kind=OutcomeKind.ACHIEVED)


def test_outcome_rows_pair_planned_and_achieved_values_in_editor_order():
    project = make_project()
    add_outcome(project, "ukończyło", 96, order=2)
    add_outcome(project, "zrekrutowani", 150, kind=OutcomeKind.PLANNED, order=1)
    add_outcome(project, "zrekrutowani", 145, order=1)
    rows = project.outcome_rows()
    assert [row["label"] for row in rows] == ["zrekrutowani", "ukończyło"]
    assert rows[0]["planned"].value == 150
    assert rows[0]["achieved"].value == 145
    assert rows[1]["planned"] is None


def test_outcome_values_read_without_needless_decimals():
    project = make_project()
    assert add_outcome(project, "a", 145).display_value == "145"
    assert add_outcome(project, "b", Decimal("12.50")).display_value == "12,5"
    assert str(Outcome.objects.get(label="a")) == "a: 145 osób (osiągnięty)"


def test_published_means_flag_set_and_publication_time_passed():
    now = timezone.now()
    visible = make_project(published=True, published_at=now - dt.timedelta(minutes=1))
    make_project(published=False, published_at=now - dt.timedelta(days=1))
    make_project(published=True, published_at=now + dt.timedelta(days=1))
    assert list(Project.objects.published()) == [visible]


def test_published_is_chainable():
    make_project(status=ProjectStatus.COMPLETED)
    ongoing = make_project(status=ProjectStatus.ONGOING)
    assert list(Project.objects.filter(status="ongoing").published()) == [ongoing]


def test_projects_are_ordered_newest_first():
    now = timezone.now()
    old = make_project(published_at=now - dt.timedelta(days=3))
    new = make_project(published_at=now - dt.timedelta(days=1))
    assert list(Project.objects.all()) == [new, old]


def test_ongoing_first_puts_ongoing_then_planned_then_completed():
    completed = make_project(status=ProjectStatus.COMPLETED)
    planned = make_project(status=ProjectStatus.PLANNED)
    ongoing = make_project(status=ProjectStatus.ONGOING)
    assert list(Project.objects.ongoing_first()) == [ongoing, planned, completed]


def test_absolute_urls():
    group = make_group(slug="seniorzy")
    partner = make_partner(slug="tbs")
    project = make_project(slug="bezpieczny-rejon")
    assert project.get_absolute_url() == "/projekty/bezpieczny-rejon/"
    assert group.get_absolute_url() == "/projekty/?grupa=seniorzy"
    assert partner.get_absolute_url() == "/projekty/?partner=tbs"
    assert str(project) == project.title
