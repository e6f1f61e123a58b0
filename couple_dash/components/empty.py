"""Empty states: say what will be here, why it matters, and the next step."""

from __future__ import annotations

import reflex as rx


def empty_state(
    icon: str,
    title: str,
    body: str,
    *,
    action: rx.Component | None = None,
    id_: str | None = None,
    heading_level: str = "h2",
) -> rx.Component:
    """``heading_level="h1"`` where the empty state is all the page holds (it is then the page's title)."""
    return rx.card(
        rx.vstack(
            rx.center(rx.icon(icon, size=28, aria_hidden="true"), class_name="cd-empty-icon"),
            rx.heading(title, as_=heading_level, size="4"),
            rx.text(body, color_scheme="gray", size="2"),
            action or rx.fragment(),
            spacing="2",
            align="start",
        ),
        size="3",
        id=id_,
        class_name="cd-empty",
    )
