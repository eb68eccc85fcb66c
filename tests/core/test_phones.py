"""Phone numbers with an extension: accepted wherever a phone is typed, dialled with ;ext=."""

import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from centre.models import CentrePhone
from communities.models import Organiser
from core.places import tel_href
from core.templatetags.rich_text import render_rich_text
from core.validators import phone_validator, split_extension

ERROR = "Podaj numer telefonu, np. 15 000 10 01, a z numerem wewnętrznym: 15 000 10 22 wew. 12."


@pytest.mark.parametrize(
    "number",
    [
        "15 000 10 01",
        "(22) 724 97 92",
        "+48 600 123 456",
        "15 000 10 22 wew. 12",
        "15 000 10 22 wewn. 12",
        "15 000 10 22 w. 12",
        "15 000 10 22, wew. 123",
        "15 000 10 22 wew.12",
        "15 000 10 22 Wew. 12",
        "(22) 724 97 92 wew 5",
    ],
)
def test_numbers_with_or_without_an_extension_are_accepted(number):
    phone_validator(number)


@pytest.mark.parametrize(
    "number",
    [
        "",
        "15 000",
        "zadzwoń do nas",
        "15 000 10 22 wew.",
        "15 000 10 22 wew. dwanaście",
        "15 000 10 22 w 12",
        "15 000 10 22 wew. 12 i 13",
        "wew. 12",
        "15 000 10 22 / 23",
    ],
)
def test_other_text_is_refused_with_the_accepted_shape(number):
    with pytest.raises(ValidationError) as error:
        phone_validator(number)
    assert error.value.messages == [ERROR]


def test_the_extension_is_split_off_as_typed():
    assert split_extension("15 000 10 22 wew. 12") == ("15 000 10 22", "12")
    assert split_extension("15 000 10 22") == ("15 000 10 22", "")


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("15 000 10 22 wew. 12", "tel:+48150001022;ext=12"),
        ("15 000 10 22 wewn. 12", "tel:+48150001022;ext=12"),
        ("15 000 10 22 w. 12", "tel:+48150001022;ext=12"),
        ("+48 15 000 10 22, wew. 7", "tel:+48150001022;ext=7"),
        ("(22) 724 97 92", "tel:+48227249792"),
    ],
)
def test_an_extension_is_dialled_after_the_number_as_rfc_3966_says(number, href):
    assert tel_href(number) == href


@pytest.mark.django_db
def test_a_phone_row_keeps_the_number_as_typed_and_dials_the_extension(centre):
    phone = CentrePhone(centre=centre, label="Dział świadczeń", number="15 000 10 22 wew. 12")
    phone.full_clean()
    phone.save()
    phone.refresh_from_db()
    assert phone.number == "15 000 10 22 wew. 12"
    assert phone.href == "tel:+48150001022;ext=12"


@pytest.mark.django_db
def test_the_contact_page_shows_the_number_as_typed_with_its_extension_link(client, centre):
    CentrePhone.objects.create(centre=centre, label="Dział świadczeń", number="15 000 10 22 w. 12")
    html = client.get("/kontakt/").content.decode()
    assert 'href="tel:+48150001022;ext=12"' in html
    assert "15 000 10 22 w. 12" in html


def test_a_form_says_in_polish_what_a_phone_number_looks_like():
    form_class = modelform_factory(Organiser, fields=["name", "phone"])
    form = form_class(data={"name": "Ewa Testowa", "phone": "pokój 12"})
    assert not form.is_valid()
    assert form.errors["phone"] == [ERROR]
    assert form_class(data={"name": "Ewa Testowa", "phone": "15 000 10 22 wewn. 4"}).is_valid()


def test_a_number_with_an_extension_in_editor_text_links_with_it():
    html = str(render_rich_text("Zadzwoń: 22 724 97 92 wew. 15, od 8:00."))
    assert (
        '<a href="tel:+48227249792;ext=15" rel="nofollow noopener">22 724 97 92 wew. 15</a>' in html
    )
