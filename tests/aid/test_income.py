import datetime as dt
import json
import logging
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone

from aid.forms import parse_amount
from tests.aid.factories import make_criterion
from web.log import JsonFormatter

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
URL = "/pomoc/kryterium-dochodowe/"


@pytest.fixture
def criterion():
    return make_criterion()


def answer(client, people, income):
    response = client.get(URL, {"osoby": people, "dochod": income})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("people", "income", "meets"),
    [
        ("1", "1010.00", True),
        ("1", "1010,01", False),
        ("1", "1009,99", True),
        ("1", "0", True),
        ("2", "1646,00", True),
        ("2", "1646.01", False),
        ("2", "1645,99", True),
        ("3", "2469,00", True),
        ("3", "2469,01", False),
    ],
)
def test_income_check_at_and_around_both_thresholds(client, criterion, people, income, meets):
    html = answer(client, people, income)
    if meets:
        assert "Spełniasz kryterium dochodowe" in html
        assert "Nie spełniasz" not in html
    else:
        assert "Nie spełniasz kryterium dochodowego" in html


def test_answer_shows_the_income_per_person_and_the_criterion_used(client, criterion):
    html = answer(client, "2", "1646,01")
    assert "dochód na osobę w Twojej rodzinie (2 os.), 823,01 zł" in html
    assert "kryterium 823 zł na osobę w rodzinie" in html
    html = answer(client, "1", "1010")
    assert "Spełniasz kryterium dochodowe: Twój dochód, 1\xa0010,00 zł" in html
    assert "kryterium dla osoby samotnie gospodarującej, 1\xa0010 zł" in html


def test_answer_always_names_help_regardless_of_income_and_the_interview(client, criterion):
    for income in ("100", "99999"):
        html = answer(client, "1", income)
        assert "pracy socjalnej, poradnictwa specjalistycznego" in html
        assert "interwencji kryzysowej" in html
        assert "rodzinny wywiad środowiskowy" in html


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("2 469,50", "2469.50"),
        ("2469.50", "2469.50"),
        ("2469 zł", "2469.00"),
        ("2 469,5 zł", "2469.50"),
        ("2\u00a0469,50\u00a0zł", "2469.50"),
        ("2\u202f469,50", "2469.50"),
        ("2.469,50", "2469.50"),
        ("2,469.50", "2469.50"),
        ("2469zł", "2469.00"),
        ("  1010 PLN ", "1010.00"),
        ("0", "0.00"),
    ],
)
def test_amounts_are_read_as_people_type_them(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


def test_a_typed_amount_with_spaces_is_checked_like_the_plain_one(client, criterion):
    assert "Spełniasz kryterium dochodowe" in answer(client, "3", "2\u00a0469,00 zł")


@pytest.mark.parametrize(
    ("people", "income", "field", "message"),
    [
        ("0", "1000", "osoby", "co najmniej 1 osoba"),
        ("dwie", "1000", "osoby", "Wpisz liczbę osób cyframi"),
        ("-2", "1000", "osoby", "Wpisz liczbę osób cyframi"),
        ("21", "1000", "osoby", "najwyżej 20 osób"),
        ("99999999999999999999", "1000", "osoby", "najwyżej 20 osób"),
        ("", "1000", "osoby", "Wpisz liczbę osób"),
        ("2", "", "dochod", "Wpisz dochód"),
        ("2", "tysiąc", "dochod", "samymi cyframi"),
        ("2", "-100", "dochod", "nie może być ujemny"),
        ("2", "5000000", "dochod", "bardzo duża"),
        ("2", "1e9", "dochod", "samymi cyframi"),
        ("2", "12,3456", "dochod", "Nie rozumiemy tej kwoty"),
        ("2", "1" * 500, "dochod", "za długa"),
        ("2", "\x00", "dochod", "Wpisz dochód"),
    ],
)
def test_bad_input_gets_a_polish_message_next_to_the_field(
    client, criterion, people, income, field, message
):
    response = client.get(URL, {"osoby": people, "dochod": income})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="pole-{field}-blad"' in html
    assert f'aria-describedby="pole-{field}-opis pole-{field}-blad"' in html
    assert 'aria-invalid="true"' in html
    assert "Spełniasz" not in html


def test_strange_query_strings_never_answer_5xx(client, criterion):
    for query in ["osoby=1&osoby=2&dochod=1", "dochod=%FF%FE", "osoby[]=1", "x=1"]:
        assert client.get(f"{URL}?{query}").status_code == 200


def test_without_a_criterion_the_page_says_so(client):
    response = client.get(URL, {"osoby": "1", "dochod": "100"})
    assert response.status_code == 200
    assert "nie zostało jeszcze wprowadzone" in response.content.decode()


def test_the_check_uses_the_criterion_in_force_today_and_announces_the_next(client, monkeypatch):
    make_criterion(dt.date(2025, 1, 1))
    make_criterion(dt.date(2028, 1, 1), single="1100.00", family="900.00")
    moment = dt.datetime(2027, 12, 31, 12, 0, tzinfo=WARSAW)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    html = answer(client, "1", "1050")
    assert "Nie spełniasz kryterium dochodowego" in html
    assert "Od 1 stycznia 2028 r. kryterium wyniesie 1\xa0100 zł" in html
    moment = dt.datetime(2028, 1, 1, 0, 5, tzinfo=WARSAW)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert "Spełniasz kryterium dochodowe" in answer(client, "1", "1050")


def test_the_empty_form_stays_cacheable_until_the_next_criterion(client, criterion):
    response = client.get(URL)
    assert "no-store" not in response.get("Cache-Control", "")


def test_typed_numbers_appear_in_no_log_record_and_no_cache_entry(
    client, criterion, monkeypatch, caplog
):
    written = []
    for name in ("set", "add"):
        original = getattr(LocMemCache, name)

        def recording(self, key, value, *args, _original=original, **kwargs):
            written.append(repr(value))
            return _original(self, key, value, *args, **kwargs)

        monkeypatch.setattr(LocMemCache, name, recording)
    caplog.set_level(logging.DEBUG)

    response = client.get(URL, {"osoby": "7", "dochod": "4321,98"})
    assert "4\xa0321,98" in response.content.decode() or "617,43" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    bad = client.get(URL, {"osoby": "777", "dochod": "-4321,98"})
    assert bad.status_code == 200

    lines = []
    for record in caplog.records:
        # The JSON line as web.log writes it, without the parts that vary by chance.
        entry = json.loads(JsonFormatter().format(record))
        entry.pop("time")
        entry.pop("request_id", None)
        lines.append(json.dumps(entry, ensure_ascii=False))
    for text in lines + written:
        assert "4321" not in text
        assert "617,43" not in text
        assert "617.43" not in text
        assert "777" not in text
