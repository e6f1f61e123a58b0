"""This tab's own notifications (never shared with the partner's tabs) and the person's reminder settings."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.check_in_time import format_time
from couple_dash.services import ServiceError, notifications, reminder_settings
from couple_dash.services.notifications import NotificationView
from couple_dash.services.reminder_settings import ReminderChoices
from couple_dash.state.auth import current_viewer


class NotificationState(rx.State):
    """The bell: the signed-in person's own reminders, re-read whenever their unread count changes."""

    items: list[NotificationView] = []

    @rx.event
    async def load(self):
        viewer = await current_viewer(self)
        if viewer is None:
            self.items = []
            return
        with session_scope() as session:
            self.items = notifications.for_user(session=session, user_id=viewer.user_id, time_zone=viewer.time_zone)

    @rx.event
    async def mark_all_read(self):
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return None
        with session_scope() as session:
            notifications.mark_all_read(session=session, user_id=viewer.user_id)
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.NOTIFICATIONS)
        return None


class ReminderSettingsState(rx.State):
    """The settings form (defaults shown until saved)."""

    values: dict[str, Any] = {}
    error: str = ""
    notice: str = ""

    @rx.event
    async def load(self):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        with session_scope() as session:
            row = reminder_settings.current(session=session, user_id=viewer.user_id)
        self.values = {
            "rituals": row.rituals,
            "ritual_lead_minutes": str(row.ritual_lead_minutes),
            "check_in": row.check_in,
            "check_in_lead_minutes": str(row.check_in_lead_minutes),
            "commitment_windows": row.commitment_windows,
            "streak_nudge": row.streak_nudge,
            "weekly_digest": row.weekly_digest,
            "quiet_enabled": row.quiet_enabled,
            "quiet_start": format_time(row.quiet_start),
            "quiet_end": format_time(row.quiet_end),
        }
        self.error = self.notice = ""

    @rx.event
    async def save(self, form: dict[str, Any]):
        viewer = await current_viewer(self)
        if viewer is None:
            return rx.redirect(routes.LOGIN)
        self.error = self.notice = ""
        try:
            choices = ReminderChoices(
                rituals=bool(form.get("rituals")),
                ritual_lead_minutes=int(form.get("ritual_lead_minutes") or 0),
                check_in=bool(form.get("check_in")),
                check_in_lead_minutes=int(form.get("check_in_lead_minutes") or 0),
                commitment_windows=bool(form.get("commitment_windows")),
                streak_nudge=bool(form.get("streak_nudge")),
                weekly_digest=bool(form.get("weekly_digest")),
                quiet_enabled=bool(form.get("quiet_enabled")),
                quiet_start=str(form.get("quiet_start", "")),
                quiet_end=str(form.get("quiet_end", "")),
            )
        except ValueError:
            self.error = "Choose how early from the times offered."
            return None
        try:
            with session_scope() as session:
                reminder_settings.save(session=session, user_id=viewer.user_id, choices=choices)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self.notice = "Saved. Reminders follow these choices from now on."
        return None
