"""What needs an editor's attention: the lines of the admin's start page, "Co wymaga uwagi".

Each line names one record and links to its admin page (or, for the rest of a
long list, to the model's list), says what is wrong, and belongs to a group
("Najbliższe zmiany godzin", "Do publikacji"…). The lines come from:

- each installed app's ``attention.py`` module, whose ``ATTENTION_SOURCES`` is
  a sequence of functions ``source(context) -> iterable of Attention``; they
  know the app's own rules (an event a few days away that residents cannot
  see, a project past its end date still under way);
- the generic sources here, which know no app: drafts and scheduled records of
  every :class:`core.publication.Publication` model, and records of every
  :class:`core.review.Reviewed` model nobody has saved for a year.

A source shows only what the user may change (:func:`may_change`) and costs a
fixed number of queries however much content there is: long lists stop at
:data:`LINES_PER_LIST` lines and end with a line to the whole list.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.db.models import Count, F, Q, Window
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core import holidays, review
from core.discovery import app_modules
from core.hours import TimeRange
from core.publication import Publication

# Closures and changed hours shown this many days ahead, today included.
HOURS_AHEAD_DAYS = 14
# Saturday holidays asked about this far ahead (about six months).
SATURDAY_HOLIDAYS_AHEAD_DAYS = 183
# Records listed one by one per list; the rest is one line to the model's list.
LINES_PER_LIST = 8


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    order: int


HOURS = Group("godziny", _("Najbliższe zmiany godzin"), 10)
DAYS_OFF = Group("dni-wolne", _("Święta w sobotę bez dnia wolnego w zamian"), 20)
PUBLICATION = Group("publikacja", _("Do publikacji"), 30)
DEADLINES = Group("terminy", _("Terminy"), 40)
REVIEW = Group("przeglad", _("Do przejrzenia"), 50)


@dataclass(frozen=True)
class Attention:
    """One line: ``label`` (the record, as the link's text), ``note`` (what needs doing)."""

    group: Group
    label: str
    note: str
    url: str
    # How many matters the line stands for: 1, or the rest of a long list.
    count: int = 1
    # The record the line is about, (model label, pk), when two sources may
    # both speak of it: the page then shows the first source's line only.
    record: tuple | None = None
    # Where the line stands in its group: lines of several sources about dates
    # (closures of the centre, its units and the sites) read in date order.
    order: tuple = ()


def record_key(obj):
    return (obj._meta.label_lower, obj.pk)


@dataclass(frozen=True)
class Context:
    user: object
    now: dt.datetime
    today: dt.date = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "today", timezone.localdate(self.now))


@dataclass(frozen=True)
class AttentionGroup:
    group: Group
    lines: list

    @property
    def count(self):
        return sum(line.count for line in self.lines)

    @property
    def count_text(self):
        return matters(self.count)


def matters(count):
    """``3 sprawy``: a number of matters with its Polish plural."""
    return ngettext("%(count)d sprawa", "%(count)d spraw", count) % {"count": count}


def summary(count):
    """``3 sprawy wymagają uwagi.``, or that nothing does."""
    if not count:
        return gettext("Nic nie wymaga teraz uwagi.")
    return ngettext("%(count)d sprawa wymaga uwagi.", "%(count)d spraw wymaga uwagi.", count) % {
        "count": count
    }


def may_change(user, model):
    """Whether ``user`` may change ``model``'s records in the admin."""
    opts = model._meta
    return admin.site.is_registered(model) and user.has_perm(
        f"{opts.app_label}.{get_permission_codename('change', opts)}"
    )


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])


