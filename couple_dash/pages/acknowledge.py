"""Acknowledgements: the author's private, guided draft, and what has been sent, with its thread."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.acknowledgement import draft_card, sent_list
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.pages.repair_menu import back_to_repair
from couple_dash.state.acknowledgement import AcknowledgementState
from couple_dash.state.couple import CoupleState


@app_page(routes.ACKNOWLEDGE, "Acknowledgements", on_load=[AcknowledgementState.load_draft])
def acknowledge_page() -> rx.Component:
    return rx.vstack(
        back_to_repair(),
        page_heading(
            "Acknowledgements",
            "For the one who caused hurt: own what happened, specifically, without softening it or shifting it.",
        ),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                draft_card(),
                sent_list(),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "An acknowledgement is for your partner",
                "Invite your partner first.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
