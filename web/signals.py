"""Content saved or deleted makes the cached pages that show it stale (web.pagecache).

Each app says which of its models are content, and under which tag, in its
``AppConfig.ready()``: ``watch(self.get_models())``. The cache names no app.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from web import pagecache


class ContentChanged:
    """A signal receiver that bumps one cache tag: now, and again after the commit."""

    def __init__(self, tag):
        self.tag = tag

    def __call__(self, sender=None, **kwargs):
        if kwargs.get("action", "post_").startswith("pre_"):
            return
        pagecache.bump(self.tag)
        if transaction.get_connection().in_atomic_block:
            # Once more after commit: a request that rendered the old rows between
            # the first bump and the commit must not outlive it in the cache.
            transaction.on_commit(lambda: pagecache.bump(self.tag))


_receivers = {}


def receiver_for(tag):
    """The one receiver of ``tag``; call it to make that tag's pages stale by hand."""
    return _receivers.setdefault(tag, ContentChanged(tag))


def watch(models, tag=pagecache.CONTENT):
    """Make pages depending on ``tag`` stale whenever one of ``models`` changes."""
    receiver = receiver_for(tag)
    for model in models:
        uid = f"web.pagecache:{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                receiver,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}",
            )
