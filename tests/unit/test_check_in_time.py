"""The weekly check-in's next date, across time zones and DST changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from couple_dash.domain.check_in_time import (
    ScheduleError,
    describe,
    format_time,
    next_check_in,
    parse_time,
    parse_weekday,
)

SUNDAY = 6


def test_later_the_same_day() -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)  # a Sunday
    assert next_check_in(now, SUNDAY, 19 * 60, "UTC") == datetime(2026, 11, 29, 19, 0, tzinfo=UTC)


def test_just_missed_means_next_week() -> None:
    now = datetime(2026, 11, 29, 19, 1, tzinfo=UTC)
    assert next_check_in(now, SUNDAY, 19 * 60, "UTC") == datetime(2026, 12, 6, 19, 0, tzinfo=UTC)


def test_in_the_setters_zone() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # Wednesday
    found = next_check_in(now, SUNDAY, 19 * 60, "America/New_York")
    assert (found.weekday(), found.hour, found.minute) == (SUNDAY, 19, 0)
    assert found.astimezone(UTC) == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)


def test_wall_clock_holds_across_the_autumn_change() -> None:
    # Europe/Berlin leaves summer time at 03:00 on Sunday 25 October 2026.
    before = next_check_in(datetime(2026, 10, 12, 12, 0, tzinfo=UTC), SUNDAY, 19 * 60, "Europe/Berlin")
    after = next_check_in(datetime(2026, 10, 19, 12, 0, tzinfo=UTC), SUNDAY, 19 * 60, "Europe/Berlin")
    assert (before.day, after.day) == (18, 25)
    assert before.astimezone(UTC).hour == 17
    assert after.astimezone(UTC).hour == 18
    assert before.hour == after.hour == 19


def test_a_time_skipped_in_spring_lands_after_the_gap() -> None:
    # 02:30 does not exist in Berlin on Sunday 29 March 2026.
    found = next_check_in(datetime(2026, 3, 28, 12, 0, tzinfo=UTC), SUNDAY, 2 * 60 + 30, "Europe/Berlin")
    assert found.date().isoformat() == "2026-03-29"
    assert found.hour == 3


def test_parsing_and_wording() -> None:
    assert parse_time("19:30") == 19 * 60 + 30
    assert parse_weekday("6") == SUNDAY
    for bad in ("", "25:00", "seven"):
        with pytest.raises(ScheduleError):
            parse_time(bad)
    for bad in ("7", "-1", "x"):
        with pytest.raises(ScheduleError):
            parse_weekday(bad)
    assert describe(SUNDAY, 19 * 60, "Europe/Berlin") == "Sundays at 19:00 (Europe/Berlin time)"


@pytest.mark.parametrize(
    ("minute", "shown"), [(0, "00:00"), (9 * 60 + 5, "09:05"), (19 * 60 + 30, "19:30"), (1439, "23:59")]
)
def test_a_time_is_shown_as_a_time_input_has_it_and_read_back(minute: int, shown: str) -> None:
    assert format_time(minute) == shown
    assert parse_time(shown) == minute
