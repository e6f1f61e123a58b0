"""Bids for connection on screen: reaching out in one tap, answering the partner's bid, and the week in words.

Nothing here is red or scored: an unanswered bid becomes a quiet "missed moment", and the weekly figure is a
plain count for each of you and for the two of you together.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout, inline_entry, partner_name
from couple_dash.components.transparency import local_time
from couple_dash.domain.bids import BID_PRESETS, MAX_BID, MAX_REPLY, REPLIES, ReplyKind
from couple_dash.state.auth import AuthState
from couple_dash.state.bids import BidsState
from couple_dash.state.couple import CoupleState


def composer() -> rx.Component:
    return rx.vstack(
        rx.flex(
            *[
                rx.button(
                    text,
                    on_click=BidsState.send_preset(text),
                    variant="soft",
                    size="2",
                    class_name="cd-chip",
                    data_testid="bid-preset",
                )
                for text in BID_PRESETS
            ],
            wrap="wrap",
            spacing="2",
        ),
        rx.form(
            rx.vstack(
                inline_entry(
                    "Or your own",
                    "bid-text",
                    placeholder="e.g. Lunch walk?",
                    max_length=MAX_BID,
                    button="Send",
                    button_id="bid-send",
                    button_variant="soft",
                ),
                spacing="1",
                width="100%",
            ),
            on_submit=BidsState.send_own,
            aria_label="Send a bid for connection",
            width="100%",
        ),
        error_callout(BidsState.bid_error, id_="bid-error"),
        spacing="2",
        width="100%",
    )


def _own_reply_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.label("In your own words", html_for="bid-reply-text", class_name="cd-label"),
            rx.input(
                name="text", id="bid-reply-text", max_length=MAX_REPLY, size="3", auto_complete="off", width="100%"
            ),
            error_callout(BidsState.reply_error, id_="bid-reply-error"),
            rx.hstack(
                rx.button("Reply", type="submit", size="2", id="bid-reply-send"),
                rx.button(
                    "Cancel",
                    type="button",
                    on_click=BidsState.close_reply,
                    size="2",
                    variant="soft",
                    color_scheme="gray",
                ),
                spacing="2",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=BidsState.reply_own,
        aria_label="Reply in your own words",
        width="100%",
    )


def _incoming(bid: Any) -> rx.Component:
    """A bid waiting for me: the turn-toward replies, one tap each."""
    return rx.box(
        rx.vstack(
            rx.hstack(
                rx.icon("heart-handshake", size=18, aria_hidden="true", color=rx.color("accent", 11)),
                rx.text(rx.text.span(bid.sender_name, weight="bold"), ": ", bid.text, size="3"),
                rx.text(local_time(bid.at_ms), size="1", color_scheme="gray"),
                align="center",
                spacing="2",
                wrap="wrap",
            ),
            rx.flex(
                *[
                    rx.button(
                        words,
                        on_click=BidsState.reply(bid.id, key),
                        size="2",
                        variant="soft" if kind is ReplyKind.WARM else "outline",
                        color_scheme="gray" if kind is ReplyKind.LATER else None,
                        class_name="cd-chip",
                        data_testid=f"bid-reply-{key}",
                    )
                    for key, kind, words in REPLIES
                ],
                rx.button(
                    "In my own words…",
                    on_click=BidsState.open_reply(bid.id),
                    size="2",
                    variant="ghost",
                    class_name="cd-chip",
                ),
                wrap="wrap",
                spacing="2",
            ),
            rx.cond(BidsState.replying_id == bid.id, _own_reply_form(), rx.fragment()),
            spacing="2",
            width="100%",
        ),
        class_name="cd-agenda-item cd-bid-incoming",
        data_testid="bid-incoming",
    )


def _waiting_for_me(bid: Any) -> Any:
    return (bid.recipient_id == AuthState.user_id) & (bid.status == "open")


def incoming() -> rx.Component:
    return rx.foreach(CoupleState.bids, lambda b: rx.cond(_waiting_for_me(b), _incoming(b), rx.fragment()))


def _outcome(bid: Any) -> rx.Component:
    mine = bid.sender_id == AuthState.user_id
    return rx.match(
        bid.status,
        (
            "answered",
            rx.hstack(
                # Two static icons rather than one named by a Var: a Var name pulls in every lucide icon.
                rx.cond(
                    bid.reply_kind == "later",
                    rx.icon("clock", size=14, aria_hidden="true", flex_shrink="0"),
                    rx.icon("heart", size=14, aria_hidden="true", flex_shrink="0"),
                ),
                rx.text(
                    rx.cond(mine, rx.text.span(partner_name(), " replied: "), rx.text.span("You replied: ")),
                    bid.reply_text,
                    size="2",
                ),
                spacing="1",
                align="center",
            ),
        ),
        ("missed", rx.text("A missed moment. It happens; there'll be others.", size="2", color_scheme="gray")),
        rx.text(rx.cond(mine, "Waiting for a reply, no rush.", "Waiting for you."), size="2", color_scheme="gray"),
    )


def _history_row(bid: Any) -> rx.Component:
    mine = bid.sender_id == AuthState.user_id
    return rx.box(
        rx.hstack(
            rx.text(rx.text.span(rx.cond(mine, "You", bid.sender_name), weight="bold"), ": ", bid.text, size="2"),
            rx.text(local_time(bid.at_ms), size="1", color_scheme="gray"),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        _outcome(bid),
        class_name="cd-bid-row",
        data_testid="bid",
        data_status=bid.status,
    )


def history(limit: int = 0) -> rx.Component:
    shown = CoupleState.bids[:limit] if limit else CoupleState.bids
    return rx.vstack(
        rx.foreach(shown, lambda b: rx.cond(_waiting_for_me(b), rx.fragment(), _history_row(b))),
        spacing="2",
        width="100%",
        id="bid-history",
    )


def week() -> rx.Component:
    """The couple's week of bids: each of you, then together. Plain counts, no ranking, no red."""

    def person(figure: Any) -> rx.Component:
        me = figure.user_id == AuthState.user_id
        return rx.vstack(
            rx.text(rx.cond(me, figure.turned_toward_self, figure.turned_toward_other), size="2"),
            rx.text(rx.cond(me, figure.reached_out_self, figure.reached_out_other), size="1", color_scheme="gray"),
            spacing="0",
            data_testid=rx.cond(me, "week-mine", "week-partner"),
        )

    return rx.vstack(
        rx.cond(CoupleState.bids_this_week, rx.foreach(CoupleState.bid_week, person), rx.fragment()),
        rx.text(CoupleState.bids_together, size="2", weight="medium", id="bids-together"),
        spacing="2",
        width="100%",
        id="bid-week",
    )


def bids_card(*, history_limit: int = 3) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Reach out", as_="h2", size="4"),
            rx.text(
                "A small bid for connection. Turning toward each other's bids, often, is what close couples do.",
                size="2",
                color_scheme="gray",
            ),
            incoming(),
            composer(),
            rx.divider(),
            week(),
            rx.cond(CoupleState.bids.length() > 0, history(history_limit), rx.fragment()),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="bids",
    )
