"""A poll's results (votes per answer) as a spreadsheet: the rows, and the XLSX file.

The CSV of the same rows is in survey.admin (``results_csv``); both carry
counts only, never a single ballot's time, answer or comment.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Widths of the columns Ankieta, Odpowiedź, Głosy, Procent głosów, in characters.
COLUMN_WIDTHS = {"A": 50, "B": 40, "C": 10, "D": 16}


@dataclass(frozen=True)
class ResultRow:
    question: str
    answer: str
    votes: int
    share: Decimal  # percent, 0–100
    is_total: bool = False


def results_filename(poll, extension):
    return f"ankieta-{poll.slug}-wyniki.{extension}"


def result_headers():
    return [gettext("Ankieta"), gettext("Odpowiedź"), gettext("Głosy"), gettext("Procent głosów")]


def result_rows(polls):
    """Each poll's answers in order with their votes and share, then its total."""
    for poll in polls:
        choices = poll.tally()
        total = sum(choice.votes for choice in choices)
        for choice in choices:
            share = Decimal(choice.votes * 100) / total if total else Decimal(0)
            yield ResultRow(poll.question, choice.text, choice.votes, share)
        yield ResultRow(
            poll.question, gettext("Razem"), total, Decimal(100 if total else 0), is_total=True
        )


def _text_cell(sheet, row, column, value):
    cell = sheet.cell(row=row, column=column, value=value)
    # openpyxl stores a text starting with "=" as a formula; answers are text.
    cell.data_type = "s"
    return cell


def results_xlsx(polls, filename):
    """The same rows as the CSV in one sheet: numbers as numbers, the share as a percentage."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Wyniki")
    bold = Font(bold=True)
    for column, header in enumerate(result_headers(), start=1):
        _text_cell(sheet, 1, column, header).font = bold
    for index, row in enumerate(result_rows(polls), start=2):
        _text_cell(sheet, index, 1, row.question)
        _text_cell(sheet, index, 2, row.answer)
        sheet.cell(row=index, column=3, value=row.votes)
        share = sheet.cell(row=index, column=4, value=float(row.share / 100))
        share.number_format = "0.0%"
        if row.is_total:
            for column in range(2, 5):
                sheet.cell(row=index, column=column).font = bold
    for letter, width in COLUMN_WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
