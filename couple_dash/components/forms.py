"""Labelled form fields and messages: every input has a visible label and an id tests and screen readers can use.

Also the small pieces several forms share: the wording nudge, step pills, up/down buttons and the partner's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from reflex.event import EventType

from couple_dash.domain.accounts import known_time_zones
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState


def field(
    label: str,
    name: str,
    *,
    type_: str = "text",
    autocomplete: str = "off",
    hint: str = "",
    **props: object,
) -> rx.Component:
    field_id = f"field-{name}"
    hint_id = f"{field_id}-hint"
    return rx.vstack(
        rx.el.label(label, html_for=field_id, class_name="cd-label"),
        rx.input(
            name=name,
            id=field_id,
            type=type_,
            auto_complete=autocomplete,
            size="3",
            width="100%",
            aria_describedby=hint_id if hint else None,
            **props,
        ),
        rx.text(hint, id=hint_id, size="1", color_scheme="gray") if hint else rx.fragment(),
        spacing="1",
        width="100%",
    )


def time_zone_field(value: rx.Var[str] | str, on_change: EventType[Any]) -> rx.Component:
    return rx.vstack(
        rx.el.label("Time zone", html_for="field-time_zone", class_name="cd-label"),
        rx.el.select(
            *[rx.el.option(tz, value=tz) for tz in known_time_zones()],
            name="time_zone",
            id="field-time_zone",
            value=value,
            on_change=on_change,
            class_name="cd-select",
        ),
        rx.text("Your days (and streaks) are counted in this zone.", size="1", color_scheme="gray"),
        spacing="1",
        width="100%",
    )


def error_callout(message: rx.Var[str] | str, id_: str = "form-error") -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", id=id_, width="100%"),
        rx.fragment(),
    )


def notice_callout(message: rx.Var[str] | str, id_: str = "form-notice") -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="info", color_scheme="green", role="status", id=id_, width="100%"),
        rx.fragment(),
    )


def partner_name() -> rx.Component:
    """The other member's name, for sentences that speak of them."""
    return rx.foreach(
        CoupleState.members, lambda m: rx.cond(m.user_id != AuthState.user_id, rx.text.span(m.name), rx.fragment())
    )


def nudge_callout(summary: Any, points: Any, id_: str, otherwise: rx.Component | None = None) -> rx.Component:
    """Shown while typing, never in the way: the words stay the author's choice. ``otherwise`` stands in when quiet."""
    return rx.cond(
        (summary != "") | (points.length() > 0),
        rx.callout.root(
            rx.callout.icon(rx.icon("lightbulb", size=16)),
            rx.vstack(
                rx.cond(summary != "", rx.callout.text(summary, weight="medium"), rx.fragment()),
                rx.el.ul(rx.foreach(points, lambda p: rx.el.li(p)), class_name="cd-nudge-list"),
                spacing="1",
            ),
            color_scheme="amber",
            id=id_,
            role="status",
            width="100%",
        ),
        otherwise or rx.fragment(),
    )


def step_pills(titles: list[str], current: Any, label: str = "Steps") -> rx.Component:
    """Numbered steps, the ``current`` one (a var holding its index) marked, the ones before it done."""
    return rx.el.ol(
        *[
            rx.el.li(
                f"{i + 1}. {title}",
                class_name=rx.cond(
                    current == i, "cd-step cd-step-current", rx.cond(current > i, "cd-step cd-step-done", "cd-step")
                ),
                aria_current=rx.cond(current == i, "step", None),
            )
            for i, title in enumerate(titles)
        ],
        class_name="cd-steps",
        aria_label=label,
    )


def inline_entry(
    label: str,
    input_id: str,
    *,
    placeholder: str,
    max_length: int,
    button: str,
    button_id: str,
    button_variant: str | None = None,
) -> rx.Component:
    """A labelled one-line ``text`` input with its submit button beside it, for the caller's own form."""
    return rx.fragment(
        rx.el.label(label, html_for=input_id, class_name="cd-label"),
        rx.hstack(
            rx.input(
                name="text",
                id=input_id,
                placeholder=placeholder,
                max_length=max_length,
                size="3",
                auto_complete="off",
                flex="1",
                min_width="0",
            ),
            rx.button(button, type="submit", size="3", variant=button_variant, id=button_id),
            width="100%",
            spacing="2",
        ),
    )


def move_buttons(on_move: Callable[[int], EventType[Any]]) -> rx.Component:
    """Up and down arrows for a row in a list the person orders; ``on_move(-1)`` / ``on_move(1)`` give the event."""
    return rx.fragment(
        rx.icon_button(
            rx.icon("arrow-up", size=14), on_click=on_move(-1), size="1", variant="ghost", aria_label="Move up"
        ),
        rx.icon_button(
            rx.icon("arrow-down", size=14), on_click=on_move(1), size="1", variant="ghost", aria_label="Move down"
        ),
    )


def submit_button(label: str, busy: rx.Var[bool] | bool, **props: object) -> rx.Component:
    return rx.button(label, type="submit", size="3", width="100%", loading=busy, **props)


def auth_card(*children: rx.Component) -> rx.Component:
    return rx.card(rx.vstack(*children, spacing="4", width="100%"), size="3", class_name="cd-auth-card")
