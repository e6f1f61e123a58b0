"""Pieces every part of the private space uses: the privacy notice, confirmations, sharing, and a written passage."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventType


def privacy_notice() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("lock", size=18)),
        rx.callout.text(
            rx.text.strong("Only you can see this. "),
            "Your notes and your reflection are never shown to your partner. An explanation or a workbook entry "
            "reaches them only if you choose to share it, and you can make it private again at any time.",
        ),
        color_scheme="iris",
        variant="surface",
        id="private-notice",
        width="100%",
    )


def confirm_button(
    label: str,
    *,
    title: str,
    body: str,
    confirm: str,
    on_confirm: EventType[Any],
    test_id: str,
    color: str = "gray",
    variant: str = "soft",
    keep: str = "Cancel",
) -> rx.Component:
    """A small button that asks once before doing something that matters (deleting, sharing)."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(label, size="1", variant=variant, color_scheme=color, data_testid=test_id),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(body),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button(keep, variant="soft", color_scheme="gray", size="3")),
                rx.alert_dialog.action(
                    rx.button(
                        confirm,
                        size="3",
                        color_scheme="red" if color == "red" else "iris",
                        on_click=on_confirm,
                        data_testid=f"{test_id}-confirm",
                    )
                ),
                spacing="3",
                justify="end",
                wrap="wrap",
                margin_top="1em",
            ),
            max_width="460px",
        ),
    )


def share_toggle(
    shared: Any,
    *,
    what: str,
    share_body: str,
    unshare_body: str,
    on_share: EventType[Any],
    on_unshare: EventType[Any],
    test_id: str,
) -> rx.Component:
    """Share one item with the partner, or make it private again (either asks once first)."""
    return rx.cond(
        shared,
        confirm_button(
            "Make private",
            title=f"Make this {what} private again?",
            body=unshare_body,
            confirm="Make private",
            on_confirm=on_unshare,
            test_id=f"{test_id}-unshare",
        ),
        confirm_button(
            "Share with your partner",
            title=f"Share this {what}?",
            body=share_body,
            confirm="Share it",
            on_confirm=on_share,
            test_id=f"{test_id}-share",
            color="iris",
        ),
    )


def passage(label: str, text: Any) -> rx.Component:
    """One labelled part of something written (hidden while empty)."""
    return rx.cond(
        text != "",
        rx.vstack(
            rx.text(label, size="1", weight="bold", color_scheme="gray"),
            rx.text(text, size="3", class_name="cd-agenda-text"),
            spacing="1",
            width="100%",
        ),
        rx.fragment(),
    )


def shared_badge(shared: Any) -> rx.Component:
    return rx.cond(
        shared,
        rx.badge(rx.icon("eye", size=12), "Shared with your partner", color_scheme="iris", size="1"),
        rx.badge(rx.icon("lock", size=12), "Only you", color_scheme="gray", size="1"),
    )
