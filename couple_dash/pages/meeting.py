"""The check-in meeting: one section at a time, large enough for a TV, live on both partners' phones."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page
from couple_dash.components.meeting import MEETING, controls, stepper, stopwatch, time_out_panel
from couple_dash.components.meeting_sections import BODIES
from couple_dash.pages.commitments import CommitmentFormState
from couple_dash.state.couple import CoupleState


def _section() -> rx.Component:
    return rx.vstack(
        stepper(),
        rx.heading(MEETING.section_title, as_="h1", class_name="cd-meeting-title", id="meeting-section"),
        rx.text(MEETING.section_prompt, class_name="cd-meeting-prompt"),
        rx.text(
            stopwatch(MEETING.section_started_ms, id="section-clock"),
            " in this section · about ",
            MEETING.section_minutes.to_string(),
            " min suggested",
            size="2",
            color_scheme="gray",
        ),
        rx.box(
            rx.match(
                MEETING.section_key,
                *[(section.value, body()) for section, body in BODIES.items()],
                rx.fragment(),
            ),
            width="100%",
            padding_top="0.5em",
        ),
        spacing="3",
        width="100%",
        data_section=MEETING.section_key,
        id="meeting",
    )


@app_page(routes.MEETING, "Check-in meeting", on_load=[CommitmentFormState.load], focus=True)
def meeting_page() -> rx.Component:
    return rx.cond(
        CoupleState.meeting_open,
        rx.fragment(
            rx.cond(MEETING.time_out_by != 0, time_out_panel(), _section()),
            controls(),
        ),
        empty_state(
            "messages-square",
            "No check-in is on right now",
            "When one of you starts this week's check-in, it opens here on every screen. If you just finished, "
            "its summary is on the Check-in page.",
            action=rx.link("Go to the Check-in page", href=routes.CHECK_IN + "#history", id="to-check-in"),
            id_="no-meeting",
            heading_level="h1",
        ),
    )
