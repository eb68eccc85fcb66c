from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from communities.models import Street
from communities.streets import building_number, street_key


@dataclass(frozen=True)
class AddressLookup:
    """What the "which area do I live in?" form found."""

    street: str
    number: int | None
    number_text: str
    rows: list  # every published street row that matches the name
    matches: list  # those rows that also cover the building number

    @property
    def areas(self):
        return list({row.area_id: row.area for row in self.matches}.values())

    @property
    def street_known(self):
        return bool(self.rows)

    @property
    def street_names(self):
        return list(dict.fromkeys(row.name for row in self.rows))


class AddressLookupForm(forms.Form):
    """Street and optional building number; read from the query string."""

    ulica = forms.CharField(
        label=_("Ulica"),
        max_length=120,
        error_messages={"required": _("Wpisz nazwę ulicy, np. Podleśna.")},
        help_text=_("Polskie litery nie są konieczne: „Podlesna” znajdzie „Podleśna”."),
    )
    numer = forms.CharField(
        label=_("Numer budynku (nieobowiązkowo)"),
        max_length=12,
        required=False,
        help_text=_("Np. 22 albo 22a."),
    )

    def clean_ulica(self):
        value = self.cleaned_data["ulica"].strip()
        if not street_key(value):
            raise ValidationError(_("Wpisz nazwę ulicy literami, np. Podleśna."))
        return value

    def clean_numer(self):
        text = self.cleaned_data["numer"].strip()
        if text and building_number(text) is None:
            raise ValidationError(_("Podaj numer budynku cyframi, np. 22 albo 22a."))
        return text

    def lookup(self):
        """Run the lookup on a valid form; one query whatever the answer."""
        number_text = self.cleaned_data["numer"]
        number = building_number(number_text) if number_text else None
        rows = Street.objects.published().matching(self.cleaned_data["ulica"])
        return AddressLookup(
            street=self.cleaned_data["ulica"],
            number=number,
            number_text=number_text,
            rows=rows,
            matches=[row for row in rows if row.covers(number)],
        )
