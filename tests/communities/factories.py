"""Small factories for OSL records."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from communities.models import (
    ActivitySite,
    CommunityArea,
    Event,
    Initiative,
    Organiser,
    SiteHours,
    Specialist,
    Street,
)

_counter = itertools.count(1)


def _publication(published):
    """Published an hour ago, or a draft; a test sets ``published_at`` for anything else."""
    return timezone.now() - dt.timedelta(hours=1) if published else None


def make_area(streets=(), published=True, **fields):
    """An area; ``streets`` holds names (whole street) or (name, from, to, side) tuples."""
    n = next(_counter)
    defaults = {
        "name": f"Osiedle {n}",
        "slug": f"osiedle-{n}",
        "city": "Stalowa Wola",
        "published_at": _publication(published),
    }
    defaults.update(fields)
    area = CommunityArea.objects.create(**defaults)
    for street in streets:
        name, low, high, side = (street, None, None, "all") if isinstance(street, str) else street
        Street.objects.create(area=area, name=name, number_from=low, number_to=high, side=side)
    return area


def make_site(area, hours=True, **fields):
    """A site open Monday–Friday 10:00–18:00 unless ``hours`` is False."""
    defaults = {
        "name": f"MAL {area.name}",
        "street_address": "ul. Podleśna 2",
        "postal_code": "37-450",
        "city": area.city,
        "latitude": Decimal("50.571900"),
        "longitude": Decimal("22.045100"),
    }
    defaults.update(fields)
    site = ActivitySite.objects.create(area=area, **defaults)
    if hours:
        for day in range(5):
            SiteHours.objects.create(site=site, weekday=day, opens=dt.time(10), closes=dt.time(18))
    return site


def make_event(area, starts_at=None, hours=2, site=None, place="", published=True, **fields):
    n = next(_counter)
    starts_at = starts_at or timezone.now() + dt.timedelta(days=3)
    defaults = {
        "title": f"Spotkanie {n}",
        "slug": f"spotkanie-{n}",
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=hours),
        "site": site,
        "place": place if (place or site) else "świetlica",
        "published_at": _publication(published),
    }
    defaults.update(fields)
    return Event.objects.create(area=area, **defaults)


def make_full_area(streets=("Podleśna",), **fields):
    """An area with a site, an organiser, an initiative, a specialist and an event."""
    area = make_area(streets=streets, **fields)
    site = make_site(area)
    organiser = Organiser.objects.create(
        name="Ewa Testowa", role="organizatorka", phone="15 000 30 01", email="ewa@mops.example"
    )
    area.organisers.add(organiser)
    Initiative.objects.create(area=area, site=site, name="Klub", audience="rodzice")
    Specialist.objects.create(
        area=area, site=site, specialty="psychologist", schedule="w środy 15:00–17:00"
    )
    make_event(area, site=site)
    return area
