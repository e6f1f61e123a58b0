"""What a tab does with bids for connection: send one (one tap or own words) and answer the partner's."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import sync
from couple_dash.services import bids
from couple_dash.state.auth import run_for_couple


class BidsState(rx.State):
    bid_error: str = ""
    replying_id: int = 0  # the bid whose "in my own words" box is open on this tab
    reply_error: str = ""

    async def _send(self, text: str) -> str | None:
        return await run_for_couple(self, lambda s, v: bids.send(session=s, user_id=v.user_id, text=text), sync.BIDS)

    async def _reply(self, bid_id: int, choice: str = "", text: str = "") -> str | None:
        # Whatever a refusal was about (answered on another screen, the moment passed), show how it stands now.
        return await run_for_couple(
            self,
            lambda s, v: bids.reply(session=s, user_id=v.user_id, bid_id=bid_id, choice=choice, text=text),
            sync.BIDS,
            refresh_on_refusal=True,
        )

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
