"""Pages whose features come in later issues: each explains what will live there."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading


@app_page(routes.RITUALS, "Rituals")
def rituals_page() -> rx.Component:
    return rx.vstack(
        page_heading("Rituals", "Small, repeated moments together."),
        empty_state(
            "calendar-heart",
            "No rituals yet",
            "Date nights, a morning coffee, a bedtime routine, the check-in itself: plan them together, "
            "with reminders for both of you.",
        ),
        width="100%",
    )
