"""Ritual recurrences: which days, which instants (across DST and zones), RRULEs and turn-about planning."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from couple_dash.domain.recurrence import (
    Recurrence,
    RecurrenceKind,
    instants,
    local_instant,
    occurrence_index,
    planner_for,
)

MON, WED, FRI, SUN = 0, 2, 4, 6


def weekly(*days: int, every: int = 1, start: date = date(2026, 11, 2)) -> Recurrence:
    return Recurrence(RecurrenceKind.WEEKLY, start, frozenset(days), interval_weeks=every)


def test_weekly_on_chosen_days() -> None:
    rec = weekly(MON, FRI)
    assert rec.days(date(2026, 11, 2), date(2026, 11, 15)) == [
        date(2026, 11, 2),
        date(2026, 11, 6),
        date(2026, 11, 9),
        date(2026, 11, 13),
    ]


def test_every_other_week_counts_from_the_start_week() -> None:
    rec = weekly(WED, every=2, start=date(2026, 11, 5))  # a Thursday: that week's Wednesday has passed
    assert rec.days(date(2026, 11, 1), date(2026, 12, 10)) == [date(2026, 11, 18), date(2026, 12, 2)]


def test_monthly_and_once() -> None:
    monthly = Recurrence(RecurrenceKind.MONTHLY, date(2026, 11, 20), month_day=15)
    assert monthly.days(date(2026, 11, 1), date(2027, 2, 1)) == [date(2026, 12, 15), date(2027, 1, 15)]
    once = Recurrence(RecurrenceKind.ONCE, date(2026, 12, 24))
    assert once.days(date(2026, 12, 1), date(2027, 12, 31)) == [date(2026, 12, 24)]
    assert once.rrule() is None


@pytest.mark.parametrize(
    ("rec", "problem"),
    [
        (weekly(), "at least one day"),
        (weekly(MON, every=9), "every 1 to 8"),
        (Recurrence(RecurrenceKind.MONTHLY, date(2026, 1, 1), month_day=31), "1 to 28"),
    ],
)
def test_schedules_that_cannot_be_kept_are_refused(rec: Recurrence, problem: str) -> None:
    assert problem in (rec.problem() or "")


def test_wall_clock_time_holds_across_dst_in_the_rituals_zone() -> None:
    rec = weekly(SUN, start=date(2026, 10, 1))
    found = instants(
        rec, 19 * 60, "Europe/Berlin", datetime(2026, 10, 17, tzinfo=UTC), datetime(2026, 11, 2, tzinfo=UTC)
    )
    assert [(at.day, at.hour) for at in found] == [(18, 19), (25, 19), (1, 19)]
    assert [at.astimezone(UTC).hour for at in found] == [17, 18, 18]


def test_new_york_leaves_summer_time_a_week_after_berlin() -> None:
    rec = weekly(SUN, start=date(2026, 10, 1))
    found = instants(
        rec, 19 * 60, "America/New_York", datetime(2026, 10, 24, tzinfo=UTC), datetime(2026, 11, 9, tzinfo=UTC)
    )
    assert [at.astimezone(UTC).hour for at in found] == [23, 0]  # 25 Oct in EDT, 1 Nov in EST


def test_a_time_skipped_in_spring_lands_after_the_gap() -> None:
    at = local_instant(date(2026, 3, 29), 2 * 60 + 30, "Europe/Berlin")
    assert (at.hour, at.minute) == (3, 30)


def test_rrule_matches_the_days() -> None:
    assert weekly(MON, FRI, every=2).rrule() == {"FREQ": "WEEKLY", "INTERVAL": 2, "BYDAY": ["MO", "FR"], "WKST": "MO"}
    assert Recurrence(RecurrenceKind.MONTHLY, date(2026, 1, 1), month_day=3).rrule() == {
        "FREQ": "MONTHLY",
        "BYMONTHDAY": 3,
    }


def test_descriptions() -> None:
    assert weekly(MON, WED, FRI).describe(19 * 60) == "Mondays, Wednesdays and Fridays at 19:00"
    assert weekly(SUN, every=2).describe(9 * 60 + 5) == "Sundays at 09:05, every 2 weeks"
    assert Recurrence(RecurrenceKind.MONTHLY, date(2026, 1, 1), month_day=22).describe(600) == (
        "Monthly on the 22nd at 10:00"
    )


def test_alternate_planning_takes_turns() -> None:
    rec = weekly(FRI)
    turns = [planner_for(occurrence_index(rec, d), "alternate", 1, 2) for d in rec.days(rec.start, date(2026, 12, 1))]
    assert turns[:4] == [1, 2, 1, 2]
    assert planner_for(3, "me", 1, 2) == 1
