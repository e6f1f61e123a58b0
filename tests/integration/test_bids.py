"""Bids for connection over a real database: who answers, the missed moment after a day, the weekly figure,
and the scheduler noticing a bid turn into a missed moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import ConnectionBid, User
from couple_dash.scheduler import run_once, take_lease
from couple_dash.services import NotAllowed, ServiceError, bids
from tests.integration.helpers import pair

# Thursday 26 November 2026.
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _couple_id(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


def test_a_bid_goes_to_the_partner_who_turns_toward_it(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "bid")
    bid = bids.send(session=session, user_id=alex, text=" Thinking  of you ", now=NOW)
    assert bid.id is not None
    assert (bid.recipient_id, bid.text) == (sam, "Thinking of you")
    (view,) = bids.views(session=session, couple_id=_couple_id(session, alex), now=NOW)
    assert (view.status, view.sender_name) == ("open", "Alex")
    bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="love", now=NOW + timedelta(minutes=3))
    (view,) = bids.views(session=session, couple_id=_couple_id(session, alex), now=NOW)
    assert (view.status, view.reply_kind, view.reply_text) == ("answered", "warm", "♥ Right back at you")


def test_not_now_but_later_and_own_words_both_count_as_answered(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "later")
    first = bids.send(session=session, user_id=alex, text="Can we talk tonight?", now=NOW)
    second = bids.send(session=session, user_id=sam, text="Hug?", now=NOW)
    assert first.id is not None
    assert second.id is not None
    bids.reply(session=session, user_id=sam, bid_id=first.id, choice="later", now=NOW)
    bids.reply(session=session, user_id=alex, bid_id=second.id, text="  Always. Coming over ", now=NOW)
    stored = {b.id: b for b in session.exec(select(ConnectionBid))}
    assert (stored[first.id].reply_kind, stored[first.id].reply_text) == ("later", "Not now, but later, I promise")
    assert (stored[second.id].reply_kind, stored[second.id].reply_text) == ("warm", "Always. Coming over")
    week = bids.week(session=session, couple_id=_couple_id(session, alex), now=NOW)
    assert [(w.name, w.sent, w.received, w.turned_toward) for w in week] == [("Alex", 1, 1, 1), ("Sam", 1, 1, 1)]
    assert bids.together(week) == "Together you turned toward 2 of 2 bids this week."


def test_only_the_recipient_answers_once_and_only_while_open(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "once")
    bid = bids.send(session=session, user_id=alex, text="Hug?", now=NOW)
    assert bid.id is not None
    with pytest.raises(NotAllowed, match="Only the person a bid was sent to"):
        bids.reply(session=session, user_id=alex, bid_id=bid.id, choice="love", now=NOW)
    with pytest.raises(ServiceError, match="Pick one of the replies"):
        bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="meh", now=NOW)
    with pytest.raises(ServiceError, match="few words"):
        bids.reply(session=session, user_id=sam, bid_id=bid.id, text="  ", now=NOW)
    bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="hug", now=NOW)
    with pytest.raises(ServiceError, match="already answered"):
        bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="love", now=NOW)
    assert session.get_one(ConnectionBid, bid.id).reply_text == "Come here, hug incoming"


def test_after_a_day_an_unanswered_bid_is_a_quiet_missed_moment(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "missed")
    bid = bids.send(session=session, user_id=alex, text="Thinking of you", now=NOW)
    assert bid.id is not None
    a_day_later = NOW + timedelta(hours=24)
    (view,) = bids.views(session=session, couple_id=_couple_id(session, alex), now=a_day_later)
    assert view.status == "missed"
    with pytest.raises(ServiceError, match="This moment has passed"):
        bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="love", now=a_day_later)
    assert session.get_one(ConnectionBid, bid.id).replied_at is None
    (sam_week,) = [
        w for w in bids.week(session=session, couple_id=_couple_id(session, sam), now=a_day_later) if w.user_id == sam
    ]
    assert sam_week.turned_toward_self == "You turned toward 0 of 1 bid this week."


def test_another_couple_can_neither_see_nor_answer(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "bid-ours")
    mallory, _ = pair(session, settings, "bid-theirs")
    bid = bids.send(session=session, user_id=alex, text="Thinking of you", now=NOW)
    assert bid.id is not None
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        bids.reply(session=session, user_id=mallory, bid_id=bid.id, choice="love", now=NOW)
    assert bids.views(session=session, couple_id=_couple_id(session, mallory), now=NOW) == []
    assert session.get_one(ConnectionBid, bid.id).replied_at is None


def test_a_bid_needs_words_and_a_partner(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "bid-words")
    for text in ("", "x" * 141):
        with pytest.raises(ServiceError):
            bids.send(session=session, user_id=alex, text=text)
    assert session.exec(select(ConnectionBid)).all() == []


def test_the_week_figure_uses_each_persons_own_week(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "bid-zones")
    sam_user = session.get_one(User, sam)
    sam_user.time_zone = "Pacific/Auckland"
    session.add(sam_user)
    session.flush()
    # Sunday 29 Nov 20:00 UTC: still Sunday in London, already Monday 30 Nov in Auckland.
    sent = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    bid = bids.send(session=session, user_id=alex, text="Thinking of you", now=sent)
    assert bid.id is not None
    bids.reply(session=session, user_id=sam, bid_id=bid.id, choice="love", now=sent + timedelta(minutes=1))
    later = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # Monday in both zones
    alex_week, sam_week = bids.week(session=session, couple_id=_couple_id(session, alex), now=later)
    assert alex_week.sent == 0  # sent last week, in Alex's calendar
    assert (sam_week.received, sam_week.turned_toward) == (1, 1)  # received this week, in Sam's


def test_the_scheduler_refreshes_a_couples_bids_when_one_becomes_a_missed_moment(
    engine: Engine, settings: Settings
) -> None:
    with Session(engine) as session:
        alex, _ = pair(session, settings, "bid-sweep")
        bid = bids.send(session=session, user_id=alex, text="Thinking of you", now=NOW)
        couple_id = _couple_id(session, alex)
        session.commit()
        assert bid.id is not None
    holder = "test-holder"
    first = NOW + timedelta(hours=23, minutes=59)
    with Session(engine) as session:
        take_lease(session, holder, first)
        session.commit()
    assert "bids" not in run_once(holder, now=first, engine=engine).refresh.get(couple_id, set())
    result = run_once(holder, now=NOW + timedelta(hours=24, seconds=30), engine=engine)
    assert "bids" in result.refresh[couple_id]
    # The next sweep has nothing new to show.
    later = run_once(holder, now=NOW + timedelta(hours=24, seconds=60), engine=engine)
    assert "bids" not in later.refresh.get(couple_id, set())
