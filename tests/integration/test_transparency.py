"""Transparency updates and presets over a real database: who may share, remove, react, and touch presets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import TransparencyUpdate, UpdatePreset, User
from couple_dash.services import NotAllowed, ServiceError, accounts, transparency
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 26, 17, 30, tzinfo=UTC)


def _couple_id(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


def test_an_update_reaches_the_shared_feed_and_the_partner_reacts(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "feed")
    first = transparency.post_update(session=session, user_id=alex, text="  Leaving   work now ", now=NOW)
    transparency.post_update(session=session, user_id=sam, text="At the gym until 7", now=NOW + timedelta(minutes=5))
    assert first.id is not None
    assert transparency.react(session=session, user_id=sam, update_id=first.id, reaction="heart") == "heart"
    feed = transparency.feed(session=session, couple_id=_couple_id(session, alex))
    assert [(u.text, u.author_name, u.reaction) for u in feed] == [
        ("At the gym until 7", "Sam", ""),
        ("Leaving work now", "Alex", "heart"),
    ]
    assert feed[1].reaction_label == "Love"
    assert feed[1].at_ms == int(NOW.timestamp() * 1000)
    # The same reaction again takes it back; another replaces it.
    assert transparency.react(session=session, user_id=sam, update_id=first.id, reaction="heart") == ""
    assert transparency.react(session=session, user_id=sam, update_id=first.id, reaction="thanks") == "thanks"


def test_only_the_author_removes_and_only_the_partner_reacts(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "roles")
    update = transparency.post_update(session=session, user_id=alex, text="Home safe")
    assert update.id is not None
    with pytest.raises(NotAllowed, match="Only the person who shared"):
        transparency.remove_update(session=session, user_id=sam, update_id=update.id)
    with pytest.raises(NotAllowed, match="your partner's updates"):
        transparency.react(session=session, user_id=alex, update_id=update.id, reaction="heart")
    with pytest.raises(ServiceError, match="Pick one"):
        transparency.react(session=session, user_id=sam, update_id=update.id, reaction="thumbs-down")
    assert session.get_one(TransparencyUpdate, update.id).reaction == ""
    transparency.remove_update(session=session, user_id=alex, update_id=update.id)
    assert session.exec(select(TransparencyUpdate)).all() == []


def test_another_couple_can_neither_read_remove_nor_react(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "ours")
    mallory, _ = pair(session, settings, "theirs")
    update = transparency.post_update(session=session, user_id=alex, text="Leaving work now")
    assert update.id is not None
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        transparency.remove_update(session=session, user_id=mallory, update_id=update.id)
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        transparency.react(session=session, user_id=mallory, update_id=update.id, reaction="heart")
    assert transparency.feed(session=session, couple_id=_couple_id(session, mallory)) == []
    stored = session.get_one(TransparencyUpdate, update.id)
    assert (stored.text, stored.reaction) == ("Leaving work now", "")


def test_bad_updates_change_nothing_and_the_unpaired_share_nothing(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "bad")
    for text in ("", "   ", "x" * 201):
        with pytest.raises(ServiceError):
            transparency.post_update(session=session, user_id=alex, text=text)
    solo = accounts.sign_up(
        session=session,
        display_name="Jo",
        email="jo-updates@example.com",
        password="a long walk home",
        time_zone="UTC",
        settings=settings,
    ).viewer.user_id
    with pytest.raises(NotAllowed):
        transparency.post_update(session=session, user_id=solo, text="Hello")
    with pytest.raises(NotAllowed):
        transparency.add_preset(session=session, user_id=solo, text="Hello")
    assert session.exec(select(TransparencyUpdate)).all() == []


def test_presets_are_the_owners_own_to_add_order_share_and_remove(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "presets")
    ids = [transparency.add_preset(session=session, user_id=alex, text=t).id for t in ("Home soon", "Leaving work now")]
    first, second = ids
    assert first is not None
    assert second is not None
    transparency.move_preset(session=session, user_id=alex, preset_id=second, direction=-1)
    assert [p.text for p in transparency.presets(session=session, user_id=alex)] == ["Leaving work now", "Home soon"]
    transparency.move_preset(session=session, user_id=alex, preset_id=second, direction=-1)  # already first
    assert transparency.presets(session=session, user_id=sam) == []
    with pytest.raises(ServiceError, match="already have"):
        transparency.add_preset(session=session, user_id=alex, text="home soon")
    shared = transparency.post_preset(session=session, user_id=alex, preset_id=second, now=NOW)
    assert (shared.text, shared.author_id) == ("Leaving work now", alex)
    # The starter ideas still offered leave out the ones adopted.
    offered = {
        s.text: s.added for s in transparency.starter_choices(transparency.presets(session=session, user_id=alex))
    }
    assert offered["Leaving work now"] is True
    assert offered["On my way home"] is False
    transparency.remove_preset(session=session, user_id=alex, preset_id=first)
    assert [p.text for p in transparency.presets(session=session, user_id=alex)] == ["Leaving work now"]


def test_the_partner_can_neither_use_move_nor_remove_my_presets(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "mine")
    mallory, _ = pair(session, settings, "notmine")
    preset = transparency.add_preset(session=session, user_id=alex, text="At the gym until 7")
    assert preset.id is not None
    for intruder in (sam, mallory):
        with pytest.raises(NotAllowed, match="isn't one of yours"):
            transparency.remove_preset(session=session, user_id=intruder, preset_id=preset.id)
        with pytest.raises(NotAllowed, match="isn't one of yours"):
            transparency.move_preset(session=session, user_id=intruder, preset_id=preset.id, direction=1)
        with pytest.raises(NotAllowed, match="isn't one of yours"):
            transparency.post_preset(session=session, user_id=intruder, preset_id=preset.id)
    assert session.exec(select(UpdatePreset)).one().text == "At the gym until 7"
    assert session.exec(select(TransparencyUpdate)).all() == []


def test_the_feed_shows_the_latest_thirty(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "many")
    for i in range(35):
        transparency.post_update(session=session, user_id=alex, text=f"Update {i}", now=NOW + timedelta(minutes=i))
    feed = transparency.feed(session=session, couple_id=_couple_id(session, alex))
    assert len(feed) == transparency.FEED_SIZE == 30
    assert feed[0].text == "Update 34"
