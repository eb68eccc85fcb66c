from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsportalConfig(AppConfig):
    name = "opsportal"
    verbose_name = _("Ośrodek")
