import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from communities import demo
from communities.models import CommunityArea, Event, Initiative, Specialist, Street

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "areas": sorted(CommunityArea.objects.values_list("slug", flat=True)),
        "streets": sorted(Street.objects.values_list("key", "number_from")),
        "events": sorted(Event.objects.values_list("slug", "starts_at")),
        "initiatives": Initiative.objects.count(),
        "specialists": Specialist.objects.count(),
    }


def test_demo_has_the_seed_areas_with_upcoming_events_and_is_idempotent():
    demo.load(scale=0, stdout=io.StringIO())
    first = _snapshot()
    demo.load(scale=0, stdout=io.StringIO())
    assert _snapshot() == first
    assert {"osiedle-fabryczne", "gutwin", "czestocice"} <= set(first["areas"])
    assert ("podlesna", 2) in first["streets"]
    assert ("1 go sierpnia", 22) in first["streets"]
    assert Initiative.objects.filter(name="Klub „Wesoła Gromadka”").exists()
    assert Initiative.objects.filter(name="Szkoła rodziny").count() == 2
    assert set(Specialist.objects.values_list("specialty", flat=True)) >= {
        "speech",
        "sociotherapy",
        "psychologist",
        "addiction",
    }
    upcoming = Event.objects.published().upcoming(timezone.now())
    assert upcoming.filter(area__slug="gutwin").exists()
    assert upcoming.count() >= 6
    assert Event.objects.published().past().exists()


def test_demo_scale_adds_synthetic_areas_and_stays_idempotent():
    call_command("load_demo", scale=5, stdout=io.StringIO())
    call_command("load_demo", scale=5, stdout=io.StringIO())
    synthetic = CommunityArea.objects.filter(slug__startswith="obszar-testowy-")
    assert synthetic.count() == 5
    assert Event.objects.filter(area__in=synthetic).count() == 10
    assert all(area.sites.count() == 1 for area in synthetic)
