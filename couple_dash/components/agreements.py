"""Transparency agreements on screen: how one is made (offered, or asked for), each one with the actions its two
people may take, and the neutral note left when one ends."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout
from couple_dash.domain.transparency import DEFAULT_REVIEW_WEEKS, MAX_AGREEMENT, NO_SURVEILLANCE, REVIEW_WEEK_CHOICES
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.transparency import TransparencyState


def _weeks_select(id_: str, default: Any = str(DEFAULT_REVIEW_WEEKS)) -> rx.Component:
    return rx.vstack(
        rx.el.label("Review it together in", html_for=id_, class_name="cd-label"),
        rx.el.select(
            *[rx.el.option(f"{w} week{'s' if w != 1 else ''}", value=str(w)) for w in REVIEW_WEEK_CHOICES],
            id=id_,
            name="review_weeks",
            default_value=default,
            class_name="cd-select",
        ),
        spacing="1",
        width="100%",
    )


def no_surveillance() -> rx.Component:
    return rx.callout(
        NO_SURVEILLANCE,
        icon="shield-check",
        color_scheme="iris",
        variant="surface",
        size="1",
        id="no-surveillance",
        width="100%",
    )


def agreement_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading("Make an agreement", as_="h3", size="3"),
            no_surveillance(),
            rx.el.label("Who shares", html_for="agreement-mode", class_name="cd-label"),
            rx.el.select(
                rx.el.option("I offer to share this", value="offer"),
                rx.el.option("Ask my partner if they'd share this (their choice)", value="ask"),
                id="agreement-mode",
                name="mode",
                value=TransparencyState.agreement_mode,
                on_change=TransparencyState.set_agreement_mode,
                class_name="cd-select",
            ),
            rx.el.label("What will be shared", html_for="agreement-text", class_name="cd-label"),
            rx.input(
                name="text",
                id="agreement-text",
                placeholder=rx.cond(
                    TransparencyState.agreement_mode == "ask",
                    "e.g. Would you tell me when plans change?",
                    "e.g. I'll tell you when plans change",
                ),
                max_length=MAX_AGREEMENT,
                size="3",
                auto_complete="off",
                width="100%",
            ),
            _weeks_select("agreement-weeks"),
            error_callout(TransparencyState.agreement_error, id_="agreement-error"),
            rx.button(
                rx.cond(TransparencyState.agreement_mode == "ask", "Ask", "Offer it"),
                type="submit",
                size="3",
                id="agreement-save",
            ),
            rx.text(
                "Either of you can withdraw an agreement at any time, on your own, with nothing held against "
                "anyone. It counts toward no streak or score.",
                size="1",
                color_scheme="gray",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=TransparencyState.make_agreement,
        aria_label="Make a transparency agreement",
        width="100%",
    )


def _answer_form(agreement: Any) -> rx.Component:
    """The sharer agrees to an ask, in their own words if they like, with their own review date."""
    return rx.form(
        rx.vstack(
            rx.el.label("In your words", html_for="answer-text", class_name="cd-label"),
            rx.input(
                name="text",
                id="answer-text",
                default_value=agreement.text,
                max_length=MAX_AGREEMENT,
                size="3",
                width="100%",
            ),
            _weeks_select("answer-weeks", agreement.review_weeks.to_string()),
            error_callout(TransparencyState.answer_error, id_="answer-error"),
            rx.hstack(
                rx.button("I agree to share this", type="submit", size="2", id="answer-accept"),
                rx.button(
                    "Cancel",
                    type="button",
                    on_click=TransparencyState.cancel_answer,
                    size="2",
                    variant="soft",
                    color_scheme="gray",
                ),
                spacing="2",
                wrap="wrap",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=TransparencyState.accept,
        aria_label="Agree to share this",
        width="100%",
    )


def _withdraw(agreement: Any) -> rx.Component:
    """Two steps, so a stray tap never ends it; neither step asks why."""
    return rx.cond(
        TransparencyState.confirming_id == agreement.id,
        rx.hstack(
            rx.text("Withdraw it for both of you?", size="2"),
            rx.button(
                "Yes, withdraw",
                on_click=TransparencyState.withdraw(agreement.id),
                size="2",
                variant="soft",
                data_testid="agreement-withdraw-confirm",
            ),
            rx.button(
                "Keep it",
                on_click=TransparencyState.confirm_withdraw(0),
                size="2",
                variant="ghost",
                color_scheme="gray",
            ),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.button(
            rx.cond(agreement.status == "asked", "Take back my ask", "Withdraw"),
            on_click=TransparencyState.confirm_withdraw(agreement.id),
            size="2",
            variant="soft",
            color_scheme="gray",
            data_testid="agreement-withdraw",
        ),
    )


def agreement_card(agreement: Any) -> rx.Component:
    mine = agreement.sharer_id == AuthState.user_id
    asked = agreement.status == "asked"
    who = rx.cond(
        asked,
        rx.cond(
            mine,
            rx.text.span(agreement.asked_by_name, " asked if you'd share this. It's entirely your choice."),
            rx.text.span("You asked ", agreement.sharer_name, ". It's their choice."),
        ),
        rx.cond(mine, rx.text.span("You offer this"), rx.text.span(agreement.sharer_name, " offers this")),
    )
    actions = rx.cond(
        asked & mine,
        rx.cond(
            TransparencyState.answering_id == agreement.id,
            _answer_form(agreement),
            rx.hstack(
                rx.button(
                    "Agree…",
                    on_click=TransparencyState.start_answer(agreement.id),
                    size="2",
                    data_testid="agreement-agree",
                ),
                rx.button(
                    "Not for now",
                    on_click=TransparencyState.decline(agreement.id),
                    size="2",
                    variant="soft",
                    color_scheme="gray",
                    data_testid="agreement-decline",
                ),
                spacing="2",
                wrap="wrap",
            ),
        ),
        rx.hstack(
            rx.cond(
                mine & agreement.review_due,
                rx.button(
                    "Keep it for ",
                    agreement.review_weeks.to_string(),
                    " more weeks",
                    on_click=TransparencyState.renew(agreement.id, agreement.review_weeks),
                    size="2",
                    data_testid="agreement-renew",
                ),
                rx.fragment(),
            ),
            _withdraw(agreement),
            spacing="2",
            wrap="wrap",
        ),
    )
    return rx.box(
        rx.vstack(
            rx.text("“", agreement.text, "”", size="3", weight="medium", class_name="cd-update-text"),
            rx.hstack(
                rx.text(who, size="2", color_scheme="gray"),
                rx.cond(asked, rx.badge("Asked", size="1", color_scheme="amber", variant="soft"), rx.fragment()),
                rx.cond(
                    agreement.review_due,
                    rx.badge("Due for review", size="1", color_scheme="iris", variant="soft"),
                    rx.cond(asked, rx.fragment(), rx.text(agreement.review_label, size="1", color_scheme="gray")),
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            rx.cond(
                agreement.review_due,
                rx.text(
                    "Time to look at it together: is it still helping? ",
                    rx.cond(
                        mine,
                        "Keep it going, change it, or let it go.",
                        rx.text.span(agreement.sharer_name, " can keep it going; either of you can let it go."),
                    ),
                    size="2",
                ),
                rx.fragment(),
            ),
            actions,
            spacing="2",
            width="100%",
        ),
        class_name="cd-agenda-item",
        data_testid="agreement",
        data_status=agreement.status,
    )


def agreements_section() -> rx.Component:
    current = rx.foreach(
        CoupleState.agreements,
        lambda a: rx.cond((a.status == "asked") | (a.status == "active"), agreement_card(a), rx.fragment()),
    )
    ended = rx.foreach(
        CoupleState.agreements,
        lambda a: rx.cond(
            a.ended_note != "",
            rx.text(a.ended_note, size="2", color_scheme="gray", data_testid="agreement-ended"),
            rx.fragment(),
        ),
    )
    return rx.card(
        rx.vstack(
            rx.heading("Transparency agreements", as_="h2", size="4"),
            rx.text(
                "What each of you offers to share, visible to both. Only the one who shares makes an agreement; "
                "the other may ask. Each has a review date.",
                size="2",
                color_scheme="gray",
            ),
            rx.cond(
                CoupleState.has_current_agreements,
                rx.vstack(current, spacing="2", width="100%", id="agreement-list"),
                rx.text("No agreements yet.", size="2", color_scheme="gray", id="agreement-list-empty"),
            ),
            rx.cond(
                CoupleState.has_ended_agreements,
                rx.vstack(
                    rx.heading("Recently ended", as_="h3", size="2", color_scheme="gray"),
                    ended,
                    spacing="1",
                    width="100%",
                    id="agreements-ended",
                ),
                rx.fragment(),
            ),
            rx.divider(),
            agreement_form(),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="agreements",
    )
