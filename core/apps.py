from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Building blocks the apps share: hours, places, Polish text, validators, images."""

    name = "core"
    verbose_name = _("Wspólne elementy")
