from collections import Counter
from datetime import date, timedelta

import pytest

from couple_dash.domain.cadence import Cadence, CadenceKind
from couple_dash.domain.followthrough import (
    CommitmentFacts,
    DayStatus,
    day_statuses,
    follow_through,
    score_multiplier,
    weekly_results,
)
from couple_dash.domain.heatmap import HeatCell, combined_heat_map, heat_map

START = date(2026, 3, 2)  # a Monday
M = score_multiplier(1.0)


def d(n: int) -> date:
    return START + timedelta(days=n)


def days(first: int, last: int) -> set[date]:
    return {d(i) for i in range(first, last + 1)}


DAILY = CommitmentFacts(Cadence.daily(), START)
MON_WED_FRI = CommitmentFacts(Cadence.on_weekdays(0, 2, 4), START)


def test_a_daily_commitment_with_a_miss_in_the_middle() -> None:
    done = days(0, 3) | days(5, 9)

    result = follow_through(DAILY, done, [], today=d(9))
    statuses = day_statuses(DAILY, done, [], d(9), d(0), d(9))

    assert statuses[d(4)] is DayStatus.MISSED
    assert [s for s in statuses.values() if s is not DayStatus.DONE] == [DayStatus.MISSED]
    assert (result.current_streak, result.best_streak, result.streak_unit) == (5, 5, "day")
    assert result.done_count == 9
    assert result.rate_7 == pytest.approx(6 / 7)  # days 3..9, the miss on day 4 among them
    assert result.rate_30 == pytest.approx(9 / 10)


def test_today_is_open_until_it_closes_and_never_breaks_the_streak() -> None:
    done = days(0, 4)

    on_the_day = follow_through(DAILY, done, [], today=d(5))
    next_day = follow_through(DAILY, done, [], today=d(6))

    assert day_statuses(DAILY, done, [], d(5), d(5), d(5)) == {d(5): DayStatus.OPEN}
    assert on_the_day.current_streak == 5
    assert on_the_day.rate_7 == 1.0  # an open day is not counted against anyone
    assert day_statuses(DAILY, done, [], d(6), d(5), d(6)) == {d(5): DayStatus.MISSED, d(6): DayStatus.OPEN}
    assert next_day.current_streak == 0
    assert next_day.best_streak == 5


def test_a_tick_today_counts_at_once() -> None:
    result = follow_through(DAILY, days(0, 5), [], today=d(5))
    assert result.current_streak == 6
    assert result.score == pytest.approx(1 - M**6)


def test_weekdays_only_the_chosen_days_can_be_missed() -> None:
    done = {d(0), d(2), d(4), d(7), d(9), d(11)}  # Mon, Wed, Fri for two weeks

    statuses = day_statuses(MON_WED_FRI, done, [], d(13), d(0), d(13))
    result = follow_through(MON_WED_FRI, done, [], today=d(13))

    assert statuses[d(1)] is DayStatus.NOT_DUE  # Tuesday is never a miss
    assert DayStatus.MISSED not in statuses.values()
    assert result.current_streak == 6
    assert result.score == pytest.approx(1 - M**6)  # one step per due day, at daily speed

    missed_wednesday = follow_through(MON_WED_FRI, done - {d(9)}, [], today=d(13))
    assert (missed_wednesday.current_streak, missed_wednesday.best_streak) == (1, 4)


def test_a_tick_on_a_day_that_is_not_due_shows_but_changes_no_streak() -> None:
    done = {d(0), d(1), d(2)}  # Tuesday too
    result = follow_through(MON_WED_FRI, done, [], today=d(2))
    assert day_statuses(MON_WED_FRI, done, [], d(2), d(1), d(1)) == {d(1): DayStatus.DONE}
    assert result.current_streak == 2
    assert result.score == follow_through(MON_WED_FRI, done - {d(1)}, [], today=d(2)).score
    assert result.done_count == 3


