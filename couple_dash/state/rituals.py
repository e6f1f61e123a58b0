"""What a tab does on the Rituals page: the new-ritual form, ideas, each occurrence, and which month it shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.domain.cadence import local_today
from couple_dash.domain.recurrence import RecurrenceKind
from couple_dash.models import utcnow
from couple_dash.services import ServiceError, ritual_views, rituals
from couple_dash.services.accounts import Viewer
from couple_dash.services.ritual_views import MonthCell
from couple_dash.services.rituals import RitualInput
from couple_dash.state.auth import current_viewer


def read_ritual_form(form: dict[str, Any], today: date) -> RitualInput:
    def number(name: str, default: int) -> int:
        try:
            return int(form.get(name) or default)
        except ValueError:
            raise ServiceError("Use whole numbers for how often and how long.") from None

    try:
        start = date.fromisoformat(str(form.get("start") or today.isoformat()))
    except ValueError:
        raise ServiceError("Pick the start date from the calendar.") from None
    return RitualInput(
        title=str(form.get("title", "")),
        description=str(form.get("description", "")),
        recurrence=str(form.get("recurrence", "")),
        weekdays=tuple(i for i in range(7) if form.get(f"ritual-day-{i}")),
        interval_weeks=number("interval_weeks", 1),
        month_day=number("month_day", 0),
        start=start,
        time=str(form.get("time", "")),
        duration_minutes=number("duration_minutes", 60),
        planner_mode=str(form.get("planner_mode", "alternate")),
    )


class RitualsState(rx.State):
    recurrence: str = RecurrenceKind.WEEKLY.value
    error: str = ""
    created: int = 0  # rituals made from this tab (resets the form)
    # The occurrence being marked done or moved: "<ritual id>|<day>", and which of the two.
    editing: str = ""
    editing_mode: str = ""
    month_year: int = 0
    month_number: int = 0
    month_title: str = ""
    weeks: list[list[MonthCell]] = []

    async def _act(self, action: Callable[[Session, Viewer], object], done: str = "") -> Any:
        return (await self._try(action, done))[1]

    async def _try(self, action: Callable[[Session, Viewer], object], done: str = "") -> tuple[bool, Any]:
        """Run a service call for the signed-in partner and refresh the couple's rituals: (succeeded, reply)."""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return False, rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                action(session, viewer)
        except ServiceError as refusal:
            return False, rx.toast.error(refusal.message)
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.RITUALS)
        return True, rx.toast.success(done) if done else None

    @rx.event
    def set_recurrence(self, value: str) -> None:
        self.recurrence = value

    @rx.event
    async def create(self, form: dict[str, Any]):
        self.error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                data = read_ritual_form(form, local_today(utcnow(), viewer.time_zone))
                rituals.create(session=session, user_id=viewer.user_id, data=data)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self.created += 1
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.RITUALS)
        return rx.toast.success("Ritual planned. Your partner sees it now.")

    @rx.event
    async def archive(self, ritual_id: int):
        return await self._act(
            lambda s, v: rituals.archive(session=s, user_id=v.user_id, ritual_id=ritual_id), "Ritual stopped."
        )

    @rx.event
    async def add_idea(self, form: dict[str, Any]):
        try:
            ritual_id = int(form.get("ritual_id") or 0)
        except ValueError:
            ritual_id = 0
        text = str(form.get("idea", ""))
        result = await self._act(
            lambda s, v: rituals.add_idea(session=s, user_id=v.user_id, ritual_id=ritual_id, text=text)
        )
        return result if result is not None else rx.set_value(f"idea-{ritual_id}", "")

    @rx.event
    async def remove_idea(self, idea_id: int):
        return await self._act(lambda s, v: rituals.remove_idea(session=s, user_id=v.user_id, idea_id=idea_id))

    @rx.event
    async def confirm(self, ritual_id: int, day: str):
        return await self._act(
            lambda s, v: rituals.confirm(session=s, user_id=v.user_id, ritual_id=ritual_id, day=date.fromisoformat(day))
        )

    @rx.event
    async def missed(self, ritual_id: int, day: str):
        return await self._act(
            lambda s, v: rituals.mark(
                session=s, user_id=v.user_id, ritual_id=ritual_id, day=date.fromisoformat(day), status="missed"
            ),
            "Marked as missed. It happens; the next one is already planned.",
        )

    @rx.event
    def open_editor(self, key: str, mode: str) -> None:
        self.editing, self.editing_mode = key, mode

    @rx.event
    def close_editor(self) -> None:
        self.editing = self.editing_mode = ""

    @rx.event
    async def save_done(self, form: dict[str, Any]):
        ritual_id, day = self._editing()
        reflection = str(form.get("reflection", ""))
        ok, reply = await self._try(
            lambda s, v: rituals.mark(
                session=s, user_id=v.user_id, ritual_id=ritual_id, day=day, status="done", reflection=reflection
            ),
            "Lovely. Saved for both of you.",
        )
        if ok:
            self.editing = self.editing_mode = ""
        return reply

    @rx.event
    async def save_move(self, form: dict[str, Any]):
        ritual_id, day = self._editing()
        viewer = await current_viewer(self)
        zone = viewer.time_zone if viewer else "UTC"
        ok, reply = await self._try(
            lambda s, v: rituals.reschedule(
                session=s,
                user_id=v.user_id,
                ritual_id=ritual_id,
                day=day,
                to=rituals.local_datetime(str(form.get("move_day", "")), str(form.get("move_time", "")), zone),
            ),
            "Moved. Your partner sees the new time.",
        )
        if ok:
            self.editing = self.editing_mode = ""
        return reply

    def _editing(self) -> tuple[int, date]:
        raw_id, _, raw_day = self.editing.partition("|")
        try:
            return int(raw_id), date.fromisoformat(raw_day)
        except ValueError:
            return 0, date.min

    @rx.event
    async def load_month(self):
        await self._load_month()

    async def _load_month(self) -> None:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            self.weeks = []
            return
        if not self.month_year:
            today = local_today(utcnow(), viewer.time_zone)
            self.month_year, self.month_number = today.year, today.month
        with session_scope() as session:
            self.weeks = ritual_views.month(
                session=session,
                couple_id=viewer.couple_id,
                year=self.month_year,
                month_number=self.month_number,
                zone=viewer.time_zone,
            )
        self.month_title = date(self.month_year, self.month_number, 1).strftime("%B %Y")

    @rx.event
    async def shift_month(self, step: int):
        index = self.month_year * 12 + self.month_number - 1 + step
        self.month_year, self.month_number = index // 12, index % 12 + 1
        await self._load_month()
