"""When a record residents read was last looked at by an editor.

Content goes stale quietly: a phone number that changed, a project that
ended, an event that moved. Every public content model inherits
:class:`Reviewed`, whose ``reviewed_at`` is set to the moment of every save
(in the admin, by a script, by ``bulk_create``), so an editor who checks a
page and saves it unchanged marks it as reviewed. :func:`stale` lists the
rows nobody has saved for a year, for the editors' dashboard.

A plain module function rather than a QuerySet method: the models that
inherit this also inherit querysets of their own (``core.publication`` among
them), and a second manager on an abstract base would have to be merged by
hand into each.
"""

import calendar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.hours import WARSAW

STALE_AFTER_MONTHS = 12


class Reviewed(models.Model):
    """Abstract: ``reviewed_at``, the moment of the last save."""

    # auto_now rather than a save() override: bulk_create() and
    # update_or_create() (the demo's, the benchmarks') set it too.
    reviewed_at = models.DateTimeField(
        _("ostatni przegląd"),
        auto_now=True,
        db_index=True,
        help_text=_(
            "Ustawiany przy każdym zapisie. Treść jest aktualna? Wystarczy zapisać ją bez zmian."
        ),
    )

    class Meta:
        abstract = True


def months_before(moment, months):
    """``moment`` moved ``months`` calendar months back, on the Warsaw calendar.

    31 March less one month is 28 (or 29) February, as a person counts it;
    no dateutil needed for that.
    """
    local = moment.astimezone(WARSAW)
    index = local.year * 12 + (local.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def stale(queryset, now=None, months=STALE_AFTER_MONTHS):
    """The rows of ``queryset`` (of a :class:`Reviewed` model) not saved for ``months``
    months before ``now``: reviewed before that moment, oldest first."""
    cutoff = months_before(now or timezone.now(), months)
    return queryset.filter(reviewed_at__lt=cutoff).order_by("reviewed_at", "pk")
