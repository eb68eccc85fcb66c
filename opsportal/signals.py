"""Content saved or deleted anywhere makes the cached pages stale (opsportal.pagecache)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from opsportal import pagecache

CONTENT_APPS = ("opsportal", "projects", "communities", "survey")


def _tag_for(model):
    return pagecache.BALLOTS if model._meta.label == "survey.Ballot" else pagecache.CONTENT


def content_changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    tag = _tag_for(sender)
    pagecache.bump(tag)
    if transaction.get_connection().in_atomic_block:
        # Once more after commit: a request that rendered the old rows between
        # the first bump and the commit must not outlive it in the cache.
        transaction.on_commit(partial(pagecache.bump, tag))


def connect(app_configs):
    for app_config in app_configs:
        if app_config.label not in CONTENT_APPS:
            continue
        for model in app_config.get_models():
            uid = f"opsportal.pagecache:{model._meta.label}"
            post_save.connect(content_changed, sender=model, dispatch_uid=uid + ":save")
            post_delete.connect(content_changed, sender=model, dispatch_uid=uid + ":delete")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(content_changed, sender=through, dispatch_uid=uid + field.name)
