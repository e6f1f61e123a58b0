"""The live agenda: items by kind (in meeting order), private items, who keeps what for the check-in."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.empty import empty_state
from couple_dash.components.forms import move_buttons
from couple_dash.components.inline_editor import inline_editor
from couple_dash.domain.agenda import KIND_LABELS, MAX_ITEM_LENGTH, AgendaKind
from couple_dash.state.auth import AuthState
from couple_dash.state.check_in import CheckInState
from couple_dash.state.couple import CoupleState


def agenda_item(item: Any) -> rx.Component:  # item: an AgendaItemView var inside rx.foreach
    mine = item.author_id == AuthState.user_id
    return rx.box(
        rx.text(item.text, size="3", class_name="cd-agenda-text", id="agenda-text-" + item.id.to_string()),
        rx.hstack(
            rx.text(rx.cond(mine, "You", item.author_name), size="1", color_scheme="gray"),
            rx.cond(item.carried_over, rx.badge("Carried over", size="1", variant="soft"), rx.fragment()),
            rx.cond(item.hidden, rx.badge("Private until the check-in", size="1", color_scheme="gray"), rx.fragment()),
            rx.spacer(),
            rx.hstack(move_buttons(lambda step: CheckInState.move(item.id, step)), spacing="1"),
            rx.button(
                "Edit",
                on_click=CheckInState.start_edit(item.id, item.text, item.version),
                size="1",
                variant="ghost",
                aria_label="Edit this item",
            ),
            rx.cond(
                mine,
                rx.button(
                    "Remove",
                    on_click=CheckInState.remove(item.id),
                    size="1",
                    variant="ghost",
                    color_scheme="red",
                    aria_label="Remove this item",
                ),
                rx.fragment(),
            ),
            align="center",
            width="100%",
        ),
        rx.cond(
            CheckInState.editing_id == item.id,
            inline_editor(
                CheckInState,
                "Edit item",
                text_id="agenda-edit-text",
                ids="agenda-edit",
                max_length=MAX_ITEM_LENGTH,
                rows="3",
            ),
            rx.fragment(),
        ),
        class_name="cd-agenda-item",
        data_testid="agenda-item",
        data_version=item.version.to_string(),
    )


def _section(kind: AgendaKind) -> rx.Component:
    items = CoupleState.agenda
    return rx.cond(
        CoupleState.agenda_kinds.contains(kind.value),
        rx.vstack(
            rx.heading(KIND_LABELS[kind], as_="h3", size="3", color_scheme="gray"),
            rx.foreach(items, lambda it: rx.cond((it.kind == kind.value) & ~it.hidden, agenda_item(it), rx.fragment())),
            spacing="2",
            width="100%",
        ),
        rx.fragment(),
    )


def agenda_list() -> rx.Component:
    return rx.cond(
        CoupleState.agenda_kinds.length() > 0,
        rx.vstack(*[_section(kind) for kind in AgendaKind], spacing="4", width="100%", id="agenda-list"),
        empty_state(
            "messages-square",
            "Nothing on the agenda yet",
            "Add things during the week as they come up: an appreciation, something that went well, a concern "
            "to talk through calmly, or a request. On the day, you'll take them one at a time.",
            id_="agenda-empty",
        ),
    )


def kept_for_check_in() -> rx.Component:
    """Your own private items (with their words), and how many your partner keeps (never their words)."""
    partner_counts = rx.foreach(
        CoupleState.hidden_items,
        lambda h: rx.cond(
            h.user_id != AuthState.user_id,
            rx.text(
                h.name,
                " is keeping ",
                h.count.to_string(),
                rx.cond(h.count == 1, " item", " items"),
                " to share at the check-in.",
                size="2",
                color_scheme="gray",
                data_testid="partner-hidden-count",
            ),
            rx.fragment(),
        ),
    )
    own = rx.cond(
        CheckInState.private_items.length() > 0,
        rx.vstack(
            rx.heading("Kept for the check-in", as_="h3", size="3", color_scheme="gray"),
            rx.text("Only you can read these until the check-in starts.", size="1", color_scheme="gray"),
            rx.foreach(CheckInState.private_items, agenda_item),
            spacing="2",
            width="100%",
            id="private-items",
        ),
        rx.fragment(),
    )
    return rx.vstack(partner_counts, own, spacing="2", width="100%")
