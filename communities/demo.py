"""Demo OSL areas from seeds 001 (Stalowa Wola) and 004 (Ostrowiec Świętokrzyski).

Areas, streets, clubs and specialties come from the seeds; organisers' names
and phone numbers are invented, and so are the sites' exact addresses and
coordinates where the seeds name none. Events are dated relative to the day
the demo is loaded, so there is always something coming up.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from communities.models import (
    ActivitySite,
    CommunityArea,
    Event,
    Initiative,
    Organiser,
    SiteHours,
    SiteSpecialDay,
    Specialist,
    Street,
)
from communities.streets import street_key
from core.documents import ensure_document
from core.hours import WARSAW

OSTROWIEC_FACEBOOK = (
    "https://www.facebook.com/Organizowanie-Społeczności-Lokalnej-w-Ostrowcu-Świętokrzyskim"
    "-113607003514666"
)
OSTROWIEC_FACEBOOK_LABEL = "Organizowanie Społeczności Lokalnej w Ostrowcu Św. (Facebook)"

ORGANISERS = {
    "ewa": ("Ewa Sowińska", "organizatorka społeczności lokalnej", "15 000 30 01"),
    "pawel": ("Paweł Krukowski", "organizator społeczności lokalnej", "15 000 30 02"),
    "agnieszka": ("Agnieszka Wronowska", "organizatorka społeczności lokalnej", "41 000 30 03"),
    "marek": ("Marek Szpakowski", "koordynator OSL", "41 000 30 04"),
}

SCHOOL_OF_FAMILY = (
    "Działania środowiskowe nastawione na wzmacnianie zadań na rzecz wspierania dziecka "
    "i rodziny w zakresie wypełniania funkcji opiekuńczo-wychowawczych: spotkania, "
    "warsztaty i rozmowy z rodzicami."
)

AREAS = [
    {
        "slug": "osiedle-fabryczne",
        "name": "Osiedle Fabryczne",
        "city": "Stalowa Wola",
        "since_year": None,
        "summary": "Bloki przy ul. 1-go Sierpnia 22 i ul. Podleśnej 2.",
        "description": (
            "Za obszar działań OSL wybrano bloki przy ul. 1-go Sierpnia 22 i ul. Podleśnej 2 "
            "na Osiedlu Fabrycznym. Organizatorzy społeczności lokalnej prowadzą spotkania "
            "obywatelskie, spotkania z mieszkańcami zainteresowanymi aktywnym udziałem w życiu "
            "osiedla, lokalne wydarzenia, kampanie i akcje oraz wolontariat.\n\n"
            "Wspólnym celem partnerów jest poprawa wizerunku bloków i zaangażowanie mieszkańców "
            "w dbanie o własne otoczenie. Działania obejmą kolejne bloki na Osiedlu Fabrycznym."
        ),
        "social_url": "",
        "social_label": "",
        "organisers": ["ewa", "pawel"],
        "streets": [("1-go Sierpnia", 22, 22), ("Podleśna", 2, 2)],
        "sites": [
            {
                "name": "Klub „Wesoła Gromadka”",
                "street_address": "ul. Podleśna 2",
                "postal_code": "37-450",
                "city": "Stalowa Wola",
                "latitude": Decimal("50.571900"),
                "longitude": Decimal("22.045100"),
                "phone": "15 000 30 10",
                "step_free_entry": True,
                "accessible_toilet": False,
                "hearing_loop": False,
                "accessibility_notes": "Lokal na parterze bloku, wejście od podwórza z podjazdem.",
                "hours": [(day, "15:00", "19:00") for day in range(5)] + [(5, "10:00", "13:00")],
            },
        ],
        "initiatives": [
            {
                "name": "Klub „Wesoła Gromadka”",
                "kind": "club",
                "audience": "rodzice dzieci w wieku od 3 do 10 lat",
                "schedule": "od poniedziałku do piątku 15:00–19:00, w soboty 10:00–13:00",
                "description": (
                    "Klub prowadzony razem z mieszkańcami — rodzicami dzieci od 3 do 10 roku "
                    "życia. To miejsce, w którym rodzą się inicjatywy lokalne."
                ),
            },
        ],
        "specialists": [],
        "events": [
            (
                "spotkanie-obywatelskie-fabryczne",
                "Spotkanie obywatelskie mieszkańców bloków",
                3,
                17,
            ),
            ("sprzatanie-podworka-podlesna", "Wspólne sprzątanie podwórka przy Podleśnej", 12, 10),
            ("festyn-sasiedzki-fabryczne", "Festyn sąsiedzki na Osiedlu Fabrycznym", 26, 15),
        ],
        "past_events": [
            ("dzien-dziecka-wesola-gromadka", "Dzień Dziecka w „Wesołej Gromadce”", 20)
        ],
    },
    {
        "slug": "gutwin",
        "name": "Osiedle Gutwin",
        "city": "Ostrowiec Świętokrzyski",
        "since_year": 2019,
        "summary": "Miejsce Aktywności Lokalnej, „Szkoła rodziny” i dyżury specjalistów.",
        "description": (
            "Organizowanie Społeczności Lokalnej w Ostrowcu Świętokrzyskim prowadzimy od 2019 "
            "roku. Chcemy przełamywać anonimowość i izolację, budować więzi sąsiedzkie "
            "i inspirować do pozytywnych zmian.\n\n"
            "Do działań aktywizacyjnych i integracyjnych zapraszamy mieszkańców osiedla Gutwin "
            "i wszystkich mieszkańców miasta, którzy chcą działać na rzecz swojej społeczności."
        ),
        "social_url": OSTROWIEC_FACEBOOK,
        "social_label": OSTROWIEC_FACEBOOK_LABEL,
        "organisers": ["agnieszka", "marek"],
        "streets": [("Gutwin", None, None)],
        "sites": [
            {
                "name": "Miejsce Aktywności Lokalnej Gutwin",
                "street_address": "os. Gutwin 10",
                "postal_code": "27-400",
                "city": "Ostrowiec Świętokrzyski",
                "latitude": Decimal("50.935300"),
                "longitude": Decimal("21.401900"),
                "phone": "41 000 30 10",
                "step_free_entry": True,
                "accessible_toilet": True,
                "hearing_loop": False,
                "accessibility_notes": (
                    "Parter, szerokie drzwi, miejsce parkingowe przed budynkiem."
                ),
                "hours": [(day, "12:00", "18:00") for day in range(5)],
            },
        ],
        "initiatives": [
            {
                "name": "Szkoła rodziny",
                "kind": "programme",
                "audience": "rodzice i opiekunowie dzieci",
                "schedule": "we wtorki 16:00–18:00",
                "description": SCHOOL_OF_FAMILY,
            },
        ],
        "specialists": [
            ("speech", "w poniedziałki 14:00–16:00"),
            ("psychologist", "w środy 15:00–17:00"),
            ("addiction", "w pierwszy czwartek miesiąca 14:00–17:00"),
        ],
        "events": [
            ("szkola-rodziny-gutwin-warsztaty", "Szkoła rodziny: warsztaty dla rodziców", 5, 16),
            ("spotkanie-obywatelskie-gutwin", "Spotkanie obywatelskie na Gutwinie", 15, 17),
        ],
        "past_events": [("piknik-sasiedzki-gutwin", "Piknik sąsiedzki na Gutwinie", 30)],
    },
    {
        "slug": "czestocice",
        "name": "Osiedle Częstocice",
        "city": "Ostrowiec Świętokrzyski",
        "since_year": 2019,
        "summary": "Miejsce Aktywności Lokalnej, inicjatywy sąsiedzkie i dyżury specjalistów.",
        "description": (
            "Na osiedlu Częstocice działa Miejsce Aktywności Lokalnej, w którym organizujemy "
            "wydarzenia społeczne, inicjatywy sąsiedzkie i projekty socjalne oraz budujemy "
            "lokalne partnerstwa.\n\n"
            "Relacje z działań publikujemy na Facebooku."
        ),
        "social_url": OSTROWIEC_FACEBOOK,
        "social_label": OSTROWIEC_FACEBOOK_LABEL,
        "organisers": ["agnieszka"],
        "streets": [("Częstocicka", 1, 60), ("Samsonowicza", 1, 35)],
        "sites": [
            {
                "name": "Miejsce Aktywności Lokalnej Częstocice",
                "street_address": "ul. Częstocicka 40",
                "postal_code": "27-400",
                "city": "Ostrowiec Świętokrzyski",
                "latitude": Decimal("50.916900"),
                "longitude": Decimal("21.409200"),
                "phone": "41 000 30 20",
                "step_free_entry": False,
                "accessible_toilet": False,
                "hearing_loop": True,
                "accessibility_notes": "Trzy schody przy wejściu; pracownik pomoże wejść.",
                "hours": [(0, "10:00", "14:00"), (2, "14:00", "19:00"), (4, "10:00", "14:00")],
            },
        ],
        "initiatives": [
            {
                "name": "Szkoła rodziny",
                "kind": "programme",
                "audience": "rodzice i opiekunowie dzieci",
                "schedule": "w czwartki 16:00–18:00",
                "description": SCHOOL_OF_FAMILY,
            },
            {
                "name": "Sąsiedzkie popołudnia",
                "kind": "initiative",
                "audience": "wszyscy mieszkańcy osiedla",
                "schedule": "w ostatni piątek miesiąca",
                "description": (
                    "Spotkania przy herbacie, wymiana książek i planowanie wspólnych akcji."
                ),
            },
        ],
        "specialists": [
            ("sociotherapy", "w środy 15:00–18:00"),
            ("psychologist", "w piątki 10:00–12:00"),
        ],
        "events": [
            ("festyn-czestocice", "Festyn rodzinny w Częstocicach", 9, 14),
            ("szkola-rodziny-czestocice", "Szkoła rodziny: rozmowa z psychologiem", 19, 16),
        ],
        "past_events": [],
    },
]


def _time(text):
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


def _at(date, hour):
    return dt.datetime.combine(date, dt.time(hour), tzinfo=WARSAW)


def _published_since(today):
    """The demo's publication moment: a month before the day it is loaded."""
    return _at(today - dt.timedelta(days=30), 8)


