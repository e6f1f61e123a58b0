"""The seven sections of the check-in meeting, each a body shown under the section's title and prompt."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.commitment_form import edit_form
from couple_dash.components.meeting import (
    MEETING,
    add_item_form,
    items_of,
    name_of,
    notes,
    quoted_item,
)
from couple_dash.components.meeting_issue import issue
from couple_dash.components.pulse_form import pulse
from couple_dash.domain.meeting import Section
from couple_dash.pages.commitments import create_form
from couple_dash.state.auth import AuthState
from couple_dash.state.commitment_draft import CommitmentEditState
from couple_dash.state.couple import CoupleState
from couple_dash.state.followthrough import FollowThroughState
from couple_dash.state.meeting import MeetingState


def appreciations() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.badge(
                rx.icon("sparkles", size=16, aria_hidden="true"),
                rx.text.span(name_of(MEETING.appreciation_turn), "'s turn"),
                size="3",
                id="appreciation-turn",
            ),
            rx.button("Pass to the other", on_click=MeetingState.pass_turn, variant="soft", id="pass-turn"),
            align="center",
            spacing="3",
        ),
        items_of("appreciation", quoted_item),
        add_item_form("appreciation", "Add an appreciation", "When you…, it showed me you're…"),
        spacing="4",
        width="100%",
    )


def _went_well_card(card: Any) -> rx.Component:
    return rx.box(
        rx.text(card.text, weight="medium", size="5"),
        rx.text(
            card.owner_name,
            " · ",
            card.kept_label,
            rx.cond(card.streak_label != "", rx.text.span(" · ", card.streak_label), rx.fragment()),
            rx.cond(card.thanked > 0, rx.text.span(" · thanked ", card.thanked.to_string(), "×"), rx.fragment()),
            size="3",
            color_scheme="gray",
        ),
        class_name="cd-agenda-item",
        data_testid="went-well",
    )


def went_well() -> rx.Component:
    return rx.vstack(
        rx.cond(
            CoupleState.went_well.length() > 0,
            rx.grid(
                rx.foreach(CoupleState.went_well, _went_well_card),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="3",
                width="100%",
            ),
            rx.text("No active commitments yet; say in your own words what went well.", size="4"),
        ),
        items_of("went_well", quoted_item),
        add_item_form("went_well", "Something else that went well", "Something that went well this week…"),
        spacing="4",
        width="100%",
    )


def requests() -> rx.Component:
    def request(item: Any) -> rx.Component:
        return rx.hstack(
            quoted_item(item),
            rx.button("Talked through", on_click=MeetingState.resolve(item.id), variant="soft", color_scheme="grass"),
            align="center",
            width="100%",
        )

    return rx.vstack(
        items_of("request", request),
        add_item_form("request", "A need or request", "This week, it would help me if you…"),
        notes("agreement", "Agreements", "What you agree to", "I'll…"),
        spacing="4",
        width="100%",
    )


def _commitment(card: Any) -> rx.Component:
    mine = card.owner_id == AuthState.user_id
    return rx.vstack(
        rx.hstack(
            rx.link(card.text, href=routes.COMMITMENT + "?id=" + card.id.to_string(), size="4", flex="1"),
            rx.text(card.owner_name, " · ", card.cadence_label, size="2", color_scheme="gray"),
            rx.cond(
                card.review_due,
                rx.button(
                    "We reviewed it", size="2", variant="soft", on_click=FollowThroughState.mark_reviewed(card.id)
                ),
                rx.fragment(),
            ),
            rx.cond(
                mine,
                rx.button(
                    "Adjust",
                    size="2",
                    variant="soft",
                    on_click=CommitmentEditState.start_edit(
                        card.id, card.text, card.cadence_kind, card.version, card.start_date
                    ),
                ),
                rx.fragment(),
            ),
            align="center",
            wrap="wrap",
            width="100%",
        ),
        rx.cond(
            CommitmentEditState.editing & (CommitmentEditState.commitment_id == card.id), edit_form(card), rx.fragment()
        ),
        class_name="cd-agenda-item",
        data_testid="meeting-commitment",
        width="100%",
    )


def commitments() -> rx.Component:
    current = (
        CoupleState.commitments,
        lambda c: rx.cond((c.status == "active") | (c.status == "proposed"), _commitment(c), rx.fragment()),
    )
    return rx.grid(
        rx.vstack(
            rx.heading("Current commitments", as_="h2", size="4"),
            rx.cond(
                CoupleState.commitments.length() > 0,
                rx.text(
                    CoupleState.commitments_due_for_review.to_string(),
                    " due for review today",
                    size="3",
                    color_scheme="gray",
                ),
                rx.text("No commitments yet. Make the first one here, together.", size="4"),
            ),
            rx.foreach(*current),
            spacing="3",
            width="100%",
        ),
        create_form(),
        columns=rx.breakpoints(initial="1", lg="2"),
        spacing="4",
        width="100%",
    )


def rituals() -> rx.Component:
    return rx.vstack(
        rx.cond(
            CoupleState.schedule_label != "",
            rx.text("Your check-in: ", CoupleState.schedule_label, size="4"),
            rx.text("You haven't set a regular check-in day yet; you can on the Check-in page.", size="4"),
        ),
        notes("ritual", "This week's plans", "Plan a ritual for the coming week", "Date night Friday, Sam plans it"),
        spacing="4",
        width="100%",
    )


BODIES: dict[Section, Any] = {
    Section.APPRECIATIONS: appreciations,
    Section.WENT_WELL: went_well,
    Section.ISSUE: issue,
    Section.REQUESTS: requests,
    Section.COMMITMENTS: commitments,
    Section.RITUALS: rituals,
    Section.PULSE: pulse,
}
