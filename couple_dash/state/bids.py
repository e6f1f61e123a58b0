"""What a tab does with bids for connection: send one (one tap or own words) and answer the partner's."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import sync
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, bids
from couple_dash.state.auth import current_viewer

NOT_SIGNED_IN = "Your session has ended; sign in again to carry on."


class BidsState(rx.State):
    bid_error: str = ""
    replying_id: int = 0  # the bid whose "in my own words" box is open on this tab
    reply_error: str = ""

    async def _send(self, text: str) -> str | None:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return NOT_SIGNED_IN
        try:
            with session_scope() as session:
                bids.send(session=session, user_id=viewer.user_id, text=text)
        except ServiceError as refusal:
            return refusal.message
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.BIDS)
        return None

    async def _reply(self, bid_id: int, choice: str = "", text: str = "") -> str | None:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return NOT_SIGNED_IN
        try:
            with session_scope() as session:
                bids.reply(session=session, user_id=viewer.user_id, bid_id=bid_id, choice=choice, text=text)
        except ServiceError as refusal:
            # Whatever happened (answered on another screen, the moment passed), show how it stands now.
            await sync.link_and_refresh(self, viewer.couple_id, only=sync.BIDS)
            return refusal.message
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.BIDS)
        return None

    @rx.event
    async def send_preset(self, text: str):
        self.bid_error = await self._send(text) or ""
        return None if self.bid_error else rx.toast.success("Sent. A small reach-out matters.")

    @rx.event
    async def send_own(self, form: dict[str, Any]):
        self.bid_error = await self._send(str(form.get("text", ""))) or ""
        if self.bid_error:
            return None
        return [rx.set_value("bid-text", ""), rx.toast.success("Sent. A small reach-out matters.")]

    @rx.event
    async def reply(self, bid_id: int, choice: str):
        refusal = await self._reply(bid_id, choice=choice)
        return rx.toast.info(refusal) if refusal else None

    @rx.event
    def open_reply(self, bid_id: int) -> None:
        self.replying_id, self.reply_error = bid_id, ""

    @rx.event
    def close_reply(self) -> None:
        self.replying_id, self.reply_error = 0, ""

    @rx.event
    async def reply_own(self, form: dict[str, Any]):
        self.reply_error = await self._reply(self.replying_id, text=str(form.get("text", ""))) or ""
        if not self.reply_error:
            self.replying_id = 0
