"""Bids for connection: one partner reaches out, the other turns toward it; the couple's week of it in words.

Only the recipient answers a bid, once, while it is open (a day). After that it is a "missed moment": derived
from the time, never stored, so nothing has to run for it to happen (the scheduler only refreshes open screens).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select, update

from couple_dash.domain import bids as rules
from couple_dash.domain.bids import BidRecord, BidStatus, ReplyKind
from couple_dash.domain.lines import clean_line
from couple_dash.models import ConnectionBid, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of, require_partner

NOT_YOURS = "That bid isn't part of your couple."
SHOWN_FOR = timedelta(days=7)
MAX_SHOWN = 20
WEEK_LOOKBACK = timedelta(days=8)  # covers the current week in any time zone


@dataclass(frozen=True)
class BidView:
    id: int
    sender_id: int
    sender_name: str
    recipient_id: int
    text: str
    at_ms: int
    status: str  # open | answered | missed
    reply_kind: str  # "" | warm | later
    reply_text: str
    replied_ms: int


@dataclass(frozen=True)
class WeekView:
    """One partner's week of bids, in both the words they read about themselves and those their partner reads."""

    user_id: int
    name: str
    sent: int
    received: int
    turned_toward: int
    waiting: int
    turned_toward_self: str  # "You turned toward 4 of 5 bids this week."
    turned_toward_other: str  # "Sam turned toward 4 of your 5 bids this week."
    reached_out_self: str
    reached_out_other: str


def send(*, session: Session, user_id: int, text: str, now: datetime | None = None) -> ConnectionBid:
    _, couple_id = couple_of(session, user_id)
    partner = require_partner(
        session, couple_id, user_id, "Pair with your partner first: a bid needs someone to reach."
    )
    if problem := rules.bid_problem(text):
        raise ServiceError(problem)
    assert partner.id is not None
    bid = ConnectionBid(
        couple_id=couple_id,
        sender_id=user_id,
        recipient_id=partner.id,
        text=clean_line(text),
        sent_at=now or utcnow(),
    )
    session.add(bid)
    session.flush()
    return bid


def reply(
    *,
    session: Session,
    user_id: int,
    bid_id: int,
    choice: str = "",
    text: str = "",
    now: datetime | None = None,
) -> ConnectionBid:
    """Answer a bid: one of the warm replies (``choice``), "not now, but later", or one's own words (``text``)."""
    _, couple_id = couple_of(session, user_id)
    bid = session.get(ConnectionBid, bid_id)
    if bid is None or bid.couple_id != couple_id:
        raise NotAllowed(NOT_YOURS)
    if bid.recipient_id != user_id:
        raise NotAllowed("Only the person a bid was sent to can answer it.")
    if choice:
        if choice not in rules.REPLY_BY_KEY:
            raise ServiceError("Pick one of the replies, or write your own.")
        kind, words = rules.REPLY_BY_KEY[choice]
    else:
        if problem := rules.reply_problem(text):
            raise ServiceError(problem)
        kind, words = ReplyKind.WARM, clean_line(text)
    now = now or utcnow()
    if bid.replied_at is not None:
        raise ServiceError("You've already answered this one.")
    if rules.status(bid.sent_at, None, now) is BidStatus.MISSED:
        raise ServiceError("This moment has passed. You could send a bid of your own instead.")
    # Conditional: a reply from two screens at once is written once.
    written = session.exec(
        update(ConnectionBid)
        .where(col(ConnectionBid.id) == bid_id, col(ConnectionBid.replied_at).is_(None))
        .values(reply_kind=kind.value, reply_text=words, replied_at=now)
    )
    if not written.rowcount:
        raise ServiceError("You've already answered this one.")
    session.refresh(bid)
    return bid


def views(*, session: Session, couple_id: int, now: datetime | None = None) -> list[BidView]:
    """The last week's bids between the two, newest first (open ones are always among them)."""
    now = now or utcnow()
    rows = session.execute(
        sa.select(ConnectionBid, col(User.display_name))
        .join(User, col(User.id) == col(ConnectionBid.sender_id))
        .where(col(ConnectionBid.couple_id) == couple_id, col(ConnectionBid.sent_at) >= now - SHOWN_FOR)
        .order_by(col(ConnectionBid.sent_at).desc(), col(ConnectionBid.id).desc())
        .limit(MAX_SHOWN)
    ).all()
    return [
        BidView(
            id=bid.id or 0,
            sender_id=bid.sender_id,
            sender_name=name,
            recipient_id=bid.recipient_id,
            text=bid.text,
            at_ms=_ms(bid.sent_at),
            status=rules.status(bid.sent_at, bid.replied_at, now).value,
            reply_kind=bid.reply_kind,
            reply_text=bid.reply_text,
            replied_ms=_ms(bid.replied_at) if bid.replied_at else 0,
        )
        for bid, name in rows
    ]


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def week(*, session: Session, couple_id: int, now: datetime | None = None) -> list[WeekView]:
    """Each partner's week so far (in their own time zone), with the sentences both of them read."""
    now = now or utcnow()
    people = session.exec(select(User).where(col(User.couple_id) == couple_id).order_by(col(User.id))).all()
    records = [
        BidRecord(sender, recipient, sent_at, replied_at)
        for sender, recipient, sent_at, replied_at in session.execute(
            sa.select(
                col(ConnectionBid.sender_id),
                col(ConnectionBid.recipient_id),
                col(ConnectionBid.sent_at),
                col(ConnectionBid.replied_at),
            ).where(col(ConnectionBid.couple_id) == couple_id, col(ConnectionBid.sent_at) >= now - WEEK_LOOKBACK)
        ).all()
    ]
    figures = rules.weekly_responsiveness(records, {p.id or 0: p.time_zone for p in people}, now)
    names = {p.id: p.display_name for p in people}
    return [
        WeekView(
            user_id=f.user_id,
            name=names[f.user_id],
            sent=f.sent,
            received=f.received,
            turned_toward=f.turned_toward,
            waiting=f.waiting,
            turned_toward_self=rules.turned_toward_line(f, names[f.user_id], self_view=True),
            turned_toward_other=rules.turned_toward_line(f, names[f.user_id], self_view=False),
            reached_out_self=rules.reached_out_line(f, names[f.user_id], self_view=True),
            reached_out_other=rules.reached_out_line(f, names[f.user_id], self_view=False),
        )
        for f in figures
    ]


def together(figures: list[WeekView]) -> str:
    return rules.together_line(
        rules.WeekFigure(f.user_id, f.sent, f.received, f.turned_toward, f.waiting, 0) for f in figures
    )


def expiring_between(session: Session, since: datetime, now: datetime) -> set[int]:
    """Couples with a bid that became a missed moment in (since, now]: their open screens should show it."""
    rows = session.exec(
        select(col(ConnectionBid.couple_id))
        .where(
            col(ConnectionBid.replied_at).is_(None),
            col(ConnectionBid.sent_at) > since - rules.EXPIRES_AFTER,
            col(ConnectionBid.sent_at) <= now - rules.EXPIRES_AFTER,
        )
        .distinct()
    ).all()
    return set(rows)
