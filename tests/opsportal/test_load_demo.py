import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from centre.models import Centre, CentreHours, CentreSpecialDay


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    run()
    counts = (Centre.objects.count(), CentreHours.objects.count(), CentreSpecialDay.objects.count())
    run()
    assert counts == (
        Centre.objects.count(),
        CentreHours.objects.count(),
        CentreSpecialDay.objects.count(),
    )
    assert counts[0] == 1


@pytest.mark.django_db
def test_demo_centre_has_a_shorter_friday_and_a_coming_closure_day():
    run()
    centre = Centre.load()
    week = dict(centre.schedule.week())
    assert str(week[4][0]) != str(week[0][0])
    assert any(day.is_closed for day in centre.coming_exceptions())


@pytest.mark.django_db
def test_with_admin_prints_a_new_random_password_that_logs_in():
    first = re.search(r"admin / (\S+)", run("--with-admin")).group(1)
    second = re.search(r"admin / (\S+)", run("--with-admin")).group(1)
    assert first != second
    assert len(second) >= 12
    assert authenticate(username="admin", password=second) is not None
    assert authenticate(username="admin", password=first) is None


@pytest.mark.django_db
def test_on_postgresql_load_demo_leaves_the_planner_statistics_gathered():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    from projects.models import Project

    def estimated_rows():
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'projects_project'")
            return cursor.fetchone()[0]

    run("--scale", "30")
    # -1 means never analysed; ANALYZE counts the rows this transaction added.
    assert estimated_rows() == Project.objects.count() > 30
