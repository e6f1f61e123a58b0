"""The e2e servers' error check: every error counts, except Reflex refusing an event while the server stops."""

from __future__ import annotations

from pathlib import Path

from couple_dash.devtools.server import AppServer

REFUSED_WHILE_STOPPING = """Traceback (most recent call last):
  File "reflex/app.py", line 2453, in on_event
    await self.app.event_processor.enqueue(token, event)
reflex_base.event.processor.event_processor.QueueShutDown: Event processor is not running, call .start(...) first.
Info: Reflex app stopped."""

A_REAL_ONE = """Traceback (most recent call last):
  File "couple_dash/state/rituals.py", line 10, in create
    raise ValueError("boom")
ValueError: boom"""


def server_with_log(tmp_path: Path, text: str) -> AppServer:
    server = AppServer(tmp_path)
    server.log_path.write_text(text)
    return server


def test_a_refusal_while_stopping_is_not_an_error_but_anything_else_is(tmp_path: Path) -> None:
    assert server_with_log(tmp_path, REFUSED_WHILE_STOPPING).error_lines() == []
    both = server_with_log(tmp_path, REFUSED_WHILE_STOPPING + "\n" + A_REAL_ONE + "\nERROR: worker died")
    assert both.error_lines() == ["Traceback (most recent call last):", "ERROR: worker died"]
