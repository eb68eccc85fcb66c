import io

import pytest

from projects import demo
from projects.models import Outcome, Partner, Partnership, Project, SpecificGoal

pytestmark = pytest.mark.django_db


def counts():
    return tuple(m.objects.count() for m in (Project, Partner, Partnership, SpecificGoal, Outcome))


def test_demo_has_six_published_projects_from_the_seeds():
    demo.load(scale=0, stdout=io.StringIO())
    titles = set(Project.objects.published().values_list("title", flat=True))
    assert len(titles) >= 6
    for title in [
        "Bezpieczny rejon",
        "Mieszkanie bez długu",
        "Szansa dla Ciebie",
        "Wspólnymi siłami",
        "Partnerstwo na rzecz aktywnej integracji w powiecie zawierciańskim",
    ]:
        assert title in titles
    assert set(Project.objects.values_list("status", flat=True)) == {
        "planned",
        "ongoing",
        "completed",
    }


def test_demo_keeps_the_seed_figures_of_the_zawiercie_partnership():
    demo.load(scale=0, stdout=io.StringIO())
    project = Project.objects.get(slug="partnerstwo-na-rzecz-aktywnej-integracji")
    values = {o.label: int(o.achieved_value) for o in project.outcomes.all()}
    assert sorted(values.values())[-4:] == [12, 13, 96, 145]
    assert values["ukończyli kurs zawodowy ECDL Base"] == 12


def test_demo_shares_one_partner_record_across_projects_in_seed_order():
    demo.load(scale=0, stdout=io.StringIO())
    police = Partner.objects.get(name="Komenda Powiatowa Policji w Zduńskiej Woli")
    assert set(police.projects.values_list("slug", flat=True)) == {
        "bezpieczny-rejon",
        "szansa-dla-ciebie",
        "wspolnymi-silami",
    }
    tbs = Partner.objects.get(slug="tbs-zlotnicki")
    assert tbs.projects.count() == 3
    flat = Project.objects.get(slug="mieszkanie-bez-dlugu")
    assert [p.partner.slug for p in flat.partnerships.all()] == [
        "tbs-zlotnicki",
        "sm-lokator",
        "bgl-zdunska-wola",
    ]
    coalition = Project.objects.get(slug="szansa-dla-ciebie").partnerships.all()
    assert {p.role for p in coalition[1:]} == {"koalicjant"}


def test_demo_is_idempotent():
    demo.load(scale=0, stdout=io.StringIO())
    first = counts()
    demo.load(scale=0, stdout=io.StringIO())
    assert counts() == first


def test_demo_scale_adds_synthetic_projects_with_partners_goals_and_outcomes():
    demo.load(scale=0, stdout=io.StringIO())
    before = Project.objects.count()
    demo.load(scale=40, stdout=io.StringIO())
    assert Project.objects.count() == before + 40
    synthetic = Project.objects.filter(slug__startswith="projekt-syntetyczny-")
    assert synthetic.published().count() == 40
    sample = synthetic.with_details().first()
    assert len(sample.partnerships.all()) == 3
    assert len(sample.goals.all()) == 2
    [outcome] = sample.outcomes.all()
    assert (outcome.planned_display, outcome.achieved_display) == ("40 osób", "32 osoby")
    assert len(sample.target_groups.all()) == 1