def test_a_pause_over_a_missed_looking_stretch_is_skipped() -> None:
    done = days(0, 4) | days(10, 12)
    paused = days(5, 9)  # away travelling

    result = follow_through(DAILY, done, paused, today=d(12))
    statuses = day_statuses(DAILY, done, paused, d(12), d(0), d(12))

    assert [statuses[day] for day in sorted(paused)] == [DayStatus.PAUSED] * 5
    assert DayStatus.MISSED not in statuses.values()
    assert result.current_streak == 8  # the pause neither breaks nor extends it
    assert result.score == pytest.approx(1 - M**8)
    assert result.rate_7 == 1.0  # only days 10..12 counted


def test_a_tick_on_a_paused_day_still_counts() -> None:
    result = follow_through(DAILY, days(0, 2), {d(1)}, today=d(2))
    assert day_statuses(DAILY, days(0, 2), {d(1)}, d(2), d(1), d(1)) == {d(1): DayStatus.DONE}
    assert result.current_streak == 3


def test_three_times_a_week_with_a_partial_first_week_and_a_paused_week() -> None:
    facts = CommitmentFacts(Cadence.times_a_week(3), date(2026, 3, 5))  # a Thursday
    done = {date(2026, 3, 5), date(2026, 3, 7)}  # 2 of the 4 days Thu..Sun: ceil(3 * 4 / 7) = 2 asked
    done |= {date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 13)}  # a full week: 3 of 3
    paused = {date(2026, 3, 16) + timedelta(days=i) for i in range(7)}  # a whole week away: skipped
    paused |= {date(2026, 3, 23) + timedelta(days=i) for i in range(4)}  # Mon..Thu away: ceil(3 * 3 / 7) = 2
    done |= {date(2026, 3, 27), date(2026, 3, 28)}
    today = date(2026, 3, 31)  # Tuesday of a new week, nothing done yet

    weeks = weekly_results(facts, done, paused, today)
    result = follow_through(facts, done, paused, today)

    assert [(w.monday.day, w.done, w.required, w.met, w.closed) for w in weeks] == [
        (2, 2, 2, True, True),
        (9, 3, 3, True, True),
        (23, 2, 2, True, True),
        (30, 0, 3, False, False),  # still open: doesn't break the streak
    ]
    assert (result.current_streak, result.best_streak, result.streak_unit) == (3, 3, "week")
    assert result.rate_30 == 1.0
    assert result.done_count == 7
    assert DayStatus.MISSED not in day_statuses(facts, done, paused, today, facts.start, today).values()

    short_week = follow_through(facts, done - {date(2026, 3, 13)}, paused, today)
    assert (short_week.current_streak, short_week.best_streak) == (1, 1)
    assert short_week.rate_30 == pytest.approx((1 + 2 / 3 + 1) / 3)


def test_the_running_week_counts_as_soon_as_it_is_met() -> None:
    facts = CommitmentFacts(Cadence.times_a_week(2), START)
    result = follow_through(facts, {d(0), d(1), d(7), d(8)}, [], today=d(9))
    assert result.current_streak == 2
    assert result.rate_7 == 1.0


def test_times_a_week_score_uses_the_trailing_seven_days() -> None:
    facts = CommitmentFacts(Cadence.times_a_week(7), START)  # 7 a week behaves like daily, at daily speed
    assert follow_through(facts, days(0, 9), [], today=d(10)).score == pytest.approx(1 - M**10)
    sparse = CommitmentFacts(Cadence.times_a_week(1), START)
    weekly_ticks = {d(0), d(7), d(14), d(21)}
    # Every trailing week holds its one tick, so all 28 days are full steps, each at the slower 1/7 speed.
    assert follow_through(sparse, weekly_ticks, [], today=d(27)).score == pytest.approx(
        1 - score_multiplier(1 / 7) ** 28
    )
    half = follow_through(sparse, {d(0), d(14)}, [], today=d(20)).score
    assert 0 < half < follow_through(sparse, {d(0), d(7), d(14)}, [], today=d(20)).score


def test_a_tick_today_on_a_times_a_week_commitment_can_only_help() -> None:
    facts = CommitmentFacts(Cadence.times_a_week(7), START)
    slump = days(0, 29)  # a long run, then three days off

    before = follow_through(facts, slump, [], today=d(33))
    after = follow_through(facts, slump | {d(33)}, [], today=d(33))  # today's window is 4 of 7 after the tick

    assert after.score == before.score  # an open day's partial week neither helps nor hurts yet
    assert follow_through(facts, slump | {d(33)}, [], today=d(34)).score < before.score  # once closed, it counts


