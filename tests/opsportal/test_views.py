import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone

from centre.models import Centre
from tests.centre.factories import add_special_day

WARSAW = ZoneInfo("Europe/Warsaw")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def at(monkeypatch):
    """Freeze the clock at a Warsaw wall-clock time."""

    def freeze(*args):
        moment = dt.datetime(*args, tzinfo=WARSAW)
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.mark.django_db
def test_contact_shows_open_now_during_office_hours(client, centre, at):
    at(2026, 11, 23, 10, 0)  # Monday
    html = client.get("/kontakt/").content.decode()
    assert "Otwarte teraz, do 16:00." in html


@pytest.mark.django_db
def test_contact_shows_when_it_reopens_after_hours(client, centre, at):
    at(2026, 11, 27, 16, 30)  # Friday evening
    html = client.get("/kontakt/").content.decode()
    assert "Zamknięte — otwarcie w poniedziałek o 8:00." in html


@pytest.mark.django_db
def test_contact_lists_coming_closure_days_but_not_past_ones(client, centre, at):
    at(2026, 11, 23, 10, 0)
    add_special_day(centre, dt.date(2026, 12, 24), reason="Wigilia")
    add_special_day(centre, dt.date(2026, 11, 2), reason="Zaduszki")
    html = client.get("/kontakt/").content.decode()
    assert '<time datetime="2026-12-24">' in html
    assert "Wigilia" in html
    assert "Zaduszki" not in html


@pytest.mark.django_db
def test_contact_has_tel_and_mailto_links_and_a_weekly_table(client, centre):
    html = client.get("/kontakt/").content.decode()
    assert 'href="tel:+48220000001"' in html
    assert 'href="mailto:sekretariat@mops.example"' in html
    assert html.count('<th scope="row">') == 7
    assert "Sobota</th><td>nieczynne" in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/kontakt/"])
def test_pages_describe_the_office_in_schema_org(client, centre, path):
    (data,) = json_ld(client.get(path).content.decode())
    assert data["@type"] == "GovernmentOffice"
    assert data["address"]["postalCode"] == "00-001"
    monday = [s for s in data["openingHoursSpecification"] if s["dayOfWeek"].endswith("Monday")]
    assert monday == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "16:00",
        }
    ]


@pytest.mark.django_db
def test_closure_days_appear_as_special_opening_hours(client, centre, at):
    at(2026, 11, 23, 10, 0)  # no public holiday in the two weeks ahead
    day = timezone.localdate() + dt.timedelta(days=5)
    add_special_day(centre, day, reason="Szkolenie")
    (data,) = json_ld(client.get("/kontakt/").content.decode())
    assert data["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": day.isoformat(),
            "validThrough": day.isoformat(),
            "opens": "00:00",
            "closes": "00:00",
        }
    ]


@pytest.mark.django_db
def test_editor_text_cannot_break_out_of_json_ld(client):
    from tests.centre.factories import make_centre

    make_centre(name="MOPS </script><script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    (data,) = json_ld(html)
    assert data["name"] == "MOPS </script><script>alert(1)</script>"


@pytest.mark.django_db
def test_home_shows_intro_status_today_and_phones(client, centre, at):
    at(2026, 11, 23, 9, 0)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="pl">' in html
    assert "Pomagamy mieszkańcom Testowa." in html
    assert "Otwarte teraz, do 16:00." in html
    assert "Dziś: 8:00–16:00" in html
    assert 'href="tel:+48220000001"' in html


@pytest.mark.django_db
def test_every_page_has_skip_link_footer_links_and_statement_meta(client, centre):
    html = client.get("/kontakt/").content.decode()
    assert '<a class="skip-link" href="#tresc">' in html
    assert 'id="tresc"' in html
    for href in ["https://bip.mops.example/", "/deklaracja-dostepnosci/", "/polityka-prywatnosci/"]:
        assert f'href="{href}"' in html
    assert (
        '<meta name="deklaracja-dostępności" content="http://testserver/deklaracja-dostepnosci/">'
        in html
    )
    assert "pon.–pt. 8:00–16:00" in html


@pytest.mark.django_db
def test_pages_work_before_the_centre_is_set_up(client):
    assert client.get("/").status_code == 200
    assert "nie zostały jeszcze wprowadzone" in client.get("/kontakt/").content.decode()


@pytest.mark.django_db
def test_unknown_address_gives_polish_404_in_site_layout(client, centre):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Nie znaleziono strony" in html
    assert "Przejdź do treści" in html


@pytest.mark.django_db
def test_server_error_page_is_polish_and_needs_no_database(django_assert_max_num_queries):
    from django.views.defaults import server_error

    request = RequestFactory().get("/")
    with django_assert_max_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Przepraszamy, wystąpił błąd" in response.content.decode()


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_page_query_count_does_not_grow_with_hours_and_closures(
    client, centre, django_assert_num_queries
):
    # The centre, its phones, hours and closures (4); the urgent-news banner (1).
    # Then the centre's units, none entered here (1), and its files to download (1).
    with django_assert_num_queries(7) as small:
        client.get("/kontakt/")
    for i in range(30):
        add_special_day(
            centre, timezone.localdate() + dt.timedelta(days=i + 1), reason=f"Dzień {i}"
        )
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/kontakt/")


@pytest.mark.django_db
def test_post_to_a_read_only_page_is_refused_not_an_error(client, centre):
    assert client.post("/kontakt/").status_code in {403, 405}


@pytest.mark.django_db
def test_centre_record_is_single(centre):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Centre.objects.create(
            name="Drugi",
            short_name="X",
            intro="x",
            street_address="x",
            postal_code="00-000",
            city="x",
            email="a@b.example",
            bip_url="https://x.example/",
            iod_email="a@b.example",
        )
    assert Centre.objects.count() == 1


@pytest.mark.django_db
def test_a_form_post_without_csrf_gets_a_polish_403(centre):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/kontakt/", {"x": "1"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert "Formularz wygasł" in html


@pytest.mark.django_db
def test_a_broken_multipart_body_is_a_polish_400_not_an_error(centre):
    from django.test import Client

    from tests.survey.factories import make_poll

    poll = make_poll()
    response = Client(enforce_csrf_checks=True).generic(
        "POST",
        poll.get_absolute_url(),
        b'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
        content_type="multipart/form-data; boundary=xyz",
    )
    assert 400 <= response.status_code < 500
    assert '<html lang="pl"' in response.content.decode()
    assert poll.ballots.count() == 0
