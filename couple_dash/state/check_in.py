"""The check-in page's own state: the agenda form, the item being edited, the schedule, starting a meeting."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain import check_in_time
from couple_dash.domain.agenda import KIND_PROMPTS, AgendaKind
from couple_dash.domain.cadence import local_today
from couple_dash.domain.meeting import DEFAULT_TURN_SECONDS
from couple_dash.models import utcnow
from couple_dash.services import ServiceError, agenda, meeting, meeting_summary, rituals
from couple_dash.services.accounts import Viewer
from couple_dash.services.agenda import AgendaItemView
from couple_dash.services.meeting_summary import SummaryView
from couple_dash.state.auth import paired_viewer


class CheckInState(rx.State):
    """This tab's own view of the agenda form and of the item being edited (never shared)."""

    kind: str = AgendaKind.APPRECIATION.value
    add_error: str = ""
    added: int = 0  # items added from this tab (resets the form's private tick)
    editing_id: int = 0
    draft: str = ""
    base_version: int = 0
    edit_error: str = ""
    schedule_error: str = ""
    # This tab's own reading of what only its user may see: their items kept for the check-in, and the
    # couple's past check-ins (re-read whenever the agenda or the meeting changes).
    private_items: list[AgendaItemView] = []
    summaries: list[SummaryView] = []

    async def _publish(self, viewer: Viewer, part: str | None = sync.AGENDA) -> None:
        assert viewer.couple_id is not None
        await sync.link_and_refresh(self, viewer.couple_id, only=part)

    @rx.var
    def prompt(self) -> str:
        try:
            return KIND_PROMPTS[AgendaKind(self.kind)]
        except ValueError:
            return ""

    @rx.event
    def set_kind(self, value: str) -> None:
        self.kind = value

    @rx.event
    async def add(self, form: dict[str, Any]):
        self.add_error = ""
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                agenda.add_item(
                    session=session,
                    user_id=viewer.user_id,
                    kind=self.kind,
                    text=str(form.get("text", "")),
                    private=bool(form.get("private")),
                )
        except ServiceError as refusal:
            self.add_error = refusal.message
            return None
        self.added += 1
        await self._publish(viewer)
        return rx.set_value("agenda-text", "")

    @rx.event
    def start_edit(self, item_id: int, text: str, version: int) -> None:
        self.editing_id, self.draft, self.base_version, self.edit_error = item_id, text, version, ""

    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def cancel_edit(self) -> None:
        self.editing_id, self.draft, self.edit_error = 0, "", ""

    @rx.event
    async def save_edit(self):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        self.edit_error = ""
        try:
            with session_scope() as session:
                agenda.edit_item(
                    session=session,
                    user_id=viewer.user_id,
                    item_id=self.editing_id,
                    text=self.draft,
                    base_version=self.base_version,
                )
        except agenda.EditConflict as conflict:
            # Nothing is written and nothing is lost: the partner's version shows in the list above, the draft
            # stays in the box, and saving again now deliberately replaces the version just seen.
            self.edit_error = conflict.message
            self.base_version = conflict.current_version
            await self._publish(viewer)
            return None
        except ServiceError as refusal:
            self.edit_error = refusal.message
            return None
        self.editing_id, self.draft = 0, ""
        await self._publish(viewer)
        return None

    @rx.event
    async def remove(self, item_id: int):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                agenda.remove_item(session=session, user_id=viewer.user_id, item_id=item_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await self._publish(viewer)
        return None

    @rx.event
    async def move(self, item_id: int, direction: int):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                agenda.move_item(session=session, user_id=viewer.user_id, item_id=item_id, direction=direction)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await self._publish(viewer)
        return None

    @rx.event
    async def load_private(self):
        """The caller's own hidden items and the couple's past check-ins: never part of the shared view."""
        viewer = await paired_viewer(self)
        if viewer is None:
            self.private_items, self.summaries = [], []
            return
        with session_scope() as session:
            self.private_items = agenda.private_items(session=session, user_id=viewer.user_id)
            self.summaries = meeting_summary.summaries(
                session=session, user_id=viewer.user_id, time_zone=viewer.time_zone
            )

    @rx.event
    async def save_schedule(self, form: dict[str, Any]):
        self.schedule_error = ""
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            weekday = check_in_time.parse_weekday(str(form.get("weekday", "")))
            minute = check_in_time.parse_time(str(form.get("time", "")))
        except check_in_time.ScheduleError as refusal:
            self.schedule_error = str(refusal)
            return None
        with session_scope() as session:
            rituals.set_check_in(
                session=session,
                user_id=viewer.user_id,
                weekday=weekday,
                minute=minute,
                today=local_today(utcnow(), viewer.time_zone),
            )
        await self._publish(viewer, None)
        return rx.toast.success("Check-in day saved for both of you.")

    @rx.event
    async def start_meeting(self, form: dict[str, Any]):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            turn = int(form.get("turn_seconds") or DEFAULT_TURN_SECONDS)
        except ValueError:
            turn = 0  # refused by the service with a clear message
        try:
            with session_scope() as session:
                meeting.start(session=session, user_id=viewer.user_id, turn_seconds=turn)
        except meeting.AlreadyStarted:
            pass  # the partner opened it a moment ago: join theirs
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await self._publish(viewer, None)
        return rx.redirect(routes.MEETING)
