"""Progress: each partner's own follow-through over the last six months, side by side, never ranked."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.heatmap import heat_grid, heat_legend
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.db import session_scope
from couple_dash.services import commitment_views
from couple_dash.services.commitment_views import PartnerProgress
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.couple import CoupleState


class ProgressState(rx.State):
    partners: list[PartnerProgress] = []

    @rx.event
    async def refresh(self):
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            self.partners = []
            return
        with session_scope() as session:
            partners = commitment_views.partner_progress(session=session, couple_id=viewer.couple_id)
        # You first, then your partner.
        self.partners = sorted(partners, key=lambda p: p.user_id != viewer.user_id)


def _partner(progress: Any) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(rx.cond(progress.user_id == AuthState.user_id, "You", progress.name), as_="h2", size="4"),
            rx.text(
                progress.commitments.to_string(),
                rx.cond(progress.commitments == 1, " commitment", " commitments"),
                rx.cond(
                    progress.rate_30_pct >= 0,
                    rx.text.span(
                        " · followed through on ", progress.rate_30_pct.to_string(), "% of due days in the last 30 days"
                    ),
                    rx.fragment(),
                ),
                size="2",
                color_scheme="gray",
            ),
            heat_grid(progress.heat),
            spacing="3",
            width="100%",
        ),
        size="3",
        data_testid="partner-progress",
    )


@app_page(routes.PROGRESS, "Progress")
def progress_page() -> rx.Component:
    return rx.vstack(
        page_heading("Progress", "Each of you, on your own path. Never a contest."),
        # Re-read whenever any commitment changes, whoever changed it (the key changes, so this remounts).
        remount_on_change(CoupleState.commitments_signature, ProgressState.refresh),
        rx.cond(
            CoupleState.commitments.length() > 0,
            rx.vstack(
                rx.grid(
                    rx.foreach(ProgressState.partners, _partner),
                    columns=rx.breakpoints(initial="1", lg="2"),
                    spacing="4",
                    width="100%",
                ),
                heat_legend(),
                rx.text(
                    "A darker day means more of that day's commitments were kept. A slip is one square, "
                    "not a verdict: the consistency score forgives single misses.",
                    size="2",
                    color_scheme="gray",
                ),
                spacing="3",
                width="100%",
            ),
            empty_state(
                "trending-up",
                "Nothing to show yet",
                "As you keep promises, each partner's follow-through appears here as their own calendar. "
                "A short satisfaction pulse joins it once check-ins begin.",
                action=rx.link("Make a commitment", href=routes.COMMITMENTS),
            ),
        ),
        width="100%",
        spacing="4",
    )
