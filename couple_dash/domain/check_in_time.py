"""When the couple's weekly check-in happens: a weekday and a time in the time zone of whoever set it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class ScheduleError(ValueError):
    """A day or time that can't be used; the message is fit to show."""


def parse_time(raw: str) -> int:
    """ "19:30" -> minutes after midnight."""
    try:
        parsed = time.fromisoformat(raw.strip())
    except ValueError:
        raise ScheduleError("Pick a time, like 19:30.") from None
    return parsed.hour * 60 + parsed.minute


def format_time(minute: int) -> str:
    """Minutes after midnight -> "19:30" (what ``parse_time`` reads, and a time input shows)."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_weekday(raw: str) -> int:
    try:
        weekday = int(raw)
    except ValueError:
        raise ScheduleError("Pick a day of the week.") from None
    if not 0 <= weekday <= 6:
        raise ScheduleError("Pick a day of the week.")
    return weekday


def next_check_in(now: datetime, weekday: int, minute: int, zone: str) -> datetime:
    """The next check-in at or after ``now`` (aware, in ``zone``). Wall-clock time holds across DST changes."""
    tz = ZoneInfo(zone)
    local_now = now.astimezone(tz)
    days_ahead = (weekday - local_now.weekday()) % 7
    for extra_weeks in (0, 1):
        day = local_now.date() + timedelta(days=days_ahead + 7 * extra_weeks)
        wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
        # A time skipped by a spring-forward change lands just after the gap (normalised through UTC).
        candidate = wall.astimezone(UTC).astimezone(tz)
        if candidate >= now:
            return candidate
    raise AssertionError("unreachable: one of two consecutive weeks is in the future")


def describe(weekday: int, minute: int, zone: str) -> str:
    return f"{WEEKDAYS[weekday]}s at {format_time(minute)} ({zone.replace('_', ' ')} time)"
