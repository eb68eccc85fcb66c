import re

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext

register = template.Library()

# A reason typed as "Wigilia — nieczynne" already says the day is closed.
_SAYS_CLOSED = re.compile(r"\b(nieczynn[eya]|zamknięt[eya])\W*$", re.IGNORECASE)


@register.filter
def coming_day(date):
    """'Środa, 6 stycznia': a coming day, with its year only when that is not this year's."""
    if date.year == timezone.localdate().year:
        return formats.date_format(date, "l, j E")
    return formats.date_format(date, "l, j E Y")


@register.filter
def special_day_text(day):
    """'Święto Trzech Króli, nieczynne', 'Krótszy dzień pracy, czynne 7:30–12:00'.

    Plain text: the template escapes it. A reason that already ends in
    "nieczynne" is not followed by a second one.
    """
    if day.is_closed:
        hours = "" if _SAYS_CLOSED.search(day.note) else gettext("nieczynne")
    else:
        hours = gettext("czynne %(hours)s") % {"hours": ", ".join(map(str, day.ranges))}
    return ", ".join(part for part in (day.note, hours) if part)
