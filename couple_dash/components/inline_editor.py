"""The small editor that opens in place of one item's text (an agenda item, a private note, a workbook entry)."""

from __future__ import annotations

import reflex as rx

from couple_dash.components.forms import error_callout


def inline_editor(
    state: type[rx.State], label: str, *, text_id: str, ids: str, max_length: int, rows: str
) -> rx.Component:
    """Edits ``state.draft`` with the state's ``set_draft``, ``edit_error``, ``save_edit`` and ``cancel_edit``.
    The text area has ``text_id``; the error and the Save button have ``ids`` + "-error" and "-save"."""
    return rx.vstack(
        rx.el.label(label, html_for=text_id, class_name="cd-label"),
        rx.text_area(
            id=text_id,
            value=state.draft,
            on_change=state.set_draft,
            max_length=max_length,
            rows=rows,
            size="3",
            width="100%",
        ),
        error_callout(state.edit_error, id_=f"{ids}-error"),
        rx.hstack(
            rx.button("Save", on_click=state.save_edit, size="2", id=f"{ids}-save"),
            rx.button("Cancel", on_click=state.cancel_edit, size="2", variant="soft", color_scheme="gray"),
            spacing="2",
        ),
        spacing="2",
        width="100%",
    )
