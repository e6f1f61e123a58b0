"""Which reminders are due, for whom and when: leads, zones, quiet hours, windows that never overlap."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from couple_dash.domain.recurrence import Recurrence, RecurrenceKind
from couple_dash.domain.reminders import (
    Person,
    Preferences,
    RitualPlan,
    WindowPlan,
    after_quiet_hours,
    due_between,
    in_quiet_hours,
)

ALEX = Person(1, "Alex", "Europe/London")
SAM = Person(2, "Sam", "America/New_York")
FRIDAY_NIGHT = RitualPlan(
    ritual_id=7,
    title="Date night",
    kind="ritual",
    recurrence=Recurrence(RecurrenceKind.WEEKLY, date(2026, 11, 1), frozenset({4})),
    minute=19 * 60,
    zone="Europe/London",
)


def day(d: int, h: int = 0, m: int = 0) -> datetime:
    return datetime(2026, 11, d, h, m, tzinfo=UTC)


def test_one_reminder_per_partner_an_hour_before_in_their_own_words() -> None:
    found = due_between(day(27), day(28), [ALEX, SAM], [FRIDAY_NIGHT], [])
    assert [(d.user_id, d.fire_at, d.title) for d in found] == [
        (1, day(27, 18), "Date night in 1 hour"),
        (2, day(27, 18), "Date night in 1 hour"),
    ]
    assert "19:00" in found[0].body  # London
    assert "14:00" in found[1].body  # New York


def test_lead_time_and_opting_out() -> None:
    early = Person(1, "Alex", "Europe/London", Preferences(ritual_lead_minutes=180))
    quiet = Person(2, "Sam", "America/New_York", Preferences(rituals=False))
    found = due_between(day(27), day(28), [early, quiet], [FRIDAY_NIGHT], [])
    assert [(d.user_id, d.fire_at, d.title) for d in found] == [(1, day(27, 16), "Date night in 3 hours")]


def test_quiet_hours_wrap_midnight() -> None:
    prefs = Preferences(quiet_start=22 * 60, quiet_end=7 * 60)
    assert in_quiet_hours(day(27, 23), "UTC", prefs)
    assert in_quiet_hours(day(27, 6, 59), "UTC", prefs)
    assert not in_quiet_hours(day(27, 7), "UTC", prefs)
    assert after_quiet_hours(day(27, 23), "UTC", prefs) == day(28, 7)
    assert after_quiet_hours(day(27, 3), "UTC", prefs) == day(27, 7)
    assert not in_quiet_hours(day(27, 23), "UTC", Preferences(quiet_enabled=False))


def test_quiet_hours_delay_a_reminder_but_never_past_the_ritual() -> None:
    person = Person(1, "Alex", "UTC", Preferences(ritual_lead_minutes=90))
    breakfast = RitualPlan(8, "Coffee", "ritual", FRIDAY_NIGHT.recurrence, 7 * 60 + 30, "UTC")
    found = due_between(day(27), day(28), [person], [breakfast], [])
    assert [d.fire_at for d in found] == [day(27, 7)]  # 06:00 is quiet: at 07:00, still before 07:30
    at_seven = RitualPlan(9, "Run", "ritual", FRIDAY_NIGHT.recurrence, 7 * 60, "UTC")
    assert due_between(day(27), day(28), [person], [at_seven], []) == []  # 07:00 would be too late


def test_a_commitment_time_reminds_its_owner_half_an_hour_before_on_due_days() -> None:
    weekdays = WindowPlan(3, 1, "I will text you when I leave work", 18 * 60, lambda d: d.weekday() < 5)
    found = [d for d in due_between(day(27), day(30), [ALEX, SAM], [], [weekdays]) if d.kind == "window"]
    assert [(d.user_id, d.fire_at, d.title) for d in found] == [(1, day(27, 17, 30), "You said: by 18:00")]


def test_streak_nudge_is_opt_in_and_digest_is_sunday_evening() -> None:
    opted = Person(1, "Alex", "Europe/London", Preferences(streak_nudge=True, weekly_digest=False))
    found = due_between(day(27), day(28), [opted, SAM], [], [])
    assert [(d.kind, d.user_id, d.fire_at) for d in found] == [("streak", 1, day(27, 20))]
    sunday = due_between(day(29), day(30), [SAM], [], [])
    assert [(d.kind, d.fire_at) for d in sunday] == [("digest", day(29, 23))]  # 18:00 in New York


def test_moved_and_skipped_occurrences() -> None:
    moved = RitualPlan(
        7,
        "Date night",
        "ritual",
        FRIDAY_NIGHT.recurrence,
        19 * 60,
        "Europe/London",
        skipped=frozenset({date(2026, 11, 27)}),
        moved=(day(28, 20),),
    )
    found = due_between(day(27), day(29), [ALEX], [moved], [])
    assert [d.fire_at for d in found] == [day(28, 19)]


def test_adjacent_windows_deliver_each_reminder_exactly_once() -> None:
    people = [ALEX, Person(2, "Sam", "America/New_York", Preferences(streak_nudge=True))]
    windows = [WindowPlan(3, 1, "Text", 18 * 60, lambda _: True)]
    start, end = day(1), day(30)
    whole = due_between(start, end, people, [FRIDAY_NIGHT], windows)
    pieces = []
    at = start
    while at < end:
        step = min(at + timedelta(minutes=37), end)
        pieces += due_between(at, step, people, [FRIDAY_NIGHT], windows)
        at = step
    assert [d.key for d in pieces] == [d.key for d in whole]
    assert len({d.key for d in whole}) == len(whole) > 40
