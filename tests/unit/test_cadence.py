from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from couple_dash.domain.cadence import Cadence, CadenceKind, day_has_closed, local_today, week_start

MONDAY = date(2026, 3, 2)


def test_daily_is_due_every_day() -> None:
    cadence = Cadence.daily()
    assert all(cadence.is_due_on(MONDAY + timedelta(days=i)) for i in range(7))
    assert cadence.frequency() == 1.0
    assert cadence.describe() == "Every day"


def test_chosen_weekdays_are_due_only_on_those_days() -> None:
    cadence = Cadence.on_weekdays(0, 2, 4)
    due = [cadence.is_due_on(MONDAY + timedelta(days=i)) for i in range(7)]
    assert due == [True, False, True, False, True, False, False]
    assert cadence.frequency() == pytest.approx(3 / 7)
    assert cadence.describe() == "Mon, Wed and Fri"


@pytest.mark.parametrize(
    ("cadence", "text"),
    [
        (Cadence.on_weekdays(1, 3), "Tue and Thu"),
        (Cadence.on_weekdays(6), "Every Sunday"),
        (Cadence.on_weekdays(0, 1, 2, 3, 4), "Mon to Fri"),
        (Cadence.on_weekdays(*range(7)), "Every day"),
        (Cadence.times_a_week(1), "Once a week"),
        (Cadence.times_a_week(2), "Twice a week"),
        (Cadence.times_a_week(3), "3 times a week"),
        (Cadence.occasion(), "Each time it happens"),
    ],
)
def test_descriptions_read_naturally(cadence: Cadence, text: str) -> None:
    assert cadence.describe() == text


def test_times_a_week_and_occasions_have_no_single_due_day() -> None:
    for cadence in (Cadence.times_a_week(3), Cadence.occasion()):
        assert not any(cadence.is_due_on(MONDAY + timedelta(days=i)) for i in range(7))
    assert Cadence.times_a_week(3).frequency() == pytest.approx(3 / 7)
    assert Cadence.occasion().frequency() == 0.0


@pytest.mark.parametrize(
    "cadence",
    [
        Cadence(CadenceKind.WEEKDAYS),
        Cadence.on_weekdays(7),
        Cadence.on_weekdays(-1, 2),
        Cadence.times_a_week(0),
        Cadence.times_a_week(8),
        Cadence(CadenceKind.TIMES_PER_WEEK),
    ],
)
def test_invalid_cadences_explain_themselves(cadence: Cadence) -> None:
    problem = cadence.problem()
    assert problem
    assert problem.endswith(".")


@pytest.mark.parametrize(
    "cadence", [Cadence.daily(), Cadence.on_weekdays(5, 6), Cadence.times_a_week(7), Cadence.occasion()]
)
def test_valid_cadences_have_no_problem(cadence: Cadence) -> None:
    assert cadence.problem() is None


def test_cadences_are_frozen_values() -> None:
    assert Cadence.on_weekdays(0, 2) == Cadence(CadenceKind.WEEKDAYS, weekdays=frozenset({2, 0}))
    assert hash(Cadence.times_a_week(3)) == hash(Cadence.times_a_week(3))


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2026, 3, 2)) == date(2026, 3, 2)
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)  # Sunday belongs to the week before
    assert week_start(date(2026, 1, 1)) == date(2025, 12, 29)  # across a year end


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        # Spring forward: 01:00 GMT becomes 02:00 BST on Sunday 29 March 2026.
        (utc(2026, 3, 28, 23, 59), date(2026, 3, 28)),
        (utc(2026, 3, 29, 0, 30), date(2026, 3, 29)),
        (utc(2026, 3, 29, 1, 30), date(2026, 3, 29)),  # 02:30 BST
        (utc(2026, 3, 29, 22, 59), date(2026, 3, 29)),  # 23:59 BST
        (utc(2026, 3, 29, 23, 0), date(2026, 3, 30)),  # local midnight is 23:00 UTC from now on
        # Fall back: 02:00 BST becomes 01:00 GMT on Sunday 25 October 2026.
        (utc(2026, 10, 24, 22, 59), date(2026, 10, 24)),
        (utc(2026, 10, 24, 23, 0), date(2026, 10, 25)),
        (utc(2026, 10, 25, 0, 30), date(2026, 10, 25)),  # 01:30 BST
        (utc(2026, 10, 25, 1, 30), date(2026, 10, 25)),  # 01:30 GMT, the repeated hour
        (utc(2026, 10, 25, 23, 59), date(2026, 10, 25)),
        (utc(2026, 10, 26, 0, 0), date(2026, 10, 26)),
    ],
)
def test_local_today_in_london_across_dst(instant: datetime, expected: date) -> None:
    assert local_today(instant, "Europe/London") == expected


