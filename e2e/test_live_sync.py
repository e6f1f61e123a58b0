"""Issue 3 end to end: one live view for both partners and a shared screen, presence, reconnects, forgeries.

``sync_server`` is the embedded default (SQLite, one worker); when CI provides PostgreSQL and Redis it is also
the scaled-out setup (three workers sharing state through Redis), and the same tests run against both.
"""

from __future__ import annotations

import asyncio
import os
import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from couple_dash.db import session_scope
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.devtools.server import AppServer
from couple_dash.services import accounts, agenda
from e2e.conftest import DESKTOP, paired_couple

POSTGRES_URL = os.environ.get("COUPLE_DASH_TEST_POSTGRES_URL", "")
REDIS_URL = os.environ.get("COUPLE_DASH_TEST_REDIS_URL", "")
SETUPS = ["embedded", "scaled"] if POSTGRES_URL and REDIS_URL else ["embedded"]


def _postgres_schema(name: str) -> str:
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{name}"'))
    engine.dispose()
    separator = "&" if "?" in POSTGRES_URL else "?"
    return f"{POSTGRES_URL}{separator}options=-csearch_path%3D{name}"


@pytest.fixture(scope="module", params=SETUPS)
def sync_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    workdir = tmp_path_factory.mktemp(f"sync-{request.param}")
    extra = {"COUPLE_DASH_SHOW_WORKER": "1"}
    db_url = ""
    schema = ""
    if request.param == "scaled":
        schema = f"cd_e2e_{uuid.uuid4().hex[:8]}"
        db_url = _postgres_schema(schema)
        extra |= {"REFLEX_REDIS_URL": REDIS_URL, "GRANIAN_WORKERS": "3"}
    server = AppServer(workdir, db_url=db_url, extra_env=extra).start()
    server.setup_name = request.param  # type: ignore[attr-defined]
    yield server
    server.stop()
    errors = server.error_lines()
    if schema:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
    assert not errors, "the server logged errors:\n" + "\n".join(errors[:40])


def _worker(page: Page) -> str:
    marker = page.locator("#served-by")
    expect(marker).to_have_attribute("data-worker", re.compile(r".+:\d+"))
    return marker.get_attribute("data-worker") or ""


def _add_item(page: Page, text: str, kind: str = "appreciation") -> None:
    page.get_by_label("Kind of item").select_option(kind)
    page.get_by_label("What would you like to bring?").fill(text)
    page.get_by_role("button", name="Add to agenda").click()


def _item(page: Page, text: str) -> Any:
    return page.get_by_test_id("agenda-item").filter(has_text=text)


def test_an_edit_reaches_the_partner_and_the_shared_screen_live(new_context: Any, sync_server: AppServer) -> None:
    base = sync_server.url
    alex, sam, alex_email, _ = paired_couple(new_context, base)
    screen = new_context(viewport={"width": 1920, "height": 1080}).new_page()
    screen.goto(base + "/login")
    screen.get_by_label("Email").fill(alex_email)
    screen.get_by_label("Password").fill("a long walk home")
    screen.get_by_role("button", name="Log in").click()
    for page in (alex, sam, screen):
        page.goto(base + "/check-in")
        expect(page.locator("#agenda-empty")).to_be_visible()

    if getattr(sync_server, "setup_name", "") == "scaled":
        # Prove the partners' sockets live on different workers: reopen Sam's tab until it lands elsewhere.
        alex_worker = _worker(alex)
        for _ in range(12):
            if _worker(sam) != alex_worker:
                break
            sam.reload()
            expect(sam.locator("#agenda-empty")).to_be_visible()
        assert _worker(sam) != alex_worker, "could not get the two partners onto different workers"

    _add_item(alex, "Thank you for the flowers on Friday")
    for page in (sam, screen):
        expect(_item(page, "Thank you for the flowers on Friday")).to_be_visible()
    _add_item(sam, "Can we plan Sunday together?", kind="request")
    for page in (alex, screen):
        expect(_item(page, "Can we plan Sunday together?")).to_be_visible()

    _item(sam, "flowers").get_by_role("button", name="Edit this item").click()
    sam.locator("#agenda-edit-text").fill("Thank you for the flowers and the note")
    sam.locator("#agenda-edit-save").click()
    for page in (alex, screen):
        expect(_item(page, "the flowers and the note")).to_be_visible()
        expect(page.get_by_test_id("agenda-item")).to_have_count(2)


def test_presence_appears_and_disappears(new_context: Any, sync_server: AppServer) -> None:
    base = sync_server.url
    alex, sam, _, _ = paired_couple(new_context, base)
    alex.goto(base + "/rituals")
    expect(sam.locator("#partner-presence")).to_have_text("Alex is here · Rituals")
    alex.goto(base + "/check-in")
    expect(sam.locator("#partner-presence")).to_have_text("Alex is here · Check-in")
    expect(alex.locator("#partner-presence")).to_contain_text("Sam is here")
    alex.context.close()
    expect(sam.locator("#partner-presence")).to_have_count(0, timeout=10_000)


