"""Who has the app open, on which page, and noticing within seconds when they close it.

Each tab is noted in its couple's shared state when it loads a page (``ShellState.enter``). Reflex has no
public hook for a closed socket, so ``install`` wraps the event namespace's ``on_disconnect`` (the one
private seam, kept in this module): when a socket closes, its tab is dropped from the couple's presence after
a short grace period, unless it has reconnected (a reload), and the partner sees it at once.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import reflex as rx

from couple_dash.state.couple import CoupleState, couple_token

logger = logging.getLogger(__name__)

RECONNECT_GRACE_SECONDS = 1.5

# Client token -> couple id, for the sockets this worker serves (events of a socket run on its worker).
_couple_of_tab: dict[str, int] = {}
_pending: set[asyncio.Task[None]] = set()


def remember(client_token: str, couple_id: int) -> None:
    _couple_of_tab[client_token] = couple_id


def forget(client_token: str) -> None:
    _couple_of_tab.pop(client_token, None)


async def _is_connected(app: rx.App, client_token: str) -> bool:
    namespace = app.event_namespace
    if namespace is None:
        return False
    return bool(await namespace._token_manager.is_token_connected(client_token))


async def _tab_closed(app: rx.App, client_token: str) -> None:
    await asyncio.sleep(RECONNECT_GRACE_SECONDS)
    if await _is_connected(app, client_token):
        return  # a reload or a brief network blip: the tab is back
    couple_id = _couple_of_tab.pop(client_token, None)
    if couple_id is None:
        return
    async with app.modify_state(rx.BaseStateToken(ident=couple_token(couple_id), cls=CoupleState)) as root:
        shared = await root.get_state(CoupleState)
        assert isinstance(shared, CoupleState)
        shared.drop_tabs({client_token})


async def prune_disconnected(app: rx.App, shared: CoupleState) -> None:
    """Drop tabs whose sockets are gone (e.g. a worker that died before it could say so)."""
    gone = {token for token in shared._tabs if not await _is_connected(app, token)}
    shared.drop_tabs(gone)


def install(app: rx.App) -> None:
    """Lifespan hook: watch socket disconnects on this worker."""
    namespace = app.event_namespace
    if namespace is None:
        logger.warning("presence: no event namespace; partners will not see each other leave")
        return
    original = namespace.on_disconnect

    def on_disconnect(sid: str, *_: Any) -> Any:
        client_token = namespace.sid_to_token.get(sid)
        result = original(sid)
        if client_token in _couple_of_tab:
            task = asyncio.create_task(_tab_closed(app, client_token))
            _pending.add(task)
            task.add_done_callback(_pending.discard)
        return result

    namespace.on_disconnect = on_disconnect  # type: ignore[method-assign]
