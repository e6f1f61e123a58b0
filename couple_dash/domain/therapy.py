"""When to suggest a couple therapist: signals that persist, read gently, never a verdict.

Three signals, each about something that keeps happening rather than one hard week:
- **Distress**: the person's *own* CSI-4 pulse below 13.5 at three check-ins running. Only ever their own line:
  a partner's private pulse never decides what the other is shown (so nothing about it can be inferred).
- **Time-outs**: a time-out called in at least 3 of the couple's last 4 check-ins (escalating conflict).
- **Follow-through**: fewer than half of the couple's due promises kept in each of the last 3 closed weeks
  (Monday to Sunday), counting only weeks with at least ``MIN_DUE_PER_WEEK`` due days or weekly targets.

The suggestion is the same for either partner and names no one: it is about the couple.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from couple_dash.domain.cadence import CadenceKind, week_start
from couple_dash.domain.followthrough import CommitmentFacts, DayStatus, day_statuses, weekly_results
from couple_dash.domain.pulse import PERSISTENT_RUN, persistent_distress

TIME_OUT_WINDOW = 4  # the last N check-ins looked at
TIME_OUT_MIN = 3  # ... of which at least this many had a time-out
FOLLOW_THROUGH_WEEKS = 3
FOLLOW_THROUGH_BELOW = 0.5
MIN_DUE_PER_WEEK = 3  # a week with fewer due promises says too little to count


@dataclass(frozen=True)
class WeekKept:
    """How many due promises the couple kept in one closed week (a times-a-week target counts once per tick)."""

    monday: date
    kept: int
    due: int

    @property
    def share(self) -> float:
        return self.kept / self.due if self.due else 1.0


@dataclass(frozen=True)
class TherapySignals:
    distress: bool
    time_outs: bool
    follow_through: bool

    @property
    def any(self) -> bool:
        return self.distress or self.time_outs or self.follow_through

    def reasons(self) -> list[str]:
        """What was noticed, in words for the person reading it (about the couple, naming no one)."""
        found = []
        if self.distress:
            found.append(f"Your own last {PERSISTENT_RUN} pulses were below 13.5, the line where strain is real.")
        if self.time_outs:
            found.append(
                f"A time-out was needed in {TIME_OUT_MIN} or more of your last {TIME_OUT_WINDOW} check-ins: "
                "the conversations are running hot."
            )
        if self.follow_through:
            found.append(
                f"For {FOLLOW_THROUGH_WEEKS} weeks running, fewer than half of the promises between you were kept. "
                "That usually means they need support, not more effort."
            )
        return found


def repeated_time_outs(time_outs_per_check_in: Sequence[int]) -> bool:
    """``time_outs_per_check_in`` oldest first: at least 3 of the last 4 check-ins had a time-out."""
    recent = time_outs_per_check_in[-TIME_OUT_WINDOW:]
    return sum(1 for count in recent if count > 0) >= TIME_OUT_MIN


def low_follow_through(weeks: Sequence[WeekKept]) -> bool:
    """``weeks`` oldest first: each of the last 3 had enough due promises and fewer than half were kept."""
    recent = weeks[-FOLLOW_THROUGH_WEEKS:]
    return len(recent) == FOLLOW_THROUGH_WEEKS and all(
        w.due >= MIN_DUE_PER_WEEK and w.share < FOLLOW_THROUGH_BELOW for w in recent
    )


def therapy_signals(
    own_pulses: Sequence[float], time_outs_per_check_in: Sequence[int], weeks: Sequence[WeekKept]
) -> TherapySignals:
    """The signals for one person: their own pulse totals, the couple's time-outs and follow-through (oldest first)."""
    return TherapySignals(
        distress=persistent_distress(own_pulses),
        time_outs=repeated_time_outs(time_outs_per_check_in),
        follow_through=low_follow_through(weeks),
    )


def closed_weeks(today: date, count: int = FOLLOW_THROUGH_WEEKS) -> list[date]:
    """The Mondays of the last ``count`` weeks that have fully closed before ``today``'s week, oldest first."""
    this_monday = week_start(today)
    return [this_monday - timedelta(weeks=back) for back in range(count, 0, -1)]


def week_kept(
    facts: CommitmentFacts, done_days: Collection[date], paused_days: Collection[date], today: date, monday: date
) -> tuple[int, int]:
    """(kept, due) for one commitment in the closed week starting ``monday``.

    Day cadences: done and missed due days (paused, not due, before the start or after the end don't count).
    Times a week: the week's ticks up to its pro-rated target, out of that target. Occasions have nothing due.
    """
    if facts.cadence.kind is CadenceKind.OCCASION:
        return 0, 0
    if facts.cadence.kind is CadenceKind.TIMES_PER_WEEK:
        for week in weekly_results(facts, done_days, paused_days, today):
            if week.monday == monday and week.closed:
                return min(week.done, week.required), week.required
        return 0, 0
    statuses = day_statuses(facts, done_days, paused_days, today, monday, monday + timedelta(days=6))
    # A tick on a day that wasn't due is welcome, but it isn't a due promise kept.
    kept = sum(1 for day, s in statuses.items() if s is DayStatus.DONE and facts.cadence.is_due_on(day))
    missed = sum(1 for s in statuses.values() if s is DayStatus.MISSED)
    return kept, kept + missed
