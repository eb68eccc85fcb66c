"""Demo centre: a believable MOPS with invented phones and people."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from centre.models import (
    AccessibilityStatement,
    Centre,
    CentreHours,
    CentrePhone,
    CentreSpecialDay,
    PublicInformation,
    Unit,
    UnitHours,
    UnitPhone,
    UnitSpecialDay,
)
from core import holidays
from core.documents import ensure_document
from core.models import Weekday

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
    """The first such weekday after ``start`` that is no public holiday."""
    day = start + dt.timedelta(days=(weekday - start.weekday()) % 7 or 7)
    while holidays.name(day):
        day += dt.timedelta(days=7)
    return day


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
    # Public holidays (24 December among them) need no rows: the hours know them.
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
    _legal_pages(centre, today)
    ensure_document(
        centre.documents,
        "Wniosek o udzielenie pomocy (wzór ogólny)",
        ["Wzor demonstracyjny portalu opsportal.", "Imie i nazwisko, adres, o jaka pomoc prosisz."],
    )
    _units(today, scale)
    stdout.write(f"Centre: {centre.name}")


# The centre's units (placówki), with invented phones; one open on Saturday mornings.
UNITS = [
    {
        "slug": "dzial-swiadczen",
        "name": "Dział Pomocy Środowiskowej i Świadczeń",
        "description": (
            "Przyjmuje wnioski o zasiłki, posiłek i usługi opiekuńcze; tu pracują "
            "pracownicy socjalni rejonów."
        ),
        "street_address": "ul. Romana Dmowskiego 1, parter",
        "latitude": Decimal("50.582600"),
        "longitude": Decimal("22.053400"),
        "email": "swiadczenia@mops-stalowawola.example",
        "phones": [("Rejestracja", "15 000 10 02"), ("Kierownik działu", "15 000 10 12")],
        "week": WEEK,
    },
    {
        "slug": "punkt-interwencji-kryzysowej",
        "name": "Punkt Interwencji Kryzysowej",
        "description": (
            "Rozmowa z psychologiem i pomoc w kryzysie, także przy przemocy domowej. "
            "Bez skierowania i bez względu na dochód."
        ),
        "street_address": "ul. Komisji Edukacji Narodowej 7",
        "latitude": Decimal("50.578900"),
        "longitude": Decimal("22.046100"),
        "email": "interwencja@mops-stalowawola.example",
        "phones": [("Dyżur", "15 000 10 40")],
        "week": [
            *((day, "8:00", "20:00") for day in range(Weekday.MONDAY, Weekday.SATURDAY)),
            (Weekday.SATURDAY, "9:00", "13:00"),
        ],
    },
    {
        "slug": "dzienny-dom-senior",
        "name": "Dzienny Dom „Senior+”",
        "description": (
            "Zajęcia, posiłek i towarzystwo w dzień dla osób po 60. roku życia; "
            "tu także zgłosisz potrzebę usług opiekuńczych."
        ),
        "street_address": "ul. Wojska Polskiego 12",
        "latitude": Decimal("50.571300"),
        "longitude": Decimal("22.062800"),
        "email": "senior@mops-stalowawola.example",
        "phones": [("Kierownik", "15 000 10 50")],
        "week": [(day, "8:00", "16:00") for day in range(Weekday.MONDAY, Weekday.SATURDAY)],
    },
]


def _units(today, scale):
    specs = list(UNITS)
    # A few synthetic units for the query-count benchmarks of /kontakt/.
    specs += [
        {
            "slug": f"placowka-testowa-{number}",
            "name": f"Placówka testowa {number}",
            "description": "",
            "street_address": f"ul. Testowa {number}",
            "latitude": None,
            "longitude": None,
            "email": "",
            "phones": [("Sekretariat", "15 000 20 00")],
            "week": WEEK,
        }
        for number in range(1, scale // 50 + 1)
    ]
    for order, spec in enumerate(specs):
        unit, _created = Unit.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "street_address": spec["street_address"],
                "postal_code": "37-450",
                "city": "Stalowa Wola",
                "latitude": spec["latitude"],
                "longitude": spec["longitude"],
                "email": spec["email"],
                "order": order,
            },
        )
        unit.phones.all().delete()
        UnitPhone.objects.bulk_create(
            UnitPhone(unit=unit, label=label, number=number, order=position)
            for position, (label, number) in enumerate(spec["phones"])
        )
        unit.hours.all().delete()
        UnitHours.objects.bulk_create(
            UnitHours(unit=unit, weekday=day, opens=_time(opens), closes=_time(closes))
            for day, opens, closes in spec["week"]
        )
        unit.special_days.all().delete()
    senior = Unit.objects.get(slug="dzienny-dom-senior")
    UnitSpecialDay.objects.create(
        unit=senior,
        date=_next_weekday(today + dt.timedelta(days=3), Weekday.THURSDAY),
        reason="Wycieczka uczestników",
    )


EASY_TO_READ = """## Kim jesteśmy

