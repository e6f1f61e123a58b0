"""Pieces of the check-in meeting shared by its sections: names, timers, the stepper, notes and small forms.

On the shared screen "you" would be ambiguous (one partner is signed in, both are watching), so the meeting
always uses names.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout, step_pills
from couple_dash.domain.agenda import MAX_ITEM_LENGTH
from couple_dash.domain.meeting import GUIDES
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.meeting import MeetingState

MEETING = CoupleState.meeting


def name_of(user_id: Any) -> rx.Component:
    return rx.foreach(CoupleState.members, lambda m: rx.cond(m.user_id == user_id, rx.text.span(m.name), rx.fragment()))


def countdown(until_ms: Any, class_name: str = "cd-timer", **props: Any) -> rx.Component:
    """Filled in by /timers.js every half second; React renders it empty."""
    return rx.el.span(data_timer_until=until_ms.to_string(), class_name=class_name, **props)


def stopwatch(since_ms: Any, **props: Any) -> rx.Component:
    return rx.el.span(data_timer_since=since_ms.to_string(), class_name="cd-timer", **props)


def stepper() -> rx.Component:
    return step_pills([g.title for g in GUIDES], MEETING.section, label="Sections")


def items_of(kind: str, render: Any) -> rx.Component:
    return rx.foreach(
        CoupleState.agenda, lambda item: rx.cond((item.kind == kind) & ~item.hidden, render(item), rx.fragment())
    )


def quoted_item(item: Any) -> rx.Component:
    return rx.box(
        rx.text(item.text, class_name="cd-meeting-big"),
        rx.text("— ", item.author_name, size="2", color_scheme="gray"),
        class_name="cd-agenda-item",
        data_testid="meeting-item",
    )


def add_item_form(kind: str, label: str, placeholder: str) -> rx.Component:
    field_id = f"meeting-add-{kind}"
    return rx.form(
        rx.vstack(
            rx.el.label(label, html_for=field_id, class_name="cd-label"),
            rx.el.input(type="hidden", name="kind", value=kind),
            rx.hstack(
                rx.input(
                    id=field_id, name="text", placeholder=placeholder, max_length=MAX_ITEM_LENGTH, size="3", flex="1"
                ),
                rx.button("Add", type="submit", size="3", id=f"{field_id}-submit"),
                width="100%",
            ),
            error_callout(MeetingState.item_error, id_=f"{field_id}-error"),
            spacing="1",
            width="100%",
        ),
        on_submit=MeetingState.add_item,
        width="100%",
    )


def notes(kind: str, heading: str, label: str, placeholder: str) -> rx.Component:
    """Agreements, or ritual plans: listed live, and a field to add one."""
    field_id = f"note-{kind}"

    def note(n: Any) -> rx.Component:
        return rx.cond(
            n.kind == kind,
            rx.hstack(
                rx.icon("check", size=18, aria_hidden="true", color="var(--grass-11)"),
                rx.text(n.text, class_name="cd-meeting-big", flex="1"),
                rx.cond(
                    n.author_id == AuthState.user_id,
                    rx.button(
                        "Remove",
                        size="1",
                        variant="ghost",
                        color_scheme="gray",
                        on_click=MeetingState.remove_note(n.id),
                        aria_label="Remove this note",
                    ),
                    rx.fragment(),
                ),
                align="center",
                width="100%",
                data_testid=f"note-{kind}",
            ),
            rx.fragment(),
        )

    return rx.vstack(
        rx.heading(heading, as_="h2", size="4"),
        rx.foreach(CoupleState.meeting_notes, note),
        rx.form(
            rx.el.input(type="hidden", name="kind", value=kind),
            rx.el.label(label, html_for=field_id, class_name="cd-label"),
            rx.hstack(
                rx.input(
                    id=field_id, name="text", placeholder=placeholder, max_length=MAX_ITEM_LENGTH, size="3", flex="1"
                ),
                rx.button("Save", type="submit", size="3", id=f"{field_id}-submit"),
                width="100%",
            ),
            on_submit=MeetingState.add_note,
            width="100%",
        ),
        error_callout(MeetingState.note_error, id_=f"{field_id}-error"),
        spacing="2",
        width="100%",
    )


def controls() -> rx.Component:
    paused = MEETING.time_out_by != 0
    return rx.el.nav(
        rx.button(
            rx.icon("arrow-left", size=18, aria_hidden="true"),
            "Back",
            on_click=MeetingState.back(MEETING.section),
            disabled=(MEETING.section == 0) | paused,
            variant="soft",
            size="3",
            id="meeting-back",
        ),
        rx.button(
            rx.icon("hand", size=18, aria_hidden="true"),
            "Time-out",
            on_click=MeetingState.time_out,
            disabled=paused,
            color_scheme="sky",
            variant="soft",
            size="3",
            id="meeting-time-out",
            title="Pause the check-in for everyone. Only you can resume it.",
        ),
        rx.cond(
            MEETING.last_section,
            rx.button(
                "Finish",
                rx.icon("check", size=18, aria_hidden="true"),
                on_click=MeetingState.finish,
                disabled=paused,
                size="3",
                color_scheme="grass",
                id="meeting-finish",
            ),
            rx.button(
                "Next",
                rx.icon("arrow-right", size=18, aria_hidden="true"),
                on_click=MeetingState.next(MEETING.section),
                disabled=paused,
                size="3",
                id="meeting-next",
            ),
        ),
        class_name="cd-meeting-controls",
        aria_label="Meeting controls",
    )


def time_out_panel() -> rx.Component:
    return rx.vstack(
        rx.icon("cloud-sun", size=48, aria_hidden="true", color="var(--sky-11)"),
        rx.heading("Time-out", as_="h1", size="8"),
        rx.text(
            name_of(MEETING.time_out_by),
            " asked for a break. That's a good call: nothing more is said until you both feel calm again.",
            class_name="cd-meeting-prompt",
        ),
        rx.text(
            "Step apart, breathe slowly, do something soothing (not rehearsing the argument). A break of about "
            "20 minutes lets your body settle.",
            size="3",
            color_scheme="gray",
        ),
        countdown(MEETING.time_out_ends_ms, class_name="cd-timer cd-timeout-clock", id="time-out-clock"),
        rx.cond(
            MEETING.time_out_by == AuthState.user_id,
            rx.button("I'm ready to go on", on_click=MeetingState.resume, size="4", id="meeting-resume"),
            rx.text("The check-in goes on when ", name_of(MEETING.time_out_by), " is ready and resumes it.", size="3"),
        ),
        align="center",
        spacing="4",
        class_name="cd-timeout",
        id="time-out-panel",
        role="status",
    )
