"""Events on commitments that both the dashboard and the commitment pages use: tick, undo, acknowledge,
accept a proposal, change status, answer a pause. Each is one service call and one live refresh."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex.event import EventSpec
from sqlmodel import Session

from couple_dash import sync
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, commitments, followthrough
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import current_viewer


class FollowThroughState(rx.State):
    async def _run(self, action: Callable[[Session, Viewer], int], success: str = "") -> EventSpec | None:
        """Run ``action`` (returns the commitment id it touched) for the signed-in partner, then push the card."""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.toast.error("Please sign in again.")
        try:
            with session_scope() as session:
                commitment_id = action(session, viewer)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id, commitment_ids={commitment_id})
        return rx.toast.success(success) if success else None

    @rx.event
    async def tick(self, commitment_id: int):
        """One tap: done today (or one more occurrence). Back-dating and notes live on the commitment page."""

        def action(session: Session, viewer: Viewer) -> int:
            followthrough.tick(session=session, user_id=viewer.user_id, commitment_id=commitment_id)
            return commitment_id

        return await self._run(action)

    @rx.event
    async def untick(self, tick_id: int):
        return await self._run(lambda s, v: followthrough.untick(session=s, user_id=v.user_id, tick_id=tick_id))

    @rx.event
    async def acknowledge(self, tick_id: int):
        return await self._run(lambda s, v: followthrough.acknowledge(session=s, user_id=v.user_id, tick_id=tick_id))

    @rx.event
    async def set_status(self, commitment_id: int, status: str):
        def action(session: Session, viewer: Viewer) -> int:
            commitments.set_status(session=session, user_id=viewer.user_id, commitment_id=commitment_id, status=status)
            return commitment_id

        return await self._run(action)

    @rx.event
    async def mark_reviewed(self, commitment_id: int):
        def action(session: Session, viewer: Viewer) -> int:
            commitments.mark_reviewed(session=session, user_id=viewer.user_id, commitment_id=commitment_id)
            return commitment_id

        return await self._run(action, "Reviewed. The next review is in four weeks.")

    @rx.event
    async def answer_pause(self, pause_id: int, agree: bool):
        def action(session: Session, viewer: Viewer) -> int:
            pause = commitments.answer_pause(session=session, user_id=viewer.user_id, pause_id=pause_id, agree=agree)
            return pause.commitment_id

        return await self._run(action)