def load(scale, stdout):
    today = timezone.localdate()
    organisers = {}
    for key, (name, role, phone) in ORGANISERS.items():
        organisers[key], _ = Organiser.objects.update_or_create(
            phone=phone,
            defaults={"name": name, "role": role, "email": f"osl.{key}@mops.example"},
        )
    for order, data in enumerate(AREAS):
        _load_area(data, order, organisers, today)
    ensure_document(
        CommunityArea.objects.get(slug="osiedle-fabryczne").documents,
        "Plan zajęć w Klubie Sąsiedzkim na ten miesiąc",
        ["Wzor demonstracyjny portalu opsportal.", "Zajecia dla dzieci, seniorow i rodzin."],
    )
    if scale:
        _load_synthetic(scale, today)
    stdout.write(f"communities: {CommunityArea.objects.count()} areas")


def _load_area(data, order, organisers, today):
    area, _ = CommunityArea.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "name": data["name"],
            "city": data["city"],
            "since_year": data["since_year"],
            "summary": data["summary"],
            "description": data["description"],
            "social_url": data["social_url"],
            "social_label": data["social_label"],
            "published_at": _published_since(today),
            "order": order,
        },
    )
    area.organisers.set([organisers[key] for key in data["organisers"]])
    area.streets.all().delete()
    Street.objects.bulk_create(
        Street(area=area, name=name, key=street_key(name), number_from=low, number_to=high)
        for name, low, high in data["streets"]
    )
    # Events restrict deleting their site, so they go first.
    area.events.all().delete()
    area.initiatives.all().delete()
    area.specialists.all().delete()
    area.sites.all().delete()
    sites = []
    for site_order, site_data in enumerate(data["sites"]):
        fields = {k: v for k, v in site_data.items() if k != "hours"}
        site = ActivitySite.objects.create(area=area, order=site_order, **fields)
        SiteHours.objects.bulk_create(
            SiteHours(site=site, weekday=day, opens=_time(opens), closes=_time(closes))
            for day, opens, closes in site_data["hours"]
        )
        SiteSpecialDay.objects.create(
            site=site, date=today + dt.timedelta(days=20), reason="Wyjazd integracyjny — nieczynne"
        )
        sites.append(site)
    site = sites[0]
    Initiative.objects.bulk_create(
        Initiative(area=area, site=site, order=i, **initiative)
        for i, initiative in enumerate(data["initiatives"])
    )
    Specialist.objects.bulk_create(
        Specialist(
            area=area,
            site=site,
            specialty=specialty,
            schedule=schedule,
            how_to_book="zapisy u organizatorów społeczności",
            order=i,
        )
        for i, (specialty, schedule) in enumerate(data["specialists"])
    )
    events = [
        Event(
            area=area,
            slug=slug,
            title=title,
            starts_at=_at(today + dt.timedelta(days=days), hour),
            ends_at=_at(today + dt.timedelta(days=days), hour + 2),
            site=site,
            description="Zapraszamy wszystkich mieszkańców. Wstęp wolny.",
            published_at=_published_since(today),
        )
        for slug, title, days, hour in data["events"]
    ]
    events += [
        Event(
            area=area,
            slug=slug,
            title=title,
            starts_at=_at(today - dt.timedelta(days=days_ago), 15),
            ends_at=_at(today - dt.timedelta(days=days_ago), 18),
            place="podwórko przy bloku",
            description="Dziękujemy wszystkim za udział!",
            published_at=_published_since(today),
        )
        for slug, title, days_ago in data["past_events"]
    ]
    Event.objects.bulk_create(events)


