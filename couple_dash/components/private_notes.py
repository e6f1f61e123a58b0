"""Private notes: a small journal, for its author's eyes only (there is no way to share a note)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.inline_editor import inline_editor
from couple_dash.components.private_space import confirm_button
from couple_dash.services.private_notes import MAX_NOTE_LENGTH
from couple_dash.state.private_notes import PrivateNotesState


def _new_note() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.el.label("A new note", html_for="private-note-text", class_name="cd-label"),
                rx.text_area(
                    id="private-note-text",
                    name="text",
                    placeholder="Whatever is on your mind. Nobody else will read it.",
                    max_length=MAX_NOTE_LENGTH,
                    rows="4",
                    size="3",
                    width="100%",
                    key=PrivateNotesState.added.to_string(),
                ),
                error_callout(PrivateNotesState.add_error, id_="private-note-error"),
                rx.button(rx.icon("lock", size=16), "Save note", type="submit", size="3", id="private-note-save"),
                spacing="2",
                width="100%",
            ),
            on_submit=PrivateNotesState.add,
            aria_label="Write a private note",
        ),
        size="3",
        width="100%",
    )


def _note(note: Any) -> rx.Component:
    return rx.box(
        rx.cond(
            PrivateNotesState.editing_id == note.id,
            inline_editor(
                PrivateNotesState,
                "Edit note",
                text_id="private-note-edit",
                ids="private-note-edit",
                max_length=MAX_NOTE_LENGTH,
                rows="4",
            ),
            rx.vstack(
                rx.text(note.text, size="3", class_name="cd-agenda-text", data_testid="private-note-text"),
                rx.hstack(
                    rx.text(note.written_label, rx.cond(note.edited, " · edited", ""), size="1", color_scheme="gray"),
                    rx.spacer(),
                    rx.button(
                        "Edit",
                        on_click=PrivateNotesState.start_edit(note.id),
                        size="1",
                        variant="ghost",
                        data_testid="private-note-edit",
                    ),
                    confirm_button(
                        "Delete",
                        title="Delete this note?",
                        body="It will be gone for good. Nobody else has ever seen it.",
                        confirm="Delete",
                        on_confirm=PrivateNotesState.delete(note.id),
                        test_id="private-note-delete",
                        color="red",
                        variant="ghost",
                        keep="Keep it",
                    ),
                    align="center",
                    spacing="3",
                    width="100%",
                ),
                spacing="2",
                width="100%",
            ),
        ),
        class_name="cd-agenda-item",
        data_testid="private-note",
    )


def notes_panel() -> rx.Component:
    return rx.vstack(
        rx.text(
            "A few lines after a hard day, something to come back to, what you want to remember: whatever helps.",
            size="2",
            color_scheme="gray",
        ),
        _new_note(),
        rx.cond(
            PrivateNotesState.notes.length() > 0,
            rx.vstack(rx.foreach(PrivateNotesState.notes, _note), spacing="2", width="100%", id="private-notes"),
            empty_state(
                "notebook-pen",
                "No notes yet",
                "Your notes stay here, on your account only. Your partner can't see them, now or later.",
                id_="private-notes-empty",
            ),
        ),
        spacing="4",
        width="100%",
    )
