"""Transparency agreements over a real database: consent by the sharer, withdrawal by either, review dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from couple_dash.config import Settings
from couple_dash.models import Notification, TransparencyAgreement, User
from couple_dash.scheduler import run_once, take_lease
from couple_dash.services import NotAllowed, ServiceError, agreements
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def _couple_id(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


def test_the_sharer_offers_an_agreement_both_see_with_a_four_week_review(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "offer")
    made = agreements.offer(session=session, user_id=alex, text="I'll tell you when plans change", now=NOW)
    assert (made.status, made.sharer_id, made.review_on) == ("active", alex, date(2026, 12, 24))
    for viewer in (alex, sam):
        (view,) = agreements.views(session=session, couple_id=_couple_id(session, viewer), now=NOW)
        assert (view.sharer_name, view.text, view.review_label) == (
            "Alex",
            "I'll tell you when plans change",
            "Review on 24 Dec 2026",
        )
        assert not view.review_due


def test_the_review_date_is_in_the_sharers_calendar_and_choosable(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "zone")
    user = session.get_one(User, alex)
    user.time_zone = "Pacific/Auckland"
    session.add(user)
    evening = NOW + timedelta(hours=12)  # Thursday 26 Nov 21:00 UTC is already Friday 27 Nov in Auckland
    made = agreements.offer(session=session, user_id=alex, text="Text when I land", review_weeks="2", now=evening)
    assert made.review_on == date(2026, 12, 11)
    with pytest.raises(ServiceError, match="1, 2, 4, 8 or 12 weeks"):
        agreements.offer(session=session, user_id=alex, text="Another", review_weeks="3", now=NOW)


def test_past_the_review_date_it_is_due_and_only_the_sharer_renews(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "review")
    made = agreements.offer(session=session, user_id=alex, text="Tell you when plans change", review_weeks=1, now=NOW)
    assert made.id is not None
    later = NOW + timedelta(weeks=1)
    (view,) = agreements.views(session=session, couple_id=_couple_id(session, alex), now=later)
    assert view.review_due
    with pytest.raises(NotAllowed, match="Only the person who shares"):
        agreements.renew(session=session, user_id=sam, agreement_id=made.id, review_weeks=4, now=later)
    agreements.renew(session=session, user_id=alex, agreement_id=made.id, review_weeks=4, now=later)
    (view,) = agreements.views(session=session, couple_id=_couple_id(session, alex), now=later)
    assert not view.review_due
    assert view.review_label == "Review on 31 Dec 2026"


def test_a_partner_may_only_ask_and_only_the_sharer_agrees(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "ask")
    asked = agreements.ask(session=session, user_id=sam, text="Would you tell me when plans change?", now=NOW)
    assert asked.id is not None
    assert (asked.status, asked.sharer_id, asked.asked_by, asked.review_on) == ("asked", alex, sam, None)
    # The asker can't agree on the sharer's behalf.
    with pytest.raises(NotAllowed, match="Only the person who would share"):
        agreements.accept(session=session, user_id=sam, agreement_id=asked.id, now=NOW)
    with pytest.raises(NotAllowed, match="Only the person who was asked"):
        agreements.decline(session=session, user_id=sam, agreement_id=asked.id, now=NOW)
    # The sharer agrees in their own words, with their own review date.
    agreements.accept(
        session=session, user_id=alex, agreement_id=asked.id, text="I'll tell you when plans change", review_weeks=2
    )
    stored = session.get_one(TransparencyAgreement, asked.id)
    assert (stored.status, stored.text, stored.review_weeks) == ("active", "I'll tell you when plans change", 2)
    with pytest.raises(ServiceError, match="changed a moment ago"):
        agreements.accept(session=session, user_id=alex, agreement_id=asked.id)


def test_the_sharer_may_say_not_for_now_with_a_neutral_note(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "decline")
    asked = agreements.ask(session=session, user_id=sam, text="Share your screen time", now=NOW)
    assert asked.id is not None
    agreements.decline(session=session, user_id=alex, agreement_id=asked.id, now=NOW)
    (view,) = agreements.views(session=session, couple_id=_couple_id(session, sam), now=NOW)
    assert view.status == "declined"
    assert view.ended_note == "Alex chose not to take on “Share your screen time” for now (26 Nov 2026)."


@pytest.mark.parametrize("who", ["sharer", "partner"])
def test_either_partner_withdraws_alone_at_once_and_the_other_gets_a_neutral_note(
    session: Session, settings: Settings, who: str
) -> None:
    alex, sam = pair(session, settings, f"withdraw-{who}")
    made = agreements.offer(session=session, user_id=alex, text="Tell you when plans change", now=NOW)
    assert made.id is not None
    actor, other = (alex, sam) if who == "sharer" else (sam, alex)
    agreements.withdraw(session=session, user_id=actor, agreement_id=made.id, now=NOW + timedelta(days=3))
    stored = session.get_one(TransparencyAgreement, made.id)
    assert (stored.status, stored.ended_by, stored.ended_on) == ("withdrawn", actor, date(2026, 11, 29))
    name = "Alex" if actor == alex else "Sam"
    (view,) = agreements.views(session=session, couple_id=_couple_id(session, alex), now=NOW + timedelta(days=3))
    assert view.ended_note == f"{name} withdrew “Tell you when plans change” on 29 Nov 2026."
    (note,) = session.exec(select(Notification).where(Notification.user_id == other)).all()
    assert note.body.startswith(view.ended_note)
    assert "penalty" not in note.body.lower()
    assert session.exec(select(Notification).where(Notification.user_id == actor)).all() == []
    with pytest.raises(ServiceError, match="already ended"):
        agreements.withdraw(session=session, user_id=other, agreement_id=made.id)


def test_the_asker_can_take_back_an_ask(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "takeback")
    asked = agreements.ask(session=session, user_id=sam, text="Tell me when you're late")
    assert asked.id is not None
    agreements.withdraw(session=session, user_id=sam, agreement_id=asked.id)
    assert session.get_one(TransparencyAgreement, asked.id).status == "withdrawn"
    (note,) = session.exec(select(Notification).where(Notification.user_id == alex)).all()
    assert note.title == "Sam took back an ask"


def test_another_couple_can_neither_see_nor_withdraw_nor_answer(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "agreement-ours")
    mallory, _ = pair(session, settings, "agreement-theirs")
    made = agreements.offer(session=session, user_id=alex, text="Tell you when plans change")
    asked = agreements.ask(session=session, user_id=sam, text="Tell me when you're late")
    assert made.id is not None
    assert asked.id is not None
    for call in (
        lambda: agreements.withdraw(session=session, user_id=mallory, agreement_id=made.id),
        lambda: agreements.renew(session=session, user_id=mallory, agreement_id=made.id, review_weeks=4),
        lambda: agreements.accept(session=session, user_id=mallory, agreement_id=asked.id),
        lambda: agreements.decline(session=session, user_id=mallory, agreement_id=asked.id),
    ):
        with pytest.raises(NotAllowed, match="isn't part of your couple"):
            call()
    assert agreements.views(session=session, couple_id=_couple_id(session, mallory)) == []
    assert [a.status for a in session.exec(select(TransparencyAgreement).order_by(col(TransparencyAgreement.id)))] == [
        "active",
        "asked",
    ]
    assert session.exec(select(Notification)).all() == []


def test_agreements_need_a_partner_and_words(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "words")
    with pytest.raises(ServiceError):
        agreements.offer(session=session, user_id=alex, text="   ")
    with pytest.raises(ServiceError):
        agreements.ask(session=session, user_id=alex, text="x" * 201)
    assert session.exec(select(TransparencyAgreement)).all() == []


def test_ended_agreements_leave_view_after_a_month(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "fade")
    made = agreements.offer(session=session, user_id=alex, text="Tell you when plans change", now=NOW)
    assert made.id is not None
    agreements.withdraw(session=session, user_id=alex, agreement_id=made.id, now=NOW)
    couple_id = _couple_id(session, alex)
    assert len(agreements.views(session=session, couple_id=couple_id, now=NOW + timedelta(days=29))) == 1
    assert agreements.views(session=session, couple_id=couple_id, now=NOW + timedelta(days=31)) == []


def test_at_midnight_the_scheduler_refreshes_agreements_so_reviews_fall_due_on_open_screens(
    engine: Engine, settings: Settings
) -> None:
    with Session(engine) as session:
        alex, _ = pair(session, settings, "agreement-midnight")
        couple_id = _couple_id(session, alex)
        session.commit()
    holder = "test-holder"
    before = datetime(2026, 12, 23, 23, 58, tzinfo=UTC)
    with Session(engine) as session:
        take_lease(session, holder, before)
        session.commit()
    assert "agreements" not in run_once(holder, now=before, engine=engine).refresh.get(couple_id, set())
    after = run_once(holder, now=before + timedelta(minutes=3), engine=engine)
    assert {"agreements", "bids"} <= after.refresh[couple_id]
