"""How often a commitment is due, and which calendar day it is for the person who owns it.

Days are counted in the owner's own time zone: "I texted you when I left work" belongs to the day the owner lived
it, not to a UTC date. A day closes at the owner's local midnight; only then can an unticked due day count as missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WORKING_WEEK = frozenset(range(5))
WEEKEND = frozenset({5, 6})


class CadenceKind(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # on chosen days of the week, e.g. Mon, Wed and Fri
    TIMES_PER_WEEK = "times_per_week"  # any N days of each Monday-first week
    OCCASION = "occasion"  # each time a situation arises ("tell you before plans change"): never due on a date


@dataclass(frozen=True)
class Cadence:
    kind: CadenceKind
    weekdays: frozenset[int] = frozenset()  # 0=Monday..6=Sunday, for WEEKDAYS
    times_per_week: int = 0  # 1..7, for TIMES_PER_WEEK

    @classmethod
    def daily(cls) -> Cadence:
        return cls(CadenceKind.DAILY)

    @classmethod
    def on_weekdays(cls, *weekdays: int) -> Cadence:
        return cls(CadenceKind.WEEKDAYS, weekdays=frozenset(weekdays))

    @classmethod
    def times_a_week(cls, times: int) -> Cadence:
        return cls(CadenceKind.TIMES_PER_WEEK, times_per_week=times)

    @classmethod
    def occasion(cls) -> Cadence:
        return cls(CadenceKind.OCCASION)

    def problem(self) -> str | None:
        """Why this cadence can't be saved, as a sentence a person can act on; ``None`` when it is fine."""
        if self.kind is CadenceKind.WEEKDAYS:
            if not self.weekdays:
                return "Choose at least one day of the week."
            if not self.weekdays <= set(range(7)):
                return "Choose days from Monday to Sunday."
        if self.kind is CadenceKind.TIMES_PER_WEEK and not 1 <= self.times_per_week <= 7:
            return "Choose between 1 and 7 times a week."
        return None

    def is_due_on(self, day: date) -> bool:
        """Whether ``day`` on its own is a due day. Times-a-week and occasion commitments have no single due day."""
        if self.kind is CadenceKind.DAILY:
            return True
        if self.kind is CadenceKind.WEEKDAYS:
            return day.weekday() in self.weekdays
        return False

    def describe(self) -> str:
        if self.kind is CadenceKind.DAILY:
            return "Every day"
        if self.kind is CadenceKind.OCCASION:
            return "Each time it happens"
        if self.kind is CadenceKind.TIMES_PER_WEEK:
            return {1: "Once a week", 2: "Twice a week"}.get(self.times_per_week, f"{self.times_per_week} times a week")
        days = sorted(d for d in self.weekdays if 0 <= d <= 6)
        if not days:
            return "No days chosen"
        if len(days) == 7:
            return "Every day"
        if len(days) == 1:
            return f"Every {DAY_NAMES[days[0]]}"
        if set(days) == WORKING_WEEK:
            return "Mon to Fri"
        names = [SHORT_DAY_NAMES[d] for d in days]
        return f"{', '.join(names[:-1])} and {names[-1]}"

    def frequency(self) -> float:
        """Expected ticks per day, which sets how quickly the consistency score moves (see ``followthrough``)."""
        if self.kind is CadenceKind.DAILY:
            return 1.0
        if self.kind is CadenceKind.WEEKDAYS:
            return len(self.weekdays) / 7
        if self.kind is CadenceKind.TIMES_PER_WEEK:
            return self.times_per_week / 7
        return 0.0


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week: weeks run Monday to Sunday everywhere in the app."""
    return day - timedelta(days=day.weekday())


def local_today(now: datetime, time_zone: str) -> date:
    """The owner's calendar date at the instant ``now`` (which must carry a time zone, usually UTC)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be time-zone aware")
    return now.astimezone(ZoneInfo(time_zone)).date()


def day_has_closed(day: date, now: datetime, time_zone: str) -> bool:
    """True once the local midnight after ``day`` has passed in ``time_zone``.

    Comparing local dates (rather than building "midnight" and comparing instants) stays right in zones where a
    DST change skips or repeats midnight itself.
    """
    return local_today(now, time_zone) > day
