"""One ritual being edited in this tab: the form starts from the saved plan, and a save reaches both partners."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.cadence import local_today
from couple_dash.domain.recurrence import RecurrenceKind
from couple_dash.models import utcnow
from couple_dash.services import ServiceError, rituals
from couple_dash.services.rituals import RitualConflict, RitualInput
from couple_dash.state.auth import current_viewer
from couple_dash.state.rituals import read_ritual_form


@dataclasses.dataclass
class RitualFormValues:
    """What the form's fields start with, as the browser wants them (strings, and the ticked weekdays)."""

    title: str = ""
    description: str = ""
    weekdays: list[int] = dataclasses.field(default_factory=list)
    interval_weeks: str = "1"
    month_day: str = "1"
    start: str = ""
    time: str = "19:00"
    duration_minutes: str = "90"
    planner_mode: str = "alternate"


def form_values(data: RitualInput) -> RitualFormValues:
    return RitualFormValues(
        title=data.title,
        description=data.description,
        weekdays=list(data.weekdays),
        interval_weeks=str(data.interval_weeks),
        month_day=str(data.month_day or 1),
        start=data.start.isoformat(),
        time=data.time,
        duration_minutes=str(data.duration_minutes),
        planner_mode=data.planner_mode,
    )


class RitualEditState(rx.State):
    """Private to the tab: the partner's edits reach the ritual cards, never the fields being typed here."""

    ritual_id: int = 0  # the ritual whose card shows the form (0: none)
    base_version: int = 0
    recurrence: str = RecurrenceKind.WEEKLY.value
    values: RitualFormValues = RitualFormValues()
    opened: int = 0  # bumped on each opening, so the fields start afresh from ``values``
    zone_note: str = ""
    error: str = ""

    @rx.event
    async def start(self, ritual_id: int):
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                data, ritual = rituals.editable(session=session, user_id=viewer.user_id, ritual_id=ritual_id)
                version, zone = ritual.version, ritual.zone
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        self.values, self.recurrence = form_values(data), data.recurrence
        self.ritual_id, self.base_version, self.error = ritual_id, version, ""
        self.zone_note = "" if zone == viewer.time_zone else f"Times are in {zone}, where this ritual was planned."
        self.opened += 1
        return None

    @rx.event
    def set_recurrence(self, value: str) -> None:
        self.recurrence = value

    @rx.event
    def cancel(self) -> None:
        self.ritual_id, self.error = 0, ""

    @rx.event
    async def save(self, form: dict[str, Any]):
        self.error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                rituals.update(
                    session=session,
                    user_id=viewer.user_id,
                    ritual_id=self.ritual_id,
                    data=read_ritual_form(form, local_today(utcnow(), viewer.time_zone)),
                    base_version=self.base_version,
                )
        except RitualConflict as refusal:
            # The typed fields stay; saving again is a deliberate choice over the newer plan.
            self.error, self.base_version = refusal.message, refusal.current_version
            return None
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self.ritual_id = 0
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.RITUALS)
        return rx.toast.success("Saved. Your partner sees the new plan now.")
