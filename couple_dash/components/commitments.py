"""How a commitment looks: a row in the list, and a 'today' item on the dashboard with one-tap actions."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventType

from couple_dash import routes
from couple_dash.state.auth import AuthState
from couple_dash.state.followthrough import FollowThroughState

STATUS_COLORS = {"active": "grass", "proposed": "amber", "paused": "gray", "completed": "iris", "retired": "gray"}


def _meta(card: Any) -> rx.Component:
    return rx.hstack(
        rx.text(card.cadence_label, size="1", color_scheme="gray"),
        rx.cond(card.due_by != "", rx.text("by " + card.due_by.to(str), size="1", color_scheme="gray"), rx.fragment()),
        rx.cond(
            card.streak_label != "",
            rx.hstack(
                rx.icon("flame", size=12, aria_hidden="true"),
                rx.text(card.streak_label, size="1"),
                spacing="1",
                align="center",
                color=rx.color("orange", 11),
                title="Current streak",
            ),
            rx.fragment(),
        ),
        rx.cond(
            card.cadence_kind != "occasion",
            rx.text(
                "Consistency ",
                card.score_pct.to_string(),
                "%",
                size="1",
                color_scheme="gray",
                title="A score that rewards steadiness and forgives a single slip",
            ),
            rx.fragment(),
        ),
        spacing="3",
        wrap="wrap",
        align="center",
    )


def status_badge(card: Any) -> rx.Component:
    return rx.badge(
        card.status_label,
        color_scheme=rx.match(card.status, *STATUS_COLORS.items(), "gray"),
        variant="soft",
        radius="full",
    )


def commitment_row(card: Any) -> rx.Component:
    return rx.link(
        rx.box(
            rx.hstack(
                rx.text(card.text, weight="medium", size="3", class_name="cd-commitment-text"),
                rx.spacer(),
                status_badge(card),
                align="start",
                width="100%",
            ),
            rx.hstack(
                rx.text(rx.cond(card.owner_id == AuthState.user_id, "You", card.owner_name), size="1", weight="bold"),
                rx.text(card.category_label, size="1", color_scheme="gray"),
                _meta(card),
                spacing="3",
                wrap="wrap",
            ),
            class_name="cd-card-row",
        ),
        href=routes.COMMITMENT + "?id=" + card.id.to_string(),
        underline="none",
        color="inherit",
        data_testid="commitment-row",
        width="100%",
    )


def _action(label: str, on_click: EventType[Any], **props: Any) -> rx.Component:
    return rx.button(label, on_click=on_click, size="3", class_name="cd-tap", **props)


def _my_today(card: Any) -> rx.Component:
    """The owner's one-tap tick, undo, and whether the partner has seen it."""
    occasion = card.cadence_kind == "occasion"
    return rx.match(
        card.today_status,
        (
            "done",
            rx.hstack(
                rx.badge(
                    rx.icon("check", size=14),
                    rx.cond(occasion, "Logged today", "Done today"),
                    color_scheme="grass",
                    size="2",
                ),
                rx.cond(
                    card.today_acknowledged,
                    rx.text("Seen ♥", size="1", color_scheme="pink"),
                    rx.text("Not seen yet", size="1", color_scheme="gray"),
                ),
                rx.cond(
                    occasion,
                    _action(
                        "Log again",
                        FollowThroughState.tick(card.id),
                        variant="soft",
                        aria_label="Log again: " + card.text,
                    ),
                    rx.button(
                        "Undo",
                        on_click=FollowThroughState.untick(card.today_tick_id),
                        size="1",
                        variant="ghost",
                        aria_label="Undo today's tick",
                    ),
                ),
                align="center",
                spacing="2",
                wrap="wrap",
            ),
        ),
        (
            "open",
            _action(
                rx.cond(occasion, "Log it", "Done today"),
                FollowThroughState.tick(card.id),
                # The name starts with the words on the button (WCAG 2.5.3), then says which promise it ticks.
                aria_label=rx.cond(occasion, "Log it: " + card.text, "Done today: " + card.text),
                data_testid="tick",
            ),
        ),
        (
            "proposed",
            rx.hstack(
                _action("Accept", FollowThroughState.set_status(card.id, "active"), data_testid="accept"),
                rx.button(
                    "Not now",
                    on_click=FollowThroughState.set_status(card.id, "retired"),
                    size="3",
                    variant="soft",
                    color_scheme="gray",
                ),
                spacing="2",
            ),
        ),
        ("not_due", rx.text("Not due today", size="1", color_scheme="gray")),
        ("paused", rx.text("Paused", size="1", color_scheme="gray")),
        rx.fragment(),
    )


