"""Invariants of follow-through that must hold for any history, checked with generated examples."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from couple_dash.domain.cadence import Cadence, CadenceKind, day_has_closed, local_today, week_start
from couple_dash.domain.followthrough import CommitmentFacts, DayStatus, FollowThrough, day_statuses, follow_through

FAST = settings(max_examples=150, deadline=None)
BASE = date(2026, 1, 5)  # a Monday
ZONES = (
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",  # half-hour DST
    "Pacific/Kiritimati",  # UTC+14
    "Asia/Kolkata",  # UTC+5:30, no DST
    "Pacific/Pago_Pago",  # UTC-11
    "UTC",
)
# DST changes in 2026, in UTC: London, New York and Lord Howe, both ways.
TRANSITIONS = tuple(
    datetime(*parts, tzinfo=UTC)
    for parts in (
        (2026, 3, 29, 1, 0),
        (2026, 10, 25, 1, 0),
        (2026, 3, 8, 7, 0),
        (2026, 11, 1, 6, 0),
        (2026, 4, 4, 15, 0),
        (2026, 10, 3, 15, 30),
    )
)


@dataclass(frozen=True)
class History:
    facts: CommitmentFacts
    done: frozenset[date]
    paused: frozenset[date]
    today: date

    @property
    def last(self) -> date:
        return self.facts.last_active_day(self.today)

    def active_days(self) -> list[date]:
        return [self.facts.start + timedelta(days=i) for i in range((self.last - self.facts.start).days + 1)]


cadences = st.one_of(
    st.just(Cadence.daily()),
    st.frozensets(st.integers(0, 6), min_size=1).map(lambda days: Cadence(CadenceKind.WEEKDAYS, weekdays=days)),
    st.integers(1, 7).map(Cadence.times_a_week),
    st.just(Cadence.occasion()),
)


def _flags(size: int, in_ten: int) -> st.SearchStrategy[list[bool]]:
    """``size`` flags, each true with a chance of about ``in_ten`` in ten (bytes draw much faster than lists)."""
    return st.binary(min_size=size, max_size=size).map(lambda raw: [byte < in_ten * 26 for byte in raw])


@st.composite
def histories(draw: st.DrawFn) -> History:
    start = BASE + timedelta(days=draw(st.integers(0, 6)))
    today = start + timedelta(days=draw(st.integers(-2, 60)))
    end = draw(st.none() | st.integers(0, 60).map(lambda n: start + timedelta(days=n)))
    span = [start + timedelta(days=i) for i in range(-3, (today - start).days + 4)]
    # Two phases with their own habits (say a good run, then a recent slump), each from "never" to "always".
    split = max(0, len(span) - draw(st.integers(0, 14) | st.integers(0, len(span))))
    done = draw(_flags(split, draw(st.integers(0, 10)))) + draw(_flags(len(span) - split, draw(st.integers(0, 10))))
    paused = draw(_flags(len(span), draw(st.integers(0, 3))))
    return History(
        CommitmentFacts(draw(cadences), start, end),
        frozenset(day for day, flag in zip(span, done, strict=True) if flag),
        frozenset(day for day, flag in zip(span, paused, strict=True) if flag),
        today,
    )


def result(h: History, extra: frozenset[date] = frozenset()) -> FollowThrough:
    return follow_through(h.facts, h.done | extra, h.paused, h.today)


@settings(max_examples=300, deadline=None)  # the key promise to users: more examples
@given(h=histories(), data=st.data())
def test_a_new_tick_never_lowers_the_score_or_a_streak(h: History, data: st.DataObject) -> None:
    candidates = [day for day in h.active_days() if day not in h.done and day not in h.paused]
    assume(candidates)
    # Ticking today, the day people tick most, gets a fair share of the examples.
    extra = frozenset({data.draw(st.sampled_from(candidates[-1:]) | st.sampled_from(candidates))})

    before, after = result(h), result(h, extra)

    assert after.score >= before.score - 1e-12
    assert after.current_streak >= before.current_streak
    assert after.best_streak >= before.best_streak
    assert after.done_count == before.done_count + 1


@FAST
@given(h=histories(), data=st.data())
def test_an_agreed_pause_never_costs_a_streak_nor_a_daily_score(h: History, data: st.DataObject) -> None:
    candidates = [day for day in h.active_days() if day not in h.done and day not in h.paused]
    assume(candidates)
    pause = data.draw(st.sampled_from(candidates))

    before = result(h)
    after = follow_through(h.facts, h.done, h.paused | {pause}, h.today)

    assert after.current_streak >= before.current_streak
    assert after.best_streak >= before.best_streak
    if after.streak_unit == "day":  # a times-a-week score just holds still over a pause, skipping a step
        assert after.score >= before.score - 1e-12


@FAST
@given(h=histories())
def test_streaks_scores_and_rates_stay_in_bounds(h: History) -> None:
    r = result(h)
    statuses = (
        day_statuses(h.facts, h.done, h.paused, h.today, h.facts.start, h.last) if h.last >= h.facts.start else {}
    )

    assert 0.0 <= r.score <= 1.0
    assert 0 <= r.current_streak <= r.best_streak
    for rate in (r.rate_7, r.rate_30, r.rate_90):
        assert rate is None or 0.0 <= rate <= 1.0
    if r.streak_unit == "day":
        due_so_far = sum(h.facts.cadence.is_due_on(day) for day in statuses)
        assert r.best_streak <= due_so_far
        assert r.best_streak <= sum(s is DayStatus.DONE for s in statuses.values())
    elif r.streak_unit == "week":
        assert r.best_streak <= len({week_start(day) for day in statuses})
    else:
        assert (r.best_streak, r.score, r.rate_90) == (0, 0.0, None)
    assert r.done_count == sum(s is DayStatus.DONE for s in statuses.values())


@FAST
@given(h=histories())
def test_missed_is_only_ever_a_closed_due_unpaused_unticked_day(h: History) -> None:
    first, last = h.facts.start - timedelta(days=3), h.today + timedelta(days=3)
    for day, status in day_statuses(h.facts, h.done, h.paused, h.today, first, last).items():
        if status is DayStatus.MISSED:
            assert day < h.today
            assert h.facts.cadence.is_due_on(day)
            assert day not in h.paused
            assert day not in h.done
            assert h.facts.start <= day <= (h.facts.end or day)
        if day > h.today:
            assert status is not DayStatus.DONE


@FAST
@given(h=histories(), noise=st.frozensets(st.integers(-400, 400)))
def test_ticks_outside_the_active_range_and_duplicates_change_nothing(h: History, noise: frozenset[int]) -> None:
    outside = frozenset(day for n in noise if not h.facts.start <= (day := h.today + timedelta(days=n)) <= h.last)
    assert follow_through(h.facts, [*h.done, *h.done, *outside], h.paused, h.today) == result(h)


instants = st.one_of(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)),
    st.tuples(st.sampled_from(TRANSITIONS), st.integers(-3 * 24 * 60, 3 * 24 * 60)).map(
        lambda pair: pair[0] + timedelta(minutes=pair[1])
    ),
)


@FAST
@given(begin=instants, zone=st.sampled_from(ZONES), step_minutes=st.integers(15, 60))
def test_local_dates_in_one_zone_never_skip_or_go_back_across_dst(
    begin: datetime, zone: str, step_minutes: int
) -> None:
    seen = [local_today(begin + timedelta(minutes=step_minutes * i), zone) for i in range(4 * 24 * 60 // step_minutes)]
    assert seen == sorted(seen)
    assert {b - a for a, b in pairwise(seen)} <= {timedelta(0), timedelta(days=1)}


@FAST
@given(instant=instants, zone=st.sampled_from(ZONES))
def test_a_day_closes_exactly_when_the_local_date_moves_past_it(instant: datetime, zone: str) -> None:
    today = local_today(instant, zone)
    assert abs((today - instant.date()).days) <= 1
    assert day_has_closed(today - timedelta(days=1), instant, zone)
    assert not day_has_closed(today, instant, zone)
    assert day_has_closed(today, instant + timedelta(hours=25), zone)


@settings(max_examples=100, deadline=None)
@given(
    first=instants,
    moves=st.lists(st.tuples(st.integers(0, 36 * 60), st.sampled_from(ZONES)), min_size=1, max_size=40),
)
def test_a_partner_moving_between_zones_has_every_day_counted_once(
    first: datetime, moves: list[tuple[int, str]]
) -> None:
    """Each (instant, zone) is a tick the owner made while living in that zone; the last one is also "now"."""
    events, instant = [], first
    for minutes, zone in moves:
        instant += timedelta(minutes=minutes)
        events.append((instant, zone))
    ticks = [local_today(at, zone) for at, zone in events]
    start, today = ticks[0], ticks[-1]
    assume(today >= start)  # a long flight west can land on an earlier date than the first tick
    facts = CommitmentFacts(Cadence.daily(), start)

    statuses = day_statuses(facts, ticks, [], today, start, today)
    summary = follow_through(facts, ticks, [], today)

    expected_days = [start + timedelta(days=i) for i in range((today - start).days + 1)]
    assert list(statuses) == expected_days  # contiguous, each day once
    counted = {tick for tick in ticks if start <= tick <= today}
    done = [day for day, status in statuses.items() if status is DayStatus.DONE]
    assert set(done) == counted
    assert summary.done_count == len(counted)
    assert sum(s is DayStatus.MISSED for s in statuses.values()) == len(expected_days) - len(counted)
    assert statuses[today] is DayStatus.DONE  # the latest tick is today's
