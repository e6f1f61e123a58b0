"""Updates: share what you're up to before being asked, the couple's live feed, your presets, transparency
agreements, and bids for connection."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.agreements import agreements_section
from couple_dash.components.bids import bids_card
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.transparency import composer, feed, presets_manager
from couple_dash.state.couple import CoupleState


def _share_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Share an update", as_="h2", size="4"),
            rx.text(
                "Let your partner know what's happening before they have to wonder. Nothing is ever shared "
                "for you: only what you send.",
                size="2",
                color_scheme="gray",
            ),
            composer(),
            rx.heading("Your updates together", as_="h3", size="3", margin_top="0.5em"),
            feed(),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="share",
    )


@app_page(routes.UPDATES, "Updates")
def updates_page() -> rx.Component:
    return rx.vstack(
        page_heading("Updates", "Small, offered moments of openness and connection, live for both of you."),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                rx.vstack(_share_card(), presets_manager(), spacing="4", width="100%"),
                rx.vstack(bids_card(history_limit=0), agreements_section(), spacing="4", width="100%"),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "Updates are for two",
                "Invite your partner first; then what you share shows up for them at once.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
