"""When a ritual happens: weekly on chosen days (every N weeks), monthly on a day, or once.

Times are wall-clock in the ritual's zone, so 19:00 stays 19:00 across DST changes; a time skipped by a
spring-forward change lands just after the gap. Weeks for "every N weeks" count from the week (Monday first) of
the start date, which is also what an iCalendar RRULE with DTSTART on the first occurrence and WKST=MO means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from couple_dash.domain.check_in_time import format_time

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_INTERVAL_WEEKS = 8
MAX_MONTH_DAY = 28  # every month has it: no silently skipped months
MAX_DURATION = 24 * 60


class RecurrenceKind(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    ONCE = "once"


class RecurrenceError(ValueError):
    """A schedule that can't be kept; the message is fit to show."""


@dataclass(frozen=True)
class Recurrence:
    kind: RecurrenceKind
    start: date
    weekdays: frozenset[int] = field(default_factory=frozenset)
    interval_weeks: int = 1
    month_day: int = 0

    def problem(self) -> str | None:
        if self.kind is RecurrenceKind.WEEKLY:
            if not self.weekdays or not self.weekdays <= set(range(7)):
                return "Choose at least one day of the week."
            if not 1 <= self.interval_weeks <= MAX_INTERVAL_WEEKS:
                return f"Repeat every 1 to {MAX_INTERVAL_WEEKS} weeks."
        if self.kind is RecurrenceKind.MONTHLY and not 1 <= self.month_day <= MAX_MONTH_DAY:
            return f"Pick a day of the month from 1 to {MAX_MONTH_DAY}."
        return None

    def happens_on(self, day: date) -> bool:
        if day < self.start:
            return False
        if self.kind is RecurrenceKind.ONCE:
            return day == self.start
        if self.kind is RecurrenceKind.MONTHLY:
            return day.day == self.month_day
        weeks = (_monday(day) - _monday(self.start)).days // 7
        return day.weekday() in self.weekdays and weeks % self.interval_weeks == 0

    def days(self, first: date, last: date) -> list[date]:
        """Every day in [first, last] (inclusive) it happens on."""
        found = []
        day = max(first, self.start)
        while day <= last:
            if self.happens_on(day):
                found.append(day)
            day += timedelta(days=1)
        return found

    def first_day(self) -> date | None:
        """The first day it happens on (None if it never does within a year of its start)."""
        found = self.days(self.start, self.start + timedelta(days=366))
        return found[0] if found else None

    def rrule(self) -> dict[str, object] | None:
        """The iCalendar RRULE (as icalendar's vRecur mapping), or None for a one-off."""
        if self.kind is RecurrenceKind.ONCE:
            return None
        if self.kind is RecurrenceKind.MONTHLY:
            return {"FREQ": "MONTHLY", "BYMONTHDAY": self.month_day}
        return {
            "FREQ": "WEEKLY",
            "INTERVAL": self.interval_weeks,
            "BYDAY": [RRULE_DAYS[d] for d in sorted(self.weekdays)],
            "WKST": "MO",
        }

    def describe(self, minute: int) -> str:
        at = f"at {format_time(minute)}"
        if self.kind is RecurrenceKind.ONCE:
            return f"{WEEKDAY_NAMES[self.start.weekday()]} {self.start.day} {self.start:%B %Y} {at}"
        if self.kind is RecurrenceKind.MONTHLY:
            return f"Monthly on the {ordinal(self.month_day)} {at}"
        days = " and ".join(", ".join(WEEKDAY_NAMES[d] + "s" for d in sorted(self.weekdays)).rsplit(", ", 1))
        every = "" if self.interval_weeks == 1 else f", every {self.interval_weeks} weeks"
        return f"{days} {at}{every}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def local_instant(day: date, minute: int, zone: str) -> datetime:
    """The moment ``minute`` after midnight on ``day`` in ``zone`` (aware)."""
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
    return wall.astimezone(UTC).astimezone(tz)  # normalises a time skipped by a spring-forward change


def instants(recurrence: Recurrence, minute: int, zone: str, since: datetime, until: datetime) -> list[datetime]:
    """Every start of the ritual in [since, until) (aware datetimes in ``zone``)."""
    tz = ZoneInfo(zone)
    first = since.astimezone(tz).date() - timedelta(days=1)
    last = until.astimezone(tz).date() + timedelta(days=1)
    return [
        at for at in (local_instant(day, minute, zone) for day in recurrence.days(first, last)) if since <= at < until
    ]


def planner_for(index: int, mode: str, first_planner: int, other: int) -> int:
    """Who plans the ``index``-th occurrence: one person always, or turn about starting with ``first_planner``."""
    if mode == "alternate":
        return first_planner if index % 2 == 0 else other
    return first_planner


def occurrence_index(recurrence: Recurrence, day: date) -> int:
    """How many occurrences came before ``day`` (for turn-about planning)."""
    return len(recurrence.days(recurrence.start, day - timedelta(days=1)))
