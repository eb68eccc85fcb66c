"""The cookies the site sets: the reader-options cookie, and the list the
privacy notice shows (tests/centre/test_legal.py checks that the notice
names each of them).
"""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

READER_COOKIE = "czytelnosc"
READER_COOKIE_MAX_AGE = 365 * 24 * 3600

READER_OPTIONS = {"tekst": {"duzy", "normalny"}, "kontrast": {"wysoki", "normalny"}}


def reader_preferences(request):
    """{'tekst': 'duzy', 'kontrast': 'wysoki'} from the reader cookie, unknown values dropped."""
    prefs = {}
    for item in request.COOKIES.get(READER_COOKIE, "").split("."):
        name, _sep, value = item.partition("-")
        if value in READER_OPTIONS.get(name, ()):
            prefs[name] = value
    return prefs


def site_cookies():
    """Every cookie of the site, for the privacy notice: the web layer's and the apps' own.

    An app lists its cookies in its AppConfig's ``cookies`` attribute.
    """
    own = [
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": _("Chroni formularze (np. ankietę) przed wysłaniem z innej strony."),
            "lifetime": _("1 rok"),
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
    for config in apps.get_app_configs():
        own[1:1] = getattr(config, "cookies", ())
    return own
