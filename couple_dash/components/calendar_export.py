"""Calendar export: the private feed link card and a per-ritual .ics download button (placed by the pages)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.state.calendar import CalendarState


def _feed_link() -> rx.Component:
    return rx.vstack(
        rx.text(
            "Copy this link into your calendar app (“Subscribe to calendar” or “Add calendar from URL”). "
            "It is shown only now.",
            size="2",
        ),
        rx.hstack(
            rx.input(
                value=CalendarState.feed_url,
                read_only=True,
                id="calendar-url",
                size="3",
                flex="1",
                aria_label="Your private calendar link",
            ),
            rx.button(
                rx.icon("copy", size=16, aria_hidden="true"),
                "Copy",
                on_click=rx.set_clipboard(CalendarState.feed_url),
                size="3",
                variant="soft",
                id="calendar-copy",
            ),
            width="100%",
        ),
        spacing="2",
        width="100%",
    )


def calendar_card() -> rx.Component:
    """Says plainly what the link exposes and how to stop it; loads its own state when shown."""
    return rx.card(
        rx.vstack(
            rx.heading("Add to your calendar", as_="h2", size="5"),
            rx.text(
                "Get a private link that your calendar app checks every so often, so your rituals and the weekly "
                "check-in show up there, at the right times.",
                size="2",
            ),
            rx.text(
                "Anyone who has the link can see your rituals' names, descriptions and times, so keep it to "
                "yourself. Making a new link stops the old one working, and you can turn it off at any time.",
                size="2",
                color_scheme="gray",
            ),
            rx.cond(CalendarState.feed_url != "", _feed_link(), rx.fragment()),
            rx.hstack(
                rx.button(
                    rx.icon("calendar-plus", size=16, aria_hidden="true"),
                    rx.cond(CalendarState.has_feed, "Make a new link", "Create calendar link"),
                    on_click=CalendarState.create_feed,
                    size="3",
                    id="calendar-create",
                ),
                rx.cond(
                    CalendarState.has_feed,
                    rx.button(
                        rx.icon("calendar-off", size=16, aria_hidden="true"),
                        "Turn off",
                        on_click=CalendarState.revoke,
                        size="3",
                        variant="soft",
                        color_scheme="gray",
                        id="calendar-revoke",
                    ),
                    rx.fragment(),
                ),
                wrap="wrap",
                spacing="2",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="calendar-export",
        on_mount=CalendarState.load,
    )


def download_button(ritual_id_var: Any) -> rx.Component:
    """One ritual as an .ics file, for adding it once without a subscription."""
    return rx.button(
        rx.icon("calendar-plus", size=14, aria_hidden="true"),
        ".ics",
        on_click=CalendarState.download(ritual_id_var),
        size="1",
        variant="soft",
        aria_label=".ics file: download this ritual for your calendar",
        title="Download this ritual for your calendar",
    )
