"""A commitment being written or edited in this tab: the fields the form sends, and the wording nudge."""

from __future__ import annotations

from datetime import date
from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.cadence import CadenceKind
from couple_dash.domain.wording import wording_nudge
from couple_dash.services import ServiceError, commitments
from couple_dash.services.commitments import CommitmentInput
from couple_dash.state.auth import current_viewer


def read_form(form: dict[str, Any], default_start: date | None = None) -> CommitmentInput:
    """The commitment fields of a submitted create or edit form; a clear refusal for anything unreadable."""

    def day(name: str) -> date | None:
        raw = str(form.get(name, "")).strip()
        try:
            return date.fromisoformat(raw) if raw else None
        except ValueError:
            raise ServiceError("Pick the dates from the calendar.") from None

    try:
        times = int(form.get("times_per_week") or 0)
    except ValueError:
        raise ServiceError("Say how many times a week, as a number from 1 to 7.") from None
    return CommitmentInput(
        text=str(form.get("text", "")),
        why=str(form.get("why", "")),
        category=str(form.get("category", "")),
        cadence_kind=str(form.get("cadence_kind", "")),
        weekdays=tuple(i for i in range(7) if form.get(f"weekday-{i}")),
        times_per_week=times,
        due_by=str(form.get("due_by", "")),
        start=day("start") or default_start,
        review=day("review"),
    )


class CommitmentDraftState(rx.State):
    """Shared by the create and edit forms; the nudge is worked out on the server as the person types."""

    text: str = ""
    cadence_kind: str = CadenceKind.DAILY.value
    nudge: str = ""
    nudge_points: list[str] = []
    error: str = ""

    @rx.event
    def set_text(self, value: str) -> None:
        self._show_text(value)

    def _show_text(self, value: str) -> None:
        self.text = value
        self.nudge, self.nudge_points = wording_nudge(value)

    @rx.event
    def set_cadence_kind(self, value: str) -> None:
        self.cadence_kind = value


class CommitmentEditState(CommitmentDraftState):
    """The owner's edit of one commitment: every saved change lands in its history."""

    editing: bool = False
    commitment_id: int = 0
    base_version: int = 0
    start: str = ""

    @rx.event
    def start_edit(self, commitment_id: int, text: str, cadence_kind: str, version: int, start: str) -> None:
        self._show_text(text)
        self.commitment_id, self.cadence_kind = commitment_id, cadence_kind
        self.base_version, self.start = version, start
        self.editing, self.error = True, ""

    @rx.event
    def cancel(self) -> None:
        self.editing, self.error = False, ""

    @rx.event
    async def save(self, form: dict[str, Any]) -> Any:
        self.error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                commitments.edit(
                    session=session,
                    user_id=viewer.user_id,
                    commitment_id=self.commitment_id,
                    data=read_form(form, date.fromisoformat(self.start)),
                    base_version=self.base_version,
                )
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self.editing = False
        await sync.link_and_refresh(self, viewer.couple_id, commitment_ids={self.commitment_id})
        return rx.toast.success("Saved. The change is in the history for both of you.")
