"""Publication by the clock: a start moment (empty = draft) and an optional end moment.

Content that residents should see from a given moment, and possibly only
until another one (news, announcements, later projects, events and polls),
inherits :class:`Publication` and uses :class:`PublicationQuerySet`:

- ``published(now)`` is the one rule of what the public sees;
- ``next_change(now)`` is the earliest coming moment at which that set
  changes, for ``web.pagecache.valid_until``, so a cached page shows a
  scheduled item at its start and drops an ended one at its end without
  anybody saving anything;
- ``publication_status(now)`` and ``status_label(now)`` say it in the
  editors' words: *Szkic*, *Zaplanowane na 15 grudnia, 8:00*,
  *Opublikowane*, *Wygasło*.

Moments are shown in Europe/Warsaw, whatever the server's clock says.
"""

from django.db import models
from django.db.models import F, Min, Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.hours import WARSAW
from core.visibility import VisibleToMixin


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Szkic")
    SCHEDULED = "scheduled", _("Zaplanowane")
    PUBLISHED = "published", _("Opublikowane")
    EXPIRED = "expired", _("Wygasło")


def moment_label(moment, now=None):
    """``15 grudnia, 8:00`` in Warsaw time; the year is added when it is not this year's."""
    local = moment.astimezone(WARSAW)
    this_year = (now or timezone.now()).astimezone(WARSAW).year
    pattern = "j E, G:i" if local.year == this_year else "j E Y, G:i"
    return formats.date_format(local, pattern)


class PublicationQuerySet(VisibleToMixin, models.QuerySet):
    def published(self, now=None):
        """What residents see at ``now``: started, and not yet ended."""
        now = now or timezone.now()
        return self.filter(published_at__lte=now).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def scheduled(self, now=None):
        return self.filter(published_at__gt=now or timezone.now())

    def expired(self, now=None):
        return self.filter(published_at__isnull=False, expires_at__lte=now or timezone.now())

    def with_status(self, status, now=None):
        """The rows whose ``publication_status(now)`` is ``status`` (a PublicationStatus)."""
        if status == PublicationStatus.DRAFT:
            return self.drafts()
        if status == PublicationStatus.SCHEDULED:
            return self.scheduled(now)
        if status == PublicationStatus.PUBLISHED:
            return self.published(now)
        if status == PublicationStatus.EXPIRED:
            return self.expired(now)
        return self.none()

    def next_change(self, now=None):
        """The earliest moment after ``now`` at which ``published()`` of these rows changes.

        That is the nearest coming start or end of a row that has a start;
        None when nothing is scheduled to start or end. One query.
        """
        now = now or timezone.now()
        moments = self.filter(published_at__isnull=False).aggregate(
            start=Min("published_at", filter=Q(published_at__gt=now)),
            end=Min("expires_at", filter=Q(expires_at__gt=now)),
        )
        return min((m for m in moments.values() if m is not None), default=None)


def next_change_among(rows, now=None):
    """``next_change`` for rows already fetched: the nearest coming start or end among them."""
    now = now or timezone.now()
    moments = [
        moment
        for row in rows
        if row.published_at is not None
        for moment in (row.published_at, row.expires_at)
        if moment is not None and moment > now
    ]
    return min(moments, default=None)


class Publication(models.Model):
    """Abstract: when residents may see a record.

    A subclass that declares its own ``Meta.constraints`` keeps this one with
    ``constraints = [*Publication.Meta.constraints, …]``.
    """

    published_at = models.DateTimeField(
        _("początek publikacji"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Od tej chwili mieszkańcy widzą wpis na stronie. Puste — szkic, "
            "którego nikt poza redakcją nie widzi."
        ),
    )
    expires_at = models.DateTimeField(
        _("koniec publikacji"),
        null=True,
        blank=True,
        help_text=_("Od tej chwili wpis znika ze strony sam. Puste — bez końca."),
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | Q(expires_at__isnull=True)
                | Q(published_at__lt=F("expires_at")),
                name="%(app_label)s_%(class)s_published_before_expires",
                violation_error_message=_(
                    "Koniec publikacji musi być późniejszy niż jej początek."
                ),
            ),
        ]

    def publication_status(self, now=None):
        now = now or timezone.now()
        if self.published_at is None:
            return PublicationStatus.DRAFT
        if self.published_at > now:
            return PublicationStatus.SCHEDULED
        if self.expires_at is not None and self.expires_at <= now:
            return PublicationStatus.EXPIRED
        return PublicationStatus.PUBLISHED

    def is_public(self, now=None):
        return self.publication_status(now) == PublicationStatus.PUBLISHED

    def status_label(self, now=None):
        """The status as an editor reads it: ``Zaplanowane na 15 grudnia, 8:00``."""
        status = self.publication_status(now)
        if status == PublicationStatus.SCHEDULED:
            return gettext("Zaplanowane na %(moment)s") % {
                "moment": moment_label(self.published_at, now)
            }
        return str(status.label)

    def publish(self, now=None):
        """Make the record visible: from ``now`` when it has no start, and with no end if
        it has ended. A scheduled record keeps its start. Returns whether anything changed."""
        now = now or timezone.now()
        changed = False
        if self.published_at is None:
            self.published_at = now
            changed = True
        if self.expires_at is not None and self.expires_at <= max(now, self.published_at):
            self.expires_at = None
            changed = True
        return changed

    def withdraw(self):
        """Make the record a draft again. Returns whether anything changed."""
        if self.published_at is None:
            return False
        self.published_at = None
        return True
