"""Empty states: say what will be here, why it matters, and the next step."""

from __future__ import annotations

import reflex as rx


def empty_state(
    icon: str, title: str, body: str, *, action: rx.Component | None = None, id_: str | None = None
) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.center(rx.icon(icon, size=28, aria_hidden="true"), class_name="cd-empty-icon"),
            rx.heading(title, as_="h2", size="4"),
            rx.text(body, color_scheme="gray", size="2"),
            action or rx.fragment(),
            spacing="2",
            align="start",
        ),
        size="3",
        id=id_,
        class_name="cd-empty",
    )
