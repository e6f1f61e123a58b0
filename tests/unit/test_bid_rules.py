"""Bids for connection: open, answered or a missed moment; the weekly figure in each person's own week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from couple_dash.domain.bids import (
    REPLIES,
    BidRecord,
    BidStatus,
    ReplyKind,
    WeekFigure,
    bid_problem,
    reached_out_line,
    reply_problem,
    status,
    together_line,
    turned_toward_line,
    weekly_responsiveness,
)

ALEX, SAM = 1, 2
# Wednesday 25 November 2026, noon UTC.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def bid(sender: int, sent_at: datetime, replied_after: timedelta | None = None) -> BidRecord:
    recipient = SAM if sender == ALEX else ALEX
    return BidRecord(sender, recipient, sent_at, sent_at + replied_after if replied_after is not None else None)


def test_a_bid_is_open_for_a_day_then_a_missed_moment_unless_answered() -> None:
    sent = NOW - timedelta(hours=3)
    assert status(sent, None, NOW) is BidStatus.OPEN
    assert status(sent, None, sent + timedelta(hours=23, minutes=59)) is BidStatus.OPEN
    assert status(sent, None, sent + timedelta(hours=24)) is BidStatus.MISSED
    assert status(sent, sent + timedelta(minutes=5), sent + timedelta(days=3)) is BidStatus.ANSWERED


def test_not_now_but_later_is_one_of_the_replies_and_is_gentle() -> None:
    kinds = {key: kind for key, kind, _ in REPLIES}
    assert kinds["later"] is ReplyKind.LATER
    assert sum(kind is ReplyKind.WARM for kind in kinds.values()) >= 3


def test_figures_count_sent_received_answered_open_and_missed_this_week() -> None:
    records = [
        bid(ALEX, NOW - timedelta(hours=30), timedelta(minutes=10)),  # Tuesday, answered by Sam
        bid(ALEX, NOW - timedelta(hours=28)),  # Tuesday, never answered: missed
        bid(ALEX, NOW - timedelta(hours=2)),  # today, still open
        bid(SAM, NOW - timedelta(hours=5), timedelta(hours=1)),  # answered by Alex
        bid(SAM, NOW - timedelta(hours=26), timedelta(hours=20)),  # a "later" counts as answered too
        bid(SAM, NOW - timedelta(days=9), timedelta(minutes=1)),  # last week: not counted
    ]
    figures = weekly_responsiveness(records, {ALEX: "UTC", SAM: "UTC"}, NOW)
    assert figures == [
        WeekFigure(ALEX, sent=3, received=2, turned_toward=2, waiting=0, missed=0),
        WeekFigure(SAM, sent=2, received=3, turned_toward=1, waiting=1, missed=1),
    ]


def test_the_week_turns_over_at_each_persons_own_monday_midnight() -> None:
    # Sunday 22 Nov 23:30 in New York is Monday 23 Nov 04:30 UTC (and 17:30 on Monday in Auckland).
    sent = datetime(2026, 11, 23, 4, 30, tzinfo=UTC)
    records = [bid(ALEX, sent, timedelta(minutes=2)), bid(SAM, sent, timedelta(minutes=2))]
    figures = weekly_responsiveness(records, {ALEX: "America/New_York", SAM: "Pacific/Auckland"}, NOW)
    alex, sam = figures
    # For Alex in New York the bids were sent on Sunday, last week; for Sam in Auckland on Monday, this week.
    assert (alex.sent, alex.received, alex.turned_toward) == (0, 0, 0)
    assert (sam.sent, sam.received, sam.turned_toward) == (1, 1, 1)


def test_a_week_boundary_in_a_zone_ahead_of_utc() -> None:
    # Monday 30 Nov 00:30 in Auckland is still Sunday 29 Nov 11:30 UTC: a new week there, not in London.
    now = datetime(2026, 11, 29, 11, 30, tzinfo=UTC)
    sent_saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    records = [bid(ALEX, sent_saturday, timedelta(minutes=1))]
    london, auckland = weekly_responsiveness(records, {ALEX: "Europe/London", SAM: "Pacific/Auckland"}, now)
    assert london.sent == 1
    assert auckland.received == 0


def test_the_sentences_are_plain_counts_without_blame() -> None:
    sam = WeekFigure(SAM, sent=2, received=5, turned_toward=4, waiting=0, missed=1)
    assert turned_toward_line(sam, "Sam", self_view=True) == "You turned toward 4 of 5 bids this week."
    assert turned_toward_line(sam, "Sam", self_view=False) == "Sam turned toward 4 of your 5 bids this week."
    assert reached_out_line(sam, "Sam", self_view=True) == "You reached out twice this week."
    alex = WeekFigure(ALEX, sent=5, received=2, turned_toward=1, waiting=1, missed=0)
    assert turned_toward_line(alex, "Alex", self_view=True) == "You turned toward 1 of 2 bids this week (1 still open)."
    assert together_line([sam, alex]) == "Together you turned toward 5 of 7 bids this week (1 still open)."
    every = [
        turned_toward_line(sam, "Sam", self_view=False),
        reached_out_line(alex, "Alex", self_view=False),
        together_line([sam, alex]),
    ]
    for sentence in every:
        assert not any(word in sentence.lower() for word in ("ignored", "failed", "only", "should", "fault"))


def test_an_empty_week_reads_as_an_invitation_not_a_zero() -> None:
    empty = WeekFigure(ALEX, 0, 0, 0, 0, 0)
    assert turned_toward_line(empty, "Alex", self_view=True) == "No bids to you yet this week."
    assert reached_out_line(empty, "Alex", self_view=False) == "No bids from Alex yet this week."
    assert together_line([empty]).startswith("No bids between you yet this week.")
    assert "0 of 0" not in together_line([empty])


@pytest.mark.parametrize(("text", "problem"), [("", "Pick one"), ("   ", "Pick one"), ("x" * 141, "under 140")])
def test_a_bid_needs_a_few_words_and_stays_small(text: str, problem: str) -> None:
    assert problem in (bid_problem(text) or "")


def test_bids_and_replies_within_their_limits_are_fine() -> None:
    assert bid_problem("Thinking of you") is None
    assert bid_problem("x" * 140) is None
    assert reply_problem("Yes!") is None
    assert "under 200" in (reply_problem("y" * 201) or "")
    assert reply_problem(" ") is not None
