"""Clear communication of reasons: the guided explanation, its gentle excuse check, and the author's list."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.private_space import confirm_button, passage, share_toggle, shared_badge
from couple_dash.domain.explanation import FIELDS, MAX_FIELD_LENGTH, ExplanationField
from couple_dash.state.explanations import ExplanationState


def _field(spec: ExplanationField) -> rx.Component:
    field_id = f"explanation-{spec.name.replace('_', '-')}"
    return rx.vstack(
        rx.el.label(spec.label, html_for=field_id, class_name="cd-label"),
        rx.debounce_input(
            rx.text_area(
                id=field_id,
                value=getattr(ExplanationState, spec.name),
                on_change=lambda value: ExplanationState.set_part(spec.name, value),
                placeholder=spec.placeholder,
                max_length=MAX_FIELD_LENGTH,
                rows="3",
                size="3",
                width="100%",
            ),
            debounce_timeout=300,
        ),
        spacing="1",
        width="100%",
    )


def _gentle_check() -> rx.Component:
    return rx.cond(
        ExplanationState.check_summary != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("lightbulb", size=16)),
            rx.vstack(
                rx.callout.text(ExplanationState.check_summary, weight="medium"),
                rx.el.ul(rx.foreach(ExplanationState.check_points, lambda p: rx.el.li(p)), class_name="cd-nudge-list"),
                spacing="1",
            ),
            color_scheme="amber",
            id="explanation-check",
            role="status",
            width="100%",
        ),
        rx.fragment(),
    )


def _form() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(
                rx.cond(ExplanationState.editing_id > 0, "Edit your explanation", "A new explanation"),
                as_="h3",
                size="4",
            ),
            *[_field(spec) for spec in FIELDS],
            _gentle_check(),
            error_callout(ExplanationState.error, id_="explanation-error"),
            rx.text(
                "Saving keeps it private. You decide later whether to share it.",
                size="1",
                color_scheme="gray",
            ),
            rx.hstack(
                rx.button(
                    rx.icon("lock", size=16), "Save", on_click=ExplanationState.save, size="3", id="explanation-save"
                ),
                rx.button("Cancel", on_click=ExplanationState.cancel, size="3", variant="soft", color_scheme="gray"),
                spacing="2",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        width="100%",
        id="explanation-form",
    )


def _explanation(item: Any) -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.hstack(
                shared_badge(item.shared),
                rx.text(
                    "Written ",
                    item.written_label,
                    rx.cond(item.shared, rx.text.span(" · shared ", item.shared_label), ""),
                    size="1",
                    color_scheme="gray",
                ),
                align="center",
                wrap="wrap",
                spacing="2",
            ),
            *[passage(spec.label, getattr(item, spec.name)) for spec in FIELDS],
            rx.cond(
                item.reply != "",
                rx.callout.root(
                    rx.callout.icon(rx.icon("message-circle", size=16)),
                    rx.callout.text(rx.text.span("Your partner replied (", item.reply_label, "): "), item.reply),
                    color_scheme="iris",
                    size="1",
                    width="100%",
                    data_testid="explanation-reply",
                ),
                rx.fragment(),
            ),
            rx.flex(
                rx.button(
                    "Edit",
                    on_click=ExplanationState.start_edit(item.id),
                    size="1",
                    variant="soft",
                    data_testid="explanation-edit",
                ),
                share_toggle(
                    item.shared,
                    what="explanation",
                    share_body="Your partner will be able to read it and send you a short reply. You can make it "
                    "private again at any time.",
                    unshare_body="It disappears from your partner's view straight away. You can share it again later.",
                    on_share=ExplanationState.share(item.id),
                    on_unshare=ExplanationState.unshare(item.id),
                    test_id="explanation",
                ),
                confirm_button(
                    "Delete",
                    title="Delete this explanation?",
                    body="It will be gone for good, for both of you if you had shared it.",
                    confirm="Delete",
                    on_confirm=ExplanationState.delete(item.id),
                    test_id="explanation-delete",
                    color="red",
                    variant="ghost",
                    keep="Keep it",
                ),
                spacing="2",
                wrap="wrap",
                align="center",
            ),
            spacing="3",
            width="100%",
        ),
        class_name="cd-agenda-item",
        data_testid="explanation",
        data_shared=rx.cond(item.shared, "yes", "no"),
    )


def explain_panel() -> rx.Component:
    return rx.vstack(
        rx.text(
            "For when you caused the hurt. Explaining what was going on can help your partner understand; it isn't a "
            "way of asking them to stop hurting. Write it privately first, share it only when you're ready, and "
            "take it back whenever you want.",
            size="2",
            color_scheme="gray",
        ),
        rx.cond(
            ExplanationState.form_open,
            _form(),
            rx.button(
                rx.icon("pen-line", size=16),
                "Write an explanation",
                on_click=ExplanationState.new,
                size="3",
                id="explanation-new",
            ),
        ),
        rx.cond(
            ExplanationState.mine.length() > 0,
            rx.vstack(rx.foreach(ExplanationState.mine, _explanation), spacing="3", width="100%", id="explanations"),
            empty_state(
                "message-square-text",
                "Nothing written yet",
                "Take your time. What was going on, what you were thinking and feeling, what you understand about "
                "the impact, and why this explains rather than excuses. It stays private until you share it.",
                id_="explanations-empty",
            ),
        ),
        spacing="4",
        width="100%",
    )
