"""End-to-end fixtures: the real app in production mode, and Chromium (Debian's when installed)."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from couple_dash.devtools.push_service import FakePushService, vapid_keys
from couple_dash.devtools.server import AppServer

SYSTEM_CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
# A phone as Chromium emulates one: touch events, a mobile viewport, and its device pixel ratio.
PHONE_DEVICE: dict[str, Any] = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
PASSWORD = "a long walk home"

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {**browser_type_launch_args}
    args["args"] = [
        *args.get("args", []),
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
    ]
    if os.path.exists(SYSTEM_CHROMIUM):
        args["executable_path"] = SYSTEM_CHROMIUM
    return args


@pytest.fixture(scope="session")
def vapid() -> tuple[str, str]:
    return vapid_keys()


@pytest.fixture(scope="session")
def push_service(vapid: tuple[str, str]) -> Iterator[FakePushService]:
    """Stands in for the browser's push service (FCM is out of reach here); checks VAPID, decrypts what arrives."""
    service = FakePushService(vapid[0]).start()
    yield service
    service.stop()


@pytest.fixture(scope="session")
def app_server(
    tmp_path_factory: pytest.TempPathFactory, vapid: tuple[str, str], push_service: FakePushService
) -> Iterator[AppServer]:
    # The scheduler sweeps every 2 s here (30 s by default), so a reminder's arrival can be watched live.
    env = {
        "COUPLE_DASH_SCHEDULER_SECONDS": "2",
        "COUPLE_DASH_VAPID_PUBLIC_KEY": vapid[0],
        "COUPLE_DASH_VAPID_PRIVATE_KEY": vapid[1],
        "COUPLE_DASH_VAPID_SUBJECT": "mailto:e2e@example.org",
        "COUPLE_DASH_PUSH_EXTRA_ORIGINS": push_service.origin,
    }
    server = AppServer(tmp_path_factory.mktemp("app"), extra_env=env).start()
    yield server
    server.stop()
    errors = server.error_lines()
    assert not errors, "the server logged errors:\n" + "\n".join(errors[:40])


SERVER_FIXTURES = ("app_server", "sync_server", "restartable_server")


@pytest.fixture(autouse=True)
def _no_server_errors_during_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test in which a server logged an ERROR, not only at the end of the run."""
    servers: list[AppServer] = [request.getfixturevalue(n) for n in SERVER_FIXTURES if n in request.fixturenames]
    before = [len(server.error_lines()) for server in servers]
    yield
    new = [line for server, seen in zip(servers, before, strict=True) for line in server.error_lines()[seen:]]
    assert not new, "the server logged errors during this test:\n" + "\n".join(new[:40])


@pytest.fixture
def base_url(app_server: AppServer) -> str:
    return app_server.url


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Any]:
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def at(base_url: str, path: str) -> re.Pattern[str]:
    """The URL of ``path`` (which may carry a query), with or without the trailing slash static hosting adds."""
    route, _, query = path.partition("?")
    slash = "" if route.endswith("/") else "/?"
    return re.compile(re.escape(base_url + route) + slash + (re.escape("?" + query) if query else "") + "$")


def unique_email(name: str) -> str:
    return f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"


def sign_up(page: Page, base_url: str, name: str, email: str, *, path: str = "/signup") -> None:
    page.goto(base_url + path)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(at(base_url, "/"))


def log_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def create_invite(page: Page, base_url: str) -> str:
    page.goto(base_url + "/pair")
    page.get_by_role("button", name="Create invite link").click()
    link = page.locator("#invite-link")
    expect(link).to_have_value(re.compile(re.escape(base_url + "/join?code=") + r"[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    return link.input_value()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def paired_couple(new_context: Any, base_url: str, **options: Any) -> tuple[Page, Page, str, str]:
    """Two partners in two browser contexts (with ``options``, e.g. a phone), signed up and paired by invite."""
    alex, sam = new_context(**options).new_page(), new_context(**options).new_page()
    alex_email, sam_email = unique_email("alex"), unique_email("sam")
    sign_up(alex, base_url, "Alex", alex_email)
    link = create_invite(alex, base_url)
    sam.goto(link)
    sam.locator("#join-signup").click()
    sign_up_from_current(sam, base_url, "Sam", sam_email)
    expect(alex.locator("#couple-badge")).to_contain_text("You and Sam")
    return alex, sam, alex_email, sam_email


def sign_up_from_current(page: Page, base_url: str, name: str, email: str) -> None:
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(at(base_url, "/"))
