"""What every signed-in page does on load: check the session on the server, then join the couple's live view."""

from __future__ import annotations

import reflex as rx

from couple_dash import sync
from couple_dash.state.auth import AuthState


class ShellState(rx.State):
    @rx.event
    async def enter(self):
        auth = await self.get_state(AuthState)
        assert isinstance(auth, AuthState)
        viewer = auth.current_viewer()
        if viewer is None:
            rehydrate = await sync.unlink(self)
            return [*(rehydrate or []), auth.login_redirect()]
        if viewer.couple_id is None:
            return await sync.unlink(self)
        await sync.link_and_refresh(self, viewer.couple_id)
        return None
