"""The fields of a commitment, shared by the create form and the edit form, with the live wording nudge."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout, nudge_callout
from couple_dash.domain.cadence import CadenceKind
from couple_dash.domain.commitments import CATEGORY_LABELS, MAX_TEXT, MAX_WHY, Category
from couple_dash.state.commitment_draft import CommitmentEditState

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CADENCE_CHOICES = (
    (CadenceKind.DAILY, "Every day"),
    (CadenceKind.WEEKDAYS, "On chosen weekdays"),
    (CadenceKind.TIMES_PER_WEEK, "A number of times a week"),
    (CadenceKind.OCCASION, "Each time it happens"),
)


def label(text: str, for_id: str) -> rx.Component:
    return rx.el.label(text, html_for=for_id, class_name="cd-label")


def nudge(draft: Any, prefix: str) -> rx.Component:
    return nudge_callout(
        draft.nudge,
        draft.nudge_points,
        f"{prefix}wording-nudge",
        otherwise=rx.cond(
            draft.text != "",
            rx.callout(
                "Specific and checkable. Nicely put.",
                icon="check",
                color_scheme="grass",
                id=f"{prefix}wording-ok",
                role="status",
                width="100%",
            ),
            rx.fragment(),
        ),
    )


def commitment_fields(draft: Any, prefix: str, defaults: Any | None = None) -> list[rx.Component]:
    """Text (with the nudge), why, category, cadence and time. ``defaults`` (a card var) pre-fills an edit."""

    def default(name: str, fallback: Any = "") -> Any:
        return getattr(defaults, name) if defaults is not None else fallback

    kind = draft.cadence_kind
    key = defaults.version.to_string() if defaults is not None else "new"
    return [
        label("What will you do?", f"{prefix}commitment-text"),
        rx.debounce_input(
            rx.text_area(
                id=f"{prefix}commitment-text",
                name="text",
                max_length=MAX_TEXT,
                rows="2",
                size="3",
                width="100%",
                placeholder="I will text you when I leave work and when I arrive.",
                value=draft.text,
                on_change=draft.set_text,
            ),
            debounce_timeout=250,
        ),
        nudge(draft, prefix),
        label("Why this matters (told to your partner)", f"{prefix}commitment-why"),
        rx.text_area(
            id=f"{prefix}commitment-why",
            name="why",
            max_length=MAX_WHY,
            rows="2",
            size="3",
            width="100%",
            placeholder="So you don't have to wonder where I am.",
            default_value=default("why"),
            key=f"{prefix}why-" + key,
        ),
        label("Category", f"{prefix}commitment-category"),
        rx.el.select(
            *[rx.el.option(CATEGORY_LABELS[c], value=c.value) for c in Category],
            name="category",
            id=f"{prefix}commitment-category",
            class_name="cd-select",
            default_value=default("category", "reliability"),
            key=f"{prefix}category-" + key,
        ),
        label("How often?", f"{prefix}commitment-cadence_kind"),
        rx.el.select(
            *[rx.el.option(text, value=k.value) for k, text in CADENCE_CHOICES],
            name="cadence_kind",
            id=f"{prefix}commitment-cadence_kind",
            class_name="cd-select",
            value=kind,
            on_change=draft.set_cadence_kind,
        ),
        rx.cond(
            kind == CadenceKind.WEEKDAYS.value,
            rx.el.fieldset(
                rx.el.legend("On these days", class_name="cd-label"),
                rx.hstack(
                    *[
                        rx.el.label(
                            rx.el.input(
                                type="checkbox",
                                name=f"weekday-{i}",
                                id=f"{prefix}weekday-{i}",
                                default_checked=default("weekdays", []).contains(i) if defaults is not None else False,
                                key=f"{prefix}wd{i}-" + key,
                            ),
                            name,
                            class_name="cd-check",
                        )
                        for i, name in enumerate(WEEKDAY_NAMES)
                    ],
                    wrap="wrap",
                    spacing="3",
                ),
                class_name="cd-fieldset",
            ),
            rx.fragment(),
        ),
        rx.cond(
            kind == CadenceKind.TIMES_PER_WEEK.value,
            rx.vstack(
                label("Times a week", f"{prefix}commitment-times_per_week"),
                rx.input(
                    name="times_per_week",
                    id=f"{prefix}commitment-times_per_week",
                    type="number",
                    min="1",
                    max="7",
                    size="3",
                    key=f"{prefix}times-" + key,
                    default_value=rx.cond(
                        default("times_per_week", 0) > 0, default("times_per_week", 3).to_string(), "3"
                    )
                    if defaults is not None
                    else "3",
                ),
                spacing="1",
            ),
            rx.fragment(),
        ),
        label("By (optional)", f"{prefix}commitment-due_by"),
        rx.input(
            name="due_by",
            id=f"{prefix}commitment-due_by",
            type="time",
            size="3",
            default_value=default("due_by"),
            key=f"{prefix}due-" + key,
        ),
    ]


def edit_form(card: Any) -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Edit this commitment", as_="h2", size="4"),
                *commitment_fields(CommitmentEditState, "edit-", defaults=card),
                label("Review on", "edit-commitment-review"),
                rx.input(
                    name="review",
                    id="edit-commitment-review",
                    type="date",
                    size="3",
                    default_value=card.review_date,
                    key="review-" + card.version.to_string(),
                ),
                error_callout(CommitmentEditState.error, id_="edit-error"),
                rx.hstack(
                    rx.button("Save changes", type="submit", size="3", id="edit-save"),
                    rx.button(
                        "Cancel",
                        type="button",
                        size="3",
                        variant="soft",
                        color_scheme="gray",
                        on_click=CommitmentEditState.cancel,
                    ),
                    spacing="2",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=CommitmentEditState.save,
            aria_label="Edit this commitment",
        ),
        size="3",
        width="100%",
    )
