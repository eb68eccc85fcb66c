"""Validators for values the apps share: phone numbers and Polish postal codes."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# Shared by every model with a phone number or a Polish postal address.
phone_validator = RegexValidator(
    r"^\+?[\d ()-]{9,20}$", _("Podaj numer telefonu, np. 15 000 10 01.")
)
postal_code_validator = RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy ma postać 00-000."))
