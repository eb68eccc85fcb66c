"""Saturday holidays in the admin: a warning until the day off in return is entered, and the
action that enters it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.test import Client

from centre.models import CentreSpecialDay
from communities.models import SiteSpecialDay
from tests.centre.factories import add_special_day
from tests.communities.factories import make_area, make_site

WARSAW = ZoneInfo("Europe/Warsaw")
pytestmark = pytest.mark.django_db

CHRISTMAS = "Sobota, 26 grudnia 2026 r. — Boże Narodzenie (drugi dzień)"
MAY_DAY = "Sobota, 1 maja 2027 r. — Święto Państwowe"
CHRISTMAS_DAY_OFF = (
    "Dzień wolny za święto „Boże Narodzenie (drugi dzień)” przypadające w sobotę 26 grudnia 2026 r."
)


@pytest.fixture
def december(clock):
    clock.now = dt.datetime(2026, 12, 1, 10, 0, tzinfo=WARSAW)
    return clock


def change_url(centre):
    return f"/admin/centre/centre/{centre.pk}/change/"


def day_off_url(centre):
    return f"/admin/centre/centre/{centre.pk}/dzien-wolny-za-swieto/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_centre_page_warns_of_each_coming_saturday_holiday_within_a_year(
    editor_client, centre, december
):
    html = editor_client.get(change_url(centre)).content.decode()
    assert "Święta w sobotę bez wyznaczonego dnia wolnego" in html
    assert CHRISTMAS in html
    assert MAY_DAY in html
    # 15 August 2026 has passed; 25 December 2027 is more than a year away.
    assert "Wniebowzięcie" not in html
    assert "2027 r. — Boże Narodzenie" not in html
    # The form suggests the last working day before the holiday: 23 December,
    # since 24 and 25 December are holidays too.
    assert 'name="day" value="23.12.2026"' in html
    assert 'id="dzien-wolny-20261226-day"' in html
    assert '<label for="dzien-wolny-20261226-day">Dzień wolny w zamian:</label>' in html


def test_the_action_adds_the_day_off_as_a_closure_and_the_warning_goes(
    editor_client, centre, december
):
    response = editor_client.post(
        day_off_url(centre), {"holiday": "2026-12-26", "day": "2026-12-28"}
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(centre)
    day_off = CentreSpecialDay.objects.get()
    assert (day_off.date, day_off.opens, day_off.closes) == (dt.date(2026, 12, 28), None, None)
    assert day_off.replaces_holiday == dt.date(2026, 12, 26)
    assert day_off.reason == CHRISTMAS_DAY_OFF
    assert messages_of(response) == [
        "Dodano dzień wolny 28 grudnia 2026 r. za święto przypadające w sobotę 26 grudnia 2026 r. "
        "Mieszkańcy zobaczą go wśród dni nieczynnych."
    ]
    html = editor_client.get(change_url(centre)).content.decode()
    assert CHRISTMAS not in html
    assert MAY_DAY in html
    entry = LogEntry.objects.get()
    assert entry.get_change_message().startswith("Dodano dzień nieczynny lub zmienione godziny")


def test_residents_see_the_day_off_with_its_reason(editor_client, client, centre, december):
    editor_client.post(day_off_url(centre), {"holiday": "2026-12-26", "day": "2026-12-28"})
    december.now = dt.datetime(2026, 12, 21, 10, 0, tzinfo=WARSAW)
    html = client.get("/kontakt/").content.decode()
    assert f"Poniedziałek, 28 grudnia</time> — {CHRISTMAS_DAY_OFF}, nieczynne" in html


def test_a_day_off_entered_by_hand_also_counts(editor_client, centre, december):
    day = add_special_day(centre, dt.date(2026, 12, 31), reason="Dzień wolny za 26 grudnia")
    day.replaces_holiday = dt.date(2026, 12, 26)
    day.full_clean()
    day.save()
    html = editor_client.get(change_url(centre)).content.decode()
    assert CHRISTMAS not in html
    assert MAY_DAY in html


@pytest.mark.parametrize(
    ("day", "refusal"),
    [
        ("2026-12-25", "25 grudnia 2026 r. to też święto: Boże Narodzenie (pierwszy dzień)."),
        ("2026-12-27", "27 grudnia 2026 r. to i tak dzień nieczynny."),
        ("2026-11-30", "Ten dzień (30 listopada 2026 r.) już minął."),
        ("", "Wybierz dzień wolny."),
    ],
)
def test_the_action_refuses_a_day_that_would_not_be_a_day_off_and_says_why(
    editor_client, centre, december, day, refusal
):
    response = editor_client.post(day_off_url(centre), {"holiday": "2026-12-26", "day": day})
    assert response.status_code == 302
    assert not CentreSpecialDay.objects.exists()
    (message,) = messages_of(response)
    assert message.startswith(refusal)


def test_the_action_refuses_a_date_that_is_no_saturday_holiday(editor_client, centre, december):
    response = editor_client.post(
        day_off_url(centre), {"holiday": "2026-12-25", "day": "2026-12-28"}
    )
    assert not CentreSpecialDay.objects.exists()
    assert messages_of(response) == [
        "Dzień wolny za święto 25 grudnia 2026 r. jest już wpisany albo to święto minęło."
    ]


def test_the_action_takes_only_post_and_only_from_those_who_may_change_the_centre(
    client, editor_client, centre, december
):
    assert editor_client.get(day_off_url(centre)).status_code == 405
    anonymous = Client().post(day_off_url(centre), {"holiday": "2026-12-26", "day": "2026-12-28"})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert not CentreSpecialDay.objects.exists()


def test_the_replaced_holiday_must_be_a_saturday_holiday(centre):
    day = CentreSpecialDay(
        centre=centre, date=dt.date(2026, 12, 28), replaces_holiday=dt.date(2026, 12, 24)
    )
    with pytest.raises(Exception, match="24 grudnia 2026 r. to nie święto przypadające w sobotę"):
        day.full_clean()


def test_an_activity_site_page_warns_too_and_its_action_adds_the_sites_day_off(
    editor_client, centre, december
):
    site = make_site(make_area())
    url = f"/admin/communities/activitysite/{site.pk}/change/"
    assert CHRISTMAS in editor_client.get(url).content.decode()
    editor_client.post(
        f"/admin/communities/activitysite/{site.pk}/dzien-wolny-za-swieto/",
        {"holiday": "2026-12-26", "day": "2026-12-23"},
    )
    day_off = SiteSpecialDay.objects.get()
    assert (day_off.site, day_off.date) == (site, dt.date(2026, 12, 23))
    assert CHRISTMAS not in editor_client.get(url).content.decode()


def test_a_site_open_on_holidays_is_not_warned(editor_client, centre, december):
    site = make_site(make_area(), open_on_holidays=True)
    html = editor_client.get(f"/admin/communities/activitysite/{site.pk}/change/").content
    assert "Święta w sobotę" not in html.decode()


def test_the_opt_out_is_a_labelled_field_of_the_site_and_the_centre(editor_client, centre):
    site = make_site(make_area())
    for url in (change_url(centre), f"/admin/communities/activitysite/{site.pk}/change/"):
        html = editor_client.get(url).content.decode()
        assert 'name="open_on_holidays"' in html
        assert "Czynne w święta" in html
