"""When to suggest a couple therapist: only signals that persist, each on its own, never the partner's private pulse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from couple_dash.domain.cadence import Cadence
from couple_dash.domain.followthrough import CommitmentFacts
from couple_dash.domain.therapy import (
    TherapySignals,
    WeekKept,
    closed_weeks,
    low_follow_through,
    repeated_time_outs,
    therapy_signals,
    week_kept,
)

MONDAY = date(2026, 11, 2)
CALM = [15, 16, 17]


def weeks(*shares: tuple[int, int]) -> list[WeekKept]:
    return [WeekKept(MONDAY + timedelta(weeks=i), kept, due) for i, (kept, due) in enumerate(shares)]


def test_nothing_persisting_means_no_suggestion() -> None:
    signals = therapy_signals(CALM, [0, 1, 0, 0], weeks((6, 7), (5, 7), (7, 7)))
    assert signals == TherapySignals(distress=False, time_outs=False, follow_through=False)
    assert not signals.any
    assert signals.reasons() == []


@pytest.mark.parametrize(
    ("pulses", "expected"),
    [
        ([12, 11, 13], True),
        ([10, 11, 12, 13], True),  # the latest three
        ([12, 11, 14], False),  # the latest one is above the line
        ([13.5, 12, 12], False),  # 13.5 is on the line, not below; only two below
        ([12, 12], False),  # two check-ins are not "persisting"
        ([], False),
    ],
)
def test_distress_is_three_own_pulses_running_below_the_line(pulses: list[float], expected: bool) -> None:
    signals = therapy_signals(pulses, [], [])
    assert signals.distress is expected
    assert signals.any is expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([1, 1, 1], True),
        ([1, 0, 2, 1], True),
        ([0, 0, 1, 1, 1], True),  # only the last four count
        ([1, 1, 1, 0, 0], False),  # three, but not among the last four
        ([2, 0, 0, 3], False),  # several in one check-in is still one check-in
        ([1, 1], False),
    ],
)
def test_time_outs_in_three_of_the_last_four_check_ins(counts: list[int], expected: bool) -> None:
    assert repeated_time_outs(counts) is expected
    assert therapy_signals(CALM, counts, []).time_outs is expected


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        (((2, 7), (3, 7), (1, 6)), True),
        (((7, 7), (2, 7), (3, 7), (1, 6)), True),  # only the last three weeks
        (((2, 7), (4, 7), (1, 6)), False),  # one week above half
        (((2, 7), (2, 4), (1, 6)), False),  # exactly half is not below half
        (((0, 2), (0, 2), (0, 2)), False),  # too little due to say anything
        (((1, 7), (1, 7)), False),  # two weeks are not three
    ],
)
def test_follow_through_below_half_for_three_weeks(shares: tuple[tuple[int, int], ...], expected: bool) -> None:
    assert low_follow_through(weeks(*shares)) is expected
    assert therapy_signals(CALM, [], weeks(*shares)).follow_through is expected


def test_every_signal_has_gentle_wording_that_names_no_one() -> None:
    signals = therapy_signals([10, 10, 10], [1, 1, 1, 1], weeks((0, 7), (0, 7), (0, 7)))
    reasons = signals.reasons()
    assert len(reasons) == 3
    text = " ".join(reasons).lower()
    for blame in ("fault", "failed", "failure", "you should", "must", "alex", "sam", "partner"):
        assert blame not in text


def test_closed_weeks_are_the_three_before_this_one() -> None:
    wednesday = date(2026, 11, 25)
    assert closed_weeks(wednesday) == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    assert closed_weeks(date(2026, 11, 23)) == closed_weeks(wednesday)  # on a Monday the last week just closed


def test_week_kept_for_each_cadence() -> None:
    start = date(2026, 11, 2)
    today = date(2026, 11, 25)
    week = date(2026, 11, 9)
    ticked = {week, week + timedelta(days=1)}
    # Daily: two of seven kept; a paused day doesn't count as due.
    daily = CommitmentFacts(Cadence.daily(), start)
    assert week_kept(daily, ticked, [], today, week) == (2, 7)
    assert week_kept(daily, ticked, [week + timedelta(days=6)], today, week) == (2, 6)
    # Chosen weekdays (Mon, Wed, Fri): Monday kept, Wednesday and Friday missed.
    mwf = CommitmentFacts(Cadence.on_weekdays(0, 2, 4), start)
    assert week_kept(mwf, ticked, [], today, week) == (1, 3)
    # Three times a week: two ticks of three; extra ticks never count past the target.
    thrice = CommitmentFacts(Cadence.times_a_week(3), start)
    assert week_kept(thrice, ticked, [], today, week) == (2, 3)
    assert week_kept(thrice, {week + timedelta(days=i) for i in range(5)}, [], today, week) == (3, 3)
    # Occasions have nothing due; a commitment that started later has nothing due that week.
    assert week_kept(CommitmentFacts(Cadence.occasion(), start), ticked, [], today, week) == (0, 0)
    assert week_kept(CommitmentFacts(Cadence.daily(), date(2026, 11, 20)), ticked, [], today, week) == (0, 0)
