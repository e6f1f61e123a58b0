"""Follow-through on a commitment: how each day went, streaks, rates, a consistency score and a heat map.

Everything is derived from three facts: the days the owner ticked (local dates in the owner's time zone), the days
both partners agreed to pause (travel, illness) and the owner's local ``today``. "Missed" is never stored: an
unticked due day becomes missed only once it has closed, so a tick before local midnight is never a failure.

Rules
- Only days in the *active range* [start, min(end, today)] count; ``end`` (completed or retired) is inclusive.
  Ticks outside that range, including any dated after ``today``, are ignored.
- A tick wins over a pause: a paused day that was ticked anyway is a done day like any other.
- An unticked paused day is skipped everywhere: never missed, neither extends nor breaks a streak, is no score
  step and is left out of rates.
- Today, still open, can only help: it counts once ticked (times a week: once its target is met), never as missed.

Streaks
- Daily and chosen weekdays (unit "day"): consecutive done due days; non-due and paused days are transparent.
- Times a week (unit "week"): consecutive met Monday-first weeks. A week asks for ``ceil(n * available / 7)``
  ticks, *available* being its days inside [start, end] that are not paused, so a partial first or last week and
  a week with pauses ask for proportionally less, and a fully paused week is skipped. Future days of the running
  week are available (they can still be done); the running week counts once met and never breaks a streak.
- Occasion (unit ""): promises without a calendar have no streak, no score and no rates, only ``done_count``.

Consistency score, Loop Habit Tracker's model, starting at 0:
    multiplier = 0.5 ** (sqrt(freq) / 13);  per step: score = score * multiplier + value * (1 - multiplier)
- Daily and chosen weekdays: one step per due, not paused day of the active range, freq = 1 (a day that is not
  due is no step), value 1 if done else 0. About 13 steps halve the distance to the current behaviour.
- Times a week: one step per not paused day of the active range, freq = n / 7, value = min(1, ticks in the
  trailing 7 days / target), target = n * (available days among those 7) / 7 (days before the start or paused are
  not available), like Loop's "n times in a period". Today is a step only once its value is 1.
Every step has positive weight and an added step of value 1 can only pull the score up, so a new tick never
lowers the score; one miss after a long run costs a little (after 60 done days one miss leaves about 0.91).

Rates (rate_7, rate_30, rate_90) look at the k days ending on the last active day (today, or the end date of a
finished commitment); ``None`` when nothing in the window counted.
- Daily and chosen weekdays: done / score steps in the window (due, not paused, closed or done today).
- Times a week: mean of min(1, done / required) over the weeks overlapping the window that are closed, plus the
  running week once it is met.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from couple_dash.domain.cadence import Cadence, CadenceKind, week_start

SCORE_HALF_LIFE_STEPS = 13
RATE_WINDOWS = (7, 30, 90)
_ONE_DAY = timedelta(days=1)


class DayStatus(StrEnum):
    DONE = "done"
    MISSED = "missed"
    OPEN = "open"  # due and not done yet, but not closed: today, or a day still to come
    NOT_DUE = "not_due"
    PAUSED = "paused"
    BEFORE_START = "before_start"
    ENDED = "ended"


@dataclass(frozen=True)
class CommitmentFacts:
    cadence: Cadence
    start: date
    end: date | None = None  # completed or retired on this day (inclusive); later days are ENDED

    def last_active_day(self, today: date) -> date:
        return today if self.end is None else min(self.end, today)


@dataclass(frozen=True)
class FollowThrough:
    current_streak: int
    best_streak: int
    streak_unit: str  # "day", "week", or "" for occasion commitments
    score: float  # 0..1
    rate_7: float | None
    rate_30: float | None
    rate_90: float | None
    done_count: int


@dataclass(frozen=True)
class WeekResult:
    """A times-a-week commitment's progress in one Monday-first week."""

    monday: date
    done: int
    required: int
    closed: bool  # all of the week's days inside [start, end] have closed

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def share(self) -> float:
        return min(1.0, self.done / self.required)


def score_multiplier(freq: float) -> float:
    return float(0.5 ** (math.sqrt(freq) / SCORE_HALF_LIFE_STEPS))


def _days(first: date, last: date) -> list[date]:
    """Every day of [first, last], oldest first (ordinals are several times faster than adding timedeltas)."""
    return list(map(date.fromordinal, range(first.toordinal(), last.toordinal() + 1)))


def _status(
    facts: CommitmentFacts, day: date, done: Collection[date], paused: Collection[date], today: date
) -> DayStatus:
    if day < facts.start:
        return DayStatus.BEFORE_START
    if facts.end is not None and day > facts.end:
        return DayStatus.ENDED
    if day <= today and day in done:
        return DayStatus.DONE
    if facts.cadence.kind is CadenceKind.OCCASION:
        return DayStatus.NOT_DUE
    if day in paused:
        return DayStatus.PAUSED
    if not facts.cadence.is_due_on(day):
        return DayStatus.NOT_DUE
    return DayStatus.MISSED if day < today else DayStatus.OPEN


