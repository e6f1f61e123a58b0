"""The private space over a real websocket: a partner's forged events naming the other's private items are refused,
and not one private word reaches the partner's socket, even while the author writes and edits with them connected.

Both partners are protocol-level clients (couple_dash.devtools.protocol) of a backend running in this process.
Every frame Sam's socket receives is recorded and searched for Alex's private words.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session, select

from couple_dash.db import get_engine, session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.models import Explanation, PrivateNote, WhyReflection, WorkbookEntry
from couple_dash.services import accounts, couples, data_rights
from couple_dash.services.private_space import NOT_FOUND
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.data_rights import DataRightsState
from couple_dash.state.explanations import ExplanationState
from couple_dash.state.private_notes import PrivateNotesState
from couple_dash.state.shell import ShellState
from couple_dash.state.why_reflection import ReflectionState
from couple_dash.state.workbook import WorkbookState

PASSWORD = "a long walk home"
# Distinctive words that must never appear in anything Sam's socket receives.
NOTE = "zebra-note lantern"
NOTE_EDIT = "zebra-note edited quietly"
WHY = "zebra-why thoughts"
CONTEXT = "zebra-context of that winter"
ENTRY = "zebra-entry recall"
ENTRY_EDIT = "zebra-entry rewritten"
SHARED_ENTRY = "For Sam: what I understand now"
AFTER_UNSHARE = "zebra-after unsharing"
SECRETS = (NOTE, NOTE_EDIT, WHY, CONTEXT, ENTRY, ENTRY_EDIT, AFTER_UNSHARE, "zebra")


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('private') / 'private.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _couple(tag: str) -> tuple[str, str]:
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
        return alex.token, sam.token


class RecordingClient(ReflexClient):
    """A tab that keeps every frame it receives, to search for words it must never have seen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received: list[str] = []
        self.on_update(lambda delta, _at: self.received.append(json.dumps(delta)))

    def everything(self) -> str:
        return "\n".join(self.received) + json.dumps(self.state) + json.dumps(self.events)


async def _tab(backend: InProcessBackend, token: str) -> RecordingClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    client = RecordingClient(backend.url, local_storage=storage, path="/private")
    await client.connect()
    await client.emit(handler_name(ShellState, "enter"))
    await client.wait_for(lambda: client.var(CoupleState, "couple_id", 0) != 0)
    for cls in (PrivateNotesState, ReflectionState, ExplanationState, WorkbookState):
        await client.emit(handler_name(cls, "load"))
    await client.wait_for(lambda: client.var(WorkbookState, "owner_id", 0) != 0)
    return client


def _refusals(client: ReflexClient) -> int:
    return sum(json.dumps(e).count(NOT_FOUND) for e in client.events)


def _ids() -> dict[str, int]:
    with Session(get_engine()) as session:
        return {
            "note": session.exec(select(PrivateNote.id)).one() or 0,
            "explanation": session.exec(select(Explanation.id)).one() or 0,
            "entry": session.exec(select(WorkbookEntry.id).where(WorkbookEntry.text == ENTRY)).one() or 0,
        }


async def _alex_writes_everything(alex: RecordingClient) -> None:
    """Alex writes and edits through his own tab, as the page would, while Sam is connected."""
    await alex.emit(handler_name(PrivateNotesState, "add"), {"form": {"text": NOTE}})
    await alex.wait_for(lambda: [n["text"] for n in alex.var(PrivateNotesState, "notes", [])] == [NOTE])
    await alex.emit(handler_name(ReflectionState, "save"), {"form": {"repeated": "once", "repeated_note": WHY}})
    await alex.wait_for(lambda: alex.var(ReflectionState, "reflection", {}).get("repeated_note") == WHY)
    await alex.emit(handler_name(ExplanationState, "new"))
    await alex.emit(handler_name(ExplanationState, "set_part"), {"name": "context", "value": CONTEXT})
    await alex.emit(handler_name(ExplanationState, "save"))
    await alex.wait_for(lambda: len(alex.var(ExplanationState, "mine", [])) == 1)
    for text in (ENTRY, SHARED_ENTRY):
        await alex.emit(handler_name(WorkbookState, "add"), {"form": {"text": text}})
    await alex.wait_for(lambda: len(alex.var(WorkbookState, "entries", [])) == 2)