def test_an_occasion_commitment_has_no_due_days_and_only_counts_ticks() -> None:
    facts = CommitmentFacts(Cadence.occasion(), START)
    done = {d(1), d(4), d(4), d(20)}

    result = follow_through(facts, done, [], today=d(10))
    statuses = day_statuses(facts, done, {d(2)}, d(10), d(0), d(10))

    assert result == follow_through(facts, {d(1), d(4)}, [], today=d(10))
    assert (result.current_streak, result.best_streak, result.streak_unit, result.score) == (0, 0, "", 0.0)
    assert (result.rate_7, result.rate_30, result.rate_90) == (None, None, None)
    assert result.done_count == 2  # the tick dated after today is ignored
    assert Counter(statuses.values()) == {DayStatus.DONE: 2, DayStatus.NOT_DUE: 9}


def test_an_ended_commitment_keeps_its_record_and_later_days_are_ended() -> None:
    facts = CommitmentFacts(Cadence.daily(), START, end=d(5))
    done = days(0, 5) | {d(8)}  # a stray tick after the end is ignored

    result = follow_through(facts, done, [], today=d(20))
    statuses = day_statuses(facts, done, [], d(20), d(-2), d(20))

    assert statuses[d(-1)] is DayStatus.BEFORE_START
    assert statuses[d(5)] is DayStatus.DONE
    assert {statuses[d(i)] for i in range(6, 21)} == {DayStatus.ENDED}
    assert (result.current_streak, result.done_count) == (6, 6)
    assert result.rate_7 == 1.0  # rates look at the days up to the end, not at the empty days since


def test_back_dated_ticks_count_like_on_time_ones_and_stray_ones_are_ignored() -> None:
    forgot_yesterday = follow_through(DAILY, days(0, 3) | {d(5)}, [], today=d(5))
    ticked_later = follow_through(DAILY, days(0, 5), [], today=d(5))
    with_strays = follow_through(DAILY, days(0, 5) | {d(-3), d(6), d(30)}, [], today=d(5))

    assert forgot_yesterday.current_streak == 1
    assert ticked_later.current_streak == 6
    assert with_strays == ticked_later


def test_rates_over_7_30_and_90_days() -> None:
    done = {d(i) for i in range(100) if i % 5 != 4}  # every fifth day missed; today (day 99) still open

    result = follow_through(DAILY, done, [], today=d(99))

    assert result.rate_7 == pytest.approx(5 / 6)  # days 93..98: day 94 missed
    assert result.rate_30 == pytest.approx(24 / 29)  # days 70..98: 5 missed
    assert result.rate_90 == pytest.approx(72 / 89)  # days 10..98: 17 missed


def test_rates_are_none_when_nothing_was_due() -> None:
    before_start = follow_through(DAILY, [], [], today=d(-1))
    only_today = follow_through(DAILY, [], [], today=d(0))
    sunday_start = CommitmentFacts(Cadence.on_weekdays(0), d(6))

    assert (before_start.rate_7, before_start.current_streak, before_start.score) == (None, 0, 0.0)
    assert only_today.rate_7 is None
    assert follow_through(sunday_start, [], [], today=d(6)).rate_90 is None


def test_the_score_follows_loop_habit_trackers_formula() -> None:
    assert score_multiplier(1.0) == pytest.approx(0.5 ** (1 / 13))
    assert follow_through(DAILY, {d(0)}, [], today=d(1)).score == pytest.approx(1 - M)
    assert follow_through(DAILY, {d(0)}, [], today=d(2)).score == pytest.approx((1 - M) * M)
    assert follow_through(DAILY, {d(1)}, [], today=d(1)).score == pytest.approx(1 - M)  # a missed first day is 0


def test_one_slip_after_a_long_run_is_forgiven_by_the_score_but_not_by_the_streak() -> None:
    before = follow_through(DAILY, days(0, 59), [], today=d(60))
    after = follow_through(DAILY, days(0, 59), [], today=d(61))

    assert before.current_streak == 60
    assert after.current_streak == 0
    assert after.best_streak == 60
    assert before.score > 0.95
    assert 0.8 < after.score < before.score
    assert before.score - after.score < 0.06


