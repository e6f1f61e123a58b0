"""Sign up and log in. Password work runs in a thread so hashing never stalls other partners' events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import reflex as rx
from reflex.event import EventSpec

from couple_dash import routes, sync
from couple_dash.components.forms import auth_card, error_callout, field, submit_button, time_zone_field
from couple_dash.components.layout import public_page
from couple_dash.db import session_scope
from couple_dash.domain.accounts import DEFAULT_TIME_ZONE, known_time_zones
from couple_dash.domain.passwords import MIN_LENGTH
from couple_dash.services import ServiceError, accounts, couples
from couple_dash.state.auth import AuthState


def _sign_up(form: dict[str, Any], ip: str) -> accounts.SignedIn:
    with session_scope() as session:
        return accounts.sign_up(
            session=session,
            display_name=str(form.get("display_name", "")),
            email=str(form.get("email", "")),
            password=str(form.get("password", "")),
            time_zone=str(form.get("time_zone", "")),
            ip=ip,
        )


def _log_in(form: dict[str, Any], ip: str) -> accounts.SignedIn:
    with session_scope() as session:
        try:
            return accounts.log_in(
                session=session, email=str(form.get("email", "")), password=str(form.get("password", "")), ip=ip
            )
        except accounts.WrongCredentials:
            session.commit()  # keep the recorded failure: it is what sign-in throttling counts
            raise


class AuthFormState(rx.State):
    """What the sign-in and sign-up forms share: an error line, a busy flag, and where to go next."""

    error: str = ""
    busy: bool = False

    @rx.var
    def invite_code(self) -> str:
        return self.router.url.query_parameters.get("invite", "")

    async def _finish(self, signed_in: accounts.SignedIn) -> EventSpec:
        """Store the session; use the invite this visitor arrived with; go where they were heading."""
        auth = await self.get_state(AuthState)
        assert isinstance(auth, AuthState)
        auth.sign_in_as(signed_in)
        code = self.invite_code
        if code:
            try:
                with session_scope() as session:
                    couple = couples.join_with_code(session=session, user_id=signed_in.viewer.user_id, code=code)
            except ServiceError:
                # The join page explains what went wrong with the invite, for a signed-in person.
                return rx.redirect(routes.join_url(code))
            assert couple.id is not None
            await sync.link_and_refresh(self, couple.id)
            return rx.redirect(routes.DASHBOARD)
        return rx.redirect(routes.safe_next(self.router.url.query_parameters.get("next")))

    async def _run(
        self, action: Callable[[dict[str, Any], str], accounts.SignedIn], form: dict[str, Any]
    ) -> AsyncIterator[EventSpec | None]:
        self.error = ""
        self.busy = True
        yield None
        try:
            signed_in = await asyncio.to_thread(action, form, self.router.session.client_ip)
        except ServiceError as refusal:
            self.error = refusal.message
            self.busy = False
            return
        self.busy = False
        yield await self._finish(signed_in)


class LoginState(AuthFormState):
    @rx.event
    async def submit(self, form: dict[str, Any]):
        async for update in self._run(_log_in, form):
            yield update


class SignupState(AuthFormState):
    time_zone: str = DEFAULT_TIME_ZONE

    @rx.event
    def set_time_zone(self, value: str) -> None:
        if value in known_time_zones():
            self.time_zone = value

    @rx.event
    def prefill_time_zone(self):
        return rx.call_script("Intl.DateTimeFormat().resolvedOptions().timeZone", callback=SignupState.set_time_zone)

    @rx.event
    async def submit(self, form: dict[str, Any]):
        async for update in self._run(_sign_up, form):
            yield update


def _switch_link(text: str, link_text: str, href: rx.Var[str] | str) -> rx.Component:
    return rx.text(text, " ", rx.link(link_text, href=href), size="2", align="center", width="100%")


def _invite_note(code: rx.Var[str]) -> rx.Component:
    return rx.cond(
        code != "",
        rx.callout("You'll join your partner's dashboard right after this.", icon="heart", color_scheme="iris"),
        rx.fragment(),
    )


@public_page(routes.LOGIN, "Log in", on_load=[AuthState.redirect_if_signed_in])
def login_page() -> rx.Component:
    return auth_card(
        rx.heading("Welcome back", as_="h1", size="6"),
        _invite_note(LoginState.invite_code),
        rx.form(
            rx.vstack(
                field("Email", "email", type_="email", autocomplete="email", required=True),
                field("Password", "password", type_="password", autocomplete="current-password", required=True),
                error_callout(LoginState.error),
                submit_button("Log in", LoginState.busy, id="login-submit"),
                spacing="4",
                width="100%",
            ),
            on_submit=LoginState.submit,
            aria_label="Log in",
        ),
        _switch_link(
            "New here?",
            "Create an account",
            rx.cond(LoginState.invite_code != "", routes.SIGNUP + "?invite=" + LoginState.invite_code, routes.SIGNUP),
        ),
    )


@public_page(routes.SIGNUP, "Sign up", on_load=[AuthState.redirect_if_signed_in, SignupState.prefill_time_zone])
def signup_page() -> rx.Component:
    return auth_card(
        rx.heading("Create your account", as_="h1", size="6"),
        rx.text(
            "Each partner has their own account. You'll pair up with an invite link.",
            color_scheme="gray",
            size="2",
        ),
        _invite_note(SignupState.invite_code),
        rx.form(
            rx.vstack(
                field(
                    "Your name",
                    "display_name",
                    autocomplete="given-name",
                    required=True,
                    max_length=40,
                    hint="The name your partner knows you by.",
                ),
                field("Email", "email", type_="email", autocomplete="email", required=True),
                field(
                    "Password",
                    "password",
                    type_="password",
                    autocomplete="new-password",
                    required=True,
                    hint=f"At least {MIN_LENGTH} characters. A short phrase works well.",
                ),
                time_zone_field(SignupState.time_zone, SignupState.set_time_zone),
                error_callout(SignupState.error),
                submit_button("Create account", SignupState.busy, id="signup-submit"),
                spacing="4",
                width="100%",
            ),
            on_submit=SignupState.submit,
            aria_label="Sign up",
        ),
        _switch_link(
            "Already have an account?",
            "Log in",
            rx.cond(SignupState.invite_code != "", routes.LOGIN + "?invite=" + SignupState.invite_code, routes.LOGIN),
        ),
    )
