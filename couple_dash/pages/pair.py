"""Invite your partner (link + short code), or enter the code they gave you."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.forms import error_callout, field
from couple_dash.components.layout import app_page, page_heading
from couple_dash.config import load_settings
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, couples
from couple_dash.state.auth import current_viewer
from couple_dash.state.couple import CoupleState


class PairState(rx.State):
    code: str = ""
    link: str = ""
    expires_on: str = ""
    error: str = ""
    copied: bool = False

    def _show(self, invite: Any | None) -> None:
        self.copied = False
        if invite is None:
            self.code = self.link = self.expires_on = ""
            return
        base = load_settings().public_url or self.router.url.origin
        self.code = invite.code
        self.link = routes.join_url(invite.code, base=base)
        self.expires_on = invite.expires_at.strftime("%d %B %Y")

    async def _viewer_id(self) -> int | None:
        viewer = await current_viewer(self)
        return viewer.user_id if viewer else None

    @rx.event
    async def load(self):
        self.error = ""
        user_id = await self._viewer_id()
        if user_id is None:
            self._show(None)
            return
        with session_scope() as session:
            self._show(couples.open_invite(session=session, user_id=user_id))

    @rx.event
    async def create_invite(self):
        user_id = await self._viewer_id()
        if user_id is None:
            return rx.redirect(routes.LOGIN)
        self.error = ""
        try:
            with session_scope() as session:
                invite = couples.create_invite(session=session, user_id=user_id)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self._show(invite)
        await sync.link_and_refresh(self, invite.couple_id)
        return None

    @rx.event
    async def revoke(self):
        user_id = await self._viewer_id()
        if user_id is None:
            return rx.redirect(routes.LOGIN)
        with session_scope() as session:
            couples.revoke_invite(session=session, user_id=user_id)
        self._show(None)
        return rx.toast("Invite cancelled. That link no longer works.")

    @rx.event
    def copy_link(self):
        self.copied = True
        return rx.set_clipboard(self.link)

    @rx.event
    async def join(self, form: dict[str, Any]):
        user_id = await self._viewer_id()
        if user_id is None:
            return rx.redirect(routes.LOGIN)
        self.error = ""
        try:
            with session_scope() as session:
                couple = couples.join_with_code(session=session, user_id=user_id, code=str(form.get("code", "")))
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        assert couple.id is not None
        await sync.link_and_refresh(self, couple.id)
        return rx.redirect(routes.DASHBOARD)


def _invite_panel() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Invite your partner", as_="h2", size="5"),
            rx.cond(
                PairState.code != "",
                rx.vstack(
                    rx.text("Send this link to your partner. It works once and expires on ", PairState.expires_on, "."),
                    rx.hstack(
                        rx.input(
                            value=PairState.link,
                            read_only=True,
                            id="invite-link",
                            size="3",
                            flex="1",
                            aria_label="Invite link",
                        ),
                        rx.button(
                            rx.cond(PairState.copied, "Copied", "Copy"),
                            on_click=PairState.copy_link,
                            size="3",
                            variant="soft",
                            id="invite-copy",
                        ),
                        width="100%",
                    ),
                    rx.text("Or tell them this code:", size="2", color_scheme="gray"),
                    rx.code(PairState.code, size="7", id="invite-code", class_name="cd-invite-code"),
                    rx.button(
                        "Cancel this invite",
                        on_click=PairState.revoke,
                        variant="ghost",
                        color_scheme="red",
                        id="invite-revoke",
                    ),
                    spacing="3",
                    width="100%",
                ),
                rx.vstack(
                    rx.text(
                        "Couple Dash is for two. Create a private invite link and send it to your partner; "
                        "they'll sign up (or log in) and you'll share one live dashboard."
                    ),
                    rx.button("Create invite link", on_click=PairState.create_invite, size="3", id="invite-create"),
                    spacing="3",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
    )


def _join_panel() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Got a code from your partner?", as_="h2", size="5"),
            rx.form(
                rx.hstack(
                    rx.box(
                        field("Invite code", "code", placeholder="ABCD-EFGH", autocomplete="off", required=True),
                        flex="1",
                    ),
                    rx.button("Join", type="submit", size="3", id="code-join"),
                    align="end",
                    width="100%",
                ),
                on_submit=PairState.join,
                reset_on_submit=True,
                aria_label="Join with a code",
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
    )


@app_page(routes.PAIR, "Pair up", on_load=[PairState.load])
def pair_page() -> rx.Component:
    return rx.vstack(
        page_heading("Pair up", "One dashboard, two partners."),
        rx.cond(
            CoupleState.is_paired,
            rx.callout(
                "You're paired. Everything you add is shared live with your partner.",
                icon="heart",
                id="paired-notice",
            ),
            rx.vstack(error_callout(PairState.error), _invite_panel(), _join_panel(), spacing="4", width="100%"),
        ),
        spacing="4",
        width="100%",
        max_width="640px",
    )
