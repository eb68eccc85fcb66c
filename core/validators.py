"""Validators for values the apps share: phone numbers and Polish postal codes."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# "wew. 12", "wewn. 12", "w. 12": how offices write an extension after the number.
EXTENSION_MARKER = r"(?:wewn\.?|wew\.?|w\.)"

_NUMBER = re.compile(r"\+?[\d ()-]{9,20}")
_EXTENSION = re.compile(rf"[\s,]+{EXTENSION_MARKER}\s*(?P<extension>\d{{1,6}})\s*$", re.IGNORECASE)


def split_extension(number):
    """'15 000 10 22 wew. 12' → ('15 000 10 22', '12'); without an extension, (number, '')."""
    match = _EXTENSION.search(number)
    if match is None:
        return number.strip(), ""
    return number[: match.start()].strip(), match.group("extension")


@deconstructible
class PhoneValidator:
    """A phone number as people type it, optionally with an extension after it.

    A class rather than a RegexValidator, so that migrations name it instead of
    copying its pattern: changing what it accepts needs no migration.
    """

    message = _(
        "Podaj numer telefonu, np. 15 000 10 01, a z numerem wewnętrznym: 15 000 10 22 wew. 12."
    )
    code = "invalid_phone"

    def __call__(self, value):
        number, _extension = split_extension(str(value))
        if not _NUMBER.fullmatch(number):
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other):
        return isinstance(other, PhoneValidator)

    def __hash__(self):
        return hash(PhoneValidator)


# Shared by every model with a phone number or a Polish postal address.
phone_validator = PhoneValidator()
postal_code_validator = RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy ma postać 00-000."))