def test_forged_events_for_the_partners_private_items_are_refused_and_leak_nothing(backend: InProcessBackend) -> None:
    alex_token, sam_token = _couple("forged")

    async def scenario() -> None:
        alex, sam = await _tab(backend, alex_token), await _tab(backend, sam_token)
        try:
            await _alex_writes_everything(alex)
            ids = _ids()
            # Alex edits while Sam is connected: still nothing for Sam.
            await alex.emit(handler_name(PrivateNotesState, "start_edit"), {"note_id": ids["note"]})
            await alex.emit(handler_name(PrivateNotesState, "set_draft"), {"value": NOTE_EDIT})
            await alex.emit(handler_name(PrivateNotesState, "save_edit"))
            await alex.wait_for(lambda: [n["text"] for n in alex.var(PrivateNotesState, "notes")] == [NOTE_EDIT])
            await alex.emit(handler_name(WorkbookState, "start_edit"), {"entry_id": ids["entry"]})
            await alex.emit(handler_name(WorkbookState, "set_draft"), {"value": ENTRY_EDIT})
            await alex.emit(handler_name(WorkbookState, "save_edit"))
            await alex.wait_for(lambda: ENTRY_EDIT in [e["text"] for e in alex.var(WorkbookState, "entries")])

            # Sam's tab names Alex's items by id in every event that takes one.
            forged: list[tuple[type, str, dict[str, Any]]] = [
                (PrivateNotesState, "start_edit", {"note_id": ids["note"]}),
                (PrivateNotesState, "delete", {"note_id": ids["note"]}),
                (ExplanationState, "start_edit", {"explanation_id": ids["explanation"]}),
                (ExplanationState, "share", {"explanation_id": ids["explanation"]}),
                (ExplanationState, "unshare", {"explanation_id": ids["explanation"]}),
                (ExplanationState, "delete", {"explanation_id": ids["explanation"]}),
                (ExplanationState, "send_reply", {"form": {"explanation_id": str(ids["explanation"]), "reply": "hi"}}),
                (WorkbookState, "start_edit", {"entry_id": ids["entry"]}),
                (WorkbookState, "share", {"entry_id": ids["entry"]}),
                (WorkbookState, "unshare", {"entry_id": ids["entry"]}),
                (WorkbookState, "delete", {"entry_id": ids["entry"]}),
            ]
            for cls, handler, payload in forged:
                await sam.emit(handler_name(cls, handler), payload)
            await sam.wait_for(lambda: sam.var(ExplanationState, "reply_error", "") == NOT_FOUND)
            await sam.wait_for(lambda: _refusals(sam) >= 7)  # delete, share, unshare, delete x2, share, unshare
            assert sam.var(PrivateNotesState, "edit_error") == NOT_FOUND
            assert sam.var(ExplanationState, "error") == NOT_FOUND
            assert sam.var(WorkbookState, "edit_error") == NOT_FOUND
            # Saving "the edit" Sam never got to open writes nothing either (there is no id to save to).
            await sam.emit(handler_name(PrivateNotesState, "set_draft"), {"value": "overwritten"})
            await sam.emit(handler_name(PrivateNotesState, "save_edit"))
            await sam.emit(handler_name(WorkbookState, "set_draft"), {"value": "overwritten"})
            await sam.emit(handler_name(WorkbookState, "save_edit"))
            await sam.emit(handler_name(ExplanationState, "set_part"), {"name": "impact", "value": "overwritten"})
            await sam.emit(handler_name(ExplanationState, "save"))  # a new explanation of Sam's own, at most
            await sam.wait_for(lambda: len(sam.var(ExplanationState, "mine", [])) == 1)
            # Sam reloads every private part: his own, empty, space.
            for cls in (PrivateNotesState, ReflectionState, WorkbookState):
                await sam.emit(handler_name(cls, "load"))
            await sam.wait_for(lambda: sam.var(WorkbookState, "summary", "") != "")
            assert sam.var(PrivateNotesState, "notes") == []
            assert sam.var(WorkbookState, "entries") == []
            assert sam.var(ReflectionState, "reflection")["repeated_note"] == ""
            assert sam.var(CoupleState, "shared_entries") == []
            assert sam.var(CoupleState, "shared_explanations") == []

            # A new tab of Sam's joins: the couple's whole shared view is rebuilt from the database for it.
            fresh = await _tab(backend, sam_token)
            await fresh.close()
            for secret in SECRETS:
                assert secret not in sam.everything(), secret
                assert secret not in fresh.everything(), secret
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())
    with Session(get_engine()) as session:
        assert [n.text for n in session.exec(select(PrivateNote)).all()] == [NOTE_EDIT]
        assert session.exec(select(WhyReflection)).one().repeated_note == WHY
        alexs = session.exec(select(Explanation).where(Explanation.context == CONTEXT)).one()
        assert (alexs.shared_couple_id, alexs.reply) == (None, "")
        entries = session.exec(select(WorkbookEntry)).all()
        assert sorted(e.text for e in entries) == sorted([ENTRY_EDIT, SHARED_ENTRY])
        assert all(e.shared_couple_id is None for e in entries)


