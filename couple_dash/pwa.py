"""What makes Couple Dash an installable app: PNG icons rendered from the SVGs, and a versioned service worker.

Both are written into ``assets/`` when the app module is imported (before Reflex copies the assets), and only
when their sources changed. The service worker's version is a hash of everything the browser runs, so a new
release is a new ``sw.js``: the browser installs it, the old caches are dropped, no one keeps a stale app.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import resvg_py

from couple_dash.config import PROJECT_ROOT

ASSETS = PROJECT_ROOT / "assets"
PACKAGE = PROJECT_ROOT / "couple_dash"
SW_SOURCE = PACKAGE / "web" / "sw.js"

# (output, source svg in assets/, size); all transparent
ICONS = [
    ("icon-192.png", "icon.svg", 192),
    ("icon-512.png", "icon.svg", 512),
    ("icon-maskable-192.png", "icon-maskable.svg", 192),
    ("icon-maskable-512.png", "icon-maskable.svg", 512),
    ("apple-touch-icon.png", "icon-maskable.svg", 180),  # iOS rounds the corners itself
    ("badge-72.png", "badge.svg", 72),
]

_SHORTCUT = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="#3e63dd"/>'
    '<g fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round">{}</g></svg>'
)
SHORTCUT_SIZE = 96
SHORTCUTS = {
    "shortcut-tick.png": _SHORTCUT.format('<path d="M14 25l7 7 13-15"/>'),
    "shortcut-update.png": _SHORTCUT.format('<path d="M13 15h22v14H22l-6 5v-5h-3z"/>'),
    "shortcut-check-in.png": _SHORTCUT.format(
        '<rect x="13" y="15" width="22" height="19" rx="3"/><path d="M13 21h22M19 12v5M29 12v5"/>'
    ),
}
GENERATED = [name for name, *_ in ICONS] + list(SHORTCUTS) + ["sw.js"]


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def render_icons() -> None:
    app_icons = [(name, (ASSETS / source).read_text(), size) for name, source, size in ICONS]
    shortcuts = [(name, svg, SHORTCUT_SIZE) for name, svg in SHORTCUTS.items()]
    for name, svg, size in app_icons + shortcuts:
        png = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size))
        _write_if_changed(ASSETS / name, png)


def release_version(assets: Path = ASSETS, package: Path = PACKAGE, worker: Path = SW_SOURCE) -> str:
    """A hash of the assets and the app's code: it changes with every release that changes what users run."""
    digest = hashlib.sha256()
    sources = [p for p in assets.rglob("*") if p.is_file() and p.name not in GENERATED]
    sources += [*package.rglob("*.py"), *package.rglob("*.js"), worker]  # .js: the quick exit, inlined in pages
    root = assets.parent
    for path in sorted(set(sources)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_service_worker(assets: Path = ASSETS, package: Path = PACKAGE, worker: Path = SW_SOURCE) -> str:
    version = release_version(assets, package, worker)
    _write_if_changed(assets / "sw.js", worker.read_text().replace("__RELEASE__", version).encode())
    return version


def prepare_assets() -> str:
    render_icons()
    return write_service_worker()
