"""The centre's lines on the admin's start page (core.attention): closures and changed
hours of the centre and its units, Saturday holidays without a day off in return, and
the accessibility statement's yearly review."""

from functools import partial

from django.utils import formats
from django.utils.translation import gettext

from centre.models import AccessibilityStatement, Centre, CentreSpecialDay, Unit, UnitSpecialDay
from core import attention


def _long_date(date):
    return formats.date_format(date, "j E Y \\r.")


def statement_review_note(due):
    """What to do about the statement's ``due`` review (AccessibilityStatement.review_due),
    in the same words on the start page and on the statement's change page."""
    if due.overdue:
        note = gettext(
            "termin corocznego przeglądu minął %(deadline)s: przejrzyj deklarację, wpisz datę "
            "przeglądu i zapisz"
        )
    else:
        note = gettext(
            "przejrzyj ją i zaktualizuj do %(deadline)s: deklarację przegląda się co roku "
            "do 31 marca"
        )
    return note % {"deadline": _long_date(due.deadline)}


def accessibility_statement(context):
    if not attention.may_change(context.user, AccessibilityStatement):
        return []
    statement = AccessibilityStatement.get()
    if statement is None:
        return []
    due = statement.review_due(context.today)
    if due is None:
        return []
    return [
        attention.Attention(
            attention.REVIEW,
            str(statement),
            statement_review_note(due),
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