def test_sharing_and_unsharing_reach_the_partner_live_and_only_shared_words_travel(backend: InProcessBackend) -> None:
    alex_token, sam_token = _couple("sharing")

    def shared_texts(client: ReflexClient) -> list[str]:
        return [e["text"] for e in client.var(CoupleState, "shared_entries", [])]

    async def scenario() -> None:
        alex, sam = await _tab(backend, alex_token), await _tab(backend, sam_token)
        try:
            await _alex_writes_everything(alex)
            shared_id = next(e["id"] for e in alex.var(WorkbookState, "entries") if e["text"] == SHARED_ENTRY)
            private_id = next(e["id"] for e in alex.var(WorkbookState, "entries") if e["text"] == ENTRY)

            await alex.emit(handler_name(WorkbookState, "share"), {"entry_id": shared_id})
            await sam.wait_for(lambda: shared_texts(sam) == [SHARED_ENTRY])
            assert sam.var(CoupleState, "shared_entries")[0]["author_name"] == "Alex"

            # The explanation needs all three parts before it can be shared; then Sam reads it and replies.
            explanation_id = alex.var(ExplanationState, "mine")[0]["id"]
            await alex.emit(handler_name(ExplanationState, "share"), {"explanation_id": explanation_id})
            await alex.wait_for(lambda: any("Before sharing" in json.dumps(e) for e in alex.events))
            await alex.emit(handler_name(ExplanationState, "start_edit"), {"explanation_id": explanation_id})
            for name, value in (("thinking", "I felt ashamed."), ("impact", "You felt alone."), ("context", "Work.")):
                await alex.emit(handler_name(ExplanationState, "set_part"), {"name": name, "value": value})
            await alex.emit(handler_name(ExplanationState, "save"))
            await alex.emit(handler_name(ExplanationState, "share"), {"explanation_id": explanation_id})
            await sam.wait_for(lambda: len(sam.var(CoupleState, "shared_explanations", [])) == 1)
            assert sam.var(CoupleState, "shared_explanations")[0]["impact"] == "You felt alone."
            await sam.emit(
                handler_name(ExplanationState, "send_reply"),
                {"form": {"explanation_id": str(explanation_id), "reply": "Thank you for telling me."}},
            )
            await alex.wait_for(
                lambda: (
                    [e["reply"] for e in alex.var(CoupleState, "shared_explanations", [])]
                    == ["Thank you for telling me."]
                )
            )

            # Alex edits the private entry while sharing the other: the shared view never carries it.
            await alex.emit(handler_name(WorkbookState, "start_edit"), {"entry_id": private_id})
            await alex.emit(handler_name(WorkbookState, "set_draft"), {"value": AFTER_UNSHARE})
            await alex.emit(handler_name(WorkbookState, "save_edit"))
            await alex.wait_for(lambda: AFTER_UNSHARE in [e["text"] for e in alex.var(WorkbookState, "entries")])

            # Unsharing takes both away from Sam at once.
            await alex.emit(handler_name(WorkbookState, "unshare"), {"entry_id": shared_id})
            await sam.wait_for(lambda: shared_texts(sam) == [])
            await alex.emit(handler_name(ExplanationState, "unshare"), {"explanation_id": explanation_id})
            await sam.wait_for(lambda: sam.var(CoupleState, "shared_explanations") == [])
            # And edits after unsharing stay with Alex.
            await alex.emit(handler_name(WorkbookState, "start_edit"), {"entry_id": shared_id})
            await alex.emit(handler_name(WorkbookState, "set_draft"), {"value": "zebra-unshared now private"})
            await alex.emit(handler_name(WorkbookState, "save_edit"))
            await alex.wait_for(
                lambda: "zebra-unshared now private" in [e["text"] for e in alex.var(WorkbookState, "entries")]
            )
            await asyncio.sleep(0.3)  # anything that were to be pushed to Sam would have arrived by now
            for secret in SECRETS:
                assert secret not in sam.everything(), secret
            assert SHARED_ENTRY in sam.everything()  # the recorder does see what was shared
        finally:
            await alex.close()
            await sam.close()

    asyncio.run(scenario())


def test_signing_out_forgets_the_private_space_of_this_tab(backend: InProcessBackend) -> None:
    alex_token, _ = _couple("signout")

    async def scenario() -> None:
        alex = await _tab(backend, alex_token)
        try:
            await alex.emit(handler_name(PrivateNotesState, "add"), {"form": {"text": NOTE}})
            await alex.wait_for(lambda: len(alex.var(PrivateNotesState, "notes", [])) == 1)
            await alex.emit(handler_name(AuthState, "log_out"))
            await alex.wait_for(lambda: alex.var(PrivateNotesState, "notes", [1]) == [])
            assert alex.var(PrivateNotesState, "owner_id") == 0
            # The next event of this tab (say, someone else picking up the device) finds nothing to show.
            await alex.emit(handler_name(PrivateNotesState, "load"))
            await asyncio.sleep(0.3)
            assert alex.var(PrivateNotesState, "notes") == []
        finally:
            await alex.close()

    asyncio.run(scenario())


def test_deleting_the_account_forgets_the_private_space_of_this_tab(backend: InProcessBackend) -> None:
    alex_token, _ = _couple("delete")

    async def scenario() -> None:
        alex = await _tab(backend, alex_token)
        try:
            await alex.emit(handler_name(PrivateNotesState, "add"), {"form": {"text": NOTE}})
            await alex.wait_for(lambda: len(alex.var(PrivateNotesState, "notes", [])) == 1)
            form = {"password": PASSWORD, "confirmation": data_rights.CONFIRMATION}
            await alex.emit(handler_name(DataRightsState, "delete_account"), {"form": form})
            await alex.wait_for(lambda: alex.var(PrivateNotesState, "notes", [1]) == [])
            assert alex.var(PrivateNotesState, "owner_id") == 0
            assert alex.var(AuthState, "user_id") == 0
        finally:
            await alex.close()

    asyncio.run(scenario())
