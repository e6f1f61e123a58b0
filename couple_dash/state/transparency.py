"""What a tab does with transparency: share an update (typed or one tap), react, keep one's own presets, and
make, answer, renew or withdraw agreements. Every change goes through the services and reaches both partners."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import sync
from couple_dash.db import session_scope
from couple_dash.domain.transparency import DEFAULT_REVIEW_WEEKS
from couple_dash.services import agreements, transparency
from couple_dash.services.accounts import Viewer
from couple_dash.services.transparency import PresetView, StarterChoice
from couple_dash.state.auth import paired_viewer, run_for_couple

THANKS = "Shared. Thank you for letting them know."


class TransparencyState(rx.State):
    """This tab's forms and its owner's own presets (never part of the shared view)."""

    update_error: str = ""
    shared: int = 0  # updates shared from this tab (clears the box)
    presets: list[PresetView] = []
    starters: list[StarterChoice] = []
    preset_error: str = ""
    preset_added: int = 0
    agreement_error: str = ""
    agreement_made: int = 0
    agreement_mode: str = "offer"  # "offer": I'll share…  |  "ask": would you share…?
    answering_id: int = 0  # the ask the sharer is answering (its words can be reworded before agreeing)
    answer_error: str = ""
    confirming_id: int = 0  # the agreement whose "withdraw it for both of you?" is showing on this tab

    # ---- updates -----------------------------------------------------------------------------------------------

    @rx.event
    async def share(self, form: dict[str, Any]):
        text = str(form.get("text", ""))
        self.update_error = (
            await run_for_couple(
                self, lambda s, v: transparency.post_update(session=s, user_id=v.user_id, text=text), sync.UPDATES
            )
            or ""
        )
        if self.update_error:
            return None
        self.shared += 1
        return [rx.set_value("update-text", ""), rx.toast.success(THANKS)]

    @rx.event
    async def share_preset(self, preset_id: int):
        self.update_error = (
            await run_for_couple(
                self,
                lambda s, v: transparency.post_preset(session=s, user_id=v.user_id, preset_id=preset_id),
                sync.UPDATES,
            )
            or ""
        )
        return None if self.update_error else rx.toast.success(THANKS)

    @rx.event
    async def remove_update(self, update_id: int):
        refusal = await run_for_couple(
            self,
            lambda s, v: transparency.remove_update(session=s, user_id=v.user_id, update_id=update_id),
            sync.UPDATES,
        )
        return rx.toast.error(refusal) if refusal else None

    @rx.event
    async def react(self, update_id: int, reaction: str):
        refusal = await run_for_couple(
            self,
            lambda s, v: transparency.react(session=s, user_id=v.user_id, update_id=update_id, reaction=reaction),
            sync.UPDATES,
        )
        return rx.toast.error(refusal) if refusal else None

    # ---- presets (the caller's own) -------------------------------------------------------------------------------

    @rx.event
    async def load_presets(self):
        await self._read_presets()

    async def _read_presets(self) -> None:
        viewer = await paired_viewer(self)
        if viewer is None:
            self.presets, self.starters = [], []
            return
        with session_scope() as session:
            self.presets = transparency.presets(session=session, user_id=viewer.user_id)
        self.starters = transparency.starter_choices(self.presets)

    async def _preset_change(self, action: Callable[[Session, Viewer], object]) -> bool:
        self.preset_error = await run_for_couple(self, action) or ""
        await self._read_presets()
        return not self.preset_error

    @rx.event
    async def add_preset(self, form: dict[str, Any]):
        text = str(form.get("text", ""))
        if await self._preset_change(lambda s, v: transparency.add_preset(session=s, user_id=v.user_id, text=text)):
            self.preset_added += 1
            return rx.set_value("preset-text", "")
        return None

    @rx.event
    async def adopt_starter(self, text: str):
        await self._preset_change(lambda s, v: transparency.add_preset(session=s, user_id=v.user_id, text=text))

    @rx.event
    async def remove_preset(self, preset_id: int):
        await self._preset_change(
            lambda s, v: transparency.remove_preset(session=s, user_id=v.user_id, preset_id=preset_id)
        )

    @rx.event
    async def move_preset(self, preset_id: int, direction: int):
        await self._preset_change(
            lambda s, v: transparency.move_preset(
                session=s, user_id=v.user_id, preset_id=preset_id, direction=direction
            )
        )

    # ---- agreements --------------------------------------------------------------------------------------------

    @rx.event
    def set_agreement_mode(self, mode: str) -> None:
        self.agreement_mode = "ask" if mode == "ask" else "offer"
        self.agreement_error = ""

    @rx.event
    async def make_agreement(self, form: dict[str, Any]):
        text, weeks = str(form.get("text", "")), str(form.get("review_weeks") or DEFAULT_REVIEW_WEEKS)
        make = agreements.ask if self.agreement_mode == "ask" else agreements.offer
        self.agreement_error = (
            await run_for_couple(
                self, lambda s, v: make(session=s, user_id=v.user_id, text=text, review_weeks=weeks), sync.AGREEMENTS
            )
            or ""
        )
        if self.agreement_error:
            return None
        self.agreement_made += 1
        done = "Asked. It's theirs to choose." if self.agreement_mode == "ask" else "Agreement made; you both see it."
        return [rx.set_value("agreement-text", ""), rx.toast.success(done)]

    @rx.event
    def start_answer(self, agreement_id: int) -> None:
        self.answering_id, self.answer_error = agreement_id, ""

    @rx.event
    def cancel_answer(self) -> None:
        self.answering_id, self.answer_error = 0, ""

    @rx.event
    async def accept(self, form: dict[str, Any]):
        agreement_id = self.answering_id
        text, weeks = str(form.get("text", "")), str(form.get("review_weeks") or DEFAULT_REVIEW_WEEKS)
        self.answer_error = (
            await run_for_couple(
                self,
                lambda s, v: agreements.accept(
                    session=s, user_id=v.user_id, agreement_id=agreement_id, text=text, review_weeks=weeks
                ),
                sync.AGREEMENTS,
            )
            or ""
        )
        if not self.answer_error:
            self.answering_id = 0

    @rx.event
    def confirm_withdraw(self, agreement_id: int) -> None:
        self.confirming_id = agreement_id

    async def _end(self, action: Callable[[Session, Viewer], object], done: str):
        refusal = await run_for_couple(self, action, sync.AGREEMENTS, sync.NOTIFICATIONS)
        self.confirming_id = 0
        if refusal:
            return rx.toast.error(refusal)
        self.answering_id = 0
        return rx.toast.success(done)

    @rx.event
    async def decline(self, agreement_id: int):
        return await self._end(
            lambda s, v: agreements.decline(session=s, user_id=v.user_id, agreement_id=agreement_id),
            "Answered: not for now. Nothing else changes.",
        )

    @rx.event
    async def withdraw(self, agreement_id: int):
        return await self._end(
            lambda s, v: agreements.withdraw(session=s, user_id=v.user_id, agreement_id=agreement_id),
            "Withdrawn for both of you. Nothing else changes.",
        )

    @rx.event
    async def renew(self, agreement_id: int, weeks: int):
        refusal = await run_for_couple(
            self,
            lambda s, v: agreements.renew(session=s, user_id=v.user_id, agreement_id=agreement_id, review_weeks=weeks),
            sync.AGREEMENTS,
        )
        return (
            rx.toast.error(refusal) if refusal else rx.toast.success(f"Kept going; you'll review it in {weeks} weeks.")
        )
