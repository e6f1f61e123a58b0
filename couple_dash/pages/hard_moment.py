"""After a hard moment: the live talk both partners fill in together, and the summaries of past ones."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.hard_moment import live_talk, past_talks, start_card
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.pages.repair_menu import back_to_repair
from couple_dash.state.couple import CoupleState
from couple_dash.state.hard_moment import HardMomentState


@app_page(routes.HARD_MOMENT, "After a hard moment")
def hard_moment_page() -> rx.Component:
    return rx.vstack(
        back_to_repair(),
        page_heading("After a hard moment", "Two views, both real. Understanding first; solutions come last."),
        # This partner's own words (and the past talks) are re-read when a talk opens or ends.
        remount_on_change(CoupleState.hard_moment.id.to_string(), HardMomentState.load_mine),
        rx.cond(
            CoupleState.is_paired,
            rx.vstack(
                rx.cond(CoupleState.hard_moment.id > 0, live_talk(), start_card()),
                past_talks(),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "This talk is for the two of you",
                "Invite your partner first.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