Jesteśmy Miejskim Ośrodkiem Pomocy Społecznej.
Pomagamy ludziom, którzy mają trudności w życiu.

## Jak pomagamy

Dajemy pieniądze na jedzenie, leki i mieszkanie.
Pracownik socjalny rozmawia z Tobą i razem szukacie rozwiązania.
Prowadzimy projekty socjalne i spotkania dla mieszkańców osiedli.

## Jak się z nami skontaktować

Możesz przyjść do nas od poniedziałku do piątku.
Możesz zadzwonić lub napisać e-mail.
Możesz napisać pismo przez ePUAP.
Jeśli jesteś osobą głuchą, możesz przyjść z tłumaczem języka migowego.
Powiedz nam o tym 3 dni wcześniej."""

MACHINE_READABLE = """Miejski Ośrodek Pomocy Społecznej — zakres działalności

Ośrodek realizuje zadania pomocy społecznej gminy: przyznaje i wypłaca świadczenia
pieniężne i niepieniężne, prowadzi pracę socjalną, projekty socjalne oraz
organizowanie społeczności lokalnej (OSL), wspiera rodziny, osoby starsze,
osoby z niepełnosprawnościami i osoby w kryzysie bezdomności.

Kontakt: ul. Romana Dmowskiego 1, 37-450 Stalowa Wola,
e-mail sekretariat@mops-stalowawola.example, skrytka ePUAP /MOPS_StalowaWola/SkrytkaESP.
"""


def _legal_pages(centre, today):
    AccessibilityStatement.objects.update_or_create(
        singleton=True,
        defaults={
            "entity_name": centre.name,
            "website_url": "https://mops-stalowawola.example/",
            "published_on": dt.date(2026, 11, 1),
            "site_updated_on": dt.date(2026, 11, 1),
            "status": AccessibilityStatement.Status.COMPLIANT,
            "prepared_on": dt.date(2026, 11, 1),
            "reviewed_on": today,
            "assessment": AccessibilityStatement.Assessment.SELF,
            "contact_person": "Koordynator do spraw dostępności",
            "contact_email": "dostepnosc@mops-stalowawola.example",
            "contact_phone": "15 000 10 05",
            "architecture": (
                "Wejście główne od ul. Dmowskiego ma podjazd dla wózków i drzwi otwierane "
                "automatycznie.\n\nPokoje obsługi mieszkańców są na parterze. Na parterze jest "
                "toaleta dostosowana do potrzeb osób z niepełnosprawnościami. W punkcie "
                "obsługi działa pętla indukcyjna.\n\nDo budynku można wejść z psem "
                "asystującym. Przed budynkiem są dwa miejsca parkingowe dla osób "
                "z niepełnosprawnościami."
            ),
            "communication": (
                "Osoby doświadczające trwale lub okresowo trudności w komunikowaniu się "
                "mogą skorzystać z pomocy tłumacza polskiego języka migowego (PJM), "
                "systemu językowo-migowego (SJM) lub sposobu komunikowania się osób "
                "głuchoniewidomych (SKOGN). Usługę trzeba zgłosić co najmniej 3 dni robocze "
                "wcześniej, e-mailem, przez ePUAP lub przez osobę przybraną.\n\n"
                "Można też napisać SMS-a lub e-mail do pracownika socjalnego."
            ),
        },
    )
    PublicInformation.objects.update_or_create(
        singleton=True,
        defaults={
            "easy_to_read": EASY_TO_READ,
            "sign_language_video_url": "https://mops-stalowawola.example/media/pjm-informacje.mp4",
            "sign_language_description": "Nagranie z napisami, 4 minuty.",
            "machine_readable_text": MACHINE_READABLE,
        },
    )
