"""What every signed-in page does on load: check the session on the server, then join the couple's live view."""

from __future__ import annotations

import os
import socket

import reflex as rx

from couple_dash import presence, routes, sync
from couple_dash.state.auth import AuthState


def worker_identity() -> str:
    """Host and process of this backend worker (read per call: workers are forked after the app is imported)."""
    return f"{socket.gethostname()}:{os.getpid()}"


class ShellState(rx.State):
    # Which backend worker serves this tab's socket (shown only in builds made with COUPLE_DASH_SHOW_WORKER=1).
    served_by: str = ""

    @rx.event
    async def enter(self):
        auth = await self.get_state(AuthState)
        assert isinstance(auth, AuthState)
        self.served_by = worker_identity()
        viewer = auth.current_viewer()
        if viewer is None:
            rehydrate = await sync.unlink(self)
            return [*(rehydrate or []), auth.login_redirect()]
        if viewer.couple_id is None:
            return await sync.unlink(self)
        linked = await sync.link_and_refresh(self, viewer.couple_id)
        client_token = self.router.session.client_token
        await presence.prune_disconnected(sync.running_app(), linked)
        linked.note_tab(client_token, viewer.user_id, routes.page_label(self.router.url.path))
        presence.remember(client_token, viewer.couple_id)
        return None
