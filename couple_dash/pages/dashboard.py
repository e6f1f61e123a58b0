"""The dashboard: the couple's shared home."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.commitments import today_item
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState


def _unpaired() -> rx.Component:
    return empty_state(
        "user-plus",
        "Invite your partner",
        "Couple Dash is shared by two. Send your partner a private invite link; once they join, everything "
        "either of you adds shows up for the other at once.",
        action=rx.link(rx.button("Invite your partner", size="3"), href=routes.PAIR, id="dashboard-invite"),
        id_="dashboard-unpaired",
    )


def _column(title: rx.Var[str] | str, mine: bool, id_: str) -> rx.Component:
    def shown(card: Any) -> rx.Var[bool]:
        owner_matches = (card.owner_id == AuthState.user_id) if mine else (card.owner_id != AuthState.user_id)
        current = (card.status == "active") | (card.status == "paused") | (card.status == "proposed")
        return owner_matches & current

    return rx.vstack(
        rx.heading(title, as_="h2", size="4"),
        rx.foreach(CoupleState.commitments, lambda c: rx.cond(shown(c), today_item(c), rx.fragment())),
        rx.link("Make a commitment", href=routes.COMMITMENTS, size="2") if mine else rx.fragment(),
        spacing="2",
        width="100%",
        id=id_,
    )


def _today() -> rx.Component:
    partner_name = rx.foreach(
        CoupleState.members, lambda m: rx.cond(m.user_id != AuthState.user_id, rx.text.span(m.name), rx.fragment())
    )
    return rx.cond(
        CoupleState.commitments.length() > 0,
        rx.grid(
            _column("You, today", True, "today-mine"),
            _column(rx.text.span(partner_name, ", today"), False, "today-partner"),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        empty_state(
            "handshake",
            "Your promises",
            "Specific, checkable commitments each of you makes, like “I'll text you when I leave work”. "
            "Follow-through builds trust in small, repeated moments.",
            action=rx.link("Make your first commitment", href=routes.COMMITMENTS),
        ),
    )


def _paired() -> rx.Component:
    return rx.vstack(_today(), _more(), spacing="5", width="100%")


def _more() -> rx.Component:
    return rx.grid(
        empty_state(
            "messages-square",
            "Next check-in",
            "A weekly, structured conversation: appreciations, what went well, one issue at a time.",
            action=rx.link("Plan your check-in", href=routes.CHECK_IN),
        ),
        empty_state(
            "calendar-heart",
            "Rituals",
            "Date nights, a morning coffee together, a bedtime routine: planned by both of you.",
            action=rx.link("See rituals", href=routes.RITUALS),
        ),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="4",
        width="100%",
        id="dashboard-paired",
    )


@app_page(routes.DASHBOARD, "Dashboard")
def dashboard_page() -> rx.Component:
    return rx.vstack(
        page_heading("Hello, " + AuthState.display_name),
        rx.cond(CoupleState.is_paired, _paired(), _unpaired()),
        width="100%",
    )
