"""The check-in's pulse section: who has answered (for every screen), and the private CSI-4 form (this tab only)."""

from __future__ import annotations

import reflex as rx

from couple_dash.components.forms import error_callout
from couple_dash.components.meeting import MEETING
from couple_dash.domain.pulse import QUESTIONS, PulseQuestion
from couple_dash.state.couple import CoupleState
from couple_dash.state.meeting import MeetingState


def _question(index: int, question: PulseQuestion) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(f"{index + 1}. {question.text}", class_name="cd-label"),
        rx.box(
            *[
                rx.el.label(
                    rx.el.input(type="radio", name=f"pulse-{question.key}", value=str(value), required=True),
                    f"{value} · {option}",
                    class_name="cd-pulse-option",
                )
                for value, option in enumerate(question.options)
            ],
            class_name="cd-pulse-options",
        ),
        class_name="cd-fieldset",
    )


def pulse() -> rx.Component:
    done = rx.foreach(
        CoupleState.members,
        lambda m: rx.badge(
            m.name,
            rx.cond(MEETING.pulse_done.contains(m.user_id), ": answered", ": not yet"),
            color_scheme=rx.cond(MEETING.pulse_done.contains(m.user_id), "grass", "gray"),
            size="3",
            data_testid="pulse-done",
        ),
    )
    form = rx.form(
        rx.vstack(
            *[_question(i, q) for i, q in enumerate(QUESTIONS)],
            rx.el.label(
                rx.el.input(type="checkbox", name="share", id="pulse-share"),
                "Let my partner see my pulse line on the Progress page",
                class_name="cd-check",
            ),
            error_callout(MeetingState.pulse_error, id_="pulse-error"),
            rx.button("Save my answers", type="submit", size="3", id="pulse-save"),
            spacing="3",
            width="100%",
        ),
        on_submit=MeetingState.answer_pulse,
        aria_label="Your private pulse",
        width="100%",
    )
    return rx.vstack(
        rx.hstack(done, spacing="2", wrap="wrap"),
        rx.text(
            "On a shared screen? Answer on your own phone. Answers are never shown here, or to your partner.",
            size="3",
            color_scheme="gray",
        ),
        rx.button(
            rx.cond(MeetingState.pulse_open, "Hide my answers", "Answer privately on this device"),
            on_click=MeetingState.toggle_pulse,
            variant="soft",
            size="3",
            id="pulse-open",
        ),
        rx.cond(MeetingState.pulse_open, form, rx.fragment()),
        spacing="4",
        width="100%",
    )
