"""A protocol-level Reflex client: socket.io (Engine.IO 4) over one websocket, speaking Reflex's event frames.

It does what ``.web/utils/state.js`` does, minus the browser: connect with the hydrate event in the CONNECT
packet (carrying the session token from "local storage"), send events, and merge the deltas the server pushes
into a plain dict, timestamping each one. Used by load benchmarks and by tests that forge events.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import websockets

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"
VAR_SUFFIX = "_rx_state_"


def state_name(cls: type) -> str:
    """The full name Reflex uses for a state class (e.g. ``reflex___state____state.couple_dash___...``)."""
    return str(cls.get_full_name())  # type: ignore[attr-defined]


def handler_name(cls: type, handler: str) -> str:
    return f"{state_name(cls)}.{handler}"


class ReflexClient:
    """One browser tab, as the server sees it."""

    def __init__(self, base_url: str, *, local_storage: dict[str, str] | None = None, path: str = "/") -> None:
        self.ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://").rstrip("/")
        self.client_token = str(uuid.uuid4())
        self.local_storage = local_storage or {}
        self.path = path
        self.state: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []  # server-sent events (redirects, scripts, toasts)
        self.updates = 0
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()
        self._listeners: list[Callable[[dict[str, Any], float], None]] = []

    # ---- wire format -------------------------------------------------------------------------------
    def _router_data(self) -> dict[str, Any]:
        return {"pathname": self.path, "asPath": self.path}

    def _event(self, name: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"name": name, "payload": payload or {}, "router_data": self._router_data()}

    async def connect(self, within: float = 15) -> ReflexClient:
        url = f"{self.ws_url}{NAMESPACE}/?token={self.client_token}&EIO=4&transport=websocket"
        self._ws = await websockets.connect(url, max_size=None, open_timeout=within, ping_interval=None)
        opening = await asyncio.wait_for(self._ws.recv(), within)
        if not str(opening).startswith("0"):
            raise ConnectionError(f"unexpected Engine.IO opening: {opening!r}")
        boot = self._event(f"{ROOT_STATE}.hydrate_and_load", {"vars": self.local_storage} if self.local_storage else {})
        await self._ws.send(f"40{NAMESPACE}," + json.dumps({"event": boot}))
        self._reader = asyncio.create_task(self._read())
        await self.wait_for(lambda: self.state.get(ROOT_STATE, {}).get("is_hydrated") is True, within)
        return self

    async def emit(self, name: str, payload: dict[str, Any] | None = None) -> float:
        """Send one event; returns the send time (``time.perf_counter()``)."""
        sent_at = time.perf_counter()
        await self._ws.send(f"42{NAMESPACE}," + json.dumps(["event", self._event(name, payload)]))
        return sent_at

    async def close(self) -> None:
        if self._reader:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()

    # ---- receiving ---------------------------------------------------------------------------------
    def on_update(self, listener: Callable[[dict[str, Any], float], None]) -> None:
        """Call ``listener(delta, received_at)`` for every delta pushed to this tab."""
        self._listeners.append(listener)

    async def _read(self) -> None:
        async for frame in self._ws:
            received_at = time.perf_counter()
            text = str(frame)
            if text == "2":  # Engine.IO ping: answer, or the server drops us
                await self._ws.send("3")
                continue
            prefix = f"42{NAMESPACE},"
            if not text.startswith(prefix):
                continue
            name, update = json.loads(text[len(prefix) :])
            if name != "event":
                continue
            delta = update.get("delta") or {}
            for state, values in delta.items():
                bucket = self.state.setdefault(state, {})
                for key, value in values.items():
                    bucket[key.removesuffix(VAR_SUFFIX)] = value
            self.events.extend(update.get("events") or [])
            self.updates += 1
            for listener in self._listeners:
                listener(delta, received_at)
            self._changed.set()

    async def wait_for(self, condition: Callable[[], bool], within: float = 10) -> None:
        """Wait until ``condition()`` holds, re-checking after every update from the server."""
        deadline = time.monotonic() + within
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"condition not met within {within} s; state: {json.dumps(self.state)[:2000]}")
            self._changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)

    def var(self, cls: type, name: str, default: Any = None) -> Any:
        return self.state.get(state_name(cls), {}).get(name, default)
