"""The dashboard: the couple's shared home."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
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


def _paired() -> rx.Component:
    return rx.grid(
        empty_state(
            "handshake",
            "Your promises",
            "Specific, checkable commitments each of you makes, like “I'll text you when I leave work”. "
            "Follow-through builds trust in small, repeated moments.",
            action=rx.link("Go to commitments", href=routes.COMMITMENTS),
        ),
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
        columns=rx.breakpoints(initial="1", md="2", xl="3"),
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
