"""The invite landing page: who invited you, and one step to join them."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.forms import auth_card, error_callout
from couple_dash.components.layout import public_page
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, couples
from couple_dash.state.auth import current_viewer


class JoinState(rx.State):
    code: str = ""
    inviter_name: str = ""
    problem: str = ""
    signed_in: bool = False
    loaded: bool = False

    @rx.event
    async def load(self):
        self.code = self.router.url.query_parameters.get("code", "").strip()
        self.problem = ""
        self.inviter_name = ""
        self.signed_in = await current_viewer(self) is not None
        if not self.code:
            self.problem = "This link is missing its invite code. Ask your partner to send it again."
        else:
            try:
                with session_scope() as session:
                    preview = couples.preview_invite(session=session, code=self.code)
                self.code = preview.code
                self.inviter_name = preview.inviter_name
                self.problem = preview.problem or ""
            except ServiceError as refusal:
                self.problem = refusal.message
        self.loaded = True

    @rx.event
    async def accept(self):
        viewer = await current_viewer(self)
        if viewer is None:
            return rx.redirect(routes.login_url(invite=self.code))
        try:
            with session_scope() as session:
                couple = couples.join_with_code(session=session, user_id=viewer.user_id, code=self.code)
        except ServiceError as refusal:
            self.problem = refusal.message
            return None
        assert couple.id is not None
        await sync.link_and_refresh(self, couple.id)
        return rx.redirect(routes.DASHBOARD)


def _valid_invite() -> rx.Component:
    return rx.vstack(
        rx.heading(JoinState.inviter_name + " invited you to Couple Dash", as_="h1", size="6", id="join-heading"),
        rx.text(
            "A shared, private dashboard for the promises you make each other, your weekly check-in and the "
            "rituals you plan together. Nothing is shared beyond the two of you.",
            color_scheme="gray",
        ),
        rx.cond(
            JoinState.signed_in,
            rx.button(
                "Join " + JoinState.inviter_name, on_click=JoinState.accept, size="3", width="100%", id="join-accept"
            ),
            rx.vstack(
                rx.link(
                    rx.button("Create my account", size="3", width="100%"),
                    href=routes.SIGNUP + "?invite=" + JoinState.code,
                    width="100%",
                    id="join-signup",
                ),
                rx.link(
                    rx.button("I already have an account", size="3", variant="soft", width="100%"),
                    href=routes.LOGIN + "?invite=" + JoinState.code,
                    width="100%",
                    id="join-login",
                ),
                width="100%",
                spacing="3",
            ),
        ),
        spacing="4",
        width="100%",
    )


@public_page(routes.JOIN, "Join your partner", on_load=[JoinState.load])
def join_page() -> rx.Component:
    return auth_card(
        rx.cond(
            ~JoinState.loaded,
            rx.center(rx.spinner(size="3"), aria_label="Loading"),
            rx.cond(
                JoinState.problem != "",
                rx.vstack(
                    rx.heading("This invite can't be used", as_="h1", size="6"),
                    error_callout(JoinState.problem, id_="join-problem"),
                    rx.link("Go to my dashboard", href=routes.DASHBOARD),
                    spacing="4",
                    width="100%",
                ),
                _valid_invite(),
            ),
        ),
    )
