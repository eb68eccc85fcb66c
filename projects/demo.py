"""Demo social projects built from the seeds' facts; contact people are invented."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from core.documents import ensure_document
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
from projects.units import unit_fields

TARGET_GROUPS = {
    "osoby-bezdomne": "osoby bezdomne",
    "rodziny-z-dziecmi": "rodziny z dziećmi",
    "osoby-zadluzone": "osoby i rodziny zadłużone",
    "mieszkancy": "mieszkańcy",
    "osoby-zagrozone-wykluczeniem": "osoby zagrożone wykluczeniem społecznym",
    "seniorzy": "seniorzy",
}

# One record per real organisation: the seeds spell some of them differently
# in different projects ("Straż Miejska" / "Straż Miejska w Zduńskiej Woli").
PARTNERS = {
    "kpp-zdunska-wola": "Komenda Powiatowa Policji w Zduńskiej Woli",
    "tbs-zlotnicki": "Towarzystwo Budownictwa Społecznego „Złotnicki”",
    "straz-miejska-zdunska-wola": "Straż Miejska w Zduńskiej Woli",
    "kp-psp-zdunska-wola": "Komenda Powiatowa Państwowej Straży Pożarnej",
    "szpital-zdunska-wola": "Zduńskowolski Szpital Powiatowy Sp. z o. o. – Dział Pomocy Doraźnej",
    "mieszkancy-rejonow": "Mieszkańcy rejonów opiekuńczych",
    "sm-lokator": "Spółdzielnia Mieszkaniowa „Lokator”",
    "bgl-zdunska-wola": "Biuro Gospodarki Lokalowej Urzędu Miasta Zduńska Wola",
    "mops-cos-zdunska-wola": (
        "Miejski Ośrodek Pomocy Społecznej Centrum Opieki Socjalnej w Zduńskiej Woli"
    ),
    "schronisko-henrykow": "Schronisko dla Bezdomnych im. Bł. Ks. F. Drzewieckiego w Henrykowie",
    "gops-zdunska-wola": "Gminny Ośrodek Pomocy Społecznej w Zduńskiej Woli",
    "wis-um-zdunska-wola": "Wydział Infrastruktury Społecznej Urzędu Miasta Zduńska Wola",
    "spzoz-zdunska-wola": "Samodzielny Publiczny Zakład Opieki Zdrowotnej w Zduńskiej Woli",
    "kuratorzy-zdunska-wola": "Zespół Kuratorskiej Służby Sądowej w Zduńskiej Woli",
    "punkt-przemoc-zdunska-wola": "Punkt ds. Przemocy w Rodzinie w Zduńskiej Woli",
    "pcps-zdunska-wola": "Powiatowe Centrum Pomocy Społecznej w Zduńskiej Woli",
    "dom-dziecka-wojslawice": "Dom Dziecka w Wojsławicach",
    "oik": "Ośrodek Interwencji Kryzysowej",
    "pcpr-zawiercie": "Powiatowe Centrum Pomocy Rodzinie w Zawierciu",
    "csd-klucze": "Chrześcijańskie Stowarzyszenie Dobroczynne w Kluczach",
}

P, C, L = PartnerRole.PARTNER, PartnerRole.COALITION, PartnerRole.LEADER

PROJECTS = [
    {
        "slug": "bezpieczny-rejon",
        "title": "Bezpieczny rejon",
        "lead": (
            "Służby miasta i mieszkańcy razem: współpraca policji, straży, szpitala, TBS "
            "i ośrodka pomocy społecznej, żeby w rejonach opiekuńczych żyło się bezpieczniej."
        ),
        "status": ProjectStatus.ONGOING,
        "start_date": dt.date(2023, 3, 1),
        "end_date": None,
        "main_goal": (
            "Wypracowanie wieloaspektowych form współpracy pomiędzy służbami, mającej na celu "
            "zmobilizowanie mieszkańców do aktywnego włączenia się w działania zmierzające do "
            "poprawy swojej sytuacji, a tym samym zwiększenia poczucia bezpieczeństwa we "
            "wszystkich sferach życia."
        ),
        "goals": [
            "Zmobilizowanie mieszkańców do aktywnego włączenia się w poprawę swojej sytuacji.",
            "Zwiększenie poczucia bezpieczeństwa we wszystkich sferach życia.",
            "Budowanie zaufania mieszkańców do wszystkich podmiotów działających na ich rzecz.",
        ],
        "groups": ["mieszkancy"],
        "partners": [
            ("kpp-zdunska-wola", P),
            ("tbs-zlotnicki", P),
            ("straz-miejska-zdunska-wola", P),
            ("kp-psp-zdunska-wola", P),
            ("szpital-zdunska-wola", P),
            ("mieszkancy-rejonow", P),
        ],
        "outcomes": [],
        "how_to_join": (
            "Porozmawiaj z pracownikiem socjalnym swojego rejonu opiekuńczego "
            "albo zadzwoń do koordynatorki projektu."
        ),
        "contact": ("Anna Przykładowa", "15 000 20 01", "projekty@mops.example"),
        "days_ago": 40,
    },
    {
        "slug": "mieszkanie-bez-dlugu",
        "title": "Mieszkanie bez długu",
        "lead": (
            "Pomoc w spłacie zaległości czynszowych dla osób i rodzin objętych wsparciem "
            "ośrodka — razem z TBS, spółdzielnią „Lokator” i miastem."
        ),
        "status": ProjectStatus.ONGOING,
        "start_date": dt.date(2024, 1, 2),
        "end_date": dt.date(2026, 12, 31),
        "main_goal": (
            "Stworzenie warunków umożliwiających spłatę zadłużeń czynszowych przez osoby "
            "i rodziny objęte wsparciem Ośrodka, mających na celu zapobieganie utracie mieszkania."
        ),
        "goals": [
            "Spłata zadłużeń czynszowych przez osoby i rodziny objęte wsparciem.",
            "Zapobieganie utracie mieszkania.",
        ],
        "groups": ["osoby-zadluzone", "rodziny-z-dziecmi"],
        "partners": [("tbs-zlotnicki", P), ("sm-lokator", P), ("bgl-zdunska-wola", P)],
        "outcomes": [],
        "how_to_join": (
            "Jeśli masz zaległości w czynszu, zgłoś się do swojego pracownika socjalnego; "
            "wspólnie z zarządcą budynku ustalicie plan spłaty."
        ),
        "contact": ("Barbara Testowa", "15 000 20 02", "projekty@mops.example"),
        "days_ago": 30,
    },
    {
        "slug": "szansa-dla-ciebie",
        "title": "Szansa dla Ciebie",
        "lead": (
            "Wsparcie osób bezdomnych w wychodzeniu z bezdomności: mieszkanie, praca, "
            "sprawy rodzinne — z koalicją instytucji działającą od grudnia 2004 r."
        ),
        "status": ProjectStatus.ONGOING,
        "start_date": dt.date(2004, 12, 1),
        "end_date": None,
        "main_goal": (
            "Wspieranie osoby bezdomnej w rozwiązywaniu jej problemów życiowych, w szczególności "
            "rodzinnych i mieszkaniowych, oraz pomoc w uzyskaniu zatrudnienia. Przeciwdziałanie "
            "utrwalaniu się zjawiska bezdomności oraz dążenie do społeczno-ekonomicznego "
            "usamodzielnienia się osób bezdomnych."
        ),
        "goals": [
            "Pomoc w rozwiązywaniu problemów rodzinnych i mieszkaniowych.",
            "Pomoc w uzyskaniu zatrudnienia.",
            "Przeciwdziałanie poszerzaniu się i utrwalaniu zjawiska bezdomności.",
            "Pełnoprawne funkcjonowanie osób bezdomnych w życiu społecznym.",
        ],
        "groups": ["osoby-bezdomne"],
        "partners": [
            ("mops-cos-zdunska-wola", L),
            ("kpp-zdunska-wola", C),
            ("schronisko-henrykow", C),
            ("straz-miejska-zdunska-wola", C),
            ("gops-zdunska-wola", C),
            ("wis-um-zdunska-wola", C),
            ("spzoz-zdunska-wola", C),
            ("sm-lokator", C),
            ("tbs-zlotnicki", C),
        ],
        "outcomes": [],
        "how_to_join": (
            "Rekrutację przeprowadzają pracownicy socjalni: decydują o zakwalifikowaniu "
            "do projektu, a z uczestnikiem podpisują indywidualny program wychodzenia "
            "z bezdomności."
        ),
        "contact": ("Celina Wzorcowa", "15 000 20 03", "bezdomnosc@mops.example"),
        "days_ago": 20,
    },
    {
        "slug": "wspolnymi-silami",
        "title": "Wspólnymi siłami",
        "lead": (
            "Wzmacnianie rodziny jako naturalnego środowiska rozwoju dzieci — z policją, "
            "kuratorami, Punktem ds. Przemocy w Rodzinie i Domem Dziecka."
        ),
        "status": ProjectStatus.PLANNED,
        "start_date": dt.date(2027, 2, 1),
        "end_date": dt.date(2027, 12, 31),
        "main_goal": (
            "Wzmocnienie roli i funkcji rodziny jako naturalnego środowiska rozwoju dzieci oraz "
            "wypracowanie rozwiązań służących harmonijnemu funkcjonowaniu rodziny "
            "w środowisku lokalnym."
        ),
        "goals": [
            "Wzmocnienie roli i funkcji rodziny jako naturalnego środowiska rozwoju dzieci.",
            "Wypracowanie rozwiązań służących harmonijnemu funkcjonowaniu rodziny.",
        ],
        "groups": ["rodziny-z-dziecmi"],
        "partners": [
            ("kpp-zdunska-wola", P),
            ("kuratorzy-zdunska-wola", P),
            ("punkt-przemoc-zdunska-wola", P),
            ("pcps-zdunska-wola", P),
            ("dom-dziecka-wojslawice", P),
            ("oik", P),
        ],
        "outcomes": [],
        "how_to_join": "Zapisy rozpoczną się przed startem projektu; zapytaj asystenta rodziny.",
        "contact": ("Dorota Próbna", "15 000 20 04", "rodzina@mops.example"),
        "days_ago": 10,
    },
    {
        "slug": "partnerstwo-na-rzecz-aktywnej-integracji",
        "title": "Partnerstwo na rzecz aktywnej integracji w powiecie zawierciańskim",
        "lead": (
            "Projekt pozakonkursowy zakończony 31 grudnia 2017 r.: 145 uczestników z kontraktami "
            "socjalnymi, doradztwo, kursy zawodowe i staże, dwa Programy Aktywności Lokalnej."
        ),
        "status": ProjectStatus.COMPLETED,
        "start_date": dt.date(2016, 1, 1),
        "end_date": dt.date(2017, 12, 31),
        "main_goal": (
            "Aktywizacja społeczno-zawodowa osób wykluczonych i narażonych na wykluczenie "
            "społeczne."
        ),
        "description": (
            "Uczestnicy projektu objęci byli indywidualnym doradztwem psychologicznym "
            "i prawnym oraz wsparciem asystenta rodzin. Brali udział w spotkaniach grup "
            "samopomocowych, treningach kompetencji społecznych i Programie Aktywizacja "
            "i Integracja, a także w dwóch edycjach „Białych Sobót” (2016 i 2017).\n\n"
            "W ramach projektu realizowano dwa Programy Aktywności Lokalnej: dla osiedla "
            "Stary Rynek oraz osiedla ul. Nowej w Kromołowie, z festynami rodzinnymi "
            "i wolontariatem."
        ),
        "goals": [
            "Wsparcie psychologiczne, prawne i asystenta rodziny dla uczestników.",
            "Aktywizacja zawodowa przez kursy zawodowe i staże.",
            "Integracja mieszkańców osiedla Stary Rynek i osiedla ul. Nowej w Kromołowie "
            "w Programach Aktywności Lokalnej.",
        ],
        "groups": ["osoby-zagrozone-wykluczeniem"],
        "partners": [("pcpr-zawiercie", P), ("csd-klucze", P)],
        "outcomes": [
            ("zrekrutowani uczestnicy z kontraktem socjalnym", 145, "osób"),
            ("ukończyli udział w projekcie", 96, "osób"),
            ("ukończyli staż", 13, "osób"),
            ("ukończyli kurs zawodowy ECDL Base", 12, "osób"),
            ("Programy Aktywności Lokalnej", 2, ""),
        ],
        "how_to_join": "Projekt jest zakończony; nabór się nie odbywa.",
        "contact": ("Ewa Ilustracyjna", "15 000 20 05", "projekty@mops.example"),
        "days_ago": 400,
    },
    {
        "slug": "innowacyjnosc-w-dzialaniu",
        "title": "Innowacyjność w działaniu",
        "lead": (
            "Cykl projektów socjalnych od kwietnia 2017 r.: edukacja obywatelska, trening "
            "umiejętności ekonomicznych, samopomoc, wolontariat i szukanie pracy."
        ),
        "status": ProjectStatus.ONGOING,
        "start_date": dt.date(2017, 4, 1),
        "end_date": None,
        "main_goal": (
            "Poszukiwanie i testowanie nowych sposobów rozwiązywania problemów społecznych, "
            "prowadzące do pozytywnej zmiany w życiu grup i jednostek."
        ),
        "goals": [
            "Edukacja obywatelska i trening umiejętności ekonomicznych.",
            "Integracja, aktywizacja, samopomoc i wolontariat.",
            "Wsparcie w poszukiwaniu zatrudnienia i poprawie funkcjonowania w środowisku.",
        ],
        "groups": ["mieszkancy", "seniorzy"],
        "partners": [],
        "outcomes": [],
        "how_to_join": (
            "Zapraszamy osobiście do siedziby ośrodka albo telefonicznie, od poniedziałku "
            "do piątku w godzinach pracy ośrodka."
        ),
        "contact": ("Filip Zmyślony", "15 000 20 06", "projekty@mops.example"),
        "days_ago": 5,
    },
]


def load(scale, stdout):
    now = timezone.now()
    groups = {
        slug: TargetGroup.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TARGET_GROUPS.items()
    }
    partners = {
        slug: Partner.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in PARTNERS.items()
    }
    for data in PROJECTS:
        contact_name, contact_phone, contact_email = data["contact"]
        project, _ = Project.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "lead": data["lead"],
                "description": data.get("description", ""),
                "status": data["status"],
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "main_goal": data["main_goal"],
                "how_to_join": data["how_to_join"],
                "contact_name": contact_name,
                "contact_phone": contact_phone,
                "contact_email": contact_email,
                "published_at": now - dt.timedelta(days=data["days_ago"]),
            },
        )
        project.target_groups.set([groups[slug] for slug in data["groups"]])
        _replace_children(project, data, partners)
    ensure_document(
        Project.objects.get(slug="bezpieczny-rejon").documents,
        "Regulamin rekrutacji uczestników projektu",
        ["Wzor demonstracyjny portalu opsportal.", "Kto moze wziac udzial i jak sie zglosic."],
    )
    stdout.write(f"Projects: {len(PROJECTS)} from the seeds.")
    if scale:
        _add_synthetic(scale, now, list(groups.values()))
        stdout.write(f"Projects: {scale} synthetic added.")


def _replace_children(project, data, partners):
    project.goals.all().delete()
    SpecificGoal.objects.bulk_create(
        SpecificGoal(project=project, text=text, order=order)
        for order, text in enumerate(data["goals"], start=1)
    )
    project.partnerships.all().delete()
    Partnership.objects.bulk_create(
        Partnership(project=project, partner=partners[slug], role=role, order=order)
        for order, (slug, role) in enumerate(data["partners"], start=1)
    )
    project.outcomes.all().delete()
    Outcome.objects.bulk_create(
        Outcome(
            project=project,
            label=label,
            achieved_value=Decimal(value),
            order=order,
            **unit_fields(unit),
        )
        for order, (label, value, unit) in enumerate(data["outcomes"], start=1)
    )


def _add_synthetic(scale, now, groups):
    """N more projects for benchmarks; numbered after the ones already there."""
    first = Project.objects.filter(slug__startswith="projekt-syntetyczny-").count() + 1
    numbers = range(first, first + scale)
    partner_count = max(5, scale // 4)
    existing = Partner.objects.filter(slug__startswith="partner-syntetyczny-").count()
    Partner.objects.bulk_create(
        Partner(name=f"Organizacja partnerska nr {n}", slug=f"partner-syntetyczny-{n}")
        for n in range(existing + 1, partner_count + 1)
    )
    pool = list(Partner.objects.filter(slug__startswith="partner-syntetyczny-").order_by("pk"))
    statuses = list(ProjectStatus)
    projects = Project.objects.bulk_create(
        Project(
            title=f"Projekt syntetyczny nr {n}",
            slug=f"projekt-syntetyczny-{n}",
            lead="Projekt wygenerowany do testów wydajności.",
            status=statuses[n % len(statuses)],
            start_date=dt.date(2020, 1, 1) + dt.timedelta(days=n % 1000),
            main_goal="Sprawdzenie, jak portal radzi sobie z wieloma projektami.",
            contact_name="Osoba Kontaktowa",
            contact_phone="15 000 29 99",
            published_at=now - dt.timedelta(days=500, minutes=n),
        )
        for n in numbers
    )
    if not projects or projects[0].pk is None:
        # Backends that do not return primary keys from bulk_create.
        projects = list(Project.objects.filter(slug__in=[p.slug for p in projects]))
    Through = Project.target_groups.through
    Through.objects.bulk_create(
        Through(project_id=p.pk, targetgroup_id=groups[i % len(groups)].pk)
        for i, p in enumerate(projects)
    )
    SpecificGoal.objects.bulk_create(
        SpecificGoal(project=p, text=f"Cel szczegółowy {order}.", order=order)
        for p in projects
        for order in (1, 2)
    )
    Partnership.objects.bulk_create(
        Partnership(
            project=p,
            partner=pool[(i + offset) % len(pool)],
            role=PartnerRole.LEADER if offset == 0 else PartnerRole.PARTNER,
            order=offset + 1,
        )
        for i, p in enumerate(projects)
        for offset in range(3)
    )
    Outcome.objects.bulk_create(
        Outcome(
            project=p,
            label="uczestnicy",
            planned_value=Decimal(40),
            achieved_value=Decimal(32),
            **unit_fields("osoby"),
        )
        for p in projects
    )
