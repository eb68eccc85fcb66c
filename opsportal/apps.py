from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from core import search_index
from opsportal.search import build_index_if_empty, site_kinds


class OpsportalConfig(AppConfig):
    """The project: settings, root URLs, home, site search, sitemap, demo and roles."""

    name = "opsportal"
    verbose_name = _("Portal")

    def ready(self):
        # Every app's searched records keep their index documents current.
        search_index.connect(site_kinds())
        # The first migrate that creates the index fills it from what exists.
        post_migrate.connect(build_index_if_empty, sender=self)
