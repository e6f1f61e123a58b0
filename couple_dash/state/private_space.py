"""What every state of the private space shares: whose it is, and how a shared change reaches the partner.

Each private state is an ordinary per-tab ``rx.State`` (never the couple's shared view). It loads only what
belongs to the user signed in on this tab, as the server sees them, and remembers whose it is (``owner_id``), so
the page shows nothing that belongs to anyone else, even for the moment after switching accounts.
"""

from __future__ import annotations

import reflex as rx

from couple_dash import sync
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
