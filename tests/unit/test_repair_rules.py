"""The repair menu's rules: the giver's wording of an item, and which small wins apply."""

from datetime import date, timedelta

import pytest

from couple_dash.domain.cadence import Cadence
from couple_dash.domain.followthrough import CommitmentFacts
from couple_dash.domain.repair import Win, WinFacts, as_promise, item_problem, quiet_note, small_wins

START = date(2026, 11, 2)  # a Monday


@pytest.mark.parametrize(
    ("item", "promise"),
    [
        ("Tell me before plans change", "Tell you before plans change"),
        ("sit with me without fixing", "Sit with you without fixing"),
        ("Tell me when you're running late", "Tell you when I'm running late"),
        ("Hold my hand when I cry", "Hold your hand when you cry"),
        ("Check with me before you make plans", "Check with you before I make plans"),
        ("Ask me how I am", "Ask you how you are"),
        ("If you are late, text me", "If I am late, text you"),
        ("Let me vent without you fixing it", "Let you vent without me fixing it"),
        ("Say thank you when I cook", "Say thank you when you cook"),
        ("Show me your phone when I ask", "Show you my phone when you ask"),
    ],
)
def test_an_item_reads_as_the_givers_promise(item: str, promise: str) -> None:
    assert as_promise(item) == promise


def test_item_text_rules() -> None:
    assert item_problem("  ") is not None
    assert item_problem("x" * 201) is not None
    assert item_problem("Tell me before plans change") is None


def facts(
    cadence: Cadence,
    done: list[date],
    today: date,
    *,
    acknowledged: int = 0,
    paused: list[date] | None = None,
    end: date | None = None,
) -> WinFacts:
    return WinFacts(CommitmentFacts(cadence, START, end), set(done), set(paused or []), today, acknowledged)


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def days_(n: int) -> timedelta:
    return timedelta(days=n)


def test_nothing_kept_yet_means_no_win_and_no_note() -> None:
    wins = small_wins(facts(Cadence.daily(), [], START + timedelta(days=3)))
    assert wins == []
    assert quiet_note(wins) == ""


def test_the_first_tick_is_a_first_win() -> None:
    assert small_wins(facts(Cadence.daily(), [START], START)) == [Win.FIRST_KEPT]


def test_first_week_kept_once_seven_days_have_closed_without_a_miss() -> None:
    week = days(START, 7)
    # Day seven is today: still open, so the first week hasn't closed yet.
    assert Win.FIRST_WEEK not in small_wins(facts(Cadence.daily(), week, START + timedelta(days=6)))
    wins = small_wins(facts(Cadence.daily(), week, START + timedelta(days=7)))
    assert wins == [Win.FIRST_KEPT, Win.FIRST_WEEK]
    assert quiet_note(wins) == "First week kept"


def test_a_missed_day_in_the_first_week_means_no_first_week_win() -> None:
    week = days(START, 7)
    week.remove(START + timedelta(days=3))
    assert Win.FIRST_WEEK not in small_wins(facts(Cadence.daily(), week, START + timedelta(days=10)))


def test_agreed_pause_days_and_days_not_due_do_not_spoil_the_first_week() -> None:
    weekdays = Cadence.on_weekdays(0, 2, 4)  # Mon, Wed, Fri
    done = [START, START + timedelta(days=4)]
    paused = [START + timedelta(days=2)]
    assert Win.FIRST_WEEK in small_wins(facts(weekdays, done, START + timedelta(days=8), paused=paused))


def test_first_week_for_times_a_week_is_the_first_week_met() -> None:
    three = Cadence.times_a_week(3)
    met = [START, START + timedelta(days=2), START + timedelta(days=4)]
    assert Win.FIRST_WEEK in small_wins(facts(three, met, START + timedelta(days=9)))
    assert Win.FIRST_WEEK not in small_wins(facts(three, met[:2], START + timedelta(days=9)))


def test_occasions_have_no_weeks_but_count_their_times() -> None:
    occasion = Cadence.occasion()
    ten = days(START, 10)
    assert small_wins(facts(occasion, ten[:1], START + timedelta(days=20))) == [Win.FIRST_KEPT]
    assert small_wins(facts(occasion, ten, START + timedelta(days=20))) == [Win.FIRST_KEPT, Win.TEN_KEPT]


def test_ten_acknowledged_ticks_is_its_own_quiet_win() -> None:
    wins = small_wins(facts(Cadence.occasion(), days(START, 10), START + timedelta(days=20), acknowledged=10))
    assert Win.TEN_SEEN in wins
    assert quiet_note(wins) == "Ten acknowledged ticks"
    assert Win.TEN_SEEN not in small_wins(facts(Cadence.occasion(), days(START, 10), START + days_(20), acknowledged=9))


def test_a_month_of_follow_through_is_the_most_notable_win() -> None:
    month = days(START, 30)
    wins = small_wins(facts(Cadence.daily(), month, START + days_(30), acknowledged=12))
    assert wins == [Win.FIRST_KEPT, Win.FIRST_WEEK, Win.TEN_KEPT, Win.TEN_SEEN, Win.MONTH]
    assert quiet_note(wins) == "A month of follow-through"
    four_weeks = [START + days_(7 * w + d) for w in range(4) for d in (0, 1)]
    assert Win.MONTH in small_wins(facts(Cadence.times_a_week(2), four_weeks, START + days_(28)))


def test_a_slip_after_the_first_week_keeps_the_wins_already_reached() -> None:
    done = days(START, 7) + days(START + days_(8), 3)  # day 8 missed
    wins = small_wins(facts(Cadence.daily(), done, START + days_(12)))
    assert wins == [Win.FIRST_KEPT, Win.FIRST_WEEK, Win.TEN_KEPT]


def test_ticks_after_today_or_after_the_end_do_not_count() -> None:
    assert small_wins(facts(Cadence.daily(), [START + days_(5)], START + days_(2))) == []
    ended = facts(Cadence.daily(), [START, START + days_(3)], START + days_(10), end=START + days_(2))
    assert small_wins(ended) == [Win.FIRST_KEPT]