def _partner_today(card: Any) -> rx.Component:
    """What the partner sees: that it was done, and one tap to say 'seen, thank you'."""
    return rx.match(
        card.today_status,
        (
            "done",
            rx.cond(
                card.today_acknowledged,
                rx.badge(rx.icon("heart", size=14), "You said thanks", color_scheme="pink", size="2"),
                _action(
                    "Seen, thank you",
                    FollowThroughState.acknowledge(card.today_tick_id),
                    color_scheme="pink",
                    variant="soft",
                    data_testid="acknowledge",
                ),
            ),
        ),
        ("open", rx.text("Not yet today", size="1", color_scheme="gray")),
        ("proposed", rx.text("Waiting for an answer", size="1", color_scheme="gray")),
        ("not_due", rx.text("Not due today", size="1", color_scheme="gray")),
        ("paused", rx.text("Paused", size="1", color_scheme="gray")),
        rx.fragment(),
    )


def _pause_request(card: Any) -> rx.Component:
    return rx.cond(
        (card.pending_pause_id != 0) & (card.pending_pause_by != AuthState.user_id),
        rx.hstack(
            rx.text("Pause proposed: ", card.pending_pause_label, size="1"),
            rx.button("Agree", size="1", on_click=FollowThroughState.answer_pause(card.pending_pause_id, True)),
            rx.button(
                "Decline",
                size="1",
                variant="soft",
                color_scheme="gray",
                on_click=FollowThroughState.answer_pause(card.pending_pause_id, False),
            ),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.fragment(),
    )


def today_item(card: Any) -> rx.Component:
    mine = card.owner_id == AuthState.user_id
    return rx.box(
        rx.link(
            rx.text(card.text, weight="medium", size="3", class_name="cd-commitment-text"),
            href=routes.COMMITMENT + "?id=" + card.id.to_string(),
            underline="hover",
            color="inherit",
        ),
        _meta(card),
        rx.cond(
            card.today_note != "", rx.text("“", card.today_note, "”", size="1", color_scheme="gray"), rx.fragment()
        ),
        rx.cond(
            card.review_due, rx.text("Due for review at your check-in", size="1", color_scheme="amber"), rx.fragment()
        ),
        rx.box(rx.cond(mine, _my_today(card), _partner_today(card)), margin_top="0.5rem"),
        _pause_request(card),
        class_name="cd-card-row",
        data_testid="today-item",
        data_status=card.today_status,
    )


def status_filter(
    owner: rx.Var[str] | str, set_owner: EventType[Any], status: rx.Var[str] | str, set_status: EventType[Any]
) -> rx.Component:
    return rx.hstack(
        rx.el.label("Show", html_for="filter-owner", class_name="cd-label"),
        rx.el.select(
            rx.el.option("Both of us", value="all"),
            rx.el.option("Mine", value="mine"),
            rx.el.option("My partner's", value="partner"),
            id="filter-owner",
            value=owner,
            on_change=set_owner,
            class_name="cd-select cd-select-inline",
        ),
        rx.el.label("Status", html_for="filter-status", class_name="cd-label"),
        rx.el.select(
            rx.el.option("Current", value="current"),
            rx.el.option("Ended", value="ended"),
            rx.el.option("All", value="all"),
            id="filter-status",
            value=status,
            on_change=set_status,
            class_name="cd-select cd-select-inline",
        ),
        align="center",
        spacing="2",
        wrap="wrap",
    )