def changelist_url(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def day_label(date, today=None, weekday=True):
    """``czwartek, 24 grudnia``, or ``24 grudnia``; the year when it is not this year's."""
    this_year = (today or timezone.localdate()).year
    pattern = "j E" if date.year == this_year else "j E Y \\r."
    # Django spells Polish weekdays with a capital; mid-sentence they have none.
    return formats.date_format(date, f"l, {pattern}" if weekday else pattern).lower()


def lowercase_first(text):
    """``Szkic`` → ``szkic``: a status read after a dash, mid-sentence."""
    return text[:1].lower() + text[1:]


def moment_text(moment):
    """``24 grudnia, 17:00`` in local time."""
    return formats.date_format(timezone.localtime(moment), "j E, G:i")


def bounded(queryset, model, make_line, group):
    """The first LINES_PER_LIST rows as lines, and one line to the list for the rest.

    One query: the rows carry the number of all of them (a window function).
    """
    rows = list(queryset.annotate(attention_total=Window(Count("pk")))[:LINES_PER_LIST])
    lines = [make_line(row) for row in rows]
    rest = rows[0].attention_total - len(rows) if rows else 0
    if rest > 0:
        lines.append(
            Attention(
                group,
                capfirst(model._meta.verbose_name_plural),
                gettext("i jeszcze %(count)d na liście") % {"count": rest},
                changelist_url(model),
                count=rest,
            )
        )
    return lines


# Closures and changed hours, and Saturday holidays: for any owner of hours
# (core.models.HasOpeningHours) whose dated rows are ``special_days``.


def special_day_lines(context, special_day_model, owner_field):
    """The owners' closures and changed hours of the next HOURS_AHEAD_DAYS days."""
    owner_model = special_day_model._meta.get_field(owner_field).related_model
    if not may_change(context.user, owner_model):
        return []
    end = context.today + dt.timedelta(days=HOURS_AHEAD_DAYS)
    rows = (
        special_day_model.objects.filter(date__gte=context.today, date__lt=end)
        .select_related(owner_field)
        .order_by("date", "opens", "pk")
    )
    lines = []
    for row in rows:
        owner = getattr(row, owner_field)
        if row.opens is None:
            note = gettext("%(day)s: nieczynne") % {"day": day_label(row.date, context.today)}
        else:
            note = gettext("%(day)s: czynne w godzinach %(hours)s") % {
                "day": day_label(row.date, context.today),
                "hours": TimeRange(row.opens, row.closes),
            }
        if row.reason:
            note = f"{note} ({row.reason})"
        lines.append(Attention(HOURS, str(owner), note, change_url(owner), order=(row.date,)))
    return lines


def saturday_holiday_lines(context, owner_model):
    """A line per owner with the coming Saturday holidays it has entered no day off for.

    Employees get another day off for a holiday that falls on a Saturday
    (Kodeks pracy, art. 130 § 2); an owner open on holidays works them.
    """
    end = context.today + dt.timedelta(days=SATURDAY_HOLIDAYS_AHEAD_DAYS)
    coming = holidays.on_saturdays(context.today, end)
    if not coming or not may_change(context.user, owner_model):
        return []
    relation = owner_model._meta.get_field("special_days")
    special_day_model, owner_column = relation.related_model, relation.field.attname
    declared = set(
        special_day_model.objects.filter(
            replaces_holiday__in=[date for date, _name in coming]
        ).values_list(owner_column, "replaces_holiday")
    )
    owners = owner_model.objects.filter(open_on_holidays=False)
    lines = []
    for owner in owners:
        missing = [(date, name) for date, name in coming if (owner.pk, date) not in declared]
        if missing:
            days = "; ".join(
                f"{day_label(date, context.today, weekday=False)} — {name}"
                for date, name in missing
            )
            lines.append(
                Attention(
                    DAYS_OFF,
                    str(owner),
                    gettext("wpisz dzień wolny w zamian za: %(days)s") % {"days": days},
                    change_url(owner),
                    order=(missing[0][0],),
                )
            )
    return lines


# The generic sources: they know no app.


@cache
def publication_models():
    return tuple(model for model in apps.get_models() if issubclass(model, Publication))


@cache
def reviewed_models():
    return tuple(model for model in apps.get_models() if issubclass(model, review.Reviewed))


def publication_lines(context):
    """Drafts (oldest first) and scheduled records (soonest first) of every Publication model."""
    lines = []
    for model in publication_models():
        if not may_change(context.user, model):
            continue
        waiting = model._default_manager.filter(
            Q(published_at__isnull=True) | Q(published_at__gt=context.now)
        ).order_by(F("published_at").asc(nulls_first=True), "pk")
        lines += bounded(
            waiting,
            model,
            lambda obj: Attention(
                PUBLICATION,
                f"{capfirst(obj._meta.verbose_name)}: {obj}",
                lowercase_first(obj.status_label(context.now)),
                change_url(obj),
                record=record_key(obj),
            ),
            PUBLICATION,
        )
    return lines


def review_lines(context):
    """Records of every :class:`core.review.Reviewed` model nobody has saved for a year."""
    lines = []
    for model in reviewed_models():
        if not may_change(context.user, model):
            continue
        lines += bounded(
            review.stale(model._default_manager.all(), context.now),
            model,
            lambda obj: Attention(
                REVIEW,
                f"{capfirst(obj._meta.verbose_name)}: {obj}",
                gettext("ostatni zapis %(date)s: sprawdź, czy wszystko się zgadza, i zapisz")
                % {"date": formats.date_format(timezone.localtime(obj.reviewed_at), "j E Y \\r.")},
                change_url(obj),
                record=record_key(obj),
            ),
            REVIEW,
        )
    return lines


GENERIC_SOURCES = (publication_lines, review_lines)


def sources():
    """The apps' sources first (they say more about their records), then the generic ones."""
    own = [
        source
        for module in app_modules("attention")
        for source in getattr(module, "ATTENTION_SOURCES", ())
    ]
    return [*own, *GENERIC_SOURCES]


def collect(user, now=None):
    """[AttentionGroup, …] in the groups' order, each line once (the first source's words)."""
    context = Context(user, now or timezone.now())
    seen = set()
    grouped = {}
    for source in sources():
        for line in source(context):
            if line.record is not None:
                key = (line.group.key, line.record)
                if key in seen:
                    continue
                seen.add(key)
            grouped.setdefault(line.group, []).append(line)
    return [
        AttentionGroup(group, sorted(lines, key=lambda line: line.order))
        for group, lines in sorted(grouped.items(), key=lambda item: item[0].order)
    ]
