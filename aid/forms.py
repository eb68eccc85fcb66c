"""The income check's form: what residents type, read the way they mean it."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_PEOPLE = 20
# A household with more than this a month is not asking about social assistance;
# above it the number is most likely a typing slip (a missing comma).
MAX_INCOME = Decimal("1000000")
MAX_INPUT_LENGTH = 40

# Spaces people and programs put between thousands: plain, no-break, narrow
# no-break, thin; and the apostrophe some keyboards add.
_GROUPING = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_CURRENCY = re.compile(r"(zł|zl|pln)\.?$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class AmountError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def parse_amount(text):
    """'2 469,50', '2469.50', '2469 zł', '2.469,5 zł' → Decimal('2469.50').

    The last comma or dot followed by one or two digits is the decimal point;
    other commas and dots group thousands in threes.
    """
    value = _GROUPING.sub("", text.strip())
    value = _CURRENCY.sub("", value)
    if not value:
        raise AmountError(_("Wpisz dochód w złotych, np. 2469,50."))
    if value.startswith(("-", "−", "–")):
        raise AmountError(_("Dochód nie może być ujemny. Jeśli nie masz dochodu, wpisz 0."))
    if not _NUMBER.fullmatch(value):
        raise AmountError(
            _("Wpisz kwotę samymi cyframi, np. 2469,50 albo 2 469 zł, bez liter i znaków.")
        )
    parts = re.split(r"[.,]", value)
    if len(parts) > 1 and len(parts[-1]) in (1, 2):
        whole, fraction = parts[:-1], parts[-1]
    else:
        whole, fraction = parts, "0"
    if any(len(group) != 3 for group in whole[1:]):
        raise AmountError(
            _("Nie rozumiemy tej kwoty. Wpisz ją tak: 2469,50 (grosze po przecinku).")
        )
    return Decimal(f"{''.join(whole)}.{fraction}").quantize(Decimal("0.01"))


class IncomeCheckForm(forms.Form):
    """Two fields on a GET form; the numbers are used for the answer and then forgotten."""

    osoby = forms.CharField(
        label=_("Ile osób jest w Twoim gospodarstwie domowym?"),
        help_text=_("Razem z Tobą: osoby, które mieszkają razem i wspólnie się utrzymują."),
        error_messages={"required": _("Wpisz liczbę osób, np. 1 albo 3.")},
    )
    dochod = forms.CharField(
        label=_("Jaki jest miesięczny dochód netto całego gospodarstwa (zł)?"),
        help_text=_(
            "Suma dochodów wszystkich osób „na rękę” z poprzedniego miesiąca, "
            "np. 2469,50 albo 2 469 zł."
        ),
        error_messages={"required": _("Wpisz dochód w złotych, np. 2469,50. Bez dochodu — 0.")},
    )

    def clean_osoby(self):
        text = _GROUPING.sub("", self.cleaned_data["osoby"])
        if len(text) > MAX_INPUT_LENGTH or not text.isascii() or not text.isdigit():
            raise forms.ValidationError(_("Wpisz liczbę osób cyframi, np. 3."), code="not_a_number")
        people = int(text)
        if people < 1:
            raise forms.ValidationError(
                _("W gospodarstwie jest co najmniej 1 osoba — Ty. Wpisz 1 albo więcej."),
                code="too_few",
            )
        if people > MAX_PEOPLE:
            raise forms.ValidationError(
                _(
                    "Kalkulator liczy dla najwyżej %(max)s osób. Przy większej rodzinie "
                    "zadzwoń do nas — policzymy razem."
                ),
                code="too_many",
                params={"max": MAX_PEOPLE},
            )
        return people

    def clean_dochod(self):
        text = self.cleaned_data["dochod"]
        if len(text) > MAX_INPUT_LENGTH:
            raise forms.ValidationError(_("Ta kwota jest za długa. Wpisz np. 2469,50."))
        try:
            income = parse_amount(text)
        except AmountError as error:
            raise forms.ValidationError(error.message, code="invalid") from None
        if income > MAX_INCOME:
            raise forms.ValidationError(
                _(
                    "Ta kwota jest bardzo duża. Sprawdź, czy nie brakuje przecinka przed "
                    "groszami, np. 2469,50."
                ),
                code="too_large",
            )
        return income
