"""The poll's line on the admin's start page (core.attention): voting that ends soon."""

import datetime as dt

from django.utils.text import capfirst
from django.utils.translation import gettext

from core import attention
from survey.models import Poll

CLOSING_AHEAD_DAYS = 7


def closing_polls(context):
    """Published polls taking votes whose voting ends within CLOSING_AHEAD_DAYS days."""
    if not attention.may_change(context.user, Poll):
        return []
    closing = (
        Poll.objects.published()
        .filter(
            opens_at__lte=context.now,
            closes_at__gt=context.now,
            closes_at__lte=context.now + dt.timedelta(days=CLOSING_AHEAD_DAYS),
        )
        .order_by("closes_at", "pk")
    )
    return attention.bounded(
        closing,
        Poll,
        lambda poll: attention.Attention(
            attention.DEADLINES,
            f"{capfirst(Poll._meta.verbose_name)}: {poll}",
            gettext("głosowanie kończy się %(moment)s")
            % {"moment": attention.moment_text(poll.closes_at)},
            attention.change_url(poll),
        ),
        attention.DEADLINES,
    )


ATTENTION_SOURCES = [closing_polls]
