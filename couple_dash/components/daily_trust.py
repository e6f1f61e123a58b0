"""The dashboard's daily trust-building: share an update (the phone's "Share an update"), reach out with a bid,
and a quiet word when an agreement waits for an answer or a review."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.bids import bids_card
from couple_dash.components.transparency import composer, feed
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState


def _agreement_notes() -> rx.Component:
    asks_for_me = rx.foreach(
        CoupleState.agreements,
        lambda a: rx.cond(
            (a.status == "asked") & (a.sharer_id == AuthState.user_id),
            rx.callout.root(
                rx.callout.icon(rx.icon("message-circle-question", size=16)),
                rx.callout.text(
                    a.asked_by_name,
                    " asked if you'd share: “",
                    a.text,
                    "”. It's your choice. ",
                    rx.link("Answer", href=routes.UPDATES + "#agreements", weight="bold"),
                ),
                color_scheme="iris",
                size="1",
                width="100%",
                data_testid="agreement-ask-note",
            ),
            rx.fragment(),
        ),
    )
    due = rx.cond(
        CoupleState.agreements_due_for_review > 0,
        rx.callout.root(
            rx.callout.icon(rx.icon("calendar-check", size=16)),
            rx.callout.text(
                CoupleState.agreements_due_for_review.to_string(),
                rx.cond(
                    CoupleState.agreements_due_for_review == 1,
                    " transparency agreement is due for review. ",
                    " transparency agreements are due for review. ",
                ),
                rx.link("Look at it together", href=routes.UPDATES + "#agreements", weight="bold"),
            ),
            color_scheme="iris",
            size="1",
            width="100%",
            id="agreements-due-note",
        ),
        rx.fragment(),
    )
    return rx.vstack(asks_for_me, due, spacing="2", width="100%")


def _share_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading("Share an update", as_="h2", size="4"),
                rx.spacer(),
                rx.link("All updates", href=routes.UPDATES, size="2", id="all-updates"),
                width="100%",
                align="center",
            ),
            composer(on_dashboard=True),
            feed(limit=3),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="dashboard-share",
    )


def dashboard_block() -> rx.Component:
    return rx.vstack(
        _agreement_notes(),
        rx.grid(
            _share_card(),
            bids_card(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        spacing="3",
        width="100%",
        id="daily-trust",
    )
