"""Small factories for the site-wide records; each app has its own beside its tests."""

import datetime as dt

from centre.models import (
    AccessibilityStatement,
    Centre,
    CentreHours,
    CentrePhone,
    CentreSpecialDay,
    PublicInformation,
)


def make_centre(week=None, **fields):
    """A centre open Monday–Friday 8:00–16:00 unless ``week`` says otherwise.

    ``week`` maps a weekday number (0 = Monday) to a list of (opens, closes).
    """
    defaults = {
        "name": "Miejski Ośrodek Pomocy Społecznej w Testowie",
        "short_name": "MOPS",
        "intro": "Pomagamy mieszkańcom Testowa.",
        "street_address": "ul. Przykładowa 1",
        "postal_code": "00-001",
        "city": "Testów",
        "email": "sekretariat@mops.example",
        "bip_url": "https://bip.mops.example/",
        "iod_email": "iod@mops.example",
    }
    defaults.update(fields)
    centre = Centre.objects.create(**defaults)
    CentrePhone.objects.create(centre=centre, label="Sekretariat", number="22 000 00 01")
    if week is None:
        week = {day: [(dt.time(8), dt.time(16))] for day in range(5)}
    for weekday, ranges in week.items():
        for opens, closes in ranges:
            CentreHours.objects.create(centre=centre, weekday=weekday, opens=opens, closes=closes)
    return centre


def add_special_day(centre, date, opens=None, closes=None, reason=""):
    return CentreSpecialDay.objects.create(
        centre=centre, date=date, opens=opens, closes=closes, reason=reason
    )


def make_statement(**fields):
    """An accessibility statement with every field the page requires."""
    defaults = {
        "entity_name": "Miejski Ośrodek Pomocy Społecznej",
        "website_url": "https://mops.example/",
        "published_on": dt.date(2026, 11, 1),
        "site_updated_on": dt.date(2026, 11, 1),
        "status": AccessibilityStatement.Status.COMPLIANT,
        "prepared_on": dt.date(2026, 11, 1),
        "contact_person": "Koordynator do spraw dostępności",
        "contact_email": "dostepnosc@mops.example",
        "contact_phone": "15 000 10 05",
        "architecture": "Wejście z podjazdem.",
        "communication": "Tłumacz PJM po zgłoszeniu.",
    }
    defaults.update(fields)
    return AccessibilityStatement.objects.create(**defaults)


def make_information(**fields):
    """The centre's easy-to-read information with its PJM video link."""
    defaults = {
        "easy_to_read": "Pomagamy ludziom w trudnej sytuacji.",
        "sign_language_video_url": "https://mops.example/pjm.mp4",
        "machine_readable_text": "Ośrodek pomaga mieszkańcom.",
    }
    defaults.update(fields)
    return PublicInformation.objects.create(**defaults)
