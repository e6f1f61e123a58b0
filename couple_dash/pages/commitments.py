"""Commitments: make one (with the wording nudge as you type), see and filter them all."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.commitment_form import commitment_fields, label
from couple_dash.components.commitments import commitment_row, status_filter
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.db import session_scope
from couple_dash.domain.cadence import local_today
from couple_dash.domain.commitments import default_review_date
from couple_dash.models import utcnow
from couple_dash.services import ServiceError, commitments
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.commitment_draft import CommitmentDraftState, read_form
from couple_dash.state.couple import CoupleState


class CommitmentFormState(CommitmentDraftState):
    """This tab's draft of a new commitment, and how the list is filtered."""

    owner_filter: str = "all"
    status_filter: str = "current"
    today: str = ""
    review_default: str = ""

    @rx.event
    async def load(self):
        viewer = await current_viewer(self)
        today = local_today(utcnow(), viewer.time_zone if viewer else "UTC")
        self.today, self.review_default = today.isoformat(), default_review_date(today).isoformat()
        self.error = ""

    @rx.event
    def set_owner_filter(self, value: str) -> None:
        self.owner_filter = value

    @rx.event
    def set_status_filter(self, value: str) -> None:
        self.status_filter = value

    @rx.event
    async def create(self, form: dict[str, Any]):
        self.error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            owner_id = int(form.get("owner") or viewer.user_id)
        except ValueError:
            owner_id = 0  # refused by the service: only the two of you make commitments
        try:
            with session_scope() as session:
                data = read_form(form, local_today(utcnow(), viewer.time_zone))
                commitments.create(session=session, user_id=viewer.user_id, owner_id=owner_id, data=data)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.COMMITMENTS)
        self.text, self.nudge, self.nudge_points = "", "", []
        return [rx.set_value("commitment-why", ""), rx.toast.success("Commitment saved. Your partner sees it now.")]


def _owner_choice() -> rx.Component:
    partner_options = rx.foreach(
        CoupleState.members,
        lambda m: rx.cond(
            m.user_id != AuthState.user_id,
            rx.el.option("Propose one to " + m.name.to(str), value=m.user_id.to_string()),
            rx.fragment(),
        ),
    )
    return rx.vstack(
        label("Who makes this commitment?", "commitment-owner"),
        rx.el.select(
            rx.el.option("I do", value=AuthState.user_id.to_string()),
            partner_options,
            name="owner",
            id="commitment-owner",
            class_name="cd-select",
        ),
        rx.text(
            "Your partner decides whether to accept a commitment you propose for them.", size="1", color_scheme="gray"
        ),
        spacing="1",
        width="100%",
    )


def create_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Make a commitment", as_="h2", size="5"),
                _owner_choice(),
                *commitment_fields(CommitmentFormState, ""),
                rx.grid(
                    rx.vstack(
                        label("Starts", "commitment-start"),
                        rx.input(
                            name="start",
                            id="commitment-start",
                            type="date",
                            size="3",
                            default_value=CommitmentFormState.today,
                            key=CommitmentFormState.today,
                        ),
                        spacing="1",
                    ),
                    rx.vstack(
                        label("Review on", "commitment-review"),
                        rx.input(
                            name="review",
                            id="commitment-review",
                            type="date",
                            size="3",
                            default_value=CommitmentFormState.review_default,
                            key=CommitmentFormState.review_default,
                        ),
                        spacing="1",
                    ),
                    columns=rx.breakpoints(initial="1", sm="2", lg="1", xl="2"),
                    spacing="3",
                    width="100%",
                ),
                error_callout(CommitmentFormState.error, id_="commitment-error"),
                rx.button("Save commitment", type="submit", size="3", id="commitment-save"),
                spacing="3",
                width="100%",
            ),
            on_submit=CommitmentFormState.create,
            aria_label="Make a commitment",
        ),
        size="3",
    )


def _visible(card: Any) -> rx.Var[bool]:
    owner_ok = rx.match(
        CommitmentFormState.owner_filter,
        ("mine", card.owner_id == AuthState.user_id),
        ("partner", card.owner_id != AuthState.user_id),
        True,
    )
    status_ok = rx.match(
        CommitmentFormState.status_filter,
        ("current", (card.status == "active") | (card.status == "paused") | (card.status == "proposed")),
        ("ended", (card.status == "completed") | (card.status == "retired")),
        True,
    )
    return owner_ok & status_ok


def _list() -> rx.Component:
    return rx.vstack(
        status_filter(
            CommitmentFormState.owner_filter,
            CommitmentFormState.set_owner_filter,
            CommitmentFormState.status_filter,
            CommitmentFormState.set_status_filter,
        ),
        rx.cond(
            CoupleState.commitments.length() > 0,
            rx.vstack(
                rx.foreach(CoupleState.commitments, lambda c: rx.cond(_visible(c), commitment_row(c), rx.fragment())),
                spacing="2",
                width="100%",
                id="commitment-list",
            ),
            empty_state(
                "handshake",
                "No commitments yet",
                "A commitment is specific and checkable: “I will text you when I leave work and when I arrive”, "
                "not “I'll try to be better”. Each of you ticks your own; the other can say “seen, thank you”.",
                id_="commitments-empty",
            ),
        ),
        spacing="3",
        width="100%",
    )


@app_page(routes.COMMITMENTS, "Commitments", on_load=[CommitmentFormState.load])
def commitments_page() -> rx.Component:
    return rx.vstack(
        page_heading("Commitments", "Specific promises, kept and seen."),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(create_form(), _list(), columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%"),
            empty_state(
                "user-plus",
                "Commitments are made to someone",
                "Invite your partner first; then each of you can make promises the other can see.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
