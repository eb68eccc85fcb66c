from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """Web infrastructure: middleware, the page cache, logging, cookies."""

    name = "web"
    verbose_name = _("Infrastruktura serwisu")
