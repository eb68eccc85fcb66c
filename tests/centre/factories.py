"""Small factories for the site-wide records; each app has its own beside its tests."""

import datetime as dt

from centre.models import Centre, CentreHours, CentrePhone, CentreSpecialDay


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
