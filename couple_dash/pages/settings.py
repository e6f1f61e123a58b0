"""Settings: profile, sessions, and the couple (leaving is always possible, alone)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.data_rights import data_rights_card
from couple_dash.components.forms import error_callout, field, notice_callout, time_zone_field
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.notifications import reminders_card
from couple_dash.components.push import push_card
from couple_dash.db import session_scope
from couple_dash.domain.accounts import known_time_zones
from couple_dash.services import ServiceError, accounts, couples
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.notifications import ReminderSettingsState
from couple_dash.state.push import PushState


class SettingsState(rx.State):
    time_zone: str = ""
    error: str = ""
    notice: str = ""

    async def _auth(self) -> AuthState:
        auth = await self.get_state(AuthState)
        assert isinstance(auth, AuthState)
        return auth

    @rx.event
    async def load(self):
        auth = await self._auth()
        self.time_zone = auth.time_zone
        self.error = self.notice = ""

    @rx.event
    def set_time_zone(self, value: str) -> None:
        if value in known_time_zones():
            self.time_zone = value

    @rx.event
    async def save_profile(self, form: dict[str, Any]):
        auth = await self._auth()
        viewer = auth.current_viewer()
        if viewer is None:
            return auth.login_redirect()
        self.error = self.notice = ""
        try:
            with session_scope() as session:
                updated = accounts.update_profile(
                    session=session,
                    user_id=viewer.user_id,
                    display_name=str(form.get("display_name", "")),
                    time_zone=str(form.get("time_zone", self.time_zone)),
                )
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        auth._remember(updated)
        if updated.couple_id is not None:
            await sync.link_and_refresh(self, updated.couple_id)
        self.notice = "Saved."
        return None

    @rx.event
    async def leave_couple(self):
        auth = await self._auth()
        viewer = auth.current_viewer()
        if viewer is None:
            return auth.login_redirect()
        try:
            with session_scope() as session:
                couple_id = couples.leave_couple(session=session, user_id=viewer.user_id)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        # Tell the partner (their view now shows one member), then detach this tab.
        await sync.link_and_refresh(self, couple_id)
        rehydrate = await sync.unlink(self)
        return [*(rehydrate or []), rx.redirect(routes.DASHBOARD), rx.toast("You've left the couple.")]


def _profile() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Profile", as_="h2", size="5"),
                field(
                    "Your name",
                    "display_name",
                    autocomplete="given-name",
                    default_value=AuthState.display_name,
                    key=AuthState.display_name,
                    required=True,
                    max_length=40,
                ),
                time_zone_field(SettingsState.time_zone, SettingsState.set_time_zone),
                error_callout(SettingsState.error, id_="settings-error"),
                notice_callout(SettingsState.notice, id_="settings-notice"),
                rx.button("Save profile", type="submit", size="3", id="profile-save"),
                spacing="3",
                width="100%",
            ),
            on_submit=SettingsState.save_profile,
            aria_label="Profile",
        ),
        size="3",
    )


def _sessions() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Signed-in devices", as_="h2", size="5"),
            rx.text("Signed in as ", rx.text.strong(AuthState.email), ".", size="2"),
            rx.hstack(
                rx.button(
                    "Log out",
                    on_click=[PushState.forget_this_device, AuthState.log_out],
                    variant="soft",
                    size="3",
                    id="logout",
                ),
                rx.button(
                    "Log out of all devices",
                    on_click=AuthState.log_out_everywhere,
                    variant="soft",
                    color_scheme="red",
                    size="3",
                    id="logout-all",
                ),
                wrap="wrap",
                spacing="3",
            ),
            spacing="3",
        ),
        size="3",
    )


def _leave_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button("Leave couple", color_scheme="red", variant="outline", size="3", id="leave-open"),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Leave this couple?"),
            rx.alert_dialog.description(
                "You'll stop sharing a dashboard. Your partner keeps their own data; you can always pair again "
                "with a new invite. You don't need anyone's permission to do this."
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Stay", variant="soft", color_scheme="gray", size="3")),
                rx.alert_dialog.action(
                    rx.button(
                        "Leave", color_scheme="red", size="3", on_click=SettingsState.leave_couple, id="leave-confirm"
                    )
                ),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
        ),
    )


def _couple() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Your couple", as_="h2", size="5"),
            rx.cond(
                CoupleState.is_paired,
                rx.vstack(rx.text("You share this dashboard with your partner."), _leave_dialog(), spacing="3"),
                rx.vstack(
                    rx.text("You're not paired yet."),
                    rx.link("Invite your partner", href=routes.PAIR),
                    rx.cond(CoupleState.couple_id != 0, _leave_dialog(), rx.fragment()),
                    spacing="3",
                ),
            ),
            spacing="3",
        ),
        size="3",
    )


@app_page(routes.SETTINGS, "Settings", on_load=[SettingsState.load, ReminderSettingsState.load, PushState.load])
def settings_page() -> rx.Component:
    return rx.vstack(
        page_heading("Settings"),
        _profile(),
        rx.cond(CoupleState.is_paired, rx.fragment(reminders_card(), push_card()), rx.fragment()),
        _couple(),
        _sessions(),
        data_rights_card(),
        spacing="4",
        width="100%",
        max_width="720px",
    )
