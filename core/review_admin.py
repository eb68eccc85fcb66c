"""The last review (core.review) on the change form of every reviewed record."""

from django.utils.translation import gettext_lazy as _

from core.review import Reviewed

REVIEW_FIELDSET = (
    _("Przegląd treści"),
    {
        "fields": ["reviewed_at"],
        "description": _(
            "Każdy zapis liczy się jako przegląd. Treści nieprzeglądane od roku "
            "trafiają na listę do sprawdzenia."
        ),
    },
)


class ReviewedAdminMixin:
    """For a :class:`Reviewed` model: ``reviewed_at`` read-only in a fieldset of its own at
    the bottom of the form, whatever fieldsets or fields the admin declares. Other
    models' admins are left as they are, so every content admin may inherit it."""

    def _is_reviewed(self):
        return issubclass(self.model, Reviewed)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self._is_reviewed() or "reviewed_at" in readonly:
            return readonly
        return [*readonly, "reviewed_at"]

    def get_fieldsets(self, request, obj=None):
        if not self._is_reviewed():
            return super().get_fieldsets(request, obj)
        # Without declared fieldsets Django lists the read-only fields in the
        # first one; the field belongs in its own, and only once it has a value.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "reviewed_at"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None:
            fieldsets.append(REVIEW_FIELDSET)
        return fieldsets
