"""The centre's lines on the admin's start page (core.attention): closures and changed
hours of the centre and its units, Saturday holidays without a day off in return, and
the accessibility statement's yearly review."""

from functools import partial

from django.utils import formats
from django.utils.translation import gettext

from centre.models import AccessibilityStatement, Centre, CentreSpecialDay, Unit, UnitSpecialDay
from core import attention

# The page starts reminding of the yearly review this many days before 31 March.
STATEMENT_REMINDER_DAYS = 60


def next_march_31(today):
    """The 31 March on or after ``today``."""
    deadline = today.replace(month=3, day=31)
    return deadline if deadline >= today else deadline.replace(year=today.year + 1)


def statement_review_due(last_review, today):
    """(deadline, overdue) of the statement's yearly review, or None when nothing is due.

    The statement is reviewed and updated at least once a year, by 31 March
    (the act of 4 April 2019 on digital accessibility, art. 10). A review
    counts for the first 31 March on or after it: one made on 15 April 2026
    covers 31 March 2027. Overdue when the last 31 March passed with no
    review in the year before it and none since.
    """
    deadline = next_march_31(today)
    previous = deadline.replace(year=deadline.year - 1)
    if last_review > previous:
        return None
    if last_review > previous.replace(year=previous.year - 1):
        if (deadline - today).days <= STATEMENT_REMINDER_DAYS:
            return deadline, False
        return None
    return previous, True


def _long_date(date):
    return formats.date_format(date, "j E Y \\r.")


def accessibility_statement(context):
    if not attention.may_change(context.user, AccessibilityStatement):
        return []
    statement = AccessibilityStatement.get()
    if statement is None:
        return []
    due = statement_review_due(statement.last_review, context.today)
    if due is None:
        return []
    deadline, overdue = due
    if overdue:
        note = gettext(
            "termin corocznego przeglądu minął %(deadline)s: przejrzyj deklarację, wpisz datę "
            "przeglądu i zapisz"
        )
    else:
        note = gettext(
            "przejrzyj ją i zaktualizuj do %(deadline)s: deklarację przegląda się co roku "
            "do 31 marca"
        )
    return [
        attention.Attention(
            attention.REVIEW,
            str(statement),
            note % {"deadline": _long_date(deadline)},
            attention.change_url(statement),
            record=attention.record_key(statement),
        )
    ]


ATTENTION_SOURCES = [
    partial(attention.special_day_lines, special_day_model=CentreSpecialDay, owner_field="centre"),
    partial(attention.special_day_lines, special_day_model=UnitSpecialDay, owner_field="unit"),
    partial(attention.saturday_holiday_lines, owner_model=Centre),
    partial(attention.saturday_holiday_lines, owner_model=Unit),
    accessibility_statement,
]
