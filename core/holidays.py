"""Poland's public holidays (dni ustawowo wolne od pracy), from the ``holidays`` package.

Fourteen a year since 2025, when 24 December joined them. They are computed
in Python, once per year and language, so pages that show opening hours
never ask the database about them.
"""

import functools

import holidays
from django.utils import formats, translation
from django.utils.translation import get_language, gettext

# The package's spelling of the languages this portal serves; names are Polish otherwise.
_PACKAGE_LANGUAGE = {"pl": "pl", "uk": "uk", "en": "en_US"}

SATURDAY = 5


@functools.lru_cache(maxsize=32)
def _calendar(year, language):
    return dict(holidays.Poland(years=year, language=language))


def _language(language):
    return _PACKAGE_LANGUAGE.get((language or get_language() or "pl").split("-")[0], "pl")


def name(date, language=None):
    """The holiday's name on ``date`` ("Święto Trzech Króli"), or "" on an ordinary day.

    In the active language unless ``language`` ("pl", "uk", "en") says otherwise.
    """
    return _calendar(date.year, _language(language)).get(date, "")


def between(start, end, language=None):
    """[(date, name), …] of the holidays from ``start`` up to, not including, ``end``."""
    language = _language(language)
    found = []
    for year in range(start.year, end.year + 1):
        found.extend(
            (date, holiday)
            for date, holiday in _calendar(year, language).items()
            if start <= date < end
        )
    return sorted(found)


def on_saturdays(start, end, language=None):
    """The holidays that fall on a Saturday: each gives employees another day off."""
    return [(date, holiday) for date, holiday in between(start, end, language) if is_saturday(date)]


def is_saturday(date):
    return date.weekday() == SATURDAY


def day_off_reason(holiday_date):
    """The reason of the day off given for a Saturday holiday, as residents will read it.

    The package names holidays in the nominative ("Wniebowzięcie Najświętszej
    Marii Panny", "Święto Państwowe"), so the name stands in quotes after
    "święto", or alone where it already says "Święto": the participle then
    always agrees with a neuter noun.
    """
    # Stored as the closure's reason, so always in Polish, whoever adds it.
    with translation.override("pl"):
        holiday = name(holiday_date, "pl")
        values = {"holiday": holiday, "date": formats.date_format(holiday_date, "j E Y")}
        if "święto" in holiday.lower():
            text = gettext("Dzień wolny za „%(holiday)s” przypadające w sobotę %(date)s r.")
        else:
            text = gettext("Dzień wolny za święto „%(holiday)s” przypadające w sobotę %(date)s r.")
        return text % values
