from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from web import signals


class AidConfig(AppConfig):
    """Forms of help (formy pomocy): what residents can get, how to apply, the income check."""

    name = "aid"
    verbose_name = _("Jak uzyskać pomoc")

    def ready(self):
        signals.watch(self.get_models())
