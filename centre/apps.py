from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from web import signals


class CentreConfig(AppConfig):
    """The centre's own content: contact details, hours, legal pages."""

    name = "centre"
    verbose_name = _("Ośrodek i placówki")

    def ready(self):
        signals.watch(self.get_models())
