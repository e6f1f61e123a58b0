"""What every state of the private space shares: whose it is, and how a shared change reaches the partner.

Each private state is an ordinary per-tab ``rx.State`` (never the couple's shared view). It loads only what
belongs to the user signed in on this tab, as the server sees them, and remembers whose it is (``owner_id``), so
the page shows nothing that belongs to anyone else, even for the moment after switching accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx

from couple_dash import sync
from couple_dash.db import session_scope
from couple_dash.services import ServiceError
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import current_viewer


class PrivatePart(rx.State, mixin=True):
    """Mixed into each state of the private space (a mixin, so each keeps its own ``owner_id``)."""

    owner_id: int = 0

    async def _author(self) -> Viewer | None:
        """The signed-in user of this tab; clears what this state holds when there is none (or someone else)."""
        viewer = await current_viewer(self)
        if viewer is None or viewer.user_id != self.owner_id:
            self.reset()  # forget whatever an earlier user of this tab had loaded
        if viewer is not None and self.owner_id != viewer.user_id:
            self.owner_id = viewer.user_id
        return viewer

    async def _publish_shared(self, viewer: Viewer) -> None:
        """Reload the couple's shared writing (shared items only), so the partner sees a share, edit or unshare live."""
        if viewer.couple_id is not None:
            await sync.link_and_refresh(self, viewer.couple_id, only=sync.SHARED_WRITING)

    def _reload(self, user_id: int) -> None:
        """Re-read this state's own items for ``user_id`` (each private state says what that is)."""
        raise NotImplementedError

    @rx.event
    async def load(self) -> None:
        """Read this tab's user's own items (each private state's ``load``, from the page and on shared changes)."""
        viewer = await self._author()
        if viewer is not None:
            self._reload(viewer.user_id)

    async def _act_on_own(self, action: Callable[..., Any], done: str, **target: int):
        """Run an action on one of this user's own items (``target`` names it, e.g. ``entry_id=3``); the partner's
        view is reloaded unless the action says nothing shared changed (returns ``False``)."""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                touched_shared = action(session=session, user_id=viewer.user_id, **target)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        self._reload(viewer.user_id)
        if touched_shared is not False:
            await self._publish_shared(viewer)
        return rx.toast.success(done)
