"""The hard-moment talk, per tab: this partner's own words for each step before (and after) sharing them, the
nudges while typing, and the summaries of past talks. The talk itself lives in the couple's shared view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.acknowledgement import check_minimising
from couple_dash.domain.hard_moment import OWN_PART, PLAN, STEP_KEYS
from couple_dash.domain.wording import wording_nudge
from couple_dash.services import ServiceError, hard_moments
from couple_dash.services.accounts import Viewer
from couple_dash.services.hard_moments import MomentSummary
from couple_dash.state.auth import paired_viewer
from couple_dash.state.couple import HARD_MOMENT


class HardMomentState(rx.State):
    drafts: list[str] = ["" for _ in STEP_KEYS]  # this partner's words per step, as typed here
    own_part_nudge: str = ""
    own_part_points: list[str] = []
    plan_nudge: str = ""
    plan_points: list[str] = []
    past: list[MomentSummary] = []

    async def _act(self, action: Callable[[Session, Viewer], object], part: str | None = HARD_MOMENT) -> Any:
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        assert viewer.couple_id is not None
        try:
            with session_scope() as session:
                action(session, viewer)
        except hard_moments.AlreadyOpen as joined:
            await sync.link_and_refresh(self, viewer.couple_id, only=HARD_MOMENT)
            return rx.toast.info(joined.message)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id, only=part)
        return None

    def _nudge(self) -> None:
        own = check_minimising(self.drafts[STEP_KEYS.index(OWN_PART)])
        self.own_part_nudge, self.own_part_points = own.summary, own.points
        self.plan_nudge, self.plan_points = wording_nudge(self.drafts[STEP_KEYS.index(PLAN)])

    @rx.event
    async def load_mine(self):
        """This partner's words already shared in the open talk (on joining, and when a talk opens or ends)."""
        viewer = await paired_viewer(self)
        if viewer is None:
            return
        with session_scope() as session:
            mine = hard_moments.my_entries(session=session, user_id=viewer.user_id)
            self.drafts = [mine.get(k, "") for k in STEP_KEYS]
            self.past = hard_moments.past(session=session, user_id=viewer.user_id, time_zone=viewer.time_zone)
        self._nudge()

    @rx.event
    def set_draft(self, index: int, value: str) -> None:
        self._put_draft(index, value)

    def _put_draft(self, index: int, value: str) -> None:
        if not 0 <= index < len(STEP_KEYS):
            return
        drafts = list(self.drafts)
        drafts[index] = value
        self.drafts = drafts
        self._nudge()

    @rx.event
    async def start(self):
        return await self._act(lambda s, v: hard_moments.start(session=s, user_id=v.user_id))

    @rx.event
    async def next(self, from_step: int):
        return await self._act(
            lambda s, v: hard_moments.move(session=s, user_id=v.user_id, from_step=from_step, direction=1)
        )

    @rx.event
    async def back(self, from_step: int):
        return await self._act(
            lambda s, v: hard_moments.move(session=s, user_id=v.user_id, from_step=from_step, direction=-1)
        )

    @rx.event
    async def share(self, form: dict[str, Any]):
        """Share the words in the box as submitted (not the debounced copy: a quick tap loses nothing)."""
        try:
            index = int(form.get("step", -1))
        except ValueError:
            index = -1
        if not 0 <= index < len(STEP_KEYS):
            return rx.toast.error("That isn't a step of this talk.")
        text = str(form.get("text", ""))
        self._put_draft(index, text)
        step = STEP_KEYS[index]
        return await self._act(lambda s, v: hard_moments.share(session=s, user_id=v.user_id, step=step, text=text))

    @rx.event
    async def make_commitment(self):
        result = await self._act(lambda s, v: hard_moments.plan_commitment(session=s, user_id=v.user_id), None)
        return result or rx.toast.success("Your plan is one of your commitments now.")

    @rx.event
    async def finish(self):
        return await self._act(lambda s, v: hard_moments.finish(session=s, user_id=v.user_id))
