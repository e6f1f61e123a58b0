"""Run the app's backend (no frontend) inside the test process, on a thread with its own event loop.

Tests can then reach server-side code paths directly (``run_on_server``) while protocol clients talk to the
same process over a real websocket, like ``reflex.testing.AppHarness`` does for its backend.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import reflex as rx

T = TypeVar("T")


class InProcessBackend:
    def __init__(self, app: rx.App, server: Any, thread: threading.Thread) -> None:
        self.app = app
        self._server = server
        self._thread = thread

    @property
    def url(self) -> str:
        sockets = self._server.servers[0].sockets
        host, port = sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        loop: asyncio.AbstractEventLoop = self._server.loop
        return loop

    def run_on_server(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        """Run a coroutine on the server's own event loop (as a scheduler job or lifespan task would)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)


@contextmanager
def in_process_backend() -> Iterator[InProcessBackend]:
    import uvicorn
    from reflex_base.environment import environment

    environment.REFLEX_SKIP_COMPILE.set(True)  # the backend alone: no frontend build, as AppHarnessProd does
    from couple_dash.couple_dash import app

    asgi = app()
    config = uvicorn.Config(app=asgi, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)

    def serve(context: contextvars.Context) -> None:
        async def main() -> None:
            server.loop = asyncio.get_running_loop()  # type: ignore[attr-defined]
            await server.serve()

        context.run(asyncio.run, main())

    thread = threading.Thread(target=serve, args=(contextvars.copy_context(),), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the in-process backend did not start")
        time.sleep(0.05)
    try:
        yield InProcessBackend(app, server, thread)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
