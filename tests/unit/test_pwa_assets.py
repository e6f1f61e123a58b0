"""The installable app's files: icons at the sizes the manifest claims, and a service worker per release."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

from couple_dash import pwa


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_png_the_manifest_names_is_rendered_at_its_size() -> None:
    pwa.prepare_assets()
    manifest = json.loads((pwa.ASSETS / "manifest.json").read_text())
    icons = manifest["icons"] + [i for s in manifest["shortcuts"] for i in s["icons"]]
    pngs = [i for i in icons if i["type"] == "image/png"]
    assert len(pngs) >= 7
    for icon in pngs:
        width, height = png_size(pwa.ASSETS / icon["src"].lstrip("/"))
        assert f"{width}x{height}" == icon["sizes"], icon["src"]


def copy_project(tmp_path: Path) -> tuple[Path, Path, Path]:
    assets = tmp_path / "assets"
    package = tmp_path / "couple_dash"
    shutil.copytree(pwa.ASSETS, assets)
    package.mkdir()
    (package / "app.py").write_text("print('v1')\n")
    worker = tmp_path / "sw.js"
    worker.write_text(pwa.SW_SOURCE.read_text())
    return assets, package, worker


def test_a_release_is_a_new_service_worker_and_the_same_code_is_the_same_one(tmp_path: Path) -> None:
    assets, package, worker = copy_project(tmp_path)
    first = pwa.write_service_worker(assets, package, worker)
    written = (assets / "sw.js").read_text()
    assert f'var RELEASE = "{first}";' in written
    assert "__RELEASE__" not in written

    assert pwa.write_service_worker(assets, package, worker) == first  # the worker it wrote doesn't count

    (package / "app.py").write_text("print('v2')\n")
    second = pwa.write_service_worker(assets, package, worker)
    assert second != first
    assert f'var RELEASE = "{second}";' in (assets / "sw.js").read_text()

    (assets / "styles.css").write_text("body { color: red; }\n")
    third = pwa.write_service_worker(assets, package, worker)
    assert third not in (first, second)

    (package / "web").mkdir()
    (package / "web" / "quick_exit.js").write_text("/* v2 */\n")  # inlined into every page's head
    assert pwa.write_service_worker(assets, package, worker) not in (first, second, third)


def js_regex(name: str) -> re.Pattern[str]:
    literal = pwa.SW_SOURCE.read_text().split(f"var {name} = /", 1)[1].split("/;", 1)[0]
    return re.compile(literal.replace("\\/", "/"))


def test_the_worker_leaves_the_live_connection_and_feeds_alone_and_caches_only_static_files() -> None:
    never, hashed, own = js_regex("NEVER"), js_regex("HASHED"), js_regex("OWN_STATIC")
    for path in ("/_event", "/_event/", "/_upload", "/calendar/abc123.ics", "/ping", "/_health", "/report/shared/x"):
        assert never.search(path), path
    for path in ("/", "/check-in", "/calendar-tips", "/rituals", "/report"):
        assert not never.search(path), path
    assert hashed.search("/assets/_check-in_._index-CYMinTrU.js")
    assert own.search("/icon-192.png")
    assert own.search("/styles.css")
    for path in ("/", "/login", "/check-in", "/assets/../secret", "/data/couple_dash.db", "/calendar/x.ics"):
        assert not hashed.search(path), path
        assert not own.search(path), path
