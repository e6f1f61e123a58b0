"""How a change reaches every connected session of a couple.

Every mutation goes handler -> service (validate, authorize, write) -> one of these, which rebuilds the
couple's live view from the database and lets Reflex push the delta to each linked tab.

- Inside an event handler, use ``link_and_refresh(state, couple_id)``: the handler already holds the locks.
- Anywhere else (scheduler jobs, API routes, lifespan tasks), use ``refresh_couple(couple_id)``.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.state.couple import CoupleState, couple_token


async def link_and_refresh(state: rx.State, couple_id: int) -> CoupleState:
    """Link this tab to its couple's shared view (if not yet) and reload that view from the database."""
    own = await state.get_state(CoupleState)
    assert isinstance(own, CoupleState)
    linked = await own._link_to(couple_token(couple_id))
    linked.load_from_db(couple_id)
    return linked


async def unlink(state: rx.State) -> list[Any] | None:
    """Detach this tab from the couple it was linked to (after leaving, or when the session ended)."""
    own = await state.get_state(CoupleState)
    assert isinstance(own, CoupleState)
    if own._linked_to:
        return await own._unlink()
    return None


async def refresh_couple(couple_id: int) -> None:
    """Rebuild a couple's live view from the database and push it to all of its connected tabs."""
    from couple_dash.couple_dash import app

    async with app.modify_state(rx.BaseStateToken(ident=couple_token(couple_id), cls=CoupleState)) as root:
        shared = await root.get_state(CoupleState)
        assert isinstance(shared, CoupleState)
        shared.load_from_db(couple_id)
