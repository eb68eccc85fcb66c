from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsportalConfig(AppConfig):
    name = "opsportal"
    verbose_name = _("Ośrodek")

    def ready(self):
        from django.apps import apps

        from opsportal import signals

        signals.connect(apps.get_app_configs())
