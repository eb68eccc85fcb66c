"""Demo centre: a believable MOPS with invented phones and people."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from opsportal.models import Centre, CentreHours, CentrePhone, CentreSpecialDay, Weekday

INTRO = (
    "Pomagamy mieszkańcom miasta w trudnych sytuacjach życiowych: przyznajemy "
    "świadczenia, prowadzimy pracę socjalną, projekty socjalne i organizowanie "
    "społeczności lokalnej. Zapraszamy osobiście, telefonicznie i przez ePUAP."
)

WEEK = [
    (Weekday.MONDAY, "7:30", "15:30"),
    (Weekday.TUESDAY, "7:30", "17:00"),
    (Weekday.WEDNESDAY, "7:30", "15:30"),
    (Weekday.THURSDAY, "7:30", "15:30"),
    (Weekday.FRIDAY, "7:30", "14:00"),
]

PHONES = [
    ("Sekretariat", "15 000 10 01"),
    ("Dział świadczeń", "15 000 10 02"),
    ("Organizowanie społeczności lokalnej", "15 000 10 03"),
]


def _time(text):
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def _next_weekday(start, weekday):
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7 or 7)


def load(scale, stdout):
    centre, _ = Centre.objects.update_or_create(
        singleton=True,
        defaults={
            "name": "Miejski Ośrodek Pomocy Społecznej w Stalowej Woli",
            "short_name": "MOPS",
            "intro": INTRO,
            "street_address": "ul. Romana Dmowskiego 1",
            "postal_code": "37-450",
            "city": "Stalowa Wola",
            "latitude": Decimal("50.582600"),
            "longitude": Decimal("22.053400"),
            "email": "sekretariat@mops-stalowawola.example",
            "epuap_box": "/MOPS_StalowaWola/SkrytkaESP",
            "bip_url": "https://bip.mops-stalowawola.example/",
            "iod_name": "Inspektor ochrony danych",
            "iod_email": "iod@mops-stalowawola.example",
            "iod_phone": "15 000 10 09",
        },
    )
    centre.phones.all().delete()
    CentrePhone.objects.bulk_create(
        CentrePhone(centre=centre, label=label, number=number, order=order)
        for order, (label, number) in enumerate(PHONES)
    )
    centre.hours.all().delete()
    CentreHours.objects.bulk_create(
        CentreHours(centre=centre, weekday=day, opens=_time(opens), closes=_time(closes))
        for day, opens, closes in WEEK
    )

    today = timezone.localdate()
    centre.special_days.all().delete()
    training_day = _next_weekday(today + dt.timedelta(days=10), Weekday.WEDNESDAY)
    special = [
        (training_day, None, None, "Szkolenie pracowników"),
        (_next_weekday(today, Weekday.FRIDAY), "7:30", "12:00", "Krótszy dzień pracy"),
    ]
    christmas_eve = dt.date(today.year, 12, 24)
    if christmas_eve >= today:
        special.append((christmas_eve, None, None, "Wigilia"))
    CentreSpecialDay.objects.bulk_create(
        CentreSpecialDay(
            centre=centre,
            date=date,
            opens=_time(opens) if opens else None,
            closes=_time(closes) if closes else None,
            reason=reason,
        )
        for date, opens, closes, reason in special
    )
    stdout.write(f"Centre: {centre.name}")
