"""Bids for connection: a small reach-out, a turn-toward reply, and the couple's week of responsiveness.

Gottman's finding: couples who stay together turn toward each other's bids far more often than those who part.
The app counts bids answered out of bids received, per person and together, in plain words and never as a
contest. A bid left unanswered for a day quietly becomes a "missed moment": no red, no shame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from couple_dash.domain.cadence import week_start
from couple_dash.domain.lines import line_problem

MAX_BID = 140
MAX_REPLY = 200
EXPIRES_AFTER = timedelta(hours=24)

BID_PRESETS: tuple[str, ...] = ("Thinking of you", "Can we talk tonight?", "Hug?", "Miss you")


class ReplyKind(StrEnum):
    WARM = "warm"  # turning toward: a warm reply or the person's own words
    LATER = "later"  # "not now, but later": gentle, not a rejection, and it counts as answered


# One-tap replies: (key, kind, words sent).
REPLIES: tuple[tuple[str, ReplyKind, str], ...] = (
    ("love", ReplyKind.WARM, "♥ Right back at you"),
    ("yes", ReplyKind.WARM, "Yes, I'd love that"),
    ("hug", ReplyKind.WARM, "Come here, hug incoming"),
    ("more", ReplyKind.WARM, "Tell me more"),
    ("later", ReplyKind.LATER, "Not now, but later, I promise"),
)
REPLY_BY_KEY = {key: (kind, text) for key, kind, text in REPLIES}


class BidStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    MISSED = "missed"  # a missed moment: unanswered after EXPIRES_AFTER; computed, never stored


def bid_problem(text: str) -> str | None:
    return line_problem(
        text,
        MAX_BID,
        "Pick one of the bids above or write a few words.",
        f"Keep it under {MAX_BID} characters: a bid is a small reach-out.",
    )


def reply_problem(text: str) -> str | None:
    return line_problem(text, MAX_REPLY, "Write a few words, or tap one of the replies.")


def status(sent_at: datetime, replied_at: datetime | None, now: datetime) -> BidStatus:
    if replied_at is not None:
        return BidStatus.ANSWERED
    return BidStatus.MISSED if now >= sent_at + EXPIRES_AFTER else BidStatus.OPEN


def expires_at(sent_at: datetime) -> datetime:
    return sent_at + EXPIRES_AFTER


@dataclass(frozen=True)
class BidRecord:
    sender_id: int
    recipient_id: int
    sent_at: datetime
    replied_at: datetime | None


@dataclass(frozen=True)
class WeekFigure:
    """One person's week, counted in their own time zone (Monday to Sunday)."""

    user_id: int
    sent: int  # bids this person sent in their week
    received: int  # bids sent to this person in their week
    turned_toward: int  # of those, answered (a "not now, but later" counts)
    waiting: int  # of those, still open
    missed: int  # of those, missed moments


def _in_week(at: datetime, zone: str, now: datetime) -> bool:
    tz = ZoneInfo(zone)
    return week_start(at.astimezone(tz).date()) == week_start(now.astimezone(tz).date())


def weekly_responsiveness(bids: Iterable[BidRecord], zones: Mapping[int, str], now: datetime) -> list[WeekFigure]:
    """Each person's week so far: bids sent, and bids received and how many they turned toward.

    A bid counts in the week of the day it was *sent*, as the calendar of the person counted sees it: the
    receiver's week for what they received and answered, the sender's week for what they sent. So the week of
    someone in Auckland turns over at their Monday midnight, not at the server's or the partner's.
    """
    records = list(bids)
    figures = []
    for user_id, zone in sorted(zones.items()):
        sent = sum(1 for b in records if b.sender_id == user_id and _in_week(b.sent_at, zone, now))
        received = [b for b in records if b.recipient_id == user_id and _in_week(b.sent_at, zone, now)]
        states = [status(b.sent_at, b.replied_at, now) for b in received]
        figures.append(
            WeekFigure(
                user_id=user_id,
                sent=sent,
                received=len(received),
                turned_toward=states.count(BidStatus.ANSWERED),
                waiting=states.count(BidStatus.OPEN),
                missed=states.count(BidStatus.MISSED),
            )
        )
    return figures


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _still_open(waiting: int) -> str:
    return f" ({waiting} still open)" if waiting else ""


def turned_toward_line(figure: WeekFigure, name: str, *, self_view: bool) -> str:
    """'You turned toward 4 of 5 bids this week.' Plain counts, no judgement, and no sentence for an empty week."""
    if figure.received == 0:
        return "No bids to you yet this week." if self_view else f"No bids to {name} yet this week."
    bids = "bid" if figure.received == 1 else "bids"
    counted = (
        f"You turned toward {figure.turned_toward} of {figure.received} {bids}"
        if self_view
        else f"{name} turned toward {figure.turned_toward} of your {figure.received} {bids}"
    )
    return f"{counted} this week{_still_open(figure.waiting)}."


def reached_out_line(figure: WeekFigure, name: str, *, self_view: bool) -> str:
    if figure.sent == 0:
        return f"No bids from {'you' if self_view else name} yet this week."
    return f"{'You' if self_view else name} reached out {_times(figure.sent)} this week."


def together_line(figures: Iterable[WeekFigure]) -> str:
    """The couple's week in one sentence: answered of all bids between you."""
    figures = list(figures)
    received = sum(f.received for f in figures)
    if received == 0:
        return "No bids between you yet this week. A small one counts: “thinking of you”."
    answered = sum(f.turned_toward for f in figures)
    waiting = sum(f.waiting for f in figures)
    bids = "bid" if received == 1 else "bids"
    return f"Together you turned toward {answered} of {received} {bids} this week{_still_open(waiting)}."
