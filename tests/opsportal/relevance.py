"""What residents type into the site search, and the pages they must find in the first five.

Over the demo content (``manage.py load_demo``). Every grammatical case,
singular and plural, with and without Polish letters, two-word phrases and
common misspellings. Read by tests/opsportal/test_relevance.py (which asserts
the goals: recall@5 ≥ 0.95, first result right ≥ 0.85) and by
bench/stemmers.py (which compares stemmers on it).
"""

SCHRONIENIE = "/pomoc/schronienie/"
SZANSA = "/projekty/szansa-dla-ciebie/"
DLUG = "/projekty/mieszkanie-bez-dlugu/"
WSPOLNYMI = "/projekty/wspolnymi-silami/"
REJON = "/projekty/bezpieczny-rejon/"
INNOWACYJNOSC = "/projekty/innowacyjnosc-w-dzialaniu/"
PARTNERSTWO = "/projekty/partnerstwo-na-rzecz-aktywnej-integracji/"
GUTWIN = "/osl/gutwin/"
CZESTOCICE = "/osl/czestocice/"
FABRYCZNE = "/osl/osiedle-fabryczne/"
NEWS_GUTWIN = "/aktualnosci/szkola-rodziny-gutwin/"
NEWS_MROZY = "/aktualnosci/mrozy-punkt-ogrzewania/"
DPS = "/pomoc/dom-pomocy-spolecznej/"
OKRESOWY = "/pomoc/zasilek-okresowy/"
STALY = "/pomoc/zasilek-staly/"
CELOWY = "/pomoc/zasilek-celowy/"
SPECJALNY = "/pomoc/specjalny-zasilek-celowy/"
POSILEK = "/pomoc/posilek/"
OPIEKA = "/pomoc/uslugi-opiekuncze/"
PRACA_SOCJALNA = "/pomoc/praca-socjalna/"
PORADNICTWO = "/pomoc/poradnictwo-specjalistyczne/"
ASYSTENT = "/pomoc/asystent-rodziny/"
INTERWENCJA = "/pomoc/interwencja-kryzysowa/"
NIEBIESKA = "/pomoc/niebieska-karta/"
CHRONIONE = "/pomoc/mieszkanie-chronione/"
FESTYN = "/osl/wydarzenia/festyn-czestocice/"

