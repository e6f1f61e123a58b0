"""The acknowledgement: the author's private, guided draft, and the sent ones with their threads."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.forms import error_callout, nudge_callout, partner_name, step_pills
from couple_dash.components.transparency import local_time
from couple_dash.domain.acknowledgement import MAX_FIELD, MAX_REPLY, STEPS, AckStep
from couple_dash.state.acknowledgement import REVIEW_STEP, AcknowledgementState
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState

S = AcknowledgementState
# Per step: the state var holding its words, its setter, and its nudge (summary and points).
FIELDS: dict[AckStep, tuple[Any, Any, Any, Any]] = {
    AckStep.WHAT_HAPPENED: (S.what_happened, S.set_what_happened, S.what_nudge, S.what_points),
    AckStep.IMPACT: (S.impact, S.set_impact, S.impact_nudge, S.impact_points),
    AckStep.FEELINGS: (S.feelings, S.set_feelings, S.feelings_nudge, S.feelings_points),
    AckStep.DIFFERENTLY: (S.differently, S.set_differently, rx.Var.create(""), S.change_points),
}


def _step(index: int) -> rx.Component:
    guide = STEPS[index]
    value, setter, summary, points = FIELDS[guide.step]
    field_id = f"ack-{guide.step.value}"
    return rx.cond(
        S.step == index,
        rx.form(
            rx.vstack(
                rx.el.label(guide.title, html_for=field_id, class_name="cd-label", font_size="var(--font-size-4)"),
                rx.text(guide.prompt, size="2", color_scheme="gray"),
                rx.el.input(type="hidden", name="to", value=str(index + 1)),
                rx.debounce_input(
                    rx.text_area(
                        id=field_id,
                        name=guide.step.value,
                        value=value,
                        on_change=setter,
                        placeholder=guide.placeholder,
                        max_length=MAX_FIELD,
                        rows="5",
                        size="3",
                        width="100%",
                    ),
                    debounce_timeout=300,
                ),
                nudge_callout(summary, points, f"{field_id}-nudge"),
                rx.hstack(
                    rx.cond(
                        index > 0,
                        rx.button(
                            "Back",
                            on_click=S.go_to(index - 1),
                            size="3",
                            variant="soft",
                            color_scheme="gray",
                            type="button",
                        ),
                        rx.fragment(),
                    ),
                    rx.spacer(),
                    rx.button("Next", size="3", id=f"{field_id}-next", type="submit"),
                    width="100%",
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=S.next_step,
            aria_label=guide.title,
            width="100%",
        ),
        rx.fragment(),
    )


def _part(title: Any, value: Any, title_color: str | None = "gray") -> rx.Component:
    """A part of an acknowledgement under its title, if written (``title_color=None``: the plain text colour)."""
    return rx.cond(
        value != "",
        rx.vstack(
            rx.text(title, weight="bold", size="2", color_scheme=title_color),
            rx.text(value, size="3", class_name="cd-agenda-text"),
            spacing="1",
            width="100%",
        ),
        rx.fragment(),
    )


def _review() -> rx.Component:
    return rx.cond(
        S.step == REVIEW_STEP,
        rx.vstack(
            rx.heading("Read it through", as_="h3", size="4"),
            *[_part(guide.title, FIELDS[guide.step][0], title_color=None) for guide in STEPS],
            nudge_callout(S.what_nudge, S.what_points, "ack-review-nudge"),
            nudge_callout(rx.Var.create(""), S.change_points, "ack-review-changes"),
            rx.text(
                "When you send it, ",
                partner_name(),
                " can read it and respond in their own time, and each line of “what I will do differently” "
                "becomes one of your commitments. It can't be edited after sending; you can add a follow-up.",
                size="2",
                color_scheme="gray",
            ),
            error_callout(S.error, id_="ack-error"),
            rx.hstack(
                rx.button(
                    "Back",
                    on_click=S.go_to(REVIEW_STEP - 1),
                    size="3",
                    variant="soft",
                    color_scheme="gray",
                    type="button",
                ),
                rx.spacer(),
                rx.button(
                    rx.icon("send", size=16, aria_hidden="true"),
                    rx.text.span("Send to ", partner_name()),
                    on_click=S.send,
                    size="3",
                    id="ack-send",
                    type="button",
                ),
                width="100%",
                wrap="wrap",
                spacing="2",
            ),
            spacing="3",
            width="100%",
        ),
        rx.fragment(),
    )


def draft_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Write an acknowledgement", as_="h2", size="5"),
            rx.callout(
                rx.text(
                    "Private until you send it: ",
                    partner_name(),
                    " doesn't see your draft, or that one exists.",
                ),
                icon="lock",
                color_scheme="gray",
                size="1",
                id="ack-private-note",
                width="100%",
            ),
            step_pills([guide.title for guide in STEPS] + ["Read it through"], S.step),
            *[_step(i) for i in range(len(STEPS))],
            _review(),
            rx.cond(S.step < REVIEW_STEP, error_callout(S.error, id_="ack-step-error"), rx.fragment()),
            rx.hstack(
                rx.cond(
                    S.saved_note != "",
                    rx.text(S.saved_note, size="1", color_scheme="gray", id="ack-saved"),
                    rx.fragment(),
                ),
                rx.spacer(),
                rx.button(
                    "Save draft", on_click=S.save_draft, size="1", variant="ghost", type="button", id="ack-save-draft"
                ),
                rx.cond(
                    S.draft_id > 0,
                    rx.button(
                        "Discard draft",
                        on_click=S.discard,
                        size="1",
                        variant="ghost",
                        color_scheme="red",
                        type="button",
                        id="ack-discard",
                    ),
                    rx.fragment(),
                ),
                width="100%",
                align="center",
                wrap="wrap",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="ack-draft",
    )


def _reply(reply: Any) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text(rx.cond(reply.author_id == AuthState.user_id, "You", reply.author_name), weight="bold", size="2"),
            rx.badge(reply.kind_label, variant="soft", color_scheme=rx.cond(reply.kind == "heard", "grass", "gray")),
            rx.spacer(),
            rx.text(local_time(reply.at_ms), size="1", color_scheme="gray"),
            align="center",
            width="100%",
            wrap="wrap",
        ),
        rx.cond(reply.text != "", rx.text(reply.text, size="3", class_name="cd-agenda-text"), rx.fragment()),
        class_name="cd-thread-reply",
        data_testid="ack-reply",
    )


def _text_form(ack: Any, prefix: str, label: str, button: str, on_submit: Any) -> rx.Component:
    field_id = prefix + ack.id.to_string()
    return rx.form(
        rx.vstack(
            rx.el.label(label, html_for=field_id, class_name="cd-label"),
            rx.el.input(type="hidden", name="ack_id", value=ack.id.to_string()),
            rx.text_area(
                id=field_id,
                name="text",
                max_length=MAX_REPLY,
                rows="2",
                size="3",
                width="100%",
                key=S.posted.to_string(),  # empties once posted
            ),
            rx.button(button, type="submit", size="2", variant="soft"),
            spacing="2",
            width="100%",
        ),
        on_submit=on_submit,
        width="100%",
    )


def _receiver_actions(ack: Any) -> rx.Component:
    return rx.vstack(
        rx.text(
            "There's no rush: respond when you're ready, in your own words, or not yet.", size="2", color_scheme="gray"
        ),
        rx.hstack(
            rx.button(
                rx.icon("heart", size=16, aria_hidden="true"),
                "I hear you",
                on_click=S.respond(ack.id, "heard"),
                size="2",
                variant="soft",
                color_scheme="grass",
                data_testid="ack-heard",
            ),
            rx.button(
                "Not ready to respond yet",
                on_click=S.respond(ack.id, "not_ready"),
                size="2",
                variant="soft",
                color_scheme="gray",
                data_testid="ack-not-ready",
            ),
            wrap="wrap",
            spacing="2",
        ),
        _text_form(ack, "ack-reply-", "Reply", "Send reply", S.reply),
        spacing="2",
        width="100%",
    )


def acknowledgement_card(ack: Any) -> rx.Component:
    mine = ack.author_id == AuthState.user_id
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(
                    rx.cond(
                        mine,
                        rx.text.span("Your acknowledgement to ", ack.receiver_name),
                        rx.text.span(ack.author_name, "'s acknowledgement to you"),
                    ),
                    as_="h3",
                    size="4",
                ),
                rx.spacer(),
                rx.text(local_time(ack.sent_ms), size="1", color_scheme="gray"),
                width="100%",
                wrap="wrap",
                align="baseline",
            ),
            _part("What happened", ack.what_happened),
            _part(rx.cond(mine, "Its impact on you", "Its impact on you, as they see it"), ack.impact),
            _part("What I was feeling and needing", ack.feelings),
            rx.cond(
                ack.changes.length() > 0,
                rx.vstack(
                    rx.text("What I will do differently", weight="bold", size="2", color_scheme="gray"),
                    rx.el.ul(rx.foreach(ack.changes, lambda line: rx.el.li(line)), class_name="cd-nudge-list"),
                    rx.link(
                        rx.cond(
                            mine,
                            rx.text.span("These are now your commitments"),
                            rx.text.span(ack.author_name, " made these commitments"),
                        ),
                        href=routes.COMMITMENTS,
                        size="2",
                    ),
                    spacing="1",
                    width="100%",
                ),
                rx.fragment(),
            ),
            rx.cond(
                ack.replies.length() > 0,
                rx.vstack(rx.foreach(ack.replies, _reply), spacing="2", width="100%", data_testid="ack-thread"),
                rx.fragment(),
            ),
            rx.cond(
                ack.receiver_id == AuthState.user_id,
                _receiver_actions(ack),
                rx.cond(
                    mine,
                    _text_form(ack, "ack-follow-up-", "Add a follow-up", "Add follow-up", S.follow_up),
                    rx.fragment(),
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        data_testid="acknowledgement",
        width="100%",
    )


def sent_list() -> rx.Component:
    return rx.vstack(
        rx.heading("Shared between you", as_="h2", size="5"),
        rx.cond(
            CoupleState.acknowledgements.length() > 0,
            rx.vstack(rx.foreach(CoupleState.acknowledgements, acknowledgement_card), spacing="3", width="100%"),
            rx.text(
                "Nothing sent yet. An acknowledgement shows up here for both of you when its author sends it.",
                size="2",
                color_scheme="gray",
                id="ack-none",
            ),
        ),
        spacing="3",
        width="100%",
        id="ack-sent",
    )