def test_the_london_dst_days_are_23_and_25_hours_long() -> None:
    def hours_in(day: date) -> int:
        around = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(days=1)
        instants = (around + timedelta(hours=h) for h in range(24 * 3))
        return sum(local_today(i, "Europe/London") == day for i in instants)

    assert hours_in(date(2026, 3, 29)) == 23
    assert hours_in(date(2026, 10, 25)) == 25
    assert hours_in(date(2026, 6, 1)) == 24


def test_local_today_accepts_any_aware_instant_and_refuses_naive_ones() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert local_today(datetime(2026, 6, 1, 1, 0, tzinfo=plus_two), "UTC") == date(2026, 5, 31)
    with pytest.raises(ValueError, match="aware"):
        local_today(datetime(2026, 6, 1, 12, 0), "UTC")


@pytest.mark.parametrize(
    ("zone", "closed_at_noon_utc"),
    [
        ("Pacific/Kiritimati", True),  # UTC+14: already 02:00 on 2 June
        ("Asia/Kolkata", False),  # UTC+5:30: 17:30 on 1 June
        ("Europe/London", False),
        ("America/New_York", False),  # 08:00 on 1 June
        ("Pacific/Pago_Pago", False),  # UTC-11: 01:00 on 1 June
    ],
)
def test_a_day_closes_at_local_midnight_in_each_zone(zone: str, closed_at_noon_utc: bool) -> None:
    assert day_has_closed(date(2026, 6, 1), utc(2026, 6, 1, 12, 0), zone) is closed_at_noon_utc


def test_a_day_closes_exactly_at_local_midnight() -> None:
    day = date(2026, 6, 1)
    # Kiritimati (UTC+14) reaches midnight after 1 June at 10:00 UTC; Kolkata (UTC+5:30) at 18:30 UTC.
    assert not day_has_closed(day, utc(2026, 6, 1, 9, 59, 59), "Pacific/Kiritimati")
    assert day_has_closed(day, utc(2026, 6, 1, 10, 0), "Pacific/Kiritimati")
    assert not day_has_closed(day, utc(2026, 6, 1, 18, 29), "Asia/Kolkata")
    assert day_has_closed(day, utc(2026, 6, 1, 18, 30), "Asia/Kolkata")
    # New York in summer is UTC-4: 1 June closes at 04:00 UTC on 2 June.
    assert not day_has_closed(day, utc(2026, 6, 2, 3, 59), "America/New_York")
    assert day_has_closed(day, utc(2026, 6, 2, 4, 0), "America/New_York")


def test_lord_howe_half_hour_dst_moves_midnight_by_thirty_minutes() -> None:
    # Lord Howe is UTC+11 in summer and UTC+10:30 in winter; DST ends on Sunday 5 April 2026.
    assert local_today(utc(2026, 4, 4, 12, 59), "Australia/Lord_Howe") == date(2026, 4, 4)
    assert local_today(utc(2026, 4, 4, 13, 0), "Australia/Lord_Howe") == date(2026, 4, 5)
    assert local_today(utc(2026, 4, 5, 13, 29), "Australia/Lord_Howe") == date(2026, 4, 5)
    assert local_today(utc(2026, 4, 5, 13, 30), "Australia/Lord_Howe") == date(2026, 4, 6)