# (query, pages that must all be among the first five results)
QUERIES = [
    # Homelessness: cases, number, diacritics
    ("bezdomnym", [SCHRONIENIE, SZANSA]),
    ("bezdomni", [SCHRONIENIE, SZANSA]),
    ("osoba bezdomna", [SCHRONIENIE]),
    ("bezdomność", [SZANSA]),
    ("bezdomnosc", [SZANSA]),
    ("schronisko", [SCHRONIENIE]),
    ("noclegownia", [SCHRONIENIE]),
    # Debt
    ("dlugu", [DLUG]),
    ("długi", [DLUG]),
    ("zaległości czynszowe", [DLUG]),
    ("zadluzenie", [DLUG]),
    ("mieszkanie bez dlugu", [DLUG]),
    # Families
    ("rodzinami", [ASYSTENT]),
    ("asystent rodziny", [ASYSTENT]),
    ("asystenta rodziny", [ASYSTENT]),
    ("rodzina z dziecmi", [ASYSTENT]),
    ("szkola rodziny", ["/osl/gutwin/#inicjatywa-2", "/osl/czestocice/#inicjatywa-3"]),
    ("wspolnymi silami", [WSPOLNYMI]),
    # Specialists
    ("logopeta", [GUTWIN, NEWS_GUTWIN]),
    ("logopeda", [GUTWIN, NEWS_GUTWIN]),
    ("logopedy", [GUTWIN, NEWS_GUTWIN]),
    ("psycholog", [PORADNICTWO]),
    ("psyholog", [PORADNICTWO]),
    ("prawnik", [PORADNICTWO]),
    ("socjoterapeuta", [CZESTOCICE, GUTWIN]),
    ("profilaktyka uzaleznien", [GUTWIN]),
    # Benefits
    ("zasilek okresowy", [OKRESOWY]),
    ("zasiłku okresowego", [OKRESOWY]),
    ("zasilek staly", [STALY]),
    ("zasiłek stały", [STALY]),
    ("zasilek celowy", [CELOWY, SPECJALNY]),
    ("zasiłki celowe", [CELOWY, SPECJALNY]),
    ("specjalny zasilek", [SPECJALNY]),
    ("bezrobocie", [OKRESOWY]),
    ("pogrzeb", [CELOWY]),
    ("opał", [CELOWY]),
    ("niepelnosprawnosc", [STALY, OKRESOWY]),
    # Care and services
    ("pomoc spoleczna", [DPS]),
    ("dom pomocy spolecznej", [DPS]),
    ("dps", [DPS]),
    ("posilek", [POSILEK]),
    ("gorący posiłek", [POSILEK, NEWS_MROZY]),
    ("opiekunka", [OPIEKA]),
    ("uslugi opiekuncze", [OPIEKA]),
    ("praca socjalna", [PRACA_SOCJALNA]),
    ("pracownik socjalny", [PRACA_SOCJALNA]),
    ("interwencja kryzysowa", [INTERWENCJA]),
    ("kryzys", [INTERWENCJA]),
    ("przemoc domowa", [NIEBIESKA]),
    ("przemocy domowej", [NIEBIESKA]),
    ("niebieska karta", [NIEBIESKA]),
    ("niebieskie karty", [NIEBIESKA]),
    ("mieszkanie chronione", [CHRONIONE]),
    ("mieszkania chronionego", [CHRONIONE]),
    # Projects
    ("szansa dla ciebie", [SZANSA]),
    ("bezpieczny rejon", [REJON]),
    ("policja", [REJON, WSPOLNYMI]),
    ("innowacyjnosc", [INNOWACYJNOSC]),
    ("wolontariat", [INNOWACYJNOSC]),
    ("aktywna integracja", [PARTNERSTWO]),
    ("kontrakt socjalny", [PARTNERSTWO]),
    ("staże", [PARTNERSTWO]),
    # Areas, sites, clubs, events
    ("gutwin", [GUTWIN]),
    ("osiedle czestocice", [CZESTOCICE]),
    ("czestocicka", [CZESTOCICE]),
    ("podlesna", [FABRYCZNE]),
    ("osiedle fabryczne", [FABRYCZNE]),
    ("wesola gromadka", ["/osl/osiedle-fabryczne/#inicjatywa-1", "/osl/osiedle-fabryczne/#mal-1"]),
    ("festyn", [FESTYN, "/osl/wydarzenia/festyn-sasiedzki-fabryczne/"]),
    ("festynu rodzinnego", [FESTYN]),
    (
        "spotkanie obywatelskie",
        [
            "/osl/wydarzenia/spotkanie-obywatelskie-fabryczne/",
            "/osl/wydarzenia/spotkanie-obywatelskie-gutwin/",
        ],
    ),
    ("sprzatanie podworka", ["/osl/wydarzenia/sprzatanie-podworka-podlesna/"]),
    ("sasiedzkie popoludnia", ["/osl/czestocice/#inicjatywa-4"]),
    # News
    ("mrozy", [NEWS_MROZY]),
    ("punkt ogrzewania", [NEWS_MROZY]),
    ("wigilia", ["/aktualnosci/wigilia-osrodek-nieczynny/"]),
    ("ankieta", ["/aktualnosci/ankieta-o-nowej-stronie/"]),
]


def pages(urls):
    """The pages of ``urls`` in order, once each: '/osl/gutwin/#mal-2' is on '/osl/gutwin/'."""
    return list(dict.fromkeys(url.split("#", 1)[0] for url in urls))


def measure(search_urls):
    """(recall@5, first-right share, misses) of ``search_urls(query)`` → ranked URLs.

    A result is a page: links to sections of one page (an area and its sites)
    count once, where the first of them is.
    """
    recalls = []
    first_right = 0
    misses = []
    for query, expected in QUERIES:
        urls = pages(search_urls(query))
        expected = pages(expected)
        top = urls[:5]
        found = sum(url in top for url in expected)
        recalls.append(found / len(expected))
        if urls and urls[0] in expected:
            first_right += 1
        if found < len(expected) or not urls or urls[0] not in expected:
            misses.append((query, expected, top))
    return sum(recalls) / len(recalls), first_right / len(QUERIES), misses
