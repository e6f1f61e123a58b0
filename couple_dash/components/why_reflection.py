"""Understanding the why: the hurt partner's private reflection, one question at a time, with room to think."""

from __future__ import annotations

import reflex as rx

from couple_dash.components.forms import error_callout
from couple_dash.domain.why_reflection import MAX_NOTE_LENGTH, QUESTIONS, QuestionSpec
from couple_dash.state.why_reflection import ReflectionState


def _question(spec: QuestionSpec, number: int) -> rx.Component:
    name = spec.question.value
    saved = getattr(ReflectionState.reflection, name)
    note_id = f"why-{name}-note"
    return rx.el.fieldset(
        rx.el.legend(f"{number}. {spec.text}", class_name="cd-why-legend"),
        rx.text(spec.hint, size="2", color_scheme="gray"),
        rx.flex(
            *[
                rx.el.label(
                    rx.el.input(
                        type="radio",
                        name=name,
                        value=value,
                        id=f"why-{name}-{value}",
                        default_checked=saved == value,
                    ),
                    label,
                    class_name="cd-check cd-why-choice",
                )
                for value, label in spec.choices
            ],
            wrap="wrap",
            column_gap="1.25em",
            role="radiogroup",
        ),
        rx.el.label("Your thoughts (optional)", html_for=note_id, class_name="cd-label"),
        rx.text_area(
            id=note_id,
            name=f"{name}_note",
            default_value=getattr(ReflectionState.reflection, f"{name}_note"),
            max_length=MAX_NOTE_LENGTH,
            rows="3",
            size="3",
            width="100%",
        ),
        class_name="cd-fieldset cd-why-question",
        data_testid="why-question",
    )


def why_panel() -> rx.Component:
    return rx.vstack(
        rx.text(
            "For when you were hurt. These questions can help you decide whether, and how, to go on. There are no "
            "right answers and nothing is scored. You can change your mind as often as you need; this is only ever "
            "for you, and there is no way to share it.",
            size="2",
            color_scheme="gray",
        ),
        rx.card(
            rx.form(
                rx.vstack(
                    *[_question(spec, number) for number, spec in enumerate(QUESTIONS, start=1)],
                    error_callout(ReflectionState.error, id_="why-error"),
                    rx.flex(
                        rx.button(
                            rx.icon("lock", size=16), "Save my reflection", type="submit", size="3", id="why-save"
                        ),
                        rx.cond(
                            ReflectionState.reflection.saved_label != "",
                            rx.text(
                                "Last saved ",
                                ReflectionState.reflection.saved_label,
                                size="2",
                                color_scheme="gray",
                                id="why-saved",
                            ),
                            rx.fragment(),
                        ),
                        align="center",
                        spacing="3",
                        wrap="wrap",
                    ),
                    spacing="4",
                    width="100%",
                ),
                on_submit=ReflectionState.save,
                aria_label="Understanding the why",
                # The fields are uncontrolled: a fresh key after each load shows what was read.
                key=ReflectionState.loads.to_string(),
            ),
            size="3",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )
