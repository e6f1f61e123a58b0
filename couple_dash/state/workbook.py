"""This tab's forgiveness workbook: its user's own entries and progress. Shared entries reach the partner only
through the couple's shared view, which the service fills with shared entries alone."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.db import session_scope
from couple_dash.domain.workbook import (
    STEP_GUIDANCE,
    STEP_PROMPTS,
    STEP_TITLES,
    STEPS,
    StepProgress,
    StepStatus,
    parse_step,
    where_you_are,
)
from couple_dash.services import ServiceError, workbook
from couple_dash.services.private_space import NOT_FOUND
from couple_dash.services.workbook import EntryView
from couple_dash.state.private_space import PrivatePart


class WorkbookState(PrivatePart, rx.State):
    entries: list[EntryView] = []
    steps: list[StepProgress] = []
    summary: str = ""
    open_step: str = STEPS[0].value
    placed: bool = False  # the open step is chosen once (where they left off); after that only they move it
    add_error: str = ""
    added: int = 0  # re-keys the entry form so it starts empty again
    editing_id: int = 0
    draft: str = ""
    edit_error: str = ""

    @rx.var
    def open_title(self) -> str:
        step = parse_step(self.open_step) or STEPS[0]
        return f"{STEPS.index(step) + 1}. {STEP_TITLES[step]}"

    @rx.var
    def open_guidance(self) -> str:
        return STEP_GUIDANCE[parse_step(self.open_step) or STEPS[0]]

    @rx.var
    def open_prompt(self) -> str:
        return STEP_PROMPTS[parse_step(self.open_step) or STEPS[0]]

    @rx.var
    def open_done(self) -> bool:
        return any(s.step == self.open_step and s.status == StepStatus.DONE for s in self.steps)

    def _reload(self, user_id: int) -> None:
        with session_scope() as session:
            self.entries = workbook.own_entries(session=session, user_id=user_id)
            self.steps = workbook.own_progress(session=session, user_id=user_id)
        self.summary = where_you_are(self.steps)
        if not self.placed:
            # Open where they left off: the first step not marked done (or the first, when all are).
            self.open_step = next((s.step for s in self.steps if s.status != StepStatus.DONE), STEPS[0].value)
            self.placed = True

    @rx.event
    def open(self, step: str) -> None:
        if parse_step(step) is not None:
            self.open_step, self.placed = step, True
            self.editing_id, self.draft, self.edit_error, self.add_error = 0, "", "", ""

    @rx.event
    async def add(self, form: dict[str, Any]):
        self.add_error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                workbook.add_entry(
                    session=session, user_id=viewer.user_id, step=self.open_step, text=str(form.get("text", ""))
                )
        except ServiceError as refusal:
            self.add_error = refusal.message
            return None
        self.added += 1
        self._reload(viewer.user_id)
        return rx.toast.success("Saved. Only you can see it.")

    @rx.event
    def start_edit(self, entry_id: int) -> None:
        """Edit one of the entries this tab already shows (its own): an unknown id opens nothing."""
        entry = next((e for e in self.entries if e.id == entry_id), None)
        if entry is None:
            self.edit_error = NOT_FOUND
            return
        self.editing_id, self.draft, self.edit_error = entry.id, entry.text, ""

    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def cancel_edit(self) -> None:
        self._close_editor()

    def _close_editor(self) -> None:
        self.editing_id, self.draft, self.edit_error = 0, "", ""

    @rx.event
    async def save_edit(self):
        self.edit_error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                entry = workbook.edit_entry(
                    session=session, user_id=viewer.user_id, entry_id=self.editing_id, text=self.draft
                )
                shared = entry.shared_couple_id is not None
        except ServiceError as refusal:
            self.edit_error = refusal.message
            return None
        self.editing_id, self.draft = 0, ""
        self._reload(viewer.user_id)
        if shared:
            await self._publish_shared(viewer)
        return None

    async def _act(self, action: Any, entry_id: int, done: str):
        return await self._act_on_own(action, done, entry_id=entry_id)

    @rx.event
    async def share(self, entry_id: int):
        return await self._act(workbook.share_entry, entry_id, "Shared. Your partner can read this entry now.")

    @rx.event
    async def unshare(self, entry_id: int):
        return await self._act(workbook.unshare_entry, entry_id, "Private again. It's gone from your partner's view.")

    @rx.event
    async def delete(self, entry_id: int):
        if self.editing_id == entry_id:
            self._close_editor()
        return await self._act(workbook.delete_entry, entry_id, "Entry deleted.")

    async def _mark(self, done: bool):
        viewer = await self._author()
        if viewer is None:
            return None
        step = self.open_step
        try:
            with session_scope() as session:
                if done:
                    workbook.mark_step_done(session=session, user_id=viewer.user_id, step=step)
                else:
                    workbook.reopen_step(session=session, user_id=viewer.user_id, step=step)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        self._reload(viewer.user_id)
        return None

    @rx.event
    async def mark_done(self):
        return await self._mark(True)

    @rx.event
    async def reopen(self):
        return await self._mark(False)
