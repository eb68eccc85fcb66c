"""Small factories for projects, partners and target groups."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from core import search_index
from projects.models import (
    Outcome,
    Partner,
    PartnerRole,
    Partnership,
    Project,
    ProjectStatus,
    SpecificGoal,
    TargetGroup,
)
from projects.search import PROJECTS
from projects.units import unit_fields

_numbers = itertools.count(1)


def make_group(name=None, slug=None):
    n = next(_numbers)
    return TargetGroup.objects.create(name=name or f"grupa {n}", slug=slug or f"grupa-{n}")


def make_partner(name=None, slug=None, **fields):
    n = next(_numbers)
    return Partner.objects.create(
        name=name or f"Organizacja {n}", slug=slug or f"organizacja-{n}", **fields
    )


def make_project(
    title=None,
    *,
    slug=None,
    published=True,
    published_at=None,
    groups=(),
    partners=(),
    **fields,
):
    """A project, published an hour ago unless told otherwise (``published=False``: a draft).

    ``partners`` is a list of partners or (partner, role) pairs, kept in order.
    """
    n = next(_numbers)
    defaults = {
        "title": title or f"Projekt {n}",
        "slug": slug or f"projekt-{n}",
        "lead": "Krótki opis projektu.",
        "status": ProjectStatus.ONGOING,
        "start_date": dt.date(2025, 1, 1),
        "main_goal": "Poprawa sytuacji mieszkańców.",
        "published_at": (published_at or timezone.now() - dt.timedelta(hours=1))
        if published
        else None,
    }
    defaults.update(fields)
    project = Project.objects.create(**defaults)
    project.target_groups.set(groups)
    for order, item in enumerate(partners, start=1):
        partner, role = item if isinstance(item, tuple) else (item, PartnerRole.PARTNER)
        Partnership.objects.create(project=project, partner=partner, role=role, order=order)
    return project


def add_goal(project, text, order=0):
    return SpecificGoal.objects.create(project=project, text=text, order=order)


def add_outcome(project, label, achieved=None, planned=None, unit="osób", order=0):
    """An outcome row with an achieved and/or a planned value."""
    return Outcome.objects.create(
        project=project,
        label=label,
        achieved_value=None if achieved is None else Decimal(achieved),
        planned_value=None if planned is None else Decimal(planned),
        order=order,
        **unit_fields(unit),
    )


def make_full_project(**fields):
    """A project with everything the detail page shows: groups, goals, partners, outcomes."""
    project = make_project(
        groups=[make_group()],
        partners=[(make_partner(), PartnerRole.LEADER), make_partner(), make_partner()],
        contact_name="Anna Przykładowa",
        contact_phone="15 000 20 01",
        contact_email="projekty@mops.example",
        how_to_join="Zgłoś się do pracownika socjalnego.",
        **fields,
    )
    add_goal(project, "Pierwszy cel.", 1)
    add_goal(project, "Drugi cel.", 2)
    add_outcome(project, "uczestnicy", 145, planned=150)
    add_outcome(project, "ukończyło", 96)
    return project


def make_many_projects(count, groups, partners):
    """``count`` published projects in bulk, each with a group, two partners and an outcome."""
    now = timezone.now()
    first = next(_numbers)
    slugs = [f"projekt-masowy-{first}-{i}" for i in range(count)]
    Project.objects.bulk_create(
        Project(
            title=f"Projekt masowy {i}",
            slug=slug,
            lead="Opis.",
            status=ProjectStatus.ONGOING,
            start_date=dt.date(2024, 1, 1),
            main_goal="Cel.",
            published_at=now - dt.timedelta(days=1, minutes=i),
        )
        for i, slug in enumerate(slugs)
    )
    projects = list(Project.objects.filter(slug__in=slugs))
    Through = Project.target_groups.through
    Through.objects.bulk_create(
        Through(project=p, targetgroup=groups[i % len(groups)]) for i, p in enumerate(projects)
    )
    Partnership.objects.bulk_create(
        Partnership(project=p, partner=partners[(i + k) % len(partners)], order=k)
        for i, p in enumerate(projects)
        for k in range(min(2, len(partners)))
    )
    SpecificGoal.objects.bulk_create(SpecificGoal(project=p, text="Cel.") for p in projects)
    Outcome.objects.bulk_create(
        Outcome(project=p, label="uczestnicy", achieved_value=Decimal(10)) for p in projects
    )
    # Bulk writes send no signals: the search index learns of them as load_demo's do.
    search_index.update(PROJECTS, [p.pk for p in projects])
    return projects
