"""What the partner chose to share: explanations (with a short reply) and forgiveness-workbook entries, live.

Read from the couple's shared view, which only ever holds shared items; the partner's private space is never
loaded into this tab.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.private_space import passage
from couple_dash.domain.explanation import FIELDS, MAX_REPLY_LENGTH
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.explanations import ExplanationState


def _reply_form(item: Any) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label(
                rx.cond(item.reply != "", "Change your reply", "A short reply (optional)"),
                html_for="reply-" + item.id.to_string(),
                class_name="cd-label",
            ),
            rx.el.input(type="hidden", name="explanation_id", value=item.id.to_string()),
            rx.text_area(
                id="reply-" + item.id.to_string(),
                name="reply",
                placeholder="Thank you for telling me. What I need now is…",
                max_length=MAX_REPLY_LENGTH,
                rows="2",
                size="3",
                width="100%",
                key=ExplanationState.replies_sent.to_string(),
            ),
            rx.button("Send reply", type="submit", size="2", variant="soft", data_testid="reply-send"),
            spacing="2",
            width="100%",
        ),
        on_submit=ExplanationState.send_reply,
        aria_label="Reply to this explanation",
        width="100%",
    )


def _explanation(item: Any) -> rx.Component:  # a SharedExplanationView var inside rx.foreach
    return rx.cond(
        item.author_id != AuthState.user_id,
        rx.box(
            rx.vstack(
                rx.text(item.author_name, "'s explanation · shared ", item.shared_label, size="1", color_scheme="gray"),
                *[passage(spec.label, getattr(item, spec.name)) for spec in FIELDS],
                rx.cond(
                    item.reply != "",
                    rx.text("Your reply: ", item.reply, size="2", data_testid="shared-reply"),
                    rx.fragment(),
                ),
                _reply_form(item),
                spacing="3",
                width="100%",
            ),
            class_name="cd-agenda-item",
            data_testid="shared-explanation",
        ),
        rx.fragment(),
    )


def _entry(entry: Any) -> rx.Component:  # a SharedEntryView var inside rx.foreach
    return rx.cond(
        entry.author_id != AuthState.user_id,
        rx.box(
            rx.vstack(
                rx.text(
                    "From ",
                    entry.author_name,
                    "'s forgiveness workbook · ",
                    entry.step_title,
                    " · shared ",
                    entry.shared_label,
                    size="1",
                    color_scheme="gray",
                ),
                rx.text(entry.text, size="3", class_name="cd-agenda-text", data_testid="shared-entry-text"),
                spacing="2",
                width="100%",
            ),
            class_name="cd-agenda-item",
            data_testid="shared-entry",
        ),
        rx.fragment(),
    )


def shared_panel(count: Any) -> rx.Component:
    """``count``: how many items the partner shares with this user right now (read on the server)."""
    return rx.vstack(
        rx.text(
            "Your partner chose to share these with you. They can make them private again at any time; nothing "
            "here asks anything of you.",
            size="2",
            color_scheme="gray",
        ),
        error_callout(ExplanationState.reply_error, id_="reply-error"),
        rx.vstack(rx.foreach(CoupleState.shared_explanations, _explanation), spacing="3", width="100%"),
        rx.vstack(rx.foreach(CoupleState.shared_entries, _entry), spacing="3", width="100%"),
        rx.cond(
            count == 0,
            empty_state(
                "inbox",
                "Nothing shared with you right now",
                "When your partner chooses to share an explanation or a page of their forgiveness workbook, it "
                "appears here straight away. Nothing is ever shared by default.",
                id_="shared-empty",
            ),
            rx.fragment(),
        ),
        spacing="4",
        width="100%",
        id="shared-with-you",
    )
