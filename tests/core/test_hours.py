"""The opening-hours rules, on plain rows: no database needed."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from core.hours import Schedule, opening_status

WARSAW = ZoneInfo("Europe/Warsaw")
UTC = dt.UTC


def t(text):
    hour, minute = map(int, text.split(":"))
    return dt.time(hour, minute)


def weekly(spec):
    """{0: ["8:00-16:00"], …} → rows like the models'."""
    return [
        SimpleNamespace(weekday=day, opens=t(r.split("-")[0]), closes=t(r.split("-")[1]))
        for day, ranges in spec.items()
        for r in ranges
    ]


def special(date, hours=None, reason=""):
    opens, closes = (t(hours.split("-")[0]), t(hours.split("-")[1])) if hours else (None, None)
    return SimpleNamespace(date=date, opens=opens, closes=closes, reason=reason)


OFFICE = weekly(
    {
        0: ["8:00-16:00"],
        1: ["8:00-16:00"],
        2: ["8:00-16:00"],
        3: ["8:00-12:00", "13:00-17:00"],
        4: ["8:00-14:00"],
    }
)


def warsaw(*args):
    return dt.datetime(*args, tzinfo=WARSAW)


# 2026-11-23 is a Monday; 2026-11-26 a Thursday; 2026-11-28 a Saturday.


def test_open_inside_a_range_says_until_when():
    status = opening_status(OFFICE, now=warsaw(2026, 11, 23, 10, 0))
    assert status.is_open
    assert status.closes_at == warsaw(2026, 11, 23, 16, 0)
    assert status.message == "Otwarte teraz, do 16:00."


def test_one_second_before_closing_is_open_and_closing_time_is_closed():
    assert opening_status(OFFICE, now=warsaw(2026, 11, 23, 15, 59, 59)).is_open
    status = opening_status(OFFICE, now=warsaw(2026, 11, 23, 16, 0))
    assert not status.is_open
    assert status.opens_at == warsaw(2026, 11, 24, 8, 0)
    assert status.message == "Zamknięte — otwarcie jutro o 8:00."


def test_just_before_opening_is_closed_and_opening_time_is_open():
    status = opening_status(OFFICE, now=warsaw(2026, 11, 23, 7, 59))
    assert not status.is_open
    assert status.message == "Zamknięte — otwarcie dziś o 8:00."
    assert opening_status(OFFICE, now=warsaw(2026, 11, 23, 8, 0)).is_open


def test_several_ranges_a_day_close_for_the_break():
    thursday = (2026, 11, 26)
    morning = opening_status(OFFICE, now=warsaw(*thursday, 11, 0))
    assert morning.is_open and morning.message == "Otwarte teraz, do 12:00."
    lunch = opening_status(OFFICE, now=warsaw(*thursday, 12, 30))
    assert not lunch.is_open
    assert lunch.opens_at == warsaw(*thursday, 13, 0)
    assert [str(r) for r in lunch.today.ranges] == ["8:00–12:00", "13:00–17:00"]


def test_touching_ranges_read_as_one():
    rows = weekly({0: ["8:00-12:00", "12:00-16:00"]})
    assert opening_status(rows, now=warsaw(2026, 11, 23, 9, 0)).message == (
        "Otwarte teraz, do 16:00."
    )


def test_after_friday_closing_the_next_opening_is_monday():
    status = opening_status(OFFICE, now=warsaw(2026, 11, 27, 14, 0))
    assert status.opens_at == warsaw(2026, 11, 30, 8, 0)
    assert status.message == "Zamknięte — otwarcie w poniedziałek o 8:00."


def test_a_day_with_no_hours_is_closed_all_day():
    status = opening_status(OFFICE, now=warsaw(2026, 11, 28, 10, 0))
    assert not status.is_open
    assert status.today.is_closed


def test_a_closure_day_overrides_the_week_and_is_skipped():
    closures = [special(dt.date(2026, 11, 25), reason="Wigilia — nieczynne")]
    during = opening_status(OFFICE, closures, now=warsaw(2026, 11, 25, 10, 0))
    assert not during.is_open
    assert during.today.note == "Wigilia — nieczynne"
    assert during.opens_at == warsaw(2026, 11, 26, 8, 0)
    before = opening_status(OFFICE, closures, now=warsaw(2026, 11, 24, 17, 0))
    assert before.message == "Zamknięte — otwarcie w czwartek o 8:00."


