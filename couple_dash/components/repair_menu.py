"""The two repair menus: your own (add, reword, reorder, remove) and your partner's (make an item your commitment)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.forms import error_callout, move_buttons
from couple_dash.domain.repair import MAX_ITEM
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.repair_menu import RepairMenuState

EXAMPLES = (
    "Tell me before plans change",
    "Sit with me without fixing",
    "Say sorry without a “but”",
    "Ask how I'm doing after a hard day",
    "Show me your phone when I ask, without a sigh",
)


def _win(item: Any) -> rx.Component:
    """A small win, celebrated quietly: one short note, no confetti."""
    return rx.cond(
        item.win != "",
        rx.hstack(
            rx.icon("sprout", size=14, aria_hidden="true"),
            rx.text(item.win, size="1"),
            spacing="1",
            align="center",
            color=rx.color("grass", 11),
            data_testid="repair-win",
        ),
        rx.fragment(),
    )


def _committed_note(item: Any) -> rx.Component:
    who = rx.cond(item.committed_by == AuthState.user_id, "You", item.committed_by_name)
    return rx.cond(
        item.commitment_live,
        rx.hstack(
            rx.icon("handshake", size=14, aria_hidden="true"),
            rx.text(who, " made this a commitment", size="1", data_testid="repair-committed"),
            _win(item),
            spacing="2",
            align="center",
            wrap="wrap",
            color=rx.color("iris", 11),
        ),
        rx.fragment(),
    )


def _editor() -> rx.Component:
    return rx.vstack(
        rx.el.label("Reword this item", html_for="repair-edit-text", class_name="cd-label"),
        rx.input(
            id="repair-edit-text",
            value=RepairMenuState.draft,
            on_change=RepairMenuState.set_draft,
            max_length=MAX_ITEM,
            size="3",
            width="100%",
        ),
        error_callout(RepairMenuState.edit_error, id_="repair-edit-error"),
        rx.hstack(
            rx.button("Save", on_click=RepairMenuState.save_edit, size="2", id="repair-edit-save"),
            rx.button("Cancel", on_click=RepairMenuState.cancel_edit, size="2", variant="soft", color_scheme="gray"),
            spacing="2",
        ),
        spacing="2",
        width="100%",
    )


def _my_item(item: Any) -> rx.Component:
    return rx.box(
        rx.text(item.text, size="3", class_name="cd-agenda-text"),
        _committed_note(item),
        rx.hstack(
            move_buttons(lambda step: RepairMenuState.move(item.id, step)),
            rx.spacer(),
            rx.button(
                "Edit",
                on_click=RepairMenuState.start_edit(item.id, item.text, item.version),
                size="1",
                variant="ghost",
                aria_label="Edit this item",
            ),
            rx.button(
                "Remove",
                on_click=RepairMenuState.remove(item.id),
                size="1",
                variant="ghost",
                color_scheme="red",
                aria_label="Remove this item",
            ),
            align="center",
            width="100%",
        ),
        rx.cond(RepairMenuState.editing_id == item.id, _editor(), rx.fragment()),
        class_name="cd-agenda-item",
        data_testid="my-repair-item",
    )


def _commitment_link(item: Any) -> rx.Component:
    return rx.link("See your commitment", href=routes.COMMITMENT + "?id=" + item.commitment_id.to_string(), size="2")


def _partner_item(item: Any) -> rx.Component:
    mine = item.committed_by == AuthState.user_id
    return rx.box(
        rx.text(item.text, size="3", weight="medium", class_name="cd-agenda-text"),
        rx.cond(
            item.commitment_live,
            rx.vstack(
                _committed_note(item),
                rx.cond(
                    mine & (item.commitment_nudge != ""),
                    rx.callout.root(
                        rx.callout.icon(rx.icon("lightbulb", size=16)),
                        rx.callout.text(
                            "“",
                            item.commitment_text,
                            "”: ",
                            item.commitment_nudge,
                            " ",
                            rx.link(
                                "Adjust it",
                                href=routes.COMMITMENT + "?id=" + item.commitment_id.to_string(),
                                weight="bold",
                            ),
                        ),
                        color_scheme="amber",
                        size="1",
                        data_testid="repair-commitment-nudge",
                    ),
                    rx.cond(mine, _commitment_link(item), rx.fragment()),
                ),
                spacing="2",
                width="100%",
            ),
            rx.button(
                rx.icon("handshake", size=16, aria_hidden="true"),
                "Make it my commitment",
                on_click=RepairMenuState.make_commitment(item.id),
                size="2",
                variant="soft",
                class_name="cd-tap",
                data_testid="make-commitment",
            ),
        ),
        class_name="cd-agenda-item",
        data_testid="partner-repair-item",
    )


def _add_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label("Something that helps me feel repaired", html_for="repair-item-text", class_name="cd-label"),
            rx.input(
                id="repair-item-text",
                name="text",
                placeholder="Tell me before plans change",
                max_length=MAX_ITEM,
                size="3",
                width="100%",
            ),
            rx.text(
                "Write what helps you, not what you think your partner wants to hear. For example:",
                size="1",
                color_scheme="gray",
            ),
            rx.hstack(
                *[
                    rx.button(
                        example,
                        type="button",
                        size="1",
                        variant="outline",
                        radius="full",
                        on_click=rx.set_value("repair-item-text", example),
                        class_name="cd-example",
                    )
                    for example in EXAMPLES
                ],
                wrap="wrap",
                spacing="2",
            ),
            error_callout(RepairMenuState.add_error, id_="repair-add-error"),
            rx.button("Add to my menu", type="submit", size="3", id="repair-add"),
            spacing="2",
            width="100%",
        ),
        on_submit=RepairMenuState.add,
        aria_label="Add to my repair menu",
    )


def _my_menu(menu: Any) -> rx.Component:
    return rx.cond(
        menu.owner_id == AuthState.user_id,
        rx.card(
            rx.vstack(
                rx.heading("Your menu", as_="h2", size="5"),
                rx.text(
                    "Acts of repair that mean something to you. Your partner sees this list as you write it.",
                    size="2",
                    color_scheme="gray",
                ),
                _add_form(),
                rx.vstack(rx.foreach(menu.acts, _my_item), spacing="2", width="100%", id="my-repair-menu"),
                spacing="3",
                width="100%",
            ),
            size="3",
        ),
        rx.fragment(),
    )


def _partner_menu(menu: Any) -> rx.Component:
    return rx.cond(
        menu.owner_id != AuthState.user_id,
        rx.card(
            rx.vstack(
                rx.heading(menu.owner_name, "'s menu", as_="h2", size="5"),
                rx.text(
                    "What helps ",
                    menu.owner_name,
                    " feel repaired, in their words. One tap makes an item your own commitment; you can "
                    "make it more specific afterwards.",
                    size="2",
                    color_scheme="gray",
                ),
                rx.cond(
                    menu.acts.length() > 0,
                    rx.vstack(
                        rx.foreach(menu.acts, _partner_item), spacing="2", width="100%", id="partner-repair-menu"
                    ),
                    rx.text(
                        menu.owner_name,
                        " hasn't added anything yet. When they do, it shows up here straight away.",
                        size="2",
                        id="partner-repair-empty",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            size="3",
        ),
        rx.fragment(),
    )


def repair_menus() -> rx.Component:
    """Your menu first, then your partner's (side by side on wide screens)."""
    return rx.grid(
        rx.box(rx.foreach(CoupleState.repair_menu, _my_menu)),
        rx.box(rx.foreach(CoupleState.repair_menu, _partner_menu)),
        columns=rx.breakpoints(initial="1", lg="2"),
        spacing="4",
        width="100%",
    )
