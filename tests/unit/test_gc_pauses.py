import asyncio
import gc

import pytest

from couple_dash import gc_pauses


def test_objects_alive_at_a_tick_are_frozen_and_a_full_collection_unfreezes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gc_pauses, "FREEZE_EVERY_SECONDS", 0.01)
    monkeypatch.setattr(gc_pauses, "FULL_COLLECTION_EVERY_SECONDS", 0.03)
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))

    def collect(*_: object) -> int:
        calls.append("collect")
        return 0

    monkeypatch.setattr(gc, "collect", collect)

    async def run_briefly() -> None:
        task = asyncio.create_task(gc_pauses.keep_gc_pauses_rare())
        await asyncio.sleep(0.1)
        task.cancel()

    asyncio.run(run_briefly())
    assert calls[:2] == ["freeze", "freeze"]
    assert "unfreeze" in calls
    first_full = calls.index("unfreeze")
    assert calls[first_full : first_full + 3] == ["unfreeze", "collect", "freeze"]


def test_it_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gc_pauses, "FREEZE_EVERY_SECONDS", 0)
    asyncio.run(asyncio.wait_for(gc_pauses.keep_gc_pauses_rare(), 1))