def test_changed_hours_replace_the_weekly_hours_that_day():
    changed = [special(dt.date(2026, 11, 23), "10:00-12:00", "Krótszy dzień pracy")]
    assert not opening_status(OFFICE, changed, now=warsaw(2026, 11, 23, 9, 0)).is_open
    status = opening_status(OFFICE, changed, now=warsaw(2026, 11, 23, 11, 0))
    assert status.is_open and status.closes_at == warsaw(2026, 11, 23, 12, 0)
    after = opening_status(OFFICE, changed, now=warsaw(2026, 11, 23, 13, 0))
    assert after.opens_at == warsaw(2026, 11, 24, 8, 0)


def test_a_long_closure_names_the_date_of_reopening():
    closures = [special(dt.date(2026, 12, 21) + dt.timedelta(days=i)) for i in range(14)]
    status = opening_status(OFFICE, closures, now=warsaw(2026, 12, 21, 9, 0))
    assert status.opens_at == warsaw(2027, 1, 4, 8, 0)
    assert status.message == "Zamknięte — otwarcie 4 stycznia o 8:00."


def test_no_hours_at_all_says_so():
    status = opening_status([], now=warsaw(2026, 11, 23, 10, 0))
    assert not status.has_hours
    assert status.message == "Godziny otwarcia nie zostały podane."


def test_nothing_ahead_within_the_lookahead_is_plain_closed():
    rows = [special(dt.date(2026, 11, 23), "8:00-9:00")]
    status = opening_status([], rows, now=warsaw(2026, 11, 23, 10, 0))
    assert status.opens_at is None
    assert status.message == "Zamknięte."


def test_while_open_the_answer_changes_at_closing_time():
    status = opening_status(OFFICE, now=warsaw(2026, 11, 23, 10, 0))
    assert status.changes_at == status.closes_at == warsaw(2026, 11, 23, 16, 0)


def test_while_closed_the_answer_changes_at_the_next_opening_that_day():
    morning = opening_status(OFFICE, now=warsaw(2026, 11, 23, 7, 0))
    assert morning.changes_at == warsaw(2026, 11, 23, 8, 0)
    lunch = opening_status(OFFICE, now=warsaw(2026, 11, 26, 12, 30))
    assert lunch.changes_at == warsaw(2026, 11, 26, 13, 0)


def test_midnight_comes_first_when_the_next_opening_is_on_a_later_day():
    # "Today's hours" and "opens tomorrow" are wrong from midnight on.
    evening = opening_status(OFFICE, now=warsaw(2026, 11, 23, 16, 0))
    assert evening.opens_at == warsaw(2026, 11, 24, 8, 0)
    assert evening.changes_at == warsaw(2026, 11, 24, 0, 0)
    saturday = opening_status(OFFICE, now=warsaw(2026, 11, 28, 10, 0))
    assert saturday.changes_at == warsaw(2026, 11, 29, 0, 0)


def test_without_hours_or_anything_ahead_the_answer_changes_at_midnight():
    now, midnight = warsaw(2026, 11, 23, 10, 0), warsaw(2026, 11, 24, 0, 0)
    assert opening_status([], now=now).changes_at == midnight
    over = [special(dt.date(2026, 11, 23), "8:00-9:00")]
    assert opening_status([], over, now=now).changes_at == midnight


# Clocks go forward on 2026-03-29 at 02:00 and back on 2026-10-25 at 03:00.


def test_midnight_is_warsaw_midnight_on_both_sides_of_the_autumn_change():
    saturday = opening_status(OFFICE, now=warsaw(2026, 10, 24, 20, 0))
    assert saturday.changes_at.astimezone(UTC) == dt.datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    # The day the clocks go back lasts 25 hours; its midnight is in winter time.
    sunday = opening_status(OFFICE, now=warsaw(2026, 10, 25, 20, 0))
    assert sunday.changes_at.astimezone(UTC) == dt.datetime(2026, 10, 25, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("utc", "is_open"),
    [
        # Friday before the change, CET (UTC+1): 8:00 local is 07:00 UTC.
        (dt.datetime(2026, 3, 27, 6, 59, tzinfo=UTC), False),
        (dt.datetime(2026, 3, 27, 7, 0, tzinfo=UTC), True),
        # Monday after it, CEST (UTC+2): 8:00 local is 06:00 UTC.
        (dt.datetime(2026, 3, 30, 5, 59, tzinfo=UTC), False),
        (dt.datetime(2026, 3, 30, 6, 0, tzinfo=UTC), True),
        (dt.datetime(2026, 3, 30, 13, 59, tzinfo=UTC), True),
        (dt.datetime(2026, 3, 30, 14, 0, tzinfo=UTC), False),
        # Monday after the autumn change, CET again.
        (dt.datetime(2026, 10, 26, 6, 30, tzinfo=UTC), False),
        (dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC), True),
    ],
)
def test_opening_follows_warsaw_wall_clock_across_dst(utc, is_open):
    assert opening_status(OFFICE, now=utc).is_open is is_open


