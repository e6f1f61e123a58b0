"""The check-in's "one issue at a time" section: PREP's speaker-listener floor around one concern."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.meeting import MEETING, countdown, name_of, notes
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.meeting import MeetingState


def _floor() -> rx.Component:
    listener_prompt = rx.text(
        "Listener: say back what you heard, in your own words: “What I hear you say is…”. No rebuttal yet.",
        size="4",
    )
    return rx.vstack(
        rx.text(MEETING.issue_text, class_name="cd-meeting-big", id="issue-text"),
        rx.hstack(
            rx.badge(
                rx.icon("mic", size=16, aria_hidden="true"),
                "Speaker: ",
                name_of(MEETING.speaker_id),
                size="3",
                id="floor-speaker",
            ),
            rx.text.span(
                "Turn: ",
                countdown(MEETING.turn_ends_ms, id="turn-clock"),
                " of ",
                (MEETING.turn_seconds // 60).to_string(),
                " min",
                size="3",
            ),
            align="center",
            spacing="4",
            wrap="wrap",
        ),
        listener_prompt,
        rx.cond(
            MEETING.speaker_id == AuthState.user_id,
            rx.button(
                "Yes, I feel understood: pass the floor",
                on_click=MeetingState.confirm_understood,
                size="4",
                id="floor-confirm",
            ),
            rx.text(
                "When ",
                name_of(MEETING.speaker_id),
                " feels understood, they confirm it on their own device.",
                size="3",
                color_scheme="gray",
                id="floor-waiting",
            ),
        ),
        rx.hstack(
            rx.foreach(
                CoupleState.members,
                lambda m: rx.badge(
                    m.name,
                    rx.cond(MEETING.understood.contains(m.user_id), ": felt understood", ": not yet"),
                    color_scheme=rx.cond(MEETING.understood.contains(m.user_id), "grass", "gray"),
                    size="2",
                    data_testid="understood",
                ),
            ),
            spacing="2",
        ),
        rx.cond(
            MEETING.solving_open,
            rx.vstack(
                rx.callout(
                    "You both feel understood. Now look for one small, specific thing to try.",
                    icon="lightbulb",
                    color_scheme="grass",
                    id="solving-open",
                    width="100%",
                ),
                notes("agreement", "Agreements", "What you agree to try", "We'll…"),
                spacing="3",
                width="100%",
            ),
            rx.text(
                "Problem-solving waits until you both feel understood.",
                size="3",
                color_scheme="gray",
                id="solving-waits",
            ),
        ),
        rx.hstack(
            rx.button(
                "We've talked this through",
                on_click=MeetingState.resolve(MEETING.issue_item_id),
                variant="soft",
                color_scheme="grass",
                id="issue-resolve",
            ),
            rx.button(
                "Set aside for another week",
                on_click=MeetingState.set_aside,
                variant="soft",
                color_scheme="gray",
                id="issue-aside",
            ),
            spacing="3",
            wrap="wrap",
        ),
        class_name="cd-floor",
        spacing="3",
        width="100%",
    )


def issue() -> rx.Component:
    def choice(item: Any) -> rx.Component:
        return rx.hstack(
            rx.text(item.text, size="5", flex="1"),
            rx.text(item.author_name, size="2", color_scheme="gray"),
            rx.button("Talk about this one", on_click=MeetingState.choose_issue(item.id), variant="soft"),
            align="center",
            width="100%",
            class_name="cd-agenda-item",
            data_testid="issue-choice",
        )

    return rx.cond(
        MEETING.issue_item_id != 0,
        _floor(),
        rx.cond(
            CoupleState.open_concerns.length() > 0,
            rx.vstack(
                rx.text("Choose one issue. Whatever you don't reach carries over to next week.", size="4"),
                rx.foreach(CoupleState.open_concerns, choice),
                spacing="3",
                width="100%",
            ),
            rx.text("No concerns on the agenda. That's fine: move on when you're ready.", size="4", id="no-issues"),
        ),
    )
