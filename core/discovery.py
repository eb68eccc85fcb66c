"""Finding what each installed app contributes (its sitemaps, search kinds, demo content)."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_modules(name):
    """The ``name`` module of every installed app that has one, in INSTALLED_APPS order."""
    return [
        import_module(f"{config.name}.{name}")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, name)
    ]