def test_next_opening_over_the_spring_change_weekend_is_in_summer_time():
    status = opening_status(OFFICE, now=warsaw(2026, 3, 27, 15, 0))
    assert status.opens_at.astimezone(UTC) == dt.datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    assert status.message == "Zamknięte — otwarcie w poniedziałek o 8:00."


def test_next_opening_over_the_autumn_change_weekend_is_in_winter_time():
    status = opening_status(OFFICE, now=warsaw(2026, 10, 23, 15, 0))
    assert status.opens_at.astimezone(UTC) == dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC)


def test_night_opening_spans_the_repeated_hour_of_the_autumn_change():
    # Open 1:00–4:00 on the night the clocks go back: three wall-clock hours,
    # four real ones. At 02:30 the second time round (00:30 UTC is the first,
    # 01:30 UTC the second) the site is still open.
    night = [special(dt.date(2026, 10, 25), "1:00-4:00", "Noc bibliotek")]
    for minutes_after_opening in (0, 90, 150, 239):
        now = dt.datetime(2026, 10, 24, 23, 0, tzinfo=UTC) + dt.timedelta(
            minutes=minutes_after_opening
        )
        assert opening_status([], night, now=now).is_open, now
    closed = opening_status([], night, now=dt.datetime(2026, 10, 25, 3, 0, tzinfo=UTC))
    assert not closed.is_open


def test_summary_joins_consecutive_days_with_equal_hours():
    rows = weekly({day: ["7:30-15:30"] for day in range(4)} | {4: ["7:30-14:00"]})
    assert Schedule(rows).summary() == "pon.–czw. 7:30–15:30; pt. 7:30–14:00"


# Public holidays: Poland's calendar from the holidays package, no rows needed.

EVERY_DAY = weekly({day: ["8:00-16:00"] for day in range(7)})


def test_a_public_holiday_closes_the_day_and_is_named():
    # 11 November 2026 is a Wednesday.
    status = opening_status(OFFICE, now=warsaw(2026, 11, 11, 10, 0))
    assert not status.is_open
    assert status.today.is_closed
    assert status.today.note == status.today.holiday == "Narodowe Święto Niepodległości"
    assert status.message == "Zamknięte — otwarcie jutro o 8:00."


def test_an_owner_open_on_holidays_keeps_its_week():
    schedule = Schedule(OFFICE, closed_on_holidays=False)
    status = opening_status(schedule, now=warsaw(2026, 11, 11, 10, 0))
    assert status.is_open
    assert status.message == "Otwarte teraz, do 16:00."
    assert schedule.closures_ahead(dt.date(2026, 11, 10)) == []


def test_an_editors_changed_hours_on_a_holiday_win():
    duty = [special(dt.date(2026, 11, 11), "10:00-12:00", "Dyżur")]
    before = opening_status(OFFICE, duty, now=warsaw(2026, 11, 11, 9, 0))
    assert before.message == "Zamknięte — otwarcie dziś o 10:00."
    during = opening_status(OFFICE, duty, now=warsaw(2026, 11, 11, 11, 0))
    assert during.is_open and during.today.note == "Dyżur"
    assert during.message == "Otwarte teraz, do 12:00."


def test_changed_hours_on_a_holiday_without_a_reason_keep_the_holidays_name():
    duty = [special(dt.date(2026, 11, 11), "10:00-12:00")]
    (day,) = Schedule(OFFICE, duty).closures_ahead(dt.date(2026, 11, 11), days=0)
    assert day.note == "Narodowe Święto Niepodległości"
    assert [str(r) for r in day.ranges] == ["10:00–12:00"]


def test_an_editors_closure_reason_wins_over_the_holidays_name():
    closed = [special(dt.date(2026, 12, 24), reason="Wigilia — nieczynne")]
    status = opening_status(OFFICE, closed, now=warsaw(2026, 12, 24, 10, 0))
    assert status.today.note == "Wigilia — nieczynne"


