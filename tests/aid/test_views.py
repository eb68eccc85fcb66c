import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from centre.models import UnitSpecialDay
from tests.aid.factories import add_document, make_category, make_form, make_unit

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def at(monkeypatch):
    def freeze(*args):
        moment = dt.datetime(*args, tzinfo=WARSAW)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def staff_client():
    user = get_user_model().objects.create_user("redaktor", password="x", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


@pytest.fixture
def full_form(centre):
    unit = make_unit(
        "punkt-interwencji",
        name="Punkt Interwencji Kryzysowej",
        street_address="ul. Spokojna 7",
        postal_code="00-002",
        week={5: [(dt.time(9), dt.time(13))], 0: [(dt.time(8), dt.time(20))]},
    )
    UnitSpecialDay.objects.create(unit=unit, date=dt.date(2026, 12, 7), reason="Szkolenie")
    centre.epuap_box = "/MOPS_Testow/SkrytkaESP"
    centre.save()
    form = make_form(
        "Zasiłek okresowy",
        slug="zasilek-okresowy",
        short_answer="Zasiłek okresowy to pieniądze na czas, gdy nie możesz się utrzymać.",
        eligibility="Osoba z długotrwałą chorobą.\n\nTakże rodzina bezrobotna.",
        income_criterion_applies=True,
        what_to_bring="dowód osobisty\nzaświadczenie o dochodach",
        apply_in_person="W dziale świadczeń, pokój 12.",
        apply_by_epuap=True,
        apply_by_post=True,
        processing_time="Decyzja w ciągu miesiąca.",
        legal_basis="Art. 38 ustawy z dnia 12 marca 2004 r. o pomocy społecznej.",
        unit=unit,
        contact_name="Dział świadczeń, pokój 12",
        phone="15 000 10 02",
        checked_on=dt.date(2026, 11, 20),
    )
    add_document(form, title="Wniosek o zasiłek okresowy")
    return form


def test_list_shows_categories_with_published_forms_and_their_one_line_answers(client):
    money = make_category("Pieniądze — zasiłki", "pieniadze", order=0)
    crisis = make_category("Kryzys i przemoc", "kryzys", order=1)
    make_form("Zasiłek stały", slug="zasilek-staly", category=money)
    make_form(
        "Interwencja kryzysowa",
        slug="interwencja",
        category=crisis,
        short_answer="Pomoc od razu, gdy stało się coś trudnego.",
    )
    make_form("Szkic", slug="szkic", category=money, is_published=False)
    make_category("Pusta", "pusta", order=2)
    html = client.get("/pomoc/").content.decode()
    assert html.index("Pieniądze — zasiłki") < html.index("Kryzys i przemoc")
    assert "Pomoc od razu, gdy stało się coś trudnego." in html
    assert 'href="/pomoc/zasilek-staly/"' in html
    assert "Szkic" not in html
    assert "Pusta" not in html


def test_draft_is_404_for_anonymous_but_visible_to_staff(client, staff_client):
    form = make_form("Szkic", slug="szkic", is_published=False)
    assert client.get(form.get_absolute_url()).status_code == 404
    response = staff_client.get(form.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd: ta strona nie jest opublikowana" in response.content.decode()


def test_unknown_slug_is_404(client):
    assert client.get("/pomoc/nie-ma-takiej/").status_code == 404


def test_every_field_is_shown(client, full_form, at):
    at(2026, 12, 5, 10, 0)  # a Saturday: the unit is open 9:00–13:00
    html = client.get(full_form.get_absolute_url()).content.decode()
    for text in [
        "Zasiłek okresowy",
        "Zasiłek okresowy to pieniądze na czas, gdy nie możesz się utrzymać.",
        "<p>Osoba z długotrwałą chorobą.</p>",
        "<p>Także rodzina bezrobotna.</p>",
        "Ta pomoc zależy od dochodu.",
        'href="/pomoc/kryterium-dochodowe/"',
        "<li>dowód osobisty</li>",
        "<li>zaświadczenie o dochodach</li>",
        "W dziale świadczeń, pokój 12.",
        "/MOPS_Testow/SkrytkaESP",
        "Pocztą",
        "ul. Przykładowa 1, 00-001 Testów",
        "Decyzja w ciągu miesiąca.",
        "Wniosek o zasiłek okresowy",
        "Punkt Interwencji Kryzysowej",
        "ul. Spokojna 7",
        "Otwarte teraz, do 13:00.",
        "Szkolenie",
        "Dział świadczeń, pokój 12",
        '<a class="aid-phone" href="tel:+48150001002">15 000 10 02</a>',
        "Art. 38 ustawy z dnia 12 marca 2004 r. o pomocy społecznej.",
        '<time datetime="2026-11-20">20 listopada 2026</time>',
    ]:
        assert text in html, text


def test_a_form_without_income_criterion_says_it_is_given_regardless(client):
    form = make_form("Praca socjalna", slug="praca-socjalna", income_criterion_applies=False)
    html = client.get(form.get_absolute_url()).content.decode()
    assert "Ta pomoc przysługuje bez względu na dochód." in html


def test_a_form_without_unit_sends_residents_to_the_centre(client, centre):
    form = make_form()
    html = client.get(form.get_absolute_url()).content.decode()
    assert "ul. Przykładowa 1" in html
    assert 'href="/kontakt/"' in html


def test_breadcrumbs_and_government_service_with_provider_and_parent(client, full_form):
    html = client.get(full_form.get_absolute_url()).content.decode()
    blocks = json_ld(html)
    service = next(block for block in blocks if block.get("@type") == "GovernmentService")
    assert service["name"] == "Zasiłek okresowy"
    assert service["provider"]["@type"] == "GovernmentOffice"
    assert service["provider"]["name"] == "Punkt Interwencji Kryzysowej"
    assert service["provider"]["address"]["streetAddress"] == "ul. Spokojna 7"
    assert service["provider"]["parentOrganization"]["name"].startswith("Miejski Ośrodek")
    crumbs = next(block for block in blocks if block.get("@type") == "BreadcrumbList")
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Strona główna",
        "Jak uzyskać pomoc",
        "Zasiłek okresowy",
    ]


def test_sensitive_page_has_quick_exit_first_after_the_skip_link_and_is_not_stored(
    client, settings
):
    settings.QUICK_EXIT_URL = "https://pogoda.example/"
    form = make_form("Niebieska Karta", slug="niebieska-karta", is_sensitive=True)
    response = client.get(form.get_absolute_url())
    html = response.content.decode()
    links = re.findall(r"<a [^>]*>", html)
    assert 'class="skip-link"' in links[0]
    assert links[1] == (
        '<a class="quick-exit" href="https://pogoda.example/" rel="noreferrer" data-quick-exit>'
    )
    assert "Wyjdź szybko" in html
    assert "js/quick_exit.js" in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # Not kept by the page cache either: the next request renders it again.
    with CaptureQueriesContext(connection) as queries:
        client.get(form.get_absolute_url())
    assert len(queries) > 0


def test_ordinary_page_has_no_quick_exit_and_is_served_from_the_page_cache(client):
    form = make_form()
    response = client.get(form.get_absolute_url())
    assert "quick-exit" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")
    with CaptureQueriesContext(connection) as queries:
        client.get(form.get_absolute_url())
    assert len(queries) == 0


def test_sitemap_lists_the_pages_and_published_forms(client):
    make_form("Zasiłek stały", slug="zasilek-staly")
    make_form("Szkic", slug="szkic", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/pomoc/</loc>" in xml
    assert "/pomoc/kryterium-dochodowe/</loc>" in xml
    assert "/pomoc/zasilek-staly/</loc>" in xml
    assert "/pomoc/szkic/" not in xml


@pytest.mark.parametrize("query", ["zasilek", "zasiłku stałego", "ZASIŁEK"])
def test_site_search_finds_forms_of_help(client, query):
    make_form("Zasiłek stały", slug="zasilek-staly")
    make_form("Szkic zasiłku", slug="szkic", is_published=False)
    response = client.get("/szukaj/", {"q": query})
    html = response.content.decode()
    assert 'href="/pomoc/zasilek-staly/"' in html
    assert "/pomoc/szkic/" not in html


def test_home_page_leads_with_how_to_get_help_above_projects(client, centre):
    make_form("Zasiłek stały", slug="zasilek-staly")
    html = client.get("/").content.decode()
    assert 'id="pomoc-home"' in html
    assert html.index('id="pomoc-home"') < html.index('id="projekty-home"')
    assert 'href="/pomoc/zasilek-staly/"' in html


def test_header_menu_names_how_to_get_help_and_marks_it_current(client):
    form = make_form()
    for path in ["/pomoc/", form.get_absolute_url(), "/pomoc/kryterium-dochodowe/"]:
        html = client.get(path).content.decode()
        assert '<a href="/pomoc/" aria-current="page">Jak uzyskać pomoc</a>' in html, path
