"""The community areas' lines on the admin's start page (core.attention): the activity
sites' closures, changed hours and Saturday holidays, and events residents cannot see
a few days before they start."""

import datetime as dt
from functools import partial

from django.utils.text import capfirst
from django.utils.translation import gettext

from communities.models import ActivitySite, Event, SiteSpecialDay
from core import attention

# An event starting this soon should be on the site already.
EVENTS_AHEAD_DAYS = 7


def unpublished_events(context):
    """Events starting within EVENTS_AHEAD_DAYS days that residents do not see."""
    if not attention.may_change(context.user, Event):
        return []
    coming = (
        Event.objects.filter(
            starts_at__gte=context.now,
            starts_at__lt=context.now + dt.timedelta(days=EVENTS_AHEAD_DAYS),
        )
        .exclude(pk__in=Event.objects.published().values("pk"))
        .order_by("starts_at", "pk")
    )
    return attention.bounded(
        coming,
        Event,
        lambda event: attention.Attention(
            attention.PUBLICATION,
            f"{capfirst(Event._meta.verbose_name)}: {event}",
            gettext("zaczyna się %(moment)s, a mieszkańcy go nie widzą")
            % {"moment": attention.moment_text(event.starts_at)},
            attention.change_url(event),
            record=attention.record_key(event),
        ),
        attention.PUBLICATION,
    )


ATTENTION_SOURCES = [
    partial(attention.special_day_lines, special_day_model=SiteSpecialDay, owner_field="site"),
    partial(attention.saturday_holiday_lines, owner_model=ActivitySite),
    unpublished_events,
]
