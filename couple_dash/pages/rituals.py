"""Rituals: plan small, repeated moments together, see the month, and live each occurrence."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.calendar_export import calendar_card
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.components.ritual_form import ritual_form
from couple_dash.components.rituals import month_view, no_rituals, ritual_card
from couple_dash.state.couple import CoupleState
from couple_dash.state.rituals import RitualsState


def _create_form() -> rx.Component:
    return rx.card(
        ritual_form(
            prefix="ritual",
            heading="Plan a ritual",
            recurrence=RitualsState.recurrence,
            on_recurrence=RitualsState.set_recurrence,
            on_submit=RitualsState.create,
            error=RitualsState.error,
            key=RitualsState.created.to_string(),
            submit_label="Save ritual",
        ),
        size="3",
        width="100%",
    )


@app_page(routes.RITUALS, "Rituals")
def rituals_page() -> rx.Component:
    return rx.vstack(
        page_heading("Rituals", "Small, repeated moments together, planned by both of you."),
        remount_on_change(CoupleState.rituals_signature, RitualsState.load_month),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                rx.vstack(_create_form(), month_view(), calendar_card(), spacing="4", width="100%"),
                rx.vstack(
                    rx.cond(
                        CoupleState.rituals.length() > 0,
                        rx.vstack(
                            rx.foreach(CoupleState.rituals, ritual_card), spacing="4", width="100%", id="ritual-list"
                        ),
                        no_rituals(),
                    ),
                    spacing="4",
                    width="100%",
                ),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "Rituals are for two",
                "Invite your partner first; then you'll plan them together.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
