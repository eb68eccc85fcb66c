from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from web import signals


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projekty i partnerzy")

    def ready(self):
        signals.watch(self.get_models())
