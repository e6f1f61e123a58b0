"""What a tab can do during a check-in. Every step goes service -> database -> every screen of the couple."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.pulse import QUESTIONS
from couple_dash.services import ServiceError, agenda, meeting, meeting_summary, pulse
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import current_viewer

# Which parts of the couple's view an action changes (None: all of it).
MEETING_ONLY: str | None = sync.MEETING
MEETING_AND_AGENDA: str | None = None


class MeetingState(rx.State):
    """This tab's own bits of the meeting: the private pulse form and form messages (never shared)."""

    pulse_open: bool = False
    pulse_error: str = ""
    note_error: str = ""
    item_error: str = ""

    async def _act(self, action: Callable[[Session, Viewer], object], part: str | None = MEETING_ONLY) -> Any:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                action(session, viewer)
        except meeting.Stale as stale:
            await sync.link_and_refresh(self, viewer.couple_id, only=sync.MEETING)
            return rx.toast.info(stale.message)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id, only=part)
        return None

    @rx.event
    async def next(self, from_section: int):
        return await self._act(
            lambda s, v: meeting.move(session=s, user_id=v.user_id, from_section=from_section, direction=1)
        )

    @rx.event
    async def back(self, from_section: int):
        return await self._act(
            lambda s, v: meeting.move(session=s, user_id=v.user_id, from_section=from_section, direction=-1)
        )

    @rx.event
    async def time_out(self):
        return await self._act(lambda s, v: meeting.call_time_out(session=s, user_id=v.user_id))

    @rx.event
    async def resume(self):
        return await self._act(lambda s, v: meeting.resume(session=s, user_id=v.user_id))

    @rx.event
    async def pass_turn(self):
        return await self._act(lambda s, v: meeting.pass_appreciation_turn(session=s, user_id=v.user_id))

    @rx.event
    async def choose_issue(self, item_id: int):
        return await self._act(lambda s, v: meeting.choose_issue(session=s, user_id=v.user_id, item_id=item_id))

    @rx.event
    async def confirm_understood(self):
        return await self._act(lambda s, v: meeting.confirm_understood(session=s, user_id=v.user_id))

    @rx.event
    async def resolve(self, item_id: int):
        return await self._act(
            lambda s, v: meeting.resolve_item(session=s, user_id=v.user_id, item_id=item_id), MEETING_AND_AGENDA
        )

    @rx.event
    async def set_aside(self):
        return await self._act(lambda s, v: meeting.set_issue_aside(session=s, user_id=v.user_id))

    async def _submit(self, action: Callable[[Session, Viewer], object], part: str, field_id: str) -> tuple[str, Any]:
        """A small form's write: (the refusal to show beside it, or "", and the reply: clear the field on success)."""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return "", rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                action(session, viewer)
        except ServiceError as refusal:
            return refusal.message, None
        await sync.link_and_refresh(self, viewer.couple_id, only=part)
        return "", rx.set_value(field_id, "")

    @rx.event
    async def add_note(self, form: dict[str, Any]):
        kind, text = str(form.get("kind", "")), str(form.get("text", ""))
        self.note_error, reply = await self._submit(
            lambda s, v: meeting.add_note(session=s, user_id=v.user_id, kind=kind, text=text),
            sync.MEETING,
            f"note-{kind}",
        )
        return reply

    @rx.event
    async def remove_note(self, note_id: int):
        return await self._act(lambda s, v: meeting.remove_note(session=s, user_id=v.user_id, note_id=note_id))

    @rx.event
    async def add_item(self, form: dict[str, Any]):
        """Add to the agenda from inside the meeting (an appreciation in the round, a request as it comes up)."""
        kind, text = str(form.get("kind", "")), str(form.get("text", ""))
        self.item_error, reply = await self._submit(
            lambda s, v: agenda.add_item(session=s, user_id=v.user_id, kind=kind, text=text),
            sync.AGENDA,
            f"meeting-add-{kind}",
        )
        return reply

    @rx.event
    def toggle_pulse(self) -> None:
        self.pulse_open, self.pulse_error = not self.pulse_open, ""

    @rx.event
    async def answer_pulse(self, form: dict[str, Any]):
        self.pulse_error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            answers = [int(form.get(f"pulse-{q.key}", "")) for q in QUESTIONS]
        except ValueError:
            self.pulse_error = "Answer all four questions; your answers stay private."
            return None
        try:
            with session_scope() as session:
                pulse.answer(session=session, user_id=viewer.user_id, answers=answers, share=bool(form.get("share")))
        except ServiceError as refusal:
            self.pulse_error = refusal.message
            return None
        self.pulse_open = False
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.MEETING)
        return rx.toast.success("Thank you. Your answers are saved, privately.")

    @rx.event
    async def finish(self):
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                meeting_summary.finish(session=session, user_id=viewer.user_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id)
        return [rx.redirect(routes.CHECK_IN + "#history"), rx.toast.success("Check-in saved. Well done, both of you.")]
