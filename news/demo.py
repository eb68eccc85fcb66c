"""Demo news from the seeds' world: the OSL club's hours, a project's recruitment, a
closure before a holiday, a heating point in frost. People and phones are invented.

Moments are set from the day the demo is loaded: the urgent announcement runs
from midnight for the seven days after that day (until 16:00 on the seventh),
one item is scheduled for tomorrow at 8:00, and one urgent announcement has
already ended.
"""

import datetime as dt

from django.utils import timezone

from core.hours import WARSAW
from news.models import NewsItem


def _at(day, hour=0, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=WARSAW)


def _items(today):
    tomorrow = today + dt.timedelta(days=1)
    return [
        {
            "slug": "mrozy-punkt-ogrzewania",
            "title": "Mrozy: całodobowy punkt ogrzewania przy ul. Podleśnej",
            "lead": (
                "W czasie mrozów działa całodobowy punkt ogrzewania z gorącym posiłkiem. "
                "Jeśli widzisz osobę, która marznie, zadzwoń pod numer 112."
            ),
            "body": (
                "Prognozy zapowiadają w najbliższych dniach temperatury do minus 15 stopni. "
                "Przez cały ten czas w świetlicy przy ul. Podleśnej 2 działa całodobowy punkt "
                "ogrzewania. Można tam odpocząć w cieple, zjeść gorący posiłek, dostać koc "
                "i ciepłą odzież.\n\n"
                "Osoby bezdomne i osoby samotne, które nie mogą ogrzać mieszkania, mogą też "
                "zgłosić się do ośrodka: pracownik socjalny pomoże znaleźć miejsce w schronisku "
                "albo zamówi opał.\n\n"
                "Telefon dyżurny ośrodka: 15 000 10 07 (całą dobę, do odwołania). Gdy ktoś "
                "marznie na ulicy, na klatce schodowej albo w altanie, nie czekaj — zadzwoń "
                "pod numer alarmowy 112."
            ),
            "is_urgent": True,
            "published_at": _at(today),
            "expires_at": _at(today + dt.timedelta(days=7), 16),
        },
        {
            "slug": "nabor-mieszkanie-bez-dlugu",
            "title": "Nabór do projektu „Mieszkanie bez długu”",
            "lead": (
                "Masz zaległości w czynszu i boisz się utraty mieszkania? Od jutra przyjmujemy "
                "zgłoszenia do projektu, który pomaga ułożyć plan spłaty długu."
            ),
            "body": (
                "Projekt socjalny „Mieszkanie bez długu” tworzy warunki, w których osoby "
                "i rodziny objęte wsparciem ośrodka mogą spłacić zadłużenie czynszowe "
                "i zachować mieszkanie. Partnerami są TBS „Złotnicki”, Spółdzielnia "
                "Mieszkaniowa „Lokator” i Biuro Gospodarki Lokalowej Urzędu Miasta.\n\n"
                "Zgłoszenia przyjmuje pracownik socjalny z Twojego rejonu, w godzinach pracy "
                "ośrodka, osobiście albo pod numerem 15 000 10 02. Weź ze sobą ostatnie "
                "wezwanie do zapłaty albo informację o wysokości zaległości."
            ),
            "is_urgent": False,
            "published_at": _at(tomorrow, 8),
            "expires_at": None,
        },
        {
            "slug": "wigilia-osrodek-nieczynny",
            "title": "W Wigilię ośrodek jest nieczynny",
            "lead": (
                "24 grudnia ośrodek i Miejsca Aktywności Lokalnej są nieczynne. "
                "Sprawy pilne załatwisz wcześniej — zapraszamy do 23 grudnia."
            ),
            "body": (
                "Od 2025 roku Wigilia jest dniem wolnym od pracy. Ośrodek, klub „Wesoła "
                "Gromadka” i Miejsca Aktywności Lokalnej będą tego dnia nieczynne.\n\n"
                "Wnioski o zasiłek celowy na święta złóż najpóźniej do 23 grudnia. Wniosek "
                "można też wysłać przez ePUAP. W sytuacji kryzysowej dzwoń pod numer 112."
            ),
            "is_urgent": False,
            "published_at": _at(today - dt.timedelta(days=2), 9),
            "expires_at": None,
        },
        {
            "slug": "wesola-gromadka-nowe-godziny",
            "title": "Klub „Wesoła Gromadka” otwarty także w soboty",
            "lead": (
                "Klub dla rodziców dzieci od 3 do 10 lat na Osiedlu Fabrycznym zaprasza od "
                "poniedziałku do piątku w godzinach 15:00–19:00, a teraz także w soboty "
                "od 10:00 do 13:00."
            ),
            "body": (
                "Rodzice z bloków przy ul. 1-go Sierpnia 22 i ul. Podleśnej 2 poprosili "
                "o zajęcia w weekend — klub „Wesoła Gromadka” będzie więc otwarty także "
                "w soboty, od 10:00 do 13:00. W tygodniu bez zmian: od poniedziałku do piątku "
                "w godzinach 15:00–19:00.\n\n"
                "W sobotę zapraszamy na wspólne zabawy, gry planszowe i przygotowanie "
                "osiedlowego festynu. Informacje w klubie albo u organizatorów społeczności "
                "lokalnej pod numerem 15 000 10 03."
            ),
            "is_urgent": False,
            "published_at": _at(today - dt.timedelta(days=5), 10),
            "expires_at": None,
        },
        {
            "slug": "szkola-rodziny-gutwin",
            "title": "„Szkoła rodziny” w MAL Gutwin: spotkania z psychologiem i logopedą",
            "lead": (
                "Rodzice z osiedla Gutwin mogą skorzystać z bezpłatnych konsultacji "
                "psychologa i logopedy w Miejscu Aktywności Lokalnej."
            ),
            "body": (
                "W ramach „Szkoły rodziny” w Miejscu Aktywności Lokalnej Gutwin dyżurują "
                "specjaliści: logopeda, socjoterapeuta, psycholog i specjalista do spraw "
                "profilaktyki uzależnień. Konsultacje są bezpłatne; wystarczy zapisać się "
                "u organizatora społeczności lokalnej.\n\n"
                "Zapraszamy też na warsztaty dla rodziców o wspieraniu dziecka w nauce "
                "i o spokojnym rozwiązywaniu konfliktów w domu."
            ),
            "is_urgent": False,
            "published_at": _at(today - dt.timedelta(days=12), 12),
            "expires_at": None,
        },
        {
            "slug": "ankieta-o-nowej-stronie",
            "title": "Co sądzisz o naszej nowej stronie? Weź udział w ankiecie",
            "lead": (
                "Uruchomiliśmy nową stronę ośrodka. Powiedz nam w krótkiej ankiecie, "
                "co jest wygodne, a czego brakuje."
            ),
            "body": (
                "Nowa strona ma pomóc szybko znaleźć godziny pracy, telefony, projekty "
                "socjalne i informacje o pomocy. Ankieta jest anonimowa i zajmie minutę. "
                "Znajdziesz ją w menu, w dziale „Ankieta”."
            ),
            "is_urgent": False,
            "published_at": _at(today - dt.timedelta(days=20), 9),
            "expires_at": None,
        },
        {
            "slug": "awaria-windy-zakonczona",
            "title": "Awaria windy w budynku ośrodka",
            "lead": (
                "Z powodu awarii windy osoby z niepełnosprawnością ruchową przyjmowaliśmy "
                "na parterze. Winda już działa."
            ),
            "body": (
                "Przez kilka dni winda w budynku ośrodka była nieczynna. Pracownicy "
                "przyjmowali w tym czasie osoby, które nie mogą wejść po schodach, w pokoju "
                "na parterze, przy wejściu głównym."
            ),
            "is_urgent": True,
            "published_at": _at(today - dt.timedelta(days=30), 8),
            "expires_at": _at(today - dt.timedelta(days=25), 16),
        },
        {
            "slug": "partnerstwo-aktywnej-integracji-rezultaty",
            "title": "Projekt „Partnerstwo na rzecz aktywnej integracji” zakończony",
            "lead": (
                "145 osób podpisało kontrakty socjalne, 96 ukończyło udział w projekcie, "
                "13 osób odbyło staż, a 12 zdobyło certyfikat ECDL Base."
            ),
            "body": (
                "Przez dwa lata uczestnicy korzystali z doradztwa psychologicznego i prawnego, "
                "wsparcia asystenta rodziny, grup samopomocowych i treningów kompetencji "
                "społecznych. W ramach projektu działały też dwa Programy Aktywności Lokalnej "
                "i grupa wolontariuszy.\n\n"
                "Dziękujemy partnerom: Powiatowemu Centrum Pomocy Rodzinie i Chrześcijańskiemu "
                "Stowarzyszeniu Dobroczynnemu."
            ),
            "is_urgent": False,
            "published_at": _at(today - dt.timedelta(days=45), 11),
            "expires_at": None,
        },
    ]


def load(scale, stdout):
    today = timezone.localdate(timezone=WARSAW)
    items = _items(today)
    for data in items:
        NewsItem.objects.update_or_create(slug=data["slug"], defaults=data)
    until = today + dt.timedelta(days=7)
    stdout.write(f"News: {len(items)} items, one urgent until {until} 16:00.")
    if scale:
        _add_synthetic(scale, timezone.now())
        stdout.write(f"News: {scale} synthetic added.")


def _add_synthetic(scale, now):
    """N more items for benchmarks; numbered after the ones already there."""
    first = NewsItem.objects.filter(slug__startswith="aktualnosc-syntetyczna-").count() + 1
    NewsItem.objects.bulk_create(
        NewsItem(
            title=f"Aktualność syntetyczna nr {n}",
            slug=f"aktualnosc-syntetyczna-{n}",
            lead="Aktualność wygenerowana do testów wydajności.",
            published_at=now - dt.timedelta(days=400, minutes=n),
        )
        for n in range(first, first + scale)
    )