def _load_synthetic(scale, today):
    """N areas with a site, its hours, a street and two events each, for benchmarks."""
    CommunityArea.objects.filter(slug__startswith="obszar-testowy-").delete()
    areas = CommunityArea.objects.bulk_create(
        CommunityArea(
            slug=f"obszar-testowy-{i}",
            name=f"Obszar testowy {i}",
            city="Stalowa Wola",
            summary="Obszar wygenerowany do testów wydajności.",
            published_at=_published_since(today),
            order=100 + i,
        )
        for i in range(1, scale + 1)
    )
    Street.objects.bulk_create(
        Street(area=area, name=f"Testowa {area.pk}", key=street_key(f"Testowa {area.pk}"))
        for area in areas
    )
    sites = ActivitySite.objects.bulk_create(
        ActivitySite(
            area=area,
            name=f"MAL {area.name}",
            street_address=f"ul. Testowa {area.pk} 1",
            city="Stalowa Wola",
            latitude=Decimal("50.58") + Decimal(i % 100) / 1000,
            longitude=Decimal("22.05") + Decimal(i // 100) / 1000,
        )
        for i, area in enumerate(areas)
    )
    SiteHours.objects.bulk_create(
        SiteHours(site=site, weekday=day, opens=dt.time(10), closes=dt.time(18))
        for site in sites
        for day in range(5)
    )
    Event.objects.bulk_create(
        Event(
            area=site.area,
            site=site,
            slug=f"{site.area.slug}-wydarzenie-{n}",
            title=f"Spotkanie {n} — {site.area.name}",
            starts_at=_at(today + dt.timedelta(days=n * 7), 17),
            ends_at=_at(today + dt.timedelta(days=n * 7), 19),
            published_at=_published_since(today),
        )
        for site in sites
        for n in (1, 2)
    )
