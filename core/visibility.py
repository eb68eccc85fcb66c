"""Who may see a record: residents what is published, staff also what is not yet.

Each public model's QuerySet defines ``published()``, the one rule of what
residents see; ``visible_to(user)`` adds the editors' preview on top of it, so
no view restates either.
"""


class VisibleToMixin:
    """For a QuerySet with ``published()``."""

    def visible_to(self, user):
        """Published records for residents; every record for staff, who preview drafts."""
        if user.is_active and user.is_staff:
            return self.all()
        return self.published()


class VisibleObjectMixin:
    """For generic views of published content: the queryset is what the visitor may see."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)
