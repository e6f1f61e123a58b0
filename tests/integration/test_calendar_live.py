"""The calendar export through the real backend: a tab makes, downloads and turns off its link; the app serves it."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
from icalendar import Calendar

from couple_dash.db import session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.services import accounts, couples, rituals
from couple_dash.services.rituals import RitualInput
from couple_dash.state.auth import AuthState
from couple_dash.state.calendar import CalendarState

PASSWORD = "a long walk home"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('calendar') / 'calendar.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _people() -> tuple[str, str, int]:
    """A paired person with one ritual, and someone not in a couple: their session tokens and the ritual id."""
    with session_scope() as session:
        alex, sam, lou = (
            accounts.sign_up(
                session=session,
                display_name=name,
                email=f"{name}-ics@example.com",
                password=PASSWORD,
                time_zone="Europe/Berlin",
            )
            for name in ("Alex", "Sam", "Lou")
        )
        code = couples.create_invite(session=session, user_id=alex.viewer.user_id).code
        couples.join_with_code(session=session, user_id=sam.viewer.user_id, code=code)
        data = RitualInput(
            title="Date night", recurrence="weekly", time="19:00", start=date(2026, 10, 1), weekdays=(4,)
        )
        ritual = rituals.create(session=session, user_id=alex.viewer.user_id, data=data)
        assert ritual.id is not None
        return alex.token, lou.token, ritual.id


async def _tab(backend: InProcessBackend, token: str) -> ReflexClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    return await ReflexClient(backend.url, local_storage=storage, path="/rituals").connect()


def test_a_tab_makes_downloads_and_turns_off_its_calendar_link(
    backend: InProcessBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A browser's socket carries an Origin header (router.url.origin); this protocol client sends none, so the
    # link's base comes from the configured public address, which wins anyway.
    monkeypatch.setenv("COUPLE_DASH_PUBLIC_URL", backend.url)
    alex_token, lou_token, ritual_id = _people()

    async def scenario() -> None:
        alex, lou = await _tab(backend, alex_token), await _tab(backend, lou_token)
        try:
            await alex.emit(handler_name(CalendarState, "create_feed"))
            await alex.wait_for(lambda: alex.var(CalendarState, "feed_url", "") != "")
            feed_url = alex.var(CalendarState, "feed_url")
            assert alex.var(CalendarState, "has_feed") is True
            assert feed_url.startswith(f"{backend.url}/calendar/")
            assert feed_url.endswith(".ics")
            async with httpx.AsyncClient() as http:
                served = await http.get(feed_url)  # mounted by rx.App(api_transformer=...)
                assert served.status_code == 200
                assert served.headers["content-type"] == "text/calendar; charset=utf-8"
                assert [e.summary for e in Calendar.from_ical(served.content).events] == ["Date night"]

                await alex.emit(handler_name(CalendarState, "download"), {"ritual_id": ritual_id})
                await alex.wait_for(lambda: any("_download" in str(e) for e in alex.events))
                [download] = [e for e in alex.events if "_download" in str(e)]
                assert download["payload"]["filename"] == "date-night.ics"
                data_url = str(download["payload"]["url"])
                assert data_url.startswith("data:text/calendar;base64,")
                ics = base64.b64decode(data_url.split(",", 1)[1])
                assert [e.summary for e in Calendar.from_ical(ics).events] == ["Date night"]

                await alex.emit(handler_name(CalendarState, "revoke"))
                await alex.wait_for(lambda: alex.var(CalendarState, "has_feed") is False)
                assert alex.var(CalendarState, "feed_url") == ""
                assert (await http.get(feed_url)).status_code == 404

            # Someone outside the couple gets a refusal, neither a link nor the ritual.
            await lou.emit(handler_name(CalendarState, "create_feed"))
            await lou.emit(handler_name(CalendarState, "download"), {"ritual_id": ritual_id})
            await lou.wait_for(lambda: sum("Pair with your partner" in str(e) for e in lou.events) == 2)
            assert lou.var(CalendarState, "feed_url", "") == ""
            assert not any("_download" in str(e) for e in lou.events)
        finally:
            await alex.close()
            await lou.close()

    asyncio.run(scenario())
