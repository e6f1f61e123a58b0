"""The repair menu page's own state: the add form, the item being edited, and the partner's one-tap commitment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, repair_menu
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import current_viewer
from couple_dash.state.couple import REPAIR_MENU


class RepairMenuState(rx.State):
    """This tab's form messages and edit box (never shared)."""

    add_error: str = ""
    editing_id: int = 0
    draft: str = ""
    base_version: int = 0
    edit_error: str = ""

    async def _act(self, action: Callable[[Session, Viewer], object], *, also_commitments: bool = False) -> Any:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.DASHBOARD)
        with session_scope() as session:
            action(session, viewer)
        await sync.link_and_refresh(self, viewer.couple_id, only=REPAIR_MENU)
        if also_commitments:
            await sync.link_and_refresh(self, viewer.couple_id, only=sync.COMMITMENTS)
        return None

    @rx.event
    async def add(self, form: dict[str, Any]):
        self.add_error = ""
        text = str(form.get("text", ""))
        try:
            result = await self._act(lambda s, v: repair_menu.add_item(session=s, user_id=v.user_id, text=text))
        except ServiceError as refusal:
            self.add_error = refusal.message
            return None
        return result or rx.set_value("repair-item-text", "")

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
        self.edit_error = ""
        item_id, text, version = self.editing_id, self.draft, self.base_version
        try:
            result = await self._act(
                lambda s, v: repair_menu.edit_item(
                    session=s, user_id=v.user_id, item_id=item_id, text=text, base_version=version
                )
            )
        except repair_menu.MenuConflict as conflict:
            self.edit_error, self.base_version = conflict.message, conflict.version
            viewer = await current_viewer(self)
            if viewer is not None and viewer.couple_id is not None:
                await sync.link_and_refresh(self, viewer.couple_id, only=REPAIR_MENU)
            return None
        except ServiceError as refusal:
            self.edit_error = refusal.message
            return None
        self.editing_id, self.draft = 0, ""
        return result

    @rx.event
    async def remove(self, item_id: int):
        try:
            return await self._act(lambda s, v: repair_menu.remove_item(session=s, user_id=v.user_id, item_id=item_id))
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)

    @rx.event
    async def move(self, item_id: int, direction: int):
        try:
            return await self._act(
                lambda s, v: repair_menu.move_item(session=s, user_id=v.user_id, item_id=item_id, direction=direction)
            )
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)

    @rx.event
    async def make_commitment(self, item_id: int):
        """The partner's one tap: a commitment of their own, made from the item, shown to both at once."""
        try:
            result = await self._act(
                lambda s, v: repair_menu.make_commitment(session=s, user_id=v.user_id, item_id=item_id),
                also_commitments=True,
            )
        except repair_menu.AlreadyCommitted as done:
            return rx.toast.info(done.message)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        return result or rx.toast.success("It's one of your commitments now. Your partner sees it too.")

    @rx.event
    async def refresh_menu(self):
        """Re-read the menus' notes (wins, wording) after a commitment changed, whoever changed it."""
        viewer = await current_viewer(self)
        if viewer is not None and viewer.couple_id is not None:
            await sync.link_and_refresh(self, viewer.couple_id, only=REPAIR_MENU)
