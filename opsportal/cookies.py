"""Every cookie the site sets, for the privacy notice.

Keeping the list beside the names the code uses means a new cookie cannot be
added without the notice knowing: tests/opsportal/test_legal.py compares it
with the cookies the site really sets.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

READER_COOKIE = "czytelnosc"
READER_COOKIE_MAX_AGE = 365 * 24 * 3600


def site_cookies():
    from survey import voting

    return [
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": _("Chroni formularze (np. ankietę) przed wysłaniem z innej strony."),
            "lifetime": _("1 rok"),
        },
        {
            "name": voting.VOTER_COOKIE,
            "purpose": _(
                "Zapisywany po oddaniu głosu: losowy, podpisany identyfikator, dzięki któremu "
                "w ankiecie można zagłosować tylko raz. Nie zawiera danych osobowych."
            ),
            "lifetime": _("2 lata"),
        },
        {
            "name": READER_COOKIE,
            "purpose": _(
                "Zapamiętuje wybrane ustawienia czytelności: większy tekst, wysoki kontrast."
            ),
            "lifetime": _("1 rok"),
        },
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": _(
                "Tylko dla pracowników ośrodka: utrzymuje zalogowanie w panelu administracyjnym."
            ),
            "lifetime": _("2 tygodnie lub do wylogowania"),
        },
    ]
