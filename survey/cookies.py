"""The poll's cookie: its name, and what the privacy notice says of it."""

from django.utils.translation import gettext_lazy as _

VOTER_COOKIE = "ankieta_glosujacy"
VOTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600

COOKIES = [
    {
        "name": VOTER_COOKIE,
        "purpose": _(
            "Zapisywany po oddaniu głosu: losowy, podpisany identyfikator, dzięki któremu "
            "w ankiecie można zagłosować tylko raz. Nie zawiera danych osobowych."
        ),
        "lifetime": _("2 lata"),
    },
]