def test_three_years_of_history_are_consistent() -> None:
    start, n = date(2023, 1, 2), 1100
    facts = CommitmentFacts(Cadence.daily(), start)
    every = [start + timedelta(days=i) for i in range(n)]
    paused = set(every[300:314])
    done = {day for i, day in enumerate(every) if i % 11 != 0 and day not in paused}
    today = every[-1]

    result = follow_through(facts, done, paused, today)
    statuses = day_statuses(facts, done, paused, today, start, today)

    assert list(statuses) == every
    assert Counter(statuses.values()) == {DayStatus.DONE: 987, DayStatus.MISSED: 99, DayStatus.PAUSED: 14}
    assert (result.current_streak, result.best_streak, result.done_count) == (10, 10, 987)
    score = 0.0
    for status in statuses.values():  # recomputed independently, from the calendar
        if status in (DayStatus.DONE, DayStatus.MISSED):
            score = score * M + (status is DayStatus.DONE) * (1 - M)
    assert result.score == pytest.approx(score)
    assert result.rate_90 == pytest.approx(sum(s is DayStatus.DONE for s in list(statuses.values())[-90:]) / 90)

    weekly = follow_through(CommitmentFacts(Cadence.times_a_week(3), start), done, paused, today)
    assert weekly.best_streak <= n // 7 + 1
    assert 0.9 < weekly.score <= 1.0


def test_future_days_show_what_is_coming() -> None:
    statuses = day_statuses(MON_WED_FRI, [], {d(4)}, d(0), d(0), d(6))
    assert [statuses[d(i)] for i in range(7)] == [
        DayStatus.OPEN,
        DayStatus.NOT_DUE,
        DayStatus.OPEN,
        DayStatus.NOT_DUE,
        DayStatus.PAUSED,  # an agreed pause planned ahead
        DayStatus.NOT_DUE,
        DayStatus.NOT_DUE,
    ]


def test_invalid_cadences_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        follow_through(CommitmentFacts(Cadence(CadenceKind.WEEKDAYS), START), [], [], today=d(3))


def test_heat_map_is_seven_weekday_rows_by_week_columns_ending_today() -> None:
    today = d(16)  # Wednesday of the third week
    statuses = day_statuses(DAILY, days(0, 10) | {d(16)}, [], today, d(-7), today)

    grid = heat_map(statuses, weeks=4, today=today)

    assert len(grid) == 7
    assert all(len(row) == 4 for row in grid)
    assert grid[0][0] == HeatCell(d(-7), DayStatus.BEFORE_START, 0)  # top-left: the oldest Monday
    assert grid[0][1] == HeatCell(d(0), DayStatus.DONE, 4)
    assert grid[4][2] == HeatCell(d(11), DayStatus.MISSED, 0)
    assert grid[2][3] == HeatCell(today, DayStatus.DONE, 4)
    assert grid[3][3] == HeatCell(None, None, 0)  # tomorrow is not drawn
    assert grid[6][2].day == d(13)


def test_combined_heat_map_shades_by_the_share_of_due_commitments_done() -> None:
    today = d(2)
    a = day_statuses(DAILY, {d(0), d(1)}, [], today, d(0), today)
    b = day_statuses(MON_WED_FRI, {d(0)}, [], today, d(0), today)

    grid = combined_heat_map([a, b], weeks=1, today=today)

    assert grid[0][0] == HeatCell(d(0), DayStatus.DONE, 4)  # both due, both done
    assert grid[1][0] == HeatCell(d(1), DayStatus.DONE, 4)  # one due, done; the other not due
    assert grid[2][0] == HeatCell(d(2), DayStatus.OPEN, 0)
    assert combined_heat_map([day_statuses(DAILY, {d(2)}, [], today, d(0), today), b], 1, today)[2][0] == HeatCell(
        d(2), DayStatus.OPEN, 2
    )
    assert combined_heat_map([], 1, today)[0][0] == HeatCell(d(0), None, 0)
    with pytest.raises(ValueError, match="at least one week"):
        heat_map(a, weeks=0, today=today)
