"""The acknowledgement page's own state. The draft lives here, in its author's tab, and in the database; it is
never part of the couple's shared view until it is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.acknowledgement import STEPS, change_nudges, check_minimising
from couple_dash.services import ServiceError, acknowledgements
from couple_dash.services.accounts import Viewer
from couple_dash.services.acknowledgements import AckFields
from couple_dash.state.auth import paired_viewer
from couple_dash.state.couple import ACKNOWLEDGEMENTS

REVIEW_STEP = len(STEPS)  # after the four guided steps: read it through and send


class AcknowledgementState(rx.State):
    """The author's draft and the nudges while typing; the reply boxes' messages. Per tab, never shared."""

    draft_id: int = 0
    what_happened: str = ""
    impact: str = ""
    feelings: str = ""
    differently: str = ""
    step: int = 0
    what_nudge: str = ""
    what_points: list[str] = []
    impact_nudge: str = ""
    impact_points: list[str] = []
    feelings_nudge: str = ""
    feelings_points: list[str] = []
    change_points: list[str] = []
    error: str = ""
    saved_note: str = ""
    thread_error: str = ""
    posted: int = 0  # replies and follow-ups posted from this tab: their boxes are keyed on it, so they empty

    def _fields(self) -> AckFields:
        return AckFields(self.what_happened, self.impact, self.feelings, self.differently)

    def _show(self, fields: AckFields) -> None:
        self.what_happened, self.impact = fields.what_happened, fields.impact
        self.feelings, self.differently = fields.feelings, fields.differently
        what = check_minimising(fields.what_happened, require_detail=True)
        impact, feelings = check_minimising(fields.impact), check_minimising(fields.feelings)
        self.what_nudge, self.what_points = what.summary, what.points
        self.impact_nudge, self.impact_points = impact.summary, impact.points
        self.feelings_nudge, self.feelings_points = feelings.summary, feelings.points
        self.change_points = change_nudges(fields.differently)

    @rx.event
    async def load_draft(self):
        """The signed-in author's own draft (if any) into this tab."""
        viewer = await paired_viewer(self)
        if viewer is None:
            return
        with session_scope() as session:
            draft = acknowledgements.my_draft(session=session, user_id=viewer.user_id)
        self.draft_id = draft.id if draft else 0
        self._show(
            AckFields(draft.what_happened, draft.impact, draft.feelings, draft.differently) if draft else AckFields()
        )
        self.error = ""

    @rx.event
    def set_what_happened(self, value: str) -> None:
        self._show(AckFields(value, self.impact, self.feelings, self.differently))

    @rx.event
    def set_impact(self, value: str) -> None:
        self._show(AckFields(self.what_happened, value, self.feelings, self.differently))

    @rx.event
    def set_feelings(self, value: str) -> None:
        self._show(AckFields(self.what_happened, self.impact, value, self.differently))

    @rx.event
    def set_differently(self, value: str) -> None:
        self._show(AckFields(self.what_happened, self.impact, self.feelings, value))

    async def _save(self) -> bool:
        viewer = await paired_viewer(self)
        if viewer is None:
            return False
        if not any(v.strip() for v in (self.what_happened, self.impact, self.feelings, self.differently)):
            return True  # nothing written yet: nothing to keep
        try:
            with session_scope() as session:
                saved = acknowledgements.save_draft(
                    session=session, user_id=viewer.user_id, draft_id=self.draft_id, fields=self._fields()
                )
                self.draft_id = saved.id or 0
        except ServiceError as refusal:
            self.error = refusal.message
            return False
        self.saved_note = "Draft saved. Only you can see it until you send it."
        return True

    @rx.event
    async def go_to(self, step: int):
        """Move between the guided steps, keeping the draft (privately) on the way."""
        await self._go_to(step)

    async def _go_to(self, step: int) -> None:
        self.error = ""
        if await self._save():
            self.step = max(0, min(REVIEW_STEP, step))

    @rx.event
    async def next_step(self, form: dict[str, Any]):
        """The "Next" button submits the step's box: its words as they are now (a quick tap loses nothing)."""
        fields = {name: str(form[name]) for name in AckFields.__dataclass_fields__ if name in form}
        if fields:
            current = self._fields()
            self._show(AckFields(**{**current.__dict__, **fields}))
        try:
            target = int(form.get("to", self.step + 1))
        except ValueError:
            target = self.step + 1
        await self._go_to(target)

    @rx.event
    async def save_draft(self):
        self.error = ""
        await self._save()

    @rx.event
    async def discard(self):
        viewer = await paired_viewer(self)
        if viewer is None or not self.draft_id:
            self._show(AckFields())
            self.step = 0
            return
        try:
            with session_scope() as session:
                acknowledgements.discard_draft(session=session, user_id=viewer.user_id, draft_id=self.draft_id)
        except ServiceError as refusal:
            self.error = refusal.message
            return
        self.draft_id, self.step, self.saved_note = 0, 0, ""
        self._show(AckFields())

    @rx.event
    async def send(self):
        """Share it with the partner: the only way its words leave this tab."""
        self.error = ""
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        assert viewer.couple_id is not None
        try:
            with session_scope() as session:
                _, made = acknowledgements.send(
                    session=session, user_id=viewer.user_id, draft_id=self.draft_id, fields=self._fields()
                )
                count = len(made)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        await sync.link_and_refresh(self, viewer.couple_id, only=ACKNOWLEDGEMENTS)
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.COMMITMENTS)
        self.draft_id, self.step, self.saved_note = 0, 0, ""
        self._show(AckFields())
        made_note = (
            f" {count} commitment{'s' if count != 1 else ''} made from what you'll do differently." if count else ""
        )
        return rx.toast.success("Sent. Your partner can read it now." + made_note)

    async def _thread(self, action: Callable[[Session, Viewer], object]) -> Any:
        self.thread_error = ""
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        assert viewer.couple_id is not None
        try:
            with session_scope() as session:
                action(session, viewer)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id, only=ACKNOWLEDGEMENTS)
        return None

    @rx.event
    async def respond(self, ack_id: int, kind: str):
        """The receiver's one-tap answers: "I hear you" or "not ready to respond yet"."""
        return await self._thread(
            lambda s, v: acknowledgements.respond(session=s, user_id=v.user_id, ack_id=ack_id, kind=kind)
        )

    @rx.event
    async def reply(self, form: dict[str, Any]):
        ack_id, text = _ack_id(form), str(form.get("text", ""))
        result = await self._thread(
            lambda s, v: acknowledgements.respond(session=s, user_id=v.user_id, ack_id=ack_id, kind="reply", text=text)
        )
        self.posted += result is None
        return result

    @rx.event
    async def follow_up(self, form: dict[str, Any]):
        ack_id, text = _ack_id(form), str(form.get("text", ""))
        result = await self._thread(
            lambda s, v: acknowledgements.follow_up(session=s, user_id=v.user_id, ack_id=ack_id, text=text)
        )
        self.posted += result is None
        return result


def _ack_id(form: dict[str, Any]) -> int:
    try:
        return int(form.get("ack_id") or 0)
    except ValueError:
        return 0  # refused by the service as an acknowledgement that isn't there
