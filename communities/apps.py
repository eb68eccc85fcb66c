from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from web import signals


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Organizowanie społeczności lokalnej")

    def ready(self):
        signals.watch(self.get_models())