def test_a_sunday_holiday_changes_nothing_for_an_owner_closed_on_sundays():
    # 1 November 2026 is a Sunday: the weekday office lists nothing, shows no name.
    schedule = Schedule(OFFICE)
    assert schedule.day(dt.date(2026, 11, 1)).note == ""
    assert not schedule.day(dt.date(2026, 11, 1)).special
    assert [day.date for day in schedule.closures_ahead(dt.date(2026, 10, 30))] == [
        dt.date(2026, 11, 11)
    ]
    # An owner open on Sundays is closed on that one.
    assert Schedule(EVERY_DAY).day(dt.date(2026, 11, 1)).note == "Uroczystość Wszystkich Świętych"


def test_after_christmas_the_next_opening_is_the_monday_after():
    # 24 (Thu), 25 (Fri) and 26 (Sat) December 2026 are holidays.
    status = opening_status(OFFICE, now=warsaw(2026, 12, 23, 16, 30))
    assert status.opens_at == warsaw(2026, 12, 28, 8, 0)
    assert status.message == "Zamknięte — otwarcie w poniedziałek o 8:00."


def test_after_easter_the_next_opening_is_tuesday():
    status = opening_status(OFFICE, now=warsaw(2026, 4, 3, 14, 0))  # Good Friday, a working day
    assert status.opens_at == warsaw(2026, 4, 7, 8, 0)
    assert status.message == "Zamknięte — otwarcie we wtorek o 8:00."


def test_closures_ahead_reach_fourteen_days_not_fifteen():
    schedule = Schedule(OFFICE)
    # From 22 December 2026, 6 January 2027 is 15 days away, from the 23rd 14.
    names = [day.note for day in schedule.closures_ahead(dt.date(2026, 12, 22))]
    assert names == ["Wigilia Bożego Narodzenia", "Boże Narodzenie (pierwszy dzień)", "Nowy Rok"]
    later = [day.note for day in schedule.closures_ahead(dt.date(2026, 12, 23))]
    assert later[-1] == "Święto Trzech Króli"


def test_editors_closures_are_listed_however_far_ahead_holidays_for_two_weeks():
    far = [special(dt.date(2027, 2, 15), reason="Inwentaryzacja")]
    days = Schedule(OFFICE, far).exceptions_from(dt.date(2026, 12, 22))
    assert [day.date for day in days] == [
        dt.date(2026, 12, 24),
        dt.date(2026, 12, 25),
        dt.date(2027, 1, 1),
        dt.date(2027, 2, 15),
    ]


# In 2027 Easter falls on the night the clocks go forward (28 March), and
# All Saints' Day on the Monday after they go back (31 October).


def test_easter_2027_on_the_spring_change_reopens_on_tuesday_in_summer_time():
    status = opening_status(OFFICE, now=warsaw(2027, 3, 26, 16, 0))
    assert status.opens_at.astimezone(UTC) == dt.datetime(2027, 3, 30, 6, 0, tzinfo=UTC)
    assert status.message == "Zamknięte — otwarcie we wtorek o 8:00."
    easter = opening_status(EVERY_DAY, now=warsaw(2027, 3, 28, 12, 0))
    assert not easter.is_open
    # The short night's midnight is in summer time: 22:00 UTC.
    assert easter.changes_at.astimezone(UTC) == dt.datetime(2027, 3, 28, 22, 0, tzinfo=UTC)
    monday = opening_status(EVERY_DAY, now=dt.datetime(2027, 3, 29, 8, 0, tzinfo=UTC))
    assert not monday.is_open and monday.today.note == "Poniedziałek Wielkanocny"


def test_all_saints_2027_after_the_autumn_change_reopens_on_tuesday_in_winter_time():
    status = opening_status(OFFICE, now=warsaw(2027, 10, 29, 16, 0))
    assert status.opens_at.astimezone(UTC) == dt.datetime(2027, 11, 2, 7, 0, tzinfo=UTC)
    assert status.message == "Zamknięte — otwarcie we wtorek o 8:00."
    # The long night of 31 October: its midnight is in winter time, 23:00 UTC.
    sunday = opening_status(EVERY_DAY, now=warsaw(2027, 10, 31, 20, 0))
    assert sunday.changes_at.astimezone(UTC) == dt.datetime(2027, 10, 31, 23, 0, tzinfo=UTC)
    # 1 November at 8:00 CET (07:00 UTC) is closed; at the same UTC instant a
    # day earlier, 8:00 CET on Sunday, the every-day owner was open.
    assert not opening_status(EVERY_DAY, now=dt.datetime(2027, 11, 1, 7, 0, tzinfo=UTC)).is_open
    assert opening_status(EVERY_DAY, now=dt.datetime(2027, 10, 31, 7, 0, tzinfo=UTC)).is_open
