"""This tab's private notes (its signed-in user's own, never anyone else's, never shared)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.db import session_scope
from couple_dash.services import ServiceError, private_notes
from couple_dash.services.private_notes import NoteView
from couple_dash.services.private_space import NOT_FOUND
from couple_dash.state.private_space import PrivatePart


class PrivateNotesState(PrivatePart, rx.State):
    notes: list[NoteView] = []
    add_error: str = ""
    added: int = 0  # notes added from this tab (re-keys the form so it starts empty)
    editing_id: int = 0
    draft: str = ""
    edit_error: str = ""

    def _reload(self, user_id: int) -> None:
        with session_scope() as session:
            self.notes = private_notes.list_notes(session=session, user_id=user_id)

    @rx.event
    async def add(self, form: dict[str, Any]):
        self.add_error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                private_notes.add_note(session=session, user_id=viewer.user_id, text=str(form.get("text", "")))
        except ServiceError as refusal:
            self.add_error = refusal.message
            return None
        self.added += 1
        self._reload(viewer.user_id)
        return rx.toast.success("Saved. Only you can see it.")

    @rx.event
    def start_edit(self, note_id: int) -> None:
        """Edit one of the notes this tab already shows (its own): an unknown id opens nothing."""
        note = next((n for n in self.notes if n.id == note_id), None)
        if note is None:
            self.edit_error = NOT_FOUND
            return
        self.editing_id, self.draft, self.edit_error = note.id, note.text, ""

    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def cancel_edit(self) -> None:
        self.editing_id, self.draft, self.edit_error = 0, "", ""

    @rx.event
    async def save_edit(self) -> None:
        self.edit_error = ""
        viewer = await self._author()
        if viewer is None:
            return
        try:
            with session_scope() as session:
                private_notes.edit_note(
                    session=session, user_id=viewer.user_id, note_id=self.editing_id, text=self.draft
                )
        except ServiceError as refusal:
            self.edit_error = refusal.message
            return
        self.editing_id, self.draft = 0, ""
        self._reload(viewer.user_id)

    @rx.event
    async def delete(self, note_id: int):
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                private_notes.delete_note(session=session, user_id=viewer.user_id, note_id=note_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        if self.editing_id == note_id:
            self.editing_id, self.draft = 0, ""
        self._reload(viewer.user_id)
        return rx.toast("Note deleted.")
