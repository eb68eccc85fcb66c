from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsportalConfig(AppConfig):
    """The project: settings, root URLs, home, site search, sitemap, demo and roles."""

    name = "opsportal"
    verbose_name = _("Portal")
