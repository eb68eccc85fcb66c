"""Units of projects' outcome figures, each in the three forms a Polish number needs
(core.numbers.plural): "1 osoba", "3 osoby", "5 osób".

The admin offers COMMON_UNITS in a list; editors type any other unit's forms.
"""

# (one, 2–4, 5 and more)
COMMON_UNITS = [
    ("osoba", "osoby", "osób"),
    ("uczestnik", "uczestnicy", "uczestników"),
    ("rodzina", "rodziny", "rodzin"),
    ("dziecko", "dzieci", "dzieci"),
    ("senior", "seniorzy", "seniorów"),
    ("spotkanie", "spotkania", "spotkań"),
    ("godzina", "godziny", "godzin"),
    ("warsztat", "warsztaty", "warsztatów"),
    ("porada", "porady", "porad"),
    ("szkolenie", "szkolenia", "szkoleń"),
    ("wydarzenie", "wydarzenia", "wydarzeń"),
    ("posiłek", "posiłki", "posiłków"),
    ("paczka", "paczki", "paczek"),
    ("dzień", "dni", "dni"),
]

NO_UNIT = ("", "", "")


def unit_forms(text):
    """The three forms of a unit typed as free text: any form of a common unit gives
    all of them ("osób" → osoba, osoby, osób); another text stays as it is in all three."""
    text = (text or "").strip()
    if not text:
        return NO_UNIT
    for forms in COMMON_UNITS:
        if text.casefold() in forms:
            return forms
    return (text, text, text)


def unit_fields(text):
    """An Outcome's unit fields for a unit typed as free text: {"unit_one": "osoba", …}."""
    return dict(zip(("unit_one", "unit_few", "unit_many"), unit_forms(text), strict=True))


def unit_choices():
    """The admin's list, "osoby", "rodziny"…, keyed by the form after 5."""
    return [(many, few) for _one, few, many in COMMON_UNITS]
