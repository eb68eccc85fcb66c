"""Opening hours: "open now, until 16:00" / "closed, opens Monday at 8:00".

One function, :func:`opening_status`, answers for every owner of hours (the
centre, each local activity site). It takes rows that are already loaded, so a
page that lists many owners still issues a fixed number of queries when the
rows are prefetched. Times are wall-clock times in Europe/Warsaw; instants
are compared in UTC, so the answer stays right on the nights the clocks
change.

A day's hours come from, in this order: the dated rows an editor entered
(closed, or changed hours), then Poland's public holidays (closed, unless the
owner is open on holidays), then the weekly rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import holidays

WARSAW = ZoneInfo("Europe/Warsaw")

# How far ahead to look for the next opening; long enough for a holiday
# closure between Christmas and Epiphany, short enough to stay cheap.
LOOKAHEAD_DAYS = 60

# Residents see the closures and changed hours of today and the next 14 days.
CLOSURES_AHEAD_DAYS = 14

# Weekday names in the form used after "w" / "we" ("opens on Monday").
_ON_WEEKDAY = (
    lambda: pgettext("on weekday", "w poniedziałek"),
    lambda: pgettext("on weekday", "we wtorek"),
    lambda: pgettext("on weekday", "w środę"),
    lambda: pgettext("on weekday", "w czwartek"),
    lambda: pgettext("on weekday", "w piątek"),
    lambda: pgettext("on weekday", "w sobotę"),
    lambda: pgettext("on weekday", "w niedzielę"),
)

_SHORT_WEEKDAY = (
    lambda: pgettext("weekday abbreviation", "pon."),
    lambda: pgettext("weekday abbreviation", "wt."),
    lambda: pgettext("weekday abbreviation", "śr."),
    lambda: pgettext("weekday abbreviation", "czw."),
    lambda: pgettext("weekday abbreviation", "pt."),
    lambda: pgettext("weekday abbreviation", "sob."),
    lambda: pgettext("weekday abbreviation", "niedz."),
)


@dataclass(frozen=True)
class TimeRange:
    opens: dt.time
    closes: dt.time

    def __str__(self):
        return f"{format_time(self.opens)}–{format_time(self.closes)}"


@dataclass(frozen=True)
class DayHours:
    """The hours that apply on one date, after closures and changes.

    ``special``: the hours differ from the usual week (an editor's row or a
    public holiday); ``holiday``: the public holiday's name, if it is one.
    """

    date: dt.date
    ranges: tuple[TimeRange, ...]
    note: str = ""
    special: bool = False
    holiday: str = ""

    @property
    def is_closed(self):
        return not self.ranges


@dataclass(frozen=True)
class OpeningStatus:
    now: dt.datetime
    is_open: bool
    today: DayHours
    closes_at: dt.datetime | None = None
    opens_at: dt.datetime | None = None
    has_hours: bool = field(default=True)
    changes_at: dt.datetime | None = None

    @property
    def message(self):
        if not self.has_hours:
            return _("Godziny otwarcia nie zostały podane.")
        if self.is_open:
            return _("Otwarte teraz, do %(time)s.") % {"time": format_time(self.closes_at.time())}
        if self.opens_at is None:
            return _("Zamknięte.")
        return _("Zamknięte — otwarcie %(when)s.") % {"when": self._when(self.opens_at)}

    def _when(self, moment):
        days = (moment.date() - self.now.date()).days
        time = format_time(moment.time())
        if days == 0:
            return _("dziś o %(time)s") % {"time": time}
        if days == 1:
            return _("jutro o %(time)s") % {"time": time}
        if days < 7:
            return _("%(weekday)s o %(time)s") % {
                "weekday": _ON_WEEKDAY[moment.weekday()](),
                "time": time,
            }
        return _("%(date)s o %(time)s") % {
            "date": formats.date_format(moment.date(), "j E"),
            "time": time,
        }

    def __str__(self):
        return self.message


def format_time(value):
    """8:00, 15:30 — the way Polish offices write hours."""
    return f"{value.hour}:{value.minute:02d}"


def _merge(ranges):
    merged = []
    for opens, closes in sorted(ranges):
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return tuple(TimeRange(opens, closes) for opens, closes in merged)


class Schedule:
    """Weekly rows plus dated exceptions and public holidays, answering for any date.

    ``closed_on_holidays=False`` is for an owner open on public holidays at
    its usual hours (a club open on 11 November).
    """

    def __init__(self, weekly_rows, special_rows=(), closed_on_holidays=True):
        self.closed_on_holidays = closed_on_holidays
        self.weekly = {}
        for row in weekly_rows:
            self.weekly.setdefault(row.weekday, []).append((row.opens, row.closes))
        self.special = {}
        for row in special_rows:
            self.special.setdefault(row.date, []).append(row)

    @property
    def is_empty(self):
        return not self.weekly and not any(
            row.opens is not None for rows in self.special.values() for row in rows
        )

    def day(self, date):
        holiday = holidays.name(date)
        rows = self.special.get(date)
        if rows:
            # An editor's row wins over the holiday and the week.
            note = "; ".join(dict.fromkeys(row.reason for row in rows if row.reason)) or holiday
            if any(row.opens is None for row in rows):
                return DayHours(date, (), note, special=True, holiday=holiday)
            ranges = _merge((row.opens, row.closes) for row in rows)
            return DayHours(date, ranges, note, special=True, holiday=holiday)
        ranges = _merge(self.weekly.get(date.weekday(), ()))
        # A holiday on a day the owner is closed anyway (most Sundays) changes nothing.
        if holiday and ranges and self.closed_on_holidays:
            return DayHours(date, (), holiday, special=True, holiday=holiday)
        return DayHours(date, ranges)

    def week(self):
        """Regular hours, Monday first: [(weekday, (TimeRange, …)), …]."""
        return [(weekday, _merge(self.weekly.get(weekday, ()))) for weekday in range(7)]

    def summary(self):
        """'pon.–czw. 7:30–15:30; pt. 7:30–14:00': consecutive days with equal hours joined."""
        groups = []
        for weekday, ranges in self.week():
            if not ranges:
                continue
            if groups and groups[-1][2] == ranges and groups[-1][1] == weekday - 1:
                groups[-1][1] = weekday
            else:
                groups.append([weekday, weekday, ranges])
        parts = []
        for first, last, ranges in groups:
            days = _SHORT_WEEKDAY[first]()
            if last != first:
                days = f"{days}–{_SHORT_WEEKDAY[last]()}"
            parts.append(f"{days} {', '.join(str(r) for r in ranges)}")
        return "; ".join(parts)

    def exceptions_from(self, date, days=CLOSURES_AHEAD_DAYS):
        """Closures and changed hours on or after ``date``, in date order.

        Public holidays up to ``days`` days after ``date``; the editors' rows
        however far ahead, since a closure is announced as soon as it is decided.
        """
        end = date + dt.timedelta(days=days + 1)
        dates = {d for d in self.special if d >= date}
        dates.update(d for d, _name in holidays.between(date, end))
        return [day for day in map(self.day, sorted(dates)) if day.special]

    def closures_ahead(self, date, days=CLOSURES_AHEAD_DAYS):
        """Closures and changed hours from ``date`` to ``days`` days after it, holidays included."""
        end = date + dt.timedelta(days=days + 1)
        return [day for day in self.exceptions_from(date, days) if day.date < end]


def _instant(date, time):
    # fold=0: an ambiguous wall time on the night of the autumn change means
    # its first occurrence; a missing one in spring maps past the gap.
    return dt.datetime.combine(date, time, tzinfo=WARSAW).astimezone(dt.UTC)


def opening_status(weekly_rows, special_rows=(), now=None):
    """Whether the owner of these rows is open at ``now`` and when that changes."""
    schedule = (
        weekly_rows if isinstance(weekly_rows, Schedule) else Schedule(weekly_rows, special_rows)
    )
    now_utc = (now or timezone.now()).astimezone(dt.UTC)
    local_now = now_utc.astimezone(WARSAW)
    today = schedule.day(local_now.date())
    status = _status(schedule, now_utc, local_now, today)
    # The answer holds until the next opening or closing, and "today's hours"
    # until midnight: a page that shows it is stale from then on.
    midnight = dt.datetime.combine(local_now.date() + dt.timedelta(days=1), dt.time(), WARSAW)
    changes_at = min(filter(None, [status.closes_at, status.opens_at, midnight]))
    return dataclasses.replace(status, changes_at=changes_at)


def _status(schedule, now_utc, local_now, today):
    if schedule.is_empty:
        return OpeningStatus(local_now, False, today, has_hours=False)
    for offset in range(LOOKAHEAD_DAYS):
        day = today if offset == 0 else schedule.day(local_now.date() + dt.timedelta(offset))
        for hours in day.ranges:
            start = _instant(day.date, hours.opens)
            end = _instant(day.date, hours.closes)
            if start <= now_utc < end:
                return OpeningStatus(local_now, True, today, closes_at=end.astimezone(WARSAW))
            if start > now_utc:
                return OpeningStatus(local_now, False, today, opens_at=start.astimezone(WARSAW))
    return OpeningStatus(local_now, False, today)
