"""Who is signed in on this tab. Re-checked against the database on every event that needs it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from reflex.event import EventSpec
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, accounts, web_push
from couple_dash.services.accounts import Viewer

SESSION_STORAGE_KEY = "couple_dash_session"
NOT_SIGNED_IN = "Your session has ended; sign in again to carry on."


class AuthState(rx.State):
    # The bearer token of this browser's session (shared by its tabs). The server only stores its hash.
    session_token: str = rx.LocalStorage("", name=SESSION_STORAGE_KEY, sync=True)
    user_id: int = 0
    display_name: str = ""
    email: str = ""
    time_zone: str = ""
    # True once the server has looked at this tab's session, so pages don't flash before redirecting.
    checked: bool = False

    def current_viewer(self) -> Viewer | None:
        """The signed-in user, from the database; ``None`` if the session is unknown, revoked or expired."""
        with session_scope() as session:
            viewer = accounts.resolve_session(session=session, token=self.session_token)
        if viewer is None:
            self._forget_if_needed()
        else:
            self._remember(viewer)
        return viewer

    def _remember(self, viewer: Viewer) -> None:
        # Assign only what changed: an unchanged value must not be re-sent to the browser on every event.
        for name, value in (
            ("user_id", viewer.user_id),
            ("display_name", viewer.display_name),
            ("email", viewer.email),
            ("time_zone", viewer.time_zone),
            ("checked", True),
        ):
            if getattr(self, name) != value:
                setattr(self, name, value)

    def _forget(self) -> None:
        self.user_id = 0
        self.display_name = ""
        self.email = ""
        self.time_zone = ""
        self.checked = False

    def _forget_if_needed(self) -> None:
        if self.user_id or self.checked:
            self._forget()

    def sign_in_as(self, signed_in: accounts.SignedIn) -> None:
        self.session_token = signed_in.token
        self._remember(signed_in.viewer)

    def login_redirect(self) -> EventSpec:
        url = self.router.url
        # Static hosting adds a trailing slash ("/rituals/"); keep the address people see tidy.
        here = (url.path.rstrip("/") or "/") + (f"?{url.query}" if url.query else "")
        return rx.redirect(routes.login_url(next_path=here if here != routes.DASHBOARD else ""))

    @rx.event
    def redirect_if_signed_in(self):
        """On the login and sign-up pages: a signed-in visitor goes where they were heading."""
        if self.current_viewer() is not None:
            return rx.redirect(routes.safe_next(self.router.url.query_parameters.get("next")))
        return None

    async def _signed_out(self) -> list[Any]:
        from couple_dash.state.private_reset import forget_private  # imports states that import this module

        self.session_token = ""
        self._forget()
        await forget_private(self)
        rehydrate = await sync.unlink(self)
        return [*(rehydrate or []), rx.redirect(routes.LOGIN)]

    @rx.event
    async def log_out(self):
        with session_scope() as session:
            accounts.log_out(session=session, token=self.session_token)
        return await self._signed_out()

    @rx.event
    async def log_out_everywhere(self):
        viewer = self.current_viewer()
        if viewer is not None:
            with session_scope() as session:
                accounts.log_out_everywhere(session=session, user_id=viewer.user_id)
                web_push.forget_all(session=session, user_id=viewer.user_id)
        return await self._signed_out()


async def current_viewer(state: rx.State) -> Viewer | None:
    """The signed-in user behind any state's tab, checked against the database."""
    auth = await state.get_state(AuthState)
    assert isinstance(auth, AuthState)
    return auth.current_viewer()


async def paired_viewer(state: rx.State) -> Viewer | None:
    """The signed-in user behind the tab, if they are in a couple; ``None`` otherwise."""
    viewer = await current_viewer(state)
    return viewer if viewer is not None and viewer.couple_id is not None else None


async def run_for_couple(
    state: rx.State, action: Callable[[Session, Viewer], object], *parts: str, refresh_on_refusal: bool = False
) -> str | None:
    """A service call for the signed-in partner, then the couple's changed ``parts`` (also after a refusal, when
    asked: to show how things stand now); the refusal's message, or None."""
    viewer = await paired_viewer(state)
    if viewer is None:
        return NOT_SIGNED_IN
    assert viewer.couple_id is not None
    try:
        with session_scope() as session:
            action(session, viewer)
    except ServiceError as refusal:
        if refresh_on_refusal:
            for part in parts:
                await sync.link_and_refresh(state, viewer.couple_id, only=part)
        return refusal.message
    for part in parts:
        await sync.link_and_refresh(state, viewer.couple_id, only=part)
    return None
