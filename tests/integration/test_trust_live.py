"""Transparency and bids over a real websocket: changes reach both partners live, forged events are refused.

Tabs speak Reflex's protocol (couple_dash.devtools.protocol) to the backend running in this process. A forged
event names another couple's update, agreement or bid, or the partner's own presets, by id: every one must be
refused, change nothing, and the partner's preset words must never reach the forger's socket.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from sqlmodel import Session, col, select

from couple_dash.db import get_engine, session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.models import ConnectionBid, TransparencyAgreement, TransparencyUpdate, UpdatePreset
from couple_dash.services import accounts, agreements, bids, couples, transparency
from couple_dash.state.auth import AuthState
from couple_dash.state.bids import BidsState
from couple_dash.state.couple import CoupleState
from couple_dash.state.shell import ShellState
from couple_dash.state.transparency import TransparencyState

PASSWORD = "a long walk home"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('trust') / 'trust.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _couple(tag: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """Two paired partners: (session token, user id) each."""
    with session_scope() as session:
        alex, sam = (
            accounts.sign_up(
                session=session,
                display_name=name,
                email=f"{name.lower()}-{tag}@example.com",
                password=PASSWORD,
                time_zone="Europe/London",
            )
            for name in ("Alex", "Sam")
        )
        code = couples.create_invite(session=session, user_id=alex.viewer.user_id).code
        couples.join_with_code(session=session, user_id=sam.viewer.user_id, code=code)
        return (alex.token, alex.viewer.user_id), (sam.token, sam.viewer.user_id)


async def _tab(backend: InProcessBackend, token: str, path: str = "/updates") -> ReflexClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    client = await ReflexClient(backend.url, local_storage=storage, path=path).connect()
    await client.emit(handler_name(ShellState, "enter"))
    await client.wait_for(lambda: client.state.get(state_name(CoupleState), {}).get("couple_id", 0) != 0)
    return client


def _said(tab: ReflexClient, words: str) -> bool:
    return any(words in str(event) for event in tab.events)


def _statuses_are(tab: ReflexClient, wanted: list[str]) -> bool:
    return [a["status"] for a in _shared(tab, "agreements")] == wanted


def _shared(tab: ReflexClient, name: str) -> list[dict[str, Any]]:
    return list(tab.var(CoupleState, name, []))


def test_an_update_a_reaction_a_withdrawal_and_a_bid_reach_both_partners_live(backend: InProcessBackend) -> None:
    (alex_token, _), (sam_token, _) = _couple("live")

    async def scenario() -> None:
        alex, sam = await _tab(backend, alex_token), await _tab(backend, sam_token)
        try:
            await alex.emit(handler_name(TransparencyState, "share"), {"form": {"text": "Leaving work now"}})
            await sam.wait_for(lambda: [u["text"] for u in _shared(sam, "updates")] == ["Leaving work now"])
            update_id = _shared(sam, "updates")[0]["id"]
            await sam.emit(handler_name(TransparencyState, "react"), {"update_id": update_id, "reaction": "heart"})
            await alex.wait_for(lambda: _shared(alex, "updates")[0]["reaction"] == "heart")

            await alex.emit(
                handler_name(TransparencyState, "make_agreement"),
                {"form": {"text": "I'll tell you when plans change", "review_weeks": "4"}},
            )
            await sam.wait_for(lambda: [a["status"] for a in _shared(sam, "agreements")] == ["active"])
            agreement_id = _shared(sam, "agreements")[0]["id"]
            # The partner who doesn't share withdraws it alone: it ends at once on both screens.
            await sam.emit(handler_name(TransparencyState, "withdraw"), {"agreement_id": agreement_id})
            for tab in (alex, sam):
                await tab.wait_for(partial(_statuses_are, tab, ["withdrawn"]))
            assert _shared(alex, "agreements")[0]["ended_note"].startswith("Sam withdrew “I'll tell you")
            # Alex's bell counts the neutral note.
            await alex.wait_for(lambda: any(u["count"] == 1 for u in _shared(alex, "unread")))

            await sam.emit(handler_name(BidsState, "send_preset"), {"text": "Hug?"})
            await alex.wait_for(lambda: [b["status"] for b in _shared(alex, "bids")] == ["open"])
            bid_id = _shared(alex, "bids")[0]["id"]
            await alex.emit(handler_name(BidsState, "reply"), {"bid_id": bid_id, "choice": "hug"})
            await sam.wait_for(lambda: [b["status"] for b in _shared(sam, "bids")] == ["answered"])
            assert sam.var(CoupleState, "bids_together") == "Together you turned toward 1 of 1 bid this week."
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())


def test_forged_events_for_another_couples_things_are_refused_and_change_nothing(backend: InProcessBackend) -> None:
    (mallory_token, _), _ = _couple("forger")
    (alex_token, alex_id), (_, sam_id) = _couple("victims")
    with session_scope() as session:
        update_id = transparency.post_update(session=session, user_id=alex_id, text="Home safe").id
        agreement_id = agreements.offer(session=session, user_id=alex_id, text="Tell you when plans change").id
        asked_id = agreements.ask(session=session, user_id=sam_id, text="Tell me when you're late").id
        bid_id = bids.send(session=session, user_id=sam_id, text="Thinking of you").id

    async def scenario() -> None:
        mallory = await _tab(backend, mallory_token)
        victim = await _tab(backend, alex_token)
        try:
            forged: list[tuple[type, str, dict[str, Any]]] = [
                (TransparencyState, "remove_update", {"update_id": update_id}),
                (TransparencyState, "react", {"update_id": update_id, "reaction": "heart"}),
                (TransparencyState, "withdraw", {"agreement_id": agreement_id}),
                (TransparencyState, "renew", {"agreement_id": agreement_id, "weeks": 8}),
                (TransparencyState, "decline", {"agreement_id": asked_id}),
                (BidsState, "reply", {"bid_id": bid_id, "choice": "love"}),
            ]
            for state, handler, payload in forged:
                await mallory.emit(handler_name(state, handler), payload)
            await mallory.wait_for(lambda: sum("part of your couple" in str(e) for e in mallory.events) >= 6)
            # Answering an ask goes through a form: the tab names the ask, then submits.
            await mallory.emit(handler_name(TransparencyState, "start_answer"), {"agreement_id": asked_id})
            await mallory.emit(handler_name(TransparencyState, "accept"), {"form": {"text": "Mine now"}})
            await mallory.wait_for(lambda: mallory.var(TransparencyState, "answer_error", "") != "")
            assert "isn't part of your couple" in mallory.var(TransparencyState, "answer_error")
            # Mallory's view never held any of it; the victims' view is as it was.
            for part in ("updates", "agreements", "bids"):
                assert _shared(mallory, part) == []
            assert [u["reaction"] for u in _shared(victim, "updates")] == [""]
            assert [a["status"] for a in _shared(victim, "agreements")] == ["active", "asked"]
        finally:
            await mallory.close()
            await victim.close()

    asyncio.run(scenario())
    with Session(get_engine()) as session:
        update = session.get(TransparencyUpdate, update_id)
        assert update is not None
        assert update.reaction == ""
        statuses = [
            a.status for a in session.exec(select(TransparencyAgreement).order_by(col(TransparencyAgreement.id)))
        ]
        assert statuses[-2:] == ["active", "asked"]
        bid = session.get(ConnectionBid, bid_id)
        assert bid is not None
        assert bid.replied_at is None


def test_a_partner_cannot_remove_my_update_or_touch_or_read_my_presets(backend: InProcessBackend) -> None:
    (alex_token, alex_id), (sam_token, _) = _couple("presets")
    secret = "Picking up the ring from the jeweller"
    with session_scope() as session:
        update_id = transparency.post_update(session=session, user_id=alex_id, text="Leaving work now").id
        preset_id = transparency.add_preset(session=session, user_id=alex_id, text=secret).id

    async def scenario() -> None:
        alex, sam = await _tab(backend, alex_token), await _tab(backend, sam_token)
        try:
            await alex.emit(handler_name(TransparencyState, "load_presets"))
            await alex.wait_for(lambda: [p["text"] for p in alex.var(TransparencyState, "presets", [])] == [secret])
            await sam.emit(handler_name(TransparencyState, "load_presets"))
            await sam.emit(handler_name(TransparencyState, "remove_update"), {"update_id": update_id})
            await sam.wait_for(lambda: _said(sam, "Only the person who shared an update can remove it"))
            for handler, payload in (
                ("share_preset", {"preset_id": preset_id}),
                ("remove_preset", {"preset_id": preset_id}),
                ("move_preset", {"preset_id": preset_id, "direction": 1}),
            ):
                await sam.emit(handler_name(TransparencyState, handler), payload)
            await sam.wait_for(lambda: sam.var(TransparencyState, "preset_error", "") != "")
            await sam.wait_for(lambda: sam.var(TransparencyState, "update_error", "") != "")
            assert "isn't one of yours" in sam.var(TransparencyState, "preset_error")
            assert "isn't one of yours" in sam.var(TransparencyState, "update_error")
            assert sam.var(TransparencyState, "presets") == []
            # The preset's words never reached Sam's socket, and nothing was shared in Alex's name.
            assert secret not in str(sam.state) + str(sam.events)
            assert [u["text"] for u in _shared(sam, "updates")] == ["Leaving work now"]
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())
    with Session(get_engine()) as session:
        assert session.get(TransparencyUpdate, update_id) is not None
        preset = session.get(UpdatePreset, preset_id)
        assert preset is not None
        assert preset.text == secret
