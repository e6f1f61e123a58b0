"""The Web Push switch through the real backend: what a tab chooses before the browser has subscribed is kept."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlmodel import col, select

from couple_dash.db import session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.devtools.push_service import BrowserKeys, vapid_keys
from couple_dash.models import PushSubscription
from couple_dash.services import accounts
from couple_dash.state.auth import AuthState
from couple_dash.state.push import PushState

PUSH_ORIGIN = "http://push.test"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('push') / 'push.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def test_hiding_the_words_before_turning_on_is_kept_and_saved(
    backend: InProcessBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    public, private = vapid_keys()
    monkeypatch.setenv("COUPLE_DASH_VAPID_PUBLIC_KEY", public)
    monkeypatch.setenv("COUPLE_DASH_VAPID_PRIVATE_KEY", private)
    monkeypatch.setenv("COUPLE_DASH_PUSH_EXTRA_ORIGINS", PUSH_ORIGIN)
    with session_scope() as session:
        alex = accounts.sign_up(
            session=session,
            display_name="Alex",
            email="alex-push@example.com",
            password="a long walk home",
            time_zone="UTC",
        )
    browser = BrowserKeys()

    async def scenario() -> None:
        storage = {f"{state_name(AuthState)}.session_token_rx_state_": alex.token}
        tab = await ReflexClient(backend.url, local_storage=storage, path="/settings").connect()
        try:
            # The box is ticked before this browser has a subscription (no endpoint yet): it stays ticked.
            await tab.emit(handler_name(PushState, "set_discreet"), {"discreet": True})
            await tab.wait_for(lambda: tab.var(PushState, "discreet") is True)
            await tab.emit(
                handler_name(PushState, "subscribed"),
                {
                    "result": {
                        "endpoint": f"{PUSH_ORIGIN}/push/alex",
                        "p256dh": browser.p256dh,
                        "auth": browser.auth_b64,
                    }
                },
            )
            await tab.wait_for(lambda: tab.var(PushState, "browser") == "on")
            assert tab.var(PushState, "discreet") is True
        finally:
            await tab.close()

    asyncio.run(scenario())
    with session_scope() as session:
        row = session.exec(select(PushSubscription).where(col(PushSubscription.user_id) == alex.viewer.user_id)).one()
        assert (row.endpoint, row.discreet) == (f"{PUSH_ORIGIN}/push/alex", True)
