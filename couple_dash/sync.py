"""How a change reaches every connected session of a couple.

Every mutation goes handler -> service (validate, authorize, write) -> one of these, which rebuilds the
couple's live view from the database and lets Reflex push the delta to each linked tab.

- Inside an event handler, use ``link_and_refresh(state, couple_id)``: the handler already holds the locks.
- Anywhere else (scheduler jobs, API routes, lifespan tasks), use ``refresh_couple(couple_id)``.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import presence
from couple_dash.state.couple import (
    AGENDA,
    AGREEMENTS,
    BIDS,
    COMMITMENTS,
    MEETING,
    MEMBERS,
    NOTIFICATIONS,
    REPORT,
    RITUALS,
    SHARED_WRITING,
    UPDATES,
    CoupleState,
    couple_token,
)

__all__ = [
    "AGENDA",
    "AGREEMENTS",
    "BIDS",
    "COMMITMENTS",
    "MEETING",
    "MEMBERS",
    "NOTIFICATIONS",
    "REPORT",
    "RITUALS",
    "SHARED_WRITING",
    "UPDATES",
    "link_and_refresh",
    "refresh_couple",
    "running_app",
    "unlink",
]


def running_app() -> rx.App:
    """The app this process serves (the module Reflex imported from rxconfig's app name)."""
    from reflex.utils.prerequisites import get_app

    app = get_app().app
    assert isinstance(app, rx.App)
    return app


async def _own(state: rx.State) -> CoupleState:
    own = await state.get_state(CoupleState)
    assert isinstance(own, CoupleState)
    return own


async def link_and_refresh(
    state: rx.State, couple_id: int, only: str | None = None, commitment_ids: set[int] | None = None
) -> CoupleState:
    """Link this tab to its couple's shared view (if not yet) and reload that view from the database.

    ``only`` names the one part that changed (e.g. ``AGENDA``), ``commitment_ids`` the commitments whose cards
    changed (a tick recomputes one card, not the couple's whole history).
    """
    linked = await (await _own(state))._link_to(couple_token(couple_id))
    linked.refresh(couple_id, only=only, commitment_ids=commitment_ids)
    return linked


async def unlink(state: rx.State) -> list[Any] | None:
    """Detach this tab from its couple (after leaving or signing out): the partner stops seeing it as present."""
    own = await _own(state)
    if not own._linked_to:
        return None
    client_token = state.router.session.client_token
    own.drop_tabs({client_token})
    presence.forget(client_token)
    return await own._unlink()


async def refresh_couple(couple_id: int, app: rx.App | None = None, only: str | None = None) -> None:
    """Rebuild a couple's live view (or ``only`` one part of it) from the database and push it to its tabs."""
    app = app or running_app()
    async with app.modify_state(rx.BaseStateToken(ident=couple_token(couple_id), cls=CoupleState)) as root:
        shared = await root.get_state(CoupleState)
        assert isinstance(shared, CoupleState)
        shared.refresh(couple_id, only=only)
