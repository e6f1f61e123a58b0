"""Repair tools over a real websocket: an unsent acknowledgement never reaches the partner, even through forged
events, and another couple's tab cannot act on a repair menu or a hard-moment talk.

The backend runs in this process (no frontend); clients speak Reflex's protocol (couple_dash.devtools.protocol).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from couple_dash.db import get_engine, session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.models import Acknowledgement, AcknowledgementReply, Commitment, HardMoment
from couple_dash.services import accounts, couples, hard_moments, repair_menu
from couple_dash.state.acknowledgement import AcknowledgementState
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.hard_moment import HardMomentState
from couple_dash.state.repair_menu import RepairMenuState
from couple_dash.state.shell import ShellState

PASSWORD = "a long walk home"
SECRET = "On Friday I hid the messages from Jo in a folder called taxes"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('repair-live') / 'live.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _couple(tag: str) -> tuple[str, str, int, int]:
    """Two paired partners: their session tokens and user ids."""
    with session_scope() as session:
        alex = accounts.sign_up(
            session=session, display_name="Alex", email=f"alex-{tag}@example.com", password=PASSWORD, time_zone="UTC"
        )
        sam = accounts.sign_up(
            session=session, display_name="Sam", email=f"sam-{tag}@example.com", password=PASSWORD, time_zone="UTC"
        )
        code = couples.create_invite(session=session, user_id=alex.viewer.user_id).code
        couples.join_with_code(session=session, user_id=sam.viewer.user_id, code=code)
        return alex.token, sam.token, alex.viewer.user_id, sam.viewer.user_id


async def _tab(backend: InProcessBackend, token: str, path: str) -> ReflexClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    client = await ReflexClient(backend.url, local_storage=storage, path=path).connect()
    await client.emit(handler_name(ShellState, "enter"))
    await client.wait_for(lambda: client.state.get(state_name(CoupleState), {}).get("couple_id", 0) != 0)
    return client


def _seen(client: ReflexClient) -> str:
    """Everything a tab has received: its state and every event the server sent it."""
    return str(client.state) + str(client.events)


def test_an_unsent_draft_never_reaches_the_partner_even_through_forged_events(backend: InProcessBackend) -> None:
    alex_token, sam_token, alex_id, _ = _couple("draft")
    ack = handler_name(AcknowledgementState, "")

    async def scenario() -> None:
        alex = await _tab(backend, alex_token, "/repair/acknowledge")
        sam = await _tab(backend, sam_token, "/repair/acknowledge")
        try:
            # Alex writes and keeps a draft through the steps (each step saves it, privately).
            await alex.emit(ack + "set_what_happened", {"value": SECRET})
            await alex.emit(ack + "set_impact", {"value": "You felt foolish for trusting me"})
            await alex.emit(ack + "go_to", {"step": 1})
            await alex.wait_for(lambda: alex.var(AcknowledgementState, "draft_id", 0) > 0)
            draft_id = alex.var(AcknowledgementState, "draft_id")
            # Sam's tab reads its own draft (none), then forges events naming Alex's draft by id.
            await sam.emit(ack + "load_draft")
            await sam.emit(ack + "respond", {"ack_id": draft_id, "kind": "heard"})
            await sam.emit(ack + "reply", {"form": {"ack_id": str(draft_id), "text": "peek"}})
            await sam.emit(ack + "follow_up", {"form": {"ack_id": str(draft_id), "text": "peek"}})
            await sam.wait_for(lambda: sum("one you can open" in str(e) for e in sam.events) >= 3)
            await sam.emit(ack + "send")  # Sam's own (empty) draft: refused, nothing of Alex's is touched
            await sam.wait_for(lambda: sam.var(AcknowledgementState, "error", "") != "")
            assert sam.var(AcknowledgementState, "draft_id", 0) == 0
            assert sam.var(CoupleState, "acknowledgements") == []
            assert SECRET not in _seen(sam)
            assert "foolish" not in _seen(sam)

            # The same words do reach Sam the moment Alex sends them (so the check above can fail).
            await alex.emit(ack + "go_to", {"step": 4})
            await alex.emit(ack + "send")
            await sam.wait_for(lambda: len(sam.var(CoupleState, "acknowledgements", [])) == 1)
            assert sam.var(CoupleState, "acknowledgements")[0]["what_happened"] == SECRET
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())
    with Session(get_engine()) as session:
        stored = session.exec(select(Acknowledgement).where(Acknowledgement.author_id == alex_id)).one()
        assert stored.sent_at is not None
        assert (
            session.exec(select(AcknowledgementReply).where(AcknowledgementReply.acknowledgement_id == stored.id)).all()
            == []
        )


def test_forged_events_from_another_couple_change_nothing(backend: InProcessBackend) -> None:
    mallory_token, _, mallory_id, _ = _couple("repair-forger")
    _, victim_token, _, victim_id = _couple("repair-victim")
    with session_scope() as session:
        item = repair_menu.add_item(session=session, user_id=victim_id, text="Tell me before plans change")
        item_id = item.id
        talk = hard_moments.start(session=session, user_id=victim_id)
        hard_moments.share(session=session, user_id=victim_id, step="reality", text="Our private reality")
        talk_id = talk.id

    async def scenario() -> None:
        mallory = await _tab(backend, mallory_token, "/repair/menu")
        victim = await _tab(backend, victim_token, "/repair/menu")
        try:
            for handler, payload in (
                ("make_commitment", {"item_id": item_id}),
                ("remove", {"item_id": item_id}),
                ("move", {"item_id": item_id, "direction": 1}),
            ):
                await mallory.emit(handler_name(RepairMenuState, handler), payload)
            await mallory.wait_for(lambda: sum("repair menus" in str(e) for e in mallory.events) >= 3)
            # Hard-moment events act on the caller's own couple only: Mallory has no talk open.
            await mallory.emit(handler_name(HardMomentState, "next"), {"from_step": 0})
            await mallory.emit(handler_name(HardMomentState, "finish"))
            await mallory.wait_for(lambda: sum("no hard-moment talk" in str(e) for e in mallory.events) >= 2)
            assert "Tell me before plans change" not in _seen(mallory)
            assert "Our private reality" not in _seen(mallory)
            assert mallory.var(CoupleState, "hard_moment")["id"] == 0
            # The victims' view is untouched.
            menus = victim.var(CoupleState, "repair_menu")
            assert [a["text"] for m in menus for a in m["acts"]] == ["Tell me before plans change"]
            assert victim.var(CoupleState, "hard_moment")["id"] == talk_id
        finally:
            await mallory.close()
            await victim.close()

    asyncio.run(scenario())
    with Session(get_engine()) as session:
        assert session.exec(select(Commitment).where(Commitment.owner_id == mallory_id)).all() == []
        stored = session.get(HardMoment, talk_id)
        assert stored is not None
        assert (stored.step, stored.ended_at) == (0, None)
