from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from web import signals


class NewsConfig(AppConfig):
    """News and urgent announcements (aktualności, komunikaty)."""

    name = "news"
    verbose_name = _("Aktualności i komunikaty")

    def ready(self):
        signals.watch(self.get_models())
