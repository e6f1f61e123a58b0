"""The installable app on a phone: installability as Chromium reports it, the manifest and icons, the service
worker controlling the page, a clean update on a new release, and the offline page when the server is gone."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, BrowserType, Page, expect

from couple_dash.devtools.server import AppServer
from e2e.conftest import PHONE, screenshot, sign_up, unique_email

OFFLINE_TEXT = "Your partner will see your updates when you reconnect"
CACHES = "async () => (await caches.keys()).sort()"


@pytest.fixture(scope="module")
def pwa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A server of its own: this module replaces its service worker (a release) and then stops it."""
    server = AppServer(tmp_path_factory.mktemp("pwa")).start()
    yield server
    server.stop()
    errors = server.error_lines()
    assert not errors, "the server logged errors:\n" + "\n".join(errors[:40])


@pytest.fixture
def phone(
    browser_type: BrowserType, browser_type_launch_args: dict[str, Any], tmp_path: Path
) -> Iterator[BrowserContext]:
    # A persistent profile: in a default (incognito-like) context Chromium always reports "in-incognito".
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), **browser_type_launch_args, viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def wait_until_controlled(page: Page) -> None:
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=20_000)


def test_chromium_reports_the_app_installable_and_the_worker_controls_it(
    phone: BrowserContext, pwa_server: AppServer
) -> None:
    base = pwa_server.url
    page = phone.pages[0] if phone.pages else phone.new_page()
    sign_up(page, base, "Alex", unique_email("alex"))
    wait_until_controlled(page)

    cdp = phone.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest_info = cdp.send("Page.getAppManifest")
    assert manifest_info["url"] == base + "/manifest.json"
    assert manifest_info["errors"] == []
    manifest = json.loads(manifest_info["data"])
    assert manifest["name"] == "Couple Dash"
    assert manifest["short_name"] == "Couple Dash"
    assert manifest["description"]
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    assert manifest["theme_color"] == "#3e63dd"
    assert manifest["background_color"] == "#ffffff"
    assert [s["name"] for s in manifest["shortcuts"]] == ["Tick a promise", "Share an update", "Next check-in"]

    # Every icon is real and the size it claims; 192 and 512 px, "any" and "maskable".
    kinds = set()
    for icon in manifest["icons"] + [i for s in manifest["shortcuts"] for i in s["icons"]]:
        response = page.request.get(base + icon["src"])
        assert response.ok, icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(response.body())
            assert f"{width}x{height}" == icon["sizes"], icon["src"]
            kinds.add((icon.get("purpose", "any"), width))
    assert {("any", 192), ("any", 512), ("maskable", 192), ("maskable", 512)} <= kinds

    # The worker controls the page and has the app's code in its cache; no signed-in data, no live connection.
    release_caches = page.evaluate(CACHES)
    assert len(release_caches) == 1
    assert release_caches[0].startswith("couple-dash-static-")
    cached = page.evaluate(
        """async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)""",
        release_caches[0],
    )
    assert "/offline.html" in cached
    build_files = [p for p in cached if p.startswith("/assets/") and p.endswith(".js")]
    assert build_files, cached
    # Hashed build files may stay on the phone for a year; pages are never cached that way.
    assert page.request.get(base + build_files[0]).headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "immutable" not in page.request.get(base + "/login/").headers.get("cache-control", "")
    assert not [
        p for p in cached if p.startswith(("/_event", "/calendar")) or (p.endswith(".html") and p != "/offline.html")
    ]
    screenshot(page, "pwa-installable-phone")


def test_a_new_release_replaces_the_worker_and_its_cache_and_offers_a_reload(
    phone: BrowserContext, pwa_server: AppServer
) -> None:
    base = pwa_server.url
    page = phone.pages[0] if phone.pages else phone.new_page()
    page.goto(base + "/login")
    wait_until_controlled(page)
    (old_cache,) = page.evaluate(CACHES)

    # Deploy: the server now serves a service worker of another release.
    worker = pwa_server.client_dir / "sw.js"
    original = worker.read_text()
    old_release = old_cache.removeprefix("couple-dash-static-")
    compressed = worker.with_name("sw.js.gz")
    saved_gz = compressed.read_bytes() if compressed.exists() else None
    compressed.unlink(missing_ok=True)
    try:
        worker.write_text(original.replace(old_release, "next-release"))
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        expect(page.locator("#cd-update")).to_contain_text("Couple Dash was updated", timeout=20_000)
        page.wait_for_function("caches.keys().then((k) => k.length === 1 && k[0].endsWith('next-release'))")
        page.locator("#cd-update button").click()
        expect(page.get_by_role("button", name="Log in")).to_be_visible()
        expect(page.locator("#cd-update")).to_have_count(0)
    finally:
        worker.write_text(original)
        if saved_gz is not None:
            compressed.write_bytes(saved_gz)


def test_offline_and_unreachable_server_show_the_offline_page(phone: BrowserContext, pwa_server: AppServer) -> None:
    base = pwa_server.url
    page = phone.pages[0] if phone.pages else phone.new_page()
    page.goto(base + "/login")
    wait_until_controlled(page)

    # The phone loses its network: the offline page, then the app again as soon as it's back.
    phone.set_offline(True)
    page.goto(base + "/check-in")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.locator("#offline")).to_contain_text(OFFLINE_TEXT)
    screenshot(page, "pwa-offline-phone")
    phone.set_offline(False)
    expect(page.get_by_role("button", name="Log in")).to_be_visible(timeout=20_000)

    # The network is fine but the server is gone.
    pwa_server.stop()
    page.goto(base + "/")
    expect(page.locator("#offline")).to_contain_text(OFFLINE_TEXT)
    expect(page.get_by_role("button", name="Try again")).to_be_visible()