def test_concurrent_edits_of_one_item_are_never_silently_overwritten(new_context: Any, sync_server: AppServer) -> None:
    base = sync_server.url
    alex, sam, _, _ = paired_couple(new_context, base)
    for page in (alex, sam):
        page.goto(base + "/check-in")
    _add_item(alex, "We keep missing our walks")
    for page in (alex, sam):
        expect(_item(page, "missing our walks")).to_be_visible()
        _item(page, "missing our walks").get_by_role("button", name="Edit this item").click()
    alex.locator("#agenda-edit-text").fill("We keep missing our Sunday walks")
    sam.locator("#agenda-edit-text").fill("We keep missing our walks, and I miss them")
    alex.locator("#agenda-edit-save").click()
    expect(sam.get_by_test_id("agenda-item").first).to_contain_text("Sunday walks")  # Sam sees Alex's save live
    sam.locator("#agenda-edit-save").click()
    expect(sam.locator("#agenda-edit-error")).to_contain_text("Alex changed this item while you were editing")
    expect(sam.locator("#agenda-edit-text")).to_have_value("We keep missing our walks, and I miss them")
    expect(alex.get_by_test_id("agenda-item")).to_contain_text("We keep missing our Sunday walks")
    # Having seen Alex's version, Sam may deliberately save over it.
    sam.locator("#agenda-edit-save").click()
    expect(alex.get_by_test_id("agenda-item")).to_contain_text("and I miss them")


def test_a_forged_event_for_another_couples_item_is_refused(new_context: Any, sync_server: AppServer) -> None:
    base = sync_server.url
    alex, _, _, _ = paired_couple(new_context, base)
    mallory, _, _, _ = paired_couple(new_context, base)
    alex.goto(base + "/check-in")
    _add_item(alex, "Only for the two of us", kind="concern")
    expect(_item(alex, "Only for the two of us")).to_be_visible()
    item_id = int((alex.get_by_test_id("agenda-item").get_attribute("id") or "0").rsplit("-", 1)[-1])

    from couple_dash.state.auth import SESSION_STORAGE_KEY, AuthState
    from couple_dash.state.check_in import CheckInState
    from couple_dash.state.shell import ShellState

    token = mallory.evaluate(f"localStorage.getItem('{SESSION_STORAGE_KEY}')")

    async def forge() -> list[str]:
        storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
        client = await ReflexClient(base, local_storage=storage, path="/check-in").connect()
        try:
            await client.emit(handler_name(ShellState, "enter"))
            await client.emit(handler_name(CheckInState, "start_edit"), {"item_id": item_id, "text": "", "version": 1})
            await client.emit(handler_name(CheckInState, "set_draft"), {"value": "Hijacked"})
            await client.emit(handler_name(CheckInState, "save_edit"))
            await client.wait_for(lambda: bool(client.var(CheckInState, "edit_error")))
            await client.emit(handler_name(CheckInState, "remove"), {"item_id": item_id})
            await client.wait_for(lambda: any("part of your couple" in str(e) for e in client.events))
            return [client.var(CheckInState, "edit_error")]
        finally:
            await client.close()

    # Playwright's sync API owns this thread's event loop; the forger runs on its own.
    with ThreadPoolExecutor(1) as pool:
        errors = pool.submit(asyncio.run, forge()).result(timeout=60)
    assert "isn't part of your couple" in errors[0]
    alex.reload()
    expect(_item(alex, "Only for the two of us")).to_be_visible()
    expect(alex.get_by_test_id("agenda-item")).to_have_attribute("data-version", "1")


@pytest.fixture
def restartable_server(tmp_path: Path) -> Iterator[AppServer]:
    server = AppServer(tmp_path / "restartable").start()
    yield server
    server.stop()


def test_after_a_backend_restart_both_reconnect_to_the_database_truth(
    new_context: Any, restartable_server: AppServer
) -> None:
    server = restartable_server
    base = server.url
    alex, sam, alex_email, _ = paired_couple(new_context, base)
    for page in (alex, sam):
        page.goto(base + "/check-in")
    _add_item(alex, "Before the restart")
    expect(_item(sam, "Before the restart")).to_be_visible()

    server.stop()
    expect(alex.locator("#connection-status")).to_be_visible(timeout=20_000)  # the UI says so, unobtrusively
    # Typed and sent while offline: kept in the page's queue, delivered after the reconnect.
    _add_item(sam, "Written while the server was down", kind="request")
    # Meanwhile the database changes behind the app's back (as another worker or a job would).
    with session_scope_for(server.db_url) as session:
        viewer = accounts.resolve_session(
            session=session, token=alex.evaluate("localStorage.getItem('couple_dash_session')")
        )
        assert viewer is not None
        agenda.add_item(session=session, user_id=viewer.user_id, kind="went_well", text="Added during the outage")

    server.start()
    for page in (alex, sam):
        expect(page.locator("#connection-status")).to_have_count(0, timeout=60_000)
        expect(page.get_by_test_id("agenda-item")).to_have_count(3, timeout=30_000)
        for text in ("Before the restart", "Added during the outage", "Written while the server was down"):
            expect(_item(page, text)).to_be_visible()
        expect(page.locator("#partner-presence")).to_be_visible()
    del alex_email


def session_scope_for(url: str) -> Any:
    from couple_dash.db import engine_for

    return session_scope(engine_for(url))


def test_viewport(new_context: Any, sync_server: AppServer) -> None:
    """The shared screen's large layout keeps the agenda readable (a smoke check of the TV width)."""
    base = sync_server.url
    alex, _, _, _ = paired_couple(new_context, base)
    alex.set_viewport_size({"width": 1920, "height": 1080})
    alex.goto(base + "/check-in")
    size = alex.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size >= 20, f"root font size on a 1920px screen is {size}px"
    alex.set_viewport_size(DESKTOP)
