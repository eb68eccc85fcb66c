"""The printable leaflet of a form of help: its content, publication rule, QR code and caching."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.qr import qr_svg
from tests.aid.factories import make_form, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(centre):
    unit = make_unit(name="Dział Świadczeń", street_address="ul. Przykładowa 3")
    return make_form(
        "Zasiłek stały",
        slug="zasilek-staly",
        unit=unit,
        eligibility="Pełnoletnia osoba całkowicie niezdolna do pracy z powodu wieku.",
        what_to_bring="dowód osobisty\nzaświadczenia o dochodach",
        contact_name="Dział świadczeń, pokój 12",
        phone="15 000 10 02",
    )


def test_leaflet_shows_the_answer_who_may_get_it_what_to_bring_where_when_and_whom_to_call(
    client, form, centre
):
    html = client.get("/pomoc/zasilek-staly/ulotka/").content.decode()

    assert centre.name in html
    assert centre.phones.first().number in html
    assert form.short_answer in html
    assert "Pełnoletnia osoba całkowicie niezdolna" in html
    assert "<li>dowód osobisty</li>" in html
    assert "<li>zaświadczenia o dochodach</li>" in html
    assert "ul. Przykładowa 3" in html
    assert "8:00–16:00" in html
    assert "Dział świadczeń, pokój 12" in html
    assert "15 000 10 02" in html


def test_leaflet_without_a_phone_of_its_own_gives_the_unit_phone(client, centre):
    make_form("Posiłek", slug="posilek", unit=make_unit(), phone="", contact_name="")
    html = client.get("/pomoc/posilek/ulotka/").content.decode()
    assert "Rejestracja: <a" in html
    assert "22 000 00 02" in html


def test_form_page_links_to_its_leaflet(client, form):
    html = client.get(form.get_absolute_url()).content.decode()
    assert 'href="/pomoc/zasilek-staly/ulotka/">Ulotka do druku</a>' in html


def test_draft_form_leaflet_is_404_for_anonymous_but_visible_to_staff(client, admin_client, centre):
    make_form("Szkic pomocy", slug="szkic", is_published=False)

    assert client.get("/pomoc/szkic/ulotka/").status_code == 404
    assert admin_client.get("/pomoc/szkic/ulotka/").status_code == 200


def test_leaflet_qr_code_encodes_the_form_page_on_the_configured_site_url(client, form, settings):
    settings.SITE_URL = "https://ops.example.pl"
    html = client.get("/pomoc/zasilek-staly/ulotka/").content.decode()
    url = "https://ops.example.pl/pomoc/zasilek-staly/"

    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    assert svg == qr_svg(url, f"Kod QR prowadzący do strony {url}")
    assert url in html.replace(svg, "")


def test_leaflet_of_sensitive_help_keeps_the_quick_exit_and_no_store(client, centre):
    make_form("Niebieska Karta", slug="niebieska-karta", is_sensitive=True)
    response = client.get("/pomoc/niebieska-karta/ulotka/")
    assert "data-quick-exit" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_page_cache_serves_the_leaflet_and_an_edit_changes_it_at_once(client, form):
    path = "/pomoc/zasilek-staly/ulotka/"
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    assert len(queries) == 0

    form.short_answer = "Nowa krótka odpowiedź."
    form.save()

    assert "Nowa krótka odpowiedź." in client.get(path).content.decode()
