import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from projects.models import Outcome, Partnership, Project, ProjectStatus
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


def test_outcome_values_cannot_be_negative():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        add_outcome(project, "uczestnicy", -1)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_outcome(project, "uczestnicy", planned=-1)


def test_an_outcome_has_at_least_one_value_and_one_row_per_label():
    project = make_project()
    with pytest.raises(IntegrityError), transaction.atomic():
        add_outcome(project, "uczestnicy")
    add_outcome(project, "uczestnicy", 145, planned=150)
    with pytest.raises(ValidationError, match="Ten wskaźnik już jest w projekcie"):
        Outcome(project=project, label="uczestnicy", achieved_value=140).full_clean()


def test_planned_and_achieved_values_are_one_row_in_editor_order():
    project = make_project()
    add_outcome(project, "ukończyło", 96, order=2)
    add_outcome(project, "zrekrutowani", 145, planned=150, order=1)
    rows = list(project.outcomes.all())
    assert [(o.label, o.planned_display, o.achieved_display) for o in rows] == [
        ("zrekrutowani", "150 osób", "145 osób"),
        ("ukończyło", "", "96 osób"),
    ]
    assert project.has_planned_outcomes() and project.has_achieved_outcomes()


def test_outcome_values_read_without_needless_decimals():
    project = make_project()
    assert add_outcome(project, "a", 145, unit="").achieved_display == "145"
    assert add_outcome(project, "b", planned=Decimal("12.50")).planned_display == "12,5 osoby"
    assert str(Outcome.objects.get(label="a")) == "a: osiągnięto 145"
    assert str(Outcome.objects.get(label="b")) == "b: planowano 12,5 osoby"


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
