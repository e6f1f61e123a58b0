"""The couple's live view over a real websocket: server-side changes reach connected clients; forged events fail.

The backend runs in this process (no frontend); clients speak Reflex's protocol (couple_dash.devtools.protocol).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from couple_dash.db import session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.models import AgendaItem
from couple_dash.services import accounts, agenda, couples, meeting
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.shell import ShellState
from couple_dash.sync import refresh_couple

PASSWORD = "a long walk home"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _couple(tag: str) -> tuple[str, str, int]:
    """Sign up and pair two partners; returns their session tokens and the couple id."""
    with session_scope() as session:
        alex = accounts.sign_up(
            session=session,
            display_name="Alex",
            email=f"alex-{tag}@example.com",
            password=PASSWORD,
            time_zone="Europe/London",
        )
        sam = accounts.sign_up(
            session=session,
            display_name="Sam",
            email=f"sam-{tag}@example.com",
            password=PASSWORD,
            time_zone="Europe/London",
        )
        code = couples.create_invite(session=session, user_id=alex.viewer.user_id).code
        couple = couples.join_with_code(session=session, user_id=sam.viewer.user_id, code=code)
        assert couple.id is not None
        return alex.token, sam.token, couple.id


async def _tab(backend: InProcessBackend, token: str, path: str = "/check-in") -> ReflexClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    client = await ReflexClient(backend.url, local_storage=storage, path=path).connect()
    await client.emit(handler_name(ShellState, "enter"))
    await client.wait_for(lambda: client.state.get(state_name(CoupleState), {}).get("couple_id", 0) != 0)
    return client


def _agenda_texts(client: ReflexClient) -> list[str]:
    return [item["text"] for item in client.var(CoupleState, "agenda", [])]


def _has_item(client: ReflexClient, text: str) -> bool:
    return text in _agenda_texts(client)


def test_a_server_side_job_reaches_both_partners_connected_tabs(backend: InProcessBackend) -> None:
    alex_token, sam_token, couple_id = _couple("job")

    async def scenario() -> None:
        alex, sam = await _tab(backend, alex_token), await _tab(backend, sam_token)
        try:
            # A scheduler-like task: write through the service layer, then push with the sync module.
            with session_scope() as session:
                user_id = accounts.resolve_session(session=session, token=alex_token).user_id  # type: ignore[union-attr]
                agenda.add_item(session=session, user_id=user_id, kind="went_well", text="Streak: 7 days of texts")
            backend.run_on_server(refresh_couple(couple_id, app=backend.app))
            for tab in (alex, sam):
                await tab.wait_for(partial(_has_item, tab, "Streak: 7 days of texts"))
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())


def test_presence_follows_pages_and_disappears_when_a_tab_closes(backend: InProcessBackend) -> None:
    alex_token, sam_token, _ = _couple("presence")

    async def scenario() -> None:
        sam = await _tab(backend, sam_token, path="/")
        alex = await _tab(backend, alex_token, path="/rituals")
        alex_id = next(m["user_id"] for m in sam.var(CoupleState, "members") if m["name"] == "Alex")
        await sam.wait_for(lambda: {"user_id": alex_id, "page": "Rituals"} in sam.var(CoupleState, "presence", []))
        await alex.close()
        await sam.wait_for(lambda: all(p["user_id"] != alex_id for p in sam.var(CoupleState, "presence")), within=10)
        await sam.close()

    asyncio.run(scenario())


def test_a_forged_event_for_another_couples_item_is_refused_and_changes_nothing(backend: InProcessBackend) -> None:
    mallory_token, _, _ = _couple("forger")
    _, victim_token, victim_couple = _couple("victim")
    with session_scope() as session:
        victim = accounts.resolve_session(session=session, token=victim_token)
        assert victim is not None
        item = agenda.add_item(session=session, user_id=victim.user_id, kind="concern", text="Private worry")
        item_id, version = item.id, item.version

    from couple_dash.state.check_in import CheckInState

    async def scenario() -> None:
        mallory = await _tab(backend, mallory_token)
        victim_tab = await _tab(backend, victim_token)
        try:
            # Mallory's tab asks to edit and remove the victim couple's item by id.
            await mallory.emit(
                handler_name(CheckInState, "start_edit"), {"item_id": item_id, "text": "x", "version": version}
            )
            await mallory.emit(handler_name(CheckInState, "set_draft"), {"value": "Hijacked"})
            await mallory.emit(handler_name(CheckInState, "save_edit"))
            await mallory.wait_for(lambda: mallory.state.get(state_name(CheckInState), {}).get("edit_error", "") != "")
            assert "isn't part of your couple" in mallory.var(CheckInState, "edit_error")
            await mallory.emit(handler_name(CheckInState, "remove"), {"item_id": item_id})
            await mallory.wait_for(lambda: any("part of your couple" in str(e) for e in mallory.events))
            # Mallory's view never contained it; the victims still see the original.
            assert "Private worry" not in _agenda_texts(mallory)
            assert _agenda_texts(victim_tab) == ["Private worry"]
        finally:
            await mallory.close()
            await victim_tab.close()

    asyncio.run(scenario())
    with Session(_engine()) as session:
        stored = session.exec(select(AgendaItem).where(AgendaItem.couple_id == victim_couple)).one()
        assert (stored.text, stored.version) == ("Private worry", version)


def test_a_tab_without_a_valid_session_gets_no_couple_data(backend: InProcessBackend) -> None:
    _couple("nosession")  # a real couple exists; the stranger must not reach it

    async def scenario() -> None:
        storage = {f"{state_name(AuthState)}.session_token_rx_state_": "forged-token"}
        stranger = await ReflexClient(backend.url, local_storage=storage, path="/check-in").connect()
        try:
            await stranger.emit(handler_name(ShellState, "enter"))
            await stranger.wait_for(lambda: any(e.get("name") == "_redirect" for e in stranger.events))
            assert stranger.var(CoupleState, "couple_id", 0) == 0
            assert not stranger.var(CoupleState, "agenda", [])
        finally:
            await stranger.close()

    asyncio.run(scenario())


def _engine() -> Engine:
    from couple_dash.db import get_engine

    return get_engine()


def test_private_agenda_words_never_reach_the_partner_even_through_forged_events(backend: InProcessBackend) -> None:
    alex_token, sam_token, _ = _couple("private")
    with session_scope() as session:
        alex = accounts.resolve_session(session=session, token=alex_token)
        assert alex is not None
        item = agenda.add_item(
            session=session, user_id=alex.user_id, kind="appreciation", text="A secret thank-you", private=True
        )
        item_id = item.id

    from couple_dash.state.check_in import CheckInState

    async def scenario() -> None:
        alex_tab = await _tab(backend, alex_token)
        sam_tab = await _tab(backend, sam_token)
        try:
            # Sam's shared view holds the item without its words; Alex's own tab reads them.
            await sam_tab.wait_for(lambda: len(sam_tab.var(CoupleState, "agenda", [])) == 1)
            assert sam_tab.var(CoupleState, "agenda")[0]["hidden"] is True
            assert "A secret thank-you" not in str(sam_tab.state)
            await alex_tab.emit(handler_name(CheckInState, "load_private"))
            await alex_tab.wait_for(lambda: len(alex_tab.var(CheckInState, "private_items", [])) == 1)
            await sam_tab.emit(handler_name(CheckInState, "load_private"))
            # A forged edit with a stale version would answer with the current text in a conflict: refused first.
            await sam_tab.emit(handler_name(CheckInState, "start_edit"), {"item_id": item_id, "text": "", "version": 0})
            await sam_tab.emit(handler_name(CheckInState, "set_draft"), {"value": "peek"})
            await sam_tab.emit(handler_name(CheckInState, "save_edit"))
            await sam_tab.wait_for(lambda: sam_tab.var(CheckInState, "edit_error", "") != "")
            assert "isn't part of your couple" in sam_tab.var(CheckInState, "edit_error")
            assert sam_tab.var(CheckInState, "private_items") == []
            assert "A secret thank-you" not in str(sam_tab.state) + str(sam_tab.events)
        finally:
            await alex_tab.close()
            await sam_tab.close()

    asyncio.run(scenario())


def test_forged_meeting_events_cannot_touch_another_couples_agenda(backend: InProcessBackend) -> None:
    mallory_token, _, _ = _couple("meeting-forger")
    _, victim_token, victim_couple = _couple("meeting-victim")
    with session_scope() as session:
        victim = accounts.resolve_session(session=session, token=victim_token)
        mallory = accounts.resolve_session(session=session, token=mallory_token)
        assert victim is not None
        assert mallory is not None
        item_id = agenda.add_item(session=session, user_id=victim.user_id, kind="concern", text="Our worry").id
        meeting.start(session=session, user_id=mallory.user_id)

    from couple_dash.state.meeting import MeetingState

    async def scenario() -> None:
        tab = await _tab(backend, mallory_token, path="/check-in/meeting")
        try:
            for handler in ("resolve", "choose_issue"):
                await tab.emit(handler_name(MeetingState, handler), {"item_id": item_id})
            await tab.wait_for(lambda: sum("open agenda" in str(e) for e in tab.events) >= 2)
            assert tab.var(CoupleState, "meeting")["issue_item_id"] == 0
        finally:
            await tab.close()

    asyncio.run(scenario())
    with Session(_engine()) as session:
        stored = session.exec(select(AgendaItem).where(AgendaItem.couple_id == victim_couple)).one()
        assert stored.resolved_at is None