def day_statuses(
    facts: CommitmentFacts,
    done_days: Collection[date],
    paused_days: Collection[date],
    today: date,
    first: date,
    last: date,
) -> dict[date, DayStatus]:
    """Every day of [first, last] once, for a calendar or heat map. Days after today are OPEN when due."""
    done, paused = set(done_days), set(paused_days)
    return {day: _status(facts, day, done, paused, today) for day in _days(first, last)}


def _streaks(outcomes: Iterable[bool | None]) -> tuple[int, int]:
    """(current, best) runs of True; None (still open) neither extends nor breaks a run."""
    run = best = 0
    for outcome in outcomes:
        if outcome:
            run += 1
            best = max(best, run)
        elif outcome is False:
            run = 0
    return run, best


def _loop_score(values: Iterable[float], freq: float) -> float:
    multiplier = score_multiplier(freq)
    score = 0.0
    for value in values:
        score = score * multiplier + value * (1 - multiplier)
    return min(1.0, max(0.0, score))


def _day_steps(
    facts: CommitmentFacts, done: set[date], paused: set[date], today: date, last: date
) -> list[tuple[date, bool]]:
    """The days that count for a daily or weekdays commitment, oldest first, with whether each was done."""
    steps = []
    is_due = facts.cadence.is_due_on
    for day in _days(facts.start, last):
        if not is_due(day):
            continue
        ticked = day in done
        if ticked or (day < today and day not in paused):
            steps.append((day, ticked))
    return steps


def _window_steps(facts: CommitmentFacts, done: set[date], paused: set[date], today: date, last: date) -> list[float]:
    """Score values of a times-a-week commitment: the share of a pro-rated target met in each trailing 7 days."""
    target_per_day = facts.cadence.times_per_week / 7
    days = _days(facts.start, last)
    ticked = [day in done for day in days]
    available = [t or day not in paused for day, t in zip(days, ticked, strict=True)]
    values: list[float] = []
    done_in_window = available_in_window = 0
    for i, day in enumerate(days):
        done_in_window += ticked[i] - (ticked[i - 7] if i >= 7 else 0)
        available_in_window += available[i] - (available[i - 7] if i >= 7 else 0)
        if not available[i]:
            continue
        value = min(1.0, done_in_window / (target_per_day * available_in_window))
        if day < today or value == 1.0:
            values.append(value)
    return values


def _weeks(facts: CommitmentFacts, done: set[date], paused: set[date], today: date, last: date) -> list[WeekResult]:
    weeks: list[WeekResult] = []
    if last < facts.start:
        return weeks
    end = facts.end or date.max
    monday = week_start(facts.start)
    while monday <= last:
        live = [d for d in _days(monday, monday + 6 * _ONE_DAY) if facts.start <= d <= end]
        ticks = sum(d in done for d in live)
        available = sum(d in done or d not in paused for d in live)
        if available:
            required = math.ceil(facts.cadence.times_per_week * available / 7)
            weeks.append(WeekResult(monday, ticks, required, closed=live[-1] < today))
        monday += 7 * _ONE_DAY
    return weeks


def weekly_results(
    facts: CommitmentFacts, done_days: Collection[date], paused_days: Collection[date], today: date
) -> list[WeekResult]:
    """A times-a-week commitment's weeks, oldest first, fully paused weeks left out (e.g. for "2 of 3 this week")."""
    last = facts.last_active_day(today)
    done = {d for d in done_days if facts.start <= d <= last}
    return _weeks(facts, done, set(paused_days), today, last)


def _mean_or_none(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def follow_through(
    facts: CommitmentFacts, done_days: Collection[date], paused_days: Collection[date], today: date
) -> FollowThrough:
    """Streaks, score and rates as of ``today`` (the owner's local date). Linear in the number of days."""
    problem = facts.cadence.problem()
    if problem:
        raise ValueError(problem)
    last = facts.last_active_day(today)
    done = {d for d in done_days if facts.start <= d <= last}
    paused = set(paused_days)
    window_starts = [last - timedelta(days=k - 1) for k in RATE_WINDOWS]
    kind = facts.cadence.kind
    if kind is CadenceKind.OCCASION:
        return FollowThrough(0, 0, "", 0.0, None, None, None, len(done))
    if kind is CadenceKind.TIMES_PER_WEEK:
        weeks = _weeks(facts, done, paused, today, last)
        current, best = _streaks(True if w.met else (False if w.closed else None) for w in weeks)
        score = _loop_score(_window_steps(facts, done, paused, today, last), facts.cadence.frequency())
        counted = [(w.monday + 6 * _ONE_DAY, w.share) for w in weeks if w.closed or w.met]
        rates = [_mean_or_none([share for sunday, share in counted if sunday >= first]) for first in window_starts]
        unit = "week"
    else:
        steps = _day_steps(facts, done, paused, today, last)
        current, best = _streaks(ticked for _, ticked in steps)
        score = _loop_score((1.0 if ticked else 0.0 for _, ticked in steps), 1.0)
        rates = [
            _mean_or_none([1.0 if ticked else 0.0 for day, ticked in steps if day >= first]) for first in window_starts
        ]
        unit = "day"
    return FollowThrough(current, best, unit, score, rates[0], rates[1], rates[2], len(done))
