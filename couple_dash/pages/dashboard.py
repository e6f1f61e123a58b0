"""The dashboard: the couple's shared home."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.commitments import today_item
from couple_dash.components.daily_trust import dashboard_block
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import partner_name
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.rituals import person
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
    return rx.cond(
        CoupleState.commitments.length() > 0,
        rx.grid(
            _column("You, today", True, "today-mine"),
            _column(rx.text.span(partner_name(), ", today"), False, "today-partner"),
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
    return rx.vstack(_today(), dashboard_block(), _more(), spacing="5", width="100%")


def _coming_up() -> rx.Component:
    """The next rituals (the check-in among them), with who plans each; actions live on the Rituals page."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Coming up", as_="h2", size="4"),
                rx.spacer(),
                rx.link("All rituals", href=routes.RITUALS, size="2"),
                width="100%",
                align="center",
            ),
            rx.cond(
                CoupleState.upcoming.length() > 0,
                rx.vstack(
                    rx.foreach(
                        CoupleState.upcoming,
                        lambda o: rx.hstack(
                            rx.cond(
                                o.kind == "check_in",
                                rx.icon("messages-square", size=18, aria_hidden="true"),
                                rx.icon("calendar-heart", size=18, aria_hidden="true"),
                            ),
                            rx.vstack(
                                rx.text(o.title, weight="medium", size="3"),
                                rx.text(o.label, " · planned by ", person(o.planner_id), size="2", color_scheme="gray"),
                                spacing="0",
                            ),
                            align="center",
                            spacing="3",
                            data_testid="coming-up",
                        ),
                    ),
                    spacing="3",
                ),
                rx.text(
                    "Nothing planned yet. Date nights, a morning coffee, the weekly check-in: plan them together.",
                    size="2",
                    color_scheme="gray",
                ),
            ),
            rx.cond(
                CoupleState.schedule_label == "",
                rx.link("Set your weekly check-in day", href=routes.CHECK_IN, size="2"),
                rx.fragment(),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="coming-up",
    )


def _more() -> rx.Component:
    return rx.grid(
        _coming_up(),
        empty_state(
            "messages-square",
            "Weekly check-in",
            "A structured conversation: appreciations, what went well, one issue at a time. Add to the agenda "
            "as things come up during the week.",
            action=rx.link("Open the agenda", href=routes.CHECK_IN),
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
        rx.cond(CoupleState.is_paired, _paired(), rx.vstack(_unpaired(), _kept_alone(), spacing="5", width="100%")),
        width="100%",
    )


def _kept_alone() -> rx.Component:
    """After a partner leaves or deletes their account, your own promises stay yours to see and keep."""
    return rx.cond(CoupleState.commitments.length() > 0, _column("Your promises", True, "today-mine"), rx.fragment())
