"""Demo forms of help from the Act of 12 March 2004 on social assistance and related acts.

Legal facts are the acts' own (articles named); phones and contact people are
invented. Each form of help gets an application form to download: a small PDF
written here, so the demo needs no files from outside.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from aid.models import AidDocument, Category, FormOfHelp, IncomeCriterion
from core.documents import minimal_pdf

UPS = "ustawy z dnia 12 marca 2004 r. o pomocy społecznej (Dz.U. z 2024 r. poz. 1283, z późn. zm.)"
FAMILY_ACT = "ustawy z dnia 9 czerwca 2011 r. o wspieraniu rodziny i systemie pieczy zastępczej"
VIOLENCE_ACT = "ustawy z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej"
KPA = "art. 35 Kodeksu postępowania administracyjnego"

CATEGORIES = [
    (
        "pieniadze",
        "Pieniądze — zasiłki",
        "Gdy brakuje pieniędzy na życie, leki, opał albo nagłe wydatki.",
    ),
    ("uslugi-i-opieka", "Usługi i opieka", "Posiłek, pomoc w domu, całodobowa opieka."),
    (
        "rodzina-i-porady",
        "Rodzina, rozmowa i porady",
        "Wsparcie pracownika socjalnego, asystenta rodziny, specjalistów.",
    ),
    ("kryzys-i-przemoc", "Kryzys i przemoc", "Pomoc od razu, także przy przemocy domowej."),
    (
        "mieszkanie-i-bezdomnosc",
        "Mieszkanie i bezdomność",
        "Schronienie, noclegownia, mieszkanie chronione.",
    ),
]

STANDARD_BRING = (
    "dowód osobisty\n"
    "zaświadczenia albo oświadczenia o dochodach wszystkich osób w gospodarstwie domowym "
    "z miesiąca przed złożeniem wniosku\n"
    "decyzje o emeryturze, rencie, zasiłkach (jeśli je masz)"
)
WAIT_DECISION = (
    "Pracownik socjalny odwiedzi Cię w domu (wywiad środowiskowy) zwykle w ciągu 14 dni "
    f"roboczych; decyzja zwykle w ciągu miesiąca od złożenia wniosku ({KPA})."
)

FORMS = [
    {
        "slug": "zasilek-staly",
        "category": "pieniadze",
        "title": "Zasiłek stały",
        "short_answer": (
            "Zasiłek stały to pieniądze co miesiąc dla dorosłej osoby, która z powodu wieku "
            "albo niepełnosprawności nie może pracować i ma niski dochód."
        ),
        "eligibility": (
            "Pełnoletnia osoba samotnie gospodarująca albo osoba w rodzinie, całkowicie "
            "niezdolna do pracy z powodu wieku (kobieta od 60 lat, mężczyzna od 65 lat) "
            "albo całkowicie niezdolna do pracy według orzeczenia, jeśli dochód nie przekracza "
            "kryterium dochodowego.\n\n"
            "Zasiłek stały wyrównuje dochód do kryterium: osoba samotnie gospodarująca dostaje "
            "różnicę między kryterium a swoim dochodem, nie więcej niż 1229 zł i nie mniej niż "
            "30 zł miesięcznie."
        ),
        "income": True,
        "bring": STANDARD_BRING
        + "\norzeczenie o niezdolności do pracy albo o stopniu niepełnosprawności",
        "in_person": (
            "W Dziale Pomocy Środowiskowej i Świadczeń, pokój 12; pomożemy wypełnić wniosek."
        ),
        "time": WAIT_DECISION,
        "legal": f"Art. 37 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 12",
        "phone": "15 000 10 02",
        "document": "Wniosek o przyznanie zasiłku stałego",
    },
    {
        "slug": "zasilek-okresowy",
        "category": "pieniadze",
        "title": "Zasiłek okresowy",
        "short_answer": (
            "Zasiłek okresowy to pieniądze na czas, gdy nie możesz się utrzymać z powodu "
            "długotrwałej choroby, niepełnosprawności albo bezrobocia."
        ),
        "eligibility": (
            "Osoba samotnie gospodarująca albo rodzina, której dochód jest niższy od kryterium "
            "dochodowego, w szczególności z powodu długotrwałej choroby, niepełnosprawności, "
            "bezrobocia albo braku prawa do świadczeń z innych systemów zabezpieczenia "
            "społecznego.\n\n"
            "Zasiłek okresowy wynosi co najmniej połowę różnicy między kryterium a dochodem, "
            "nie mniej niż 20 zł miesięcznie. Na jak długo, ustala ośrodek."
        ),
        "income": True,
        "bring": STANDARD_BRING + "\nzaświadczenie z urzędu pracy (osoby bezrobotne)",
        "in_person": "W Dziale Pomocy Środowiskowej i Świadczeń, pokój 12.",
        "time": WAIT_DECISION,
        "legal": f"Art. 38 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 12",
        "phone": "15 000 10 02",
        "document": "Wniosek o przyznanie zasiłku okresowego",
    },
    {
        "slug": "zasilek-celowy",
        "category": "pieniadze",
        "title": "Zasiłek celowy",
        "short_answer": (
            "Zasiłek celowy to pieniądze na jedną niezbędną potrzebę: jedzenie, leki i leczenie, "
            "opał, ubranie, drobne naprawy w mieszkaniu albo koszty pogrzebu."
        ),
        "eligibility": (
            "Osoba albo rodzina z dochodem nieprzekraczającym kryterium dochodowego, która nie "
            "może sama zaspokoić niezbędnej potrzeby bytowej.\n\n"
            "Po zdarzeniu losowym (pożar, zalanie mieszkania), klęsce żywiołowej lub "
            "ekologicznej zasiłek celowy można dostać także przy wyższym dochodzie."
        ),
        "income": True,
        "bring": STANDARD_BRING + "\nrachunki albo kosztorys tego, na co potrzebna jest pomoc",
        "in_person": (
            "W Dziale Pomocy Środowiskowej i Świadczeń albo u pracownika socjalnego rejonu."
        ),
        "time": WAIT_DECISION,
        "legal": f"Art. 39 i art. 40 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Pracownik socjalny Twojego rejonu",
        "phone": "15 000 10 02",
        "document": "Wniosek o przyznanie zasiłku celowego",
    },
    {
        "slug": "specjalny-zasilek-celowy",
        "category": "pieniadze",
        "title": "Specjalny zasiłek celowy",
        "short_answer": (
            "Specjalny zasiłek celowy to pieniądze w szczególnie trudnej sytuacji dla osoby "
            "albo rodziny, której dochód przekracza kryterium dochodowe."
        ),
        "eligibility": (
            "W szczególnie uzasadnionych przypadkach osoba albo rodzina o dochodzie wyższym "
            "niż kryterium dochodowe. Zasiłek nie przekracza kwoty kryterium (dla osoby "
            "samotnie gospodarującej albo dla rodziny) i nie trzeba go zwracać."
        ),
        "income": False,
        "bring": STANDARD_BRING + "\ndokumenty, które pokazują nagłe wydatki (rachunki, faktury)",
        "in_person": "W Dziale Pomocy Środowiskowej i Świadczeń, pokój 12.",
        "time": WAIT_DECISION,
        "legal": f"Art. 41 pkt 1 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 12",
        "phone": "15 000 10 02",
        "document": "Wniosek o przyznanie specjalnego zasiłku celowego",
    },
    {
        "slug": "posilek",
        "category": "uslugi-i-opieka",
        "title": "Posiłek",
        "short_answer": (
            "Posiłek to jeden gorący posiłek dziennie: w szkole, w przedszkolu, w stołówce "
            "albo w domu, gdy nie możesz go sobie zapewnić."
        ),
        "eligibility": (
            "Dzieci i młodzież, osoby starsze, chore i z niepełnosprawnościami oraz każda osoba, "
            "która nie może sama zapewnić sobie posiłku.\n\n"
            "W rządowym programie „Posiłek w szkole i w domu” dochód może wynosić do 200% "
            "kryterium dochodowego."
        ),
        "income": True,
        "bring": STANDARD_BRING,
        "in_person": "W Dziale Pomocy Środowiskowej i Świadczeń albo w Dziennym Domu „Senior+”.",
        "time": "Dzieciom w szkole posiłek może być wydany od razu, na wniosek dyrektora szkoły.",
        "legal": f"Art. 48 i art. 48b {UPS}; rządowy program „Posiłek w szkole i w domu”.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 14",
        "phone": "15 000 10 02",
        "document": "Wniosek o pomoc w formie posiłku",
    },
    {
        "slug": "uslugi-opiekuncze",
        "category": "uslugi-i-opieka",
        "title": "Usługi opiekuńcze",
        "short_answer": (
            "Usługi opiekuńcze to pomoc opiekunki w Twoim domu: w zakupach, sprzątaniu, "
            "higienie i opiece zaleconej przez lekarza."
        ),
        "eligibility": (
            "Osoba samotna, która z powodu wieku, choroby lub innych przyczyn potrzebuje pomocy "
            "innych osób, a jest jej pozbawiona. Także osoba, której rodzina nie może takiej "
            "pomocy zapewnić.\n\n"
            "Odpłatność zależy od dochodu; zasady ustala uchwała rady miasta."
        ),
        "income": False,
        "bring": STANDARD_BRING + "\nzaświadczenie lekarskie o stanie zdrowia",
        "in_person": "W Dziennym Domu „Senior+” albo u pracownika socjalnego rejonu.",
        "time": WAIT_DECISION,
        "legal": f"Art. 50 {UPS}.",
        "unit": "dzienny-dom-senior",
        "contact": "Katarzyna Wiśniewska, koordynatorka usług opiekuńczych",
        "phone": "15 000 10 50",
        "document": "Wniosek o przyznanie usług opiekuńczych",
    },
    {
        "slug": "dom-pomocy-spolecznej",
        "category": "uslugi-i-opieka",
        "title": "Dom pomocy społecznej",
        "short_answer": (
            "Dom pomocy społecznej (DPS) to miejsce stałego pobytu z całodobową opieką dla "
            "osoby, która nie może już mieszkać sama."
        ),
        "eligibility": (
            "Osoba, która z powodu wieku, choroby lub niepełnosprawności nie może samodzielnie "
            "funkcjonować w codziennym życiu i potrzebuje całodobowej opieki, której nie da się "
            "zapewnić w formie usług opiekuńczych.\n\n"
            "Mieszkaniec płaci do 70% swojego dochodu; resztę mogą dopłacać rodzina i gmina."
        ),
        "income": False,
        "bring": (
            "dowód osobisty\n"
            "zaświadczenie lekarskie o stanie zdrowia\n"
            "decyzja o emeryturze albo rencie\n"
            "zgoda na umieszczenie w domu pomocy społecznej"
        ),
        "in_person": "W Dziale Pomocy Środowiskowej i Świadczeń, pokój 16.",
        "time": WAIT_DECISION,
        "legal": f"Art. 54, art. 59 i art. 61 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 16",
        "phone": "15 000 10 12",
        "document": "Wniosek o skierowanie do domu pomocy społecznej",
    },
    {
        "slug": "praca-socjalna",
        "category": "rodzina-i-porady",
        "title": "Praca socjalna",
        "short_answer": (
            "Praca socjalna to wsparcie pracownika socjalnego: rozmowa, wspólny plan wyjścia "
            "z trudnej sytuacji i pomoc w sprawach urzędowych."
        ),
        "eligibility": (
            "Każda osoba i rodzina, która potrzebuje wsparcia, bez względu na dochód. "
            "Nie trzeba składać wniosku: wystarczy przyjść albo zadzwonić."
        ),
        "income": False,
        "bring": "",
        "in_person": (
            "W Dziale Pomocy Środowiskowej i Świadczeń; pracownik socjalny może też "
            "przyjść do Ciebie."
        ),
        "time": "Pierwsza rozmowa zwykle w ciągu kilku dni.",
        "legal": f"Art. 45 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Pracownik socjalny Twojego rejonu",
        "phone": "15 000 10 02",
        "document": "Informacja o rejonach pracowników socjalnych",
    },
    {
        "slug": "poradnictwo-specjalistyczne",
        "category": "rodzina-i-porady",
        "title": "Poradnictwo specjalistyczne",
        "short_answer": (
            "Poradnictwo specjalistyczne to bezpłatne rozmowy z prawnikiem, psychologiem "
            "albo terapeutą rodzinnym."
        ),
        "eligibility": (
            "Osoby i rodziny, które mają trudności albo potrzebują wsparcia w rozwiązywaniu "
            "swoich problemów życiowych, bez względu na dochód."
        ),
        "income": False,
        "bring": "",
        "in_person": "Zapisy w Punkcie Interwencji Kryzysowej, osobiście albo telefonicznie.",
        "time": "Termin rozmowy zwykle w ciągu tygodnia.",
        "legal": f"Art. 46 {UPS}.",
        "unit": "punkt-interwencji-kryzysowej",
        "contact": "Rejestracja na porady",
        "phone": "15 000 10 40",
        "document": "Zgłoszenie na poradę specjalistyczną",
    },
    {
        "slug": "asystent-rodziny",
        "category": "rodzina-i-porady",
        "title": "Asystent rodziny",
        "short_answer": (
            "Asystent rodziny pomaga rodzinie z dziećmi w codziennych sprawach: opiece "
            "i wychowaniu, budżecie domowym, szkole, szukaniu pracy."
        ),
        "eligibility": (
            "Rodzina z dziećmi, która przeżywa trudności w opiekowaniu się nimi i ich "
            "wychowaniu. Asystenta przydziela ośrodek za zgodą rodziny, zwykle po rozmowie "
            "z pracownikiem socjalnym. Bez względu na dochód."
        ),
        "income": False,
        "bring": "",
        "in_person": (
            "U pracownika socjalnego rejonu albo w Dziale Pomocy Środowiskowej i Świadczeń."
        ),
        "time": "Asystent zaczyna pracę z rodziną po wspólnym ustaleniu planu.",
        "legal": f"Art. 11 i art. 15 {FAMILY_ACT}.",
        "unit": "dzial-swiadczen",
        "contact": "Zespół asystentów rodziny",
        "phone": "15 000 10 12",
        "document": "Zgoda rodziny na współpracę z asystentem rodziny",
    },
    {
        "slug": "interwencja-kryzysowa",
        "category": "kryzys-i-przemoc",
        "title": "Interwencja kryzysowa",
        "short_answer": (
            "Interwencja kryzysowa to pomoc od razu, gdy stało się coś, z czym nie możesz "
            "sobie poradzić: rozmowa, schronienie, pomoc prawna i psychologiczna."
        ),
        "eligibility": (
            "Każda osoba i rodzina w kryzysie, bez względu na dochód: po śmierci bliskiej osoby, "
            "w przemocy, po wypadku, utracie mieszkania albo pracy.\n\n"
            "W zagrożeniu życia dzwoń pod 112."
        ),
        "income": False,
        "bring": "",
        "in_person": "Przyjdź do Punktu Interwencji Kryzysowej bez zapisów i bez skierowania.",
        "time": "Od razu, w godzinach otwarcia punktu.",
        "legal": f"Art. 47 {UPS}.",
        "unit": "punkt-interwencji-kryzysowej",
        "contact": "Dyżur interwencyjny",
        "phone": "15 000 10 40",
        "sensitive": True,
        "document": "Informacja o Punkcie Interwencji Kryzysowej",
    },
    {
        "slug": "niebieska-karta",
        "category": "kryzys-i-przemoc",
        "title": "Przemoc domowa — procedura „Niebieskie Karty”",
        "short_answer": (
            "Jeśli ktoś w domu Cię bije, poniża, zastrasza albo zabiera pieniądze, możesz dostać "
            "pomoc i ochronę. Procedura „Niebieskie Karty” zaczyna się bez Twojej zgody "
            "i jest bezpłatna."
        ),
        "eligibility": (
            "Każda osoba doznająca przemocy domowej — także dziecko, osoba starsza i osoba "
            "z niepełnosprawnością — oraz każdy, kto jest jej świadkiem. Bez względu na dochód.\n\n"
            "Procedurę wszczyna pracownik socjalny, policjant, lekarz, pielęgniarka albo "
            "nauczyciel, wypełniając formularz „Niebieska Karta — A”. Osoba doznająca przemocy "
            "dostaje formularz „Niebieska Karta — B” z informacją, gdzie szukać pomocy.\n\n"
            "W zagrożeniu życia dzwoń pod 112. Ogólnopolskie Pogotowie dla Ofiar Przemocy "
            "w Rodzinie „Niebieska Linia”: 800 120 002."
        ),
        "income": False,
        "bring": "",
        "in_person": (
            "W Punkcie Interwencji Kryzysowej albo u pracownika socjalnego; możesz "
            "przyjść z osobą zaufaną."
        ),
        "time": "Od razu. Zespół interdyscyplinarny spotyka się w ciągu kilku dni.",
        "legal": (
            f"Art. 9d {VIOLENCE_ACT}; rozporządzenie Rady Ministrów z dnia 6 września 2023 r. "
            "w sprawie procedury „Niebieskie Karty” oraz wzorów formularzy „Niebieska Karta”."
        ),
        "unit": "punkt-interwencji-kryzysowej",
        "contact": "Dyżur interwencyjny",
        "phone": "15 000 10 40",
        "sensitive": True,
        "document": "Informacja dla osoby doznającej przemocy domowej",
    },
    {
        "slug": "schronienie",
        "category": "mieszkanie-i-bezdomnosc",
        "title": "Schronienie dla osoby bezdomnej",
        "short_answer": (
            "Schronienie to miejsce w noclegowni, schronisku dla osób bezdomnych albo "
            "schronisku z usługami opiekuńczymi, gdy nie masz gdzie mieszkać."
        ),
        "eligibility": (
            "Osoba bezdomna, której ostatnim miejscem zameldowania na pobyt stały jest nasze "
            "miasto. Zimą, gdy widzisz osobę w potrzebie na mrozie, zadzwoń pod 112 albo "
            "do straży miejskiej."
        ),
        "income": False,
        "bring": "dowód osobisty (jeśli go masz)",
        "in_person": (
            "W Dziale Pomocy Środowiskowej i Świadczeń; w nagłej sytuacji po "
            "godzinach — Punkt Interwencji Kryzysowej."
        ),
        "time": "W nagłej sytuacji miejsce wskazujemy tego samego dnia.",
        "legal": f"Art. 48a i art. 101 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Pracownik socjalny do spraw osób bezdomnych",
        "phone": "15 000 10 12",
        "document": "Wniosek o przyznanie schronienia",
    },
    {
        "slug": "mieszkanie-chronione",
        "category": "mieszkanie-i-bezdomnosc",
        "title": "Mieszkanie chronione",
        "short_answer": (
            "Mieszkanie chronione to mieszkanie ze wsparciem specjalistów dla osoby, która "
            "potrzebuje pomocy w codziennym życiu, ale nie całodobowej opieki."
        ),
        "eligibility": (
            "Osoba, która ze względu na trudną sytuację życiową, wiek, niepełnosprawność "
            "lub chorobę potrzebuje wsparcia, w szczególności osoba wychodząca z bezdomności, "
            "opuszczająca pieczę zastępczą albo z zaburzeniami psychicznymi.\n\n"
            "Odpłatność zależy od dochodu."
        ),
        "income": False,
        "bring": STANDARD_BRING,
        "in_person": "W Dziale Pomocy Środowiskowej i Świadczeń, pokój 16.",
        "time": WAIT_DECISION,
        "legal": f"Art. 53 {UPS}.",
        "unit": "dzial-swiadczen",
        "contact": "Dział świadczeń, pokój 16",
        "phone": "15 000 10 12",
        "document": "Wniosek o przyznanie pobytu w mieszkaniu chronionym",
    },
]

CRITERIA = [
    {
        "effective_from": dt.date(2025, 1, 1),
        "single_person": Decimal("1010.00"),
        "per_person_in_family": Decimal("823.00"),
        "legal_basis": (
            "Rozporządzenie Rady Ministrów z dnia 10 lipca 2024 r. w sprawie zweryfikowanych "
            "kryteriów dochodowych oraz kwot świadczeń pieniężnych z pomocy społecznej "
            "(Dz.U. 2024 poz. 1044); art. 8 ust. 1 ustawy o pomocy społecznej."
        ),
    },
]


def _form_pdf(title):
    return minimal_pdf(
        title,
        [
            "Wzor demonstracyjny portalu opsportal.",
            "Imie i nazwisko: ..........................................",
            "Adres: ....................................................",
            "Liczba osob w gospodarstwie domowym: .......",
            "Data i podpis: ............................................",
        ],
    )


def load(scale, stdout):
    today = timezone.localdate()
    for criterion in CRITERIA:
        IncomeCriterion.objects.update_or_create(
            effective_from=criterion["effective_from"], defaults=criterion
        )
    categories = {}
    for order, (slug, name, description) in enumerate(CATEGORIES):
        categories[slug], _created = Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    units = {
        unit.slug: unit for unit in FormOfHelp._meta.get_field("unit").related_model.objects.all()
    }
    for order, spec in enumerate(FORMS):
        form, _created = FormOfHelp.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "category": categories[spec["category"]],
                "title": spec["title"],
                "short_answer": spec["short_answer"],
                "eligibility": spec["eligibility"],
                "income_criterion_applies": spec["income"],
                "what_to_bring": spec["bring"],
                "apply_in_person": spec["in_person"],
                "processing_time": spec["time"],
                "legal_basis": spec["legal"],
                "unit": units.get(spec["unit"]),
                "contact_name": spec["contact"],
                "phone": spec["phone"],
                "checked_on": today - dt.timedelta(days=12),
                "is_sensitive": spec.get("sensitive", False),
                "is_published": True,
                "order": order,
            },
        )
        # Idempotent without piling up files: a form keeps the document it has.
        if not form.documents.filter(title=spec["document"]).exists():
            AidDocument(
                form=form,
                title=spec["document"],
                file=ContentFile(_form_pdf(spec["document"]), name="wniosek.pdf"),
            ).save()
    _synthetic(scale, categories, today)
    stdout.write(f"Forms of help: {len(FORMS)}, income criteria: {len(CRITERIA)}")


def _synthetic(scale, categories, today):
    """``scale`` more forms of help, for the query-count benchmarks."""
    existing = set(
        FormOfHelp.objects.filter(slug__startswith="pomoc-testowa-").values_list("slug", flat=True)
    )
    category = categories["pieniadze"]
    FormOfHelp.objects.bulk_create(
        FormOfHelp(
            slug=f"pomoc-testowa-{number}",
            category=category,
            title=f"Pomoc testowa {number}",
            short_answer="Forma pomocy do testów wydajności.",
            eligibility="Każdy.",
            legal_basis=f"Art. 36 {UPS}.",
            checked_on=today,
            is_published=True,
            order=100 + number,
        )
        for number in range(1, scale + 1)
        if f"pomoc-testowa-{number}" not in existing
    )
