"""The Reflex app: theme, head tags, and every page (registered by importing ``couple_dash.pages``)."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

import couple_dash.pages  # noqa: F401  (importing the page modules fills PAGES)
from couple_dash import presence, pwa
from couple_dash.api import with_api
from couple_dash.components.layout import PAGES
from couple_dash.gc_pauses import keep_gc_pauses_rare
from couple_dash.scheduler import run_scheduler

# Icons and the service worker are written into assets/ before Reflex copies them into the build.
pwa.prepare_assets()

QUICK_EXIT_JS = (Path(__file__).parent / "web" / "quick_exit.js").read_text(encoding="utf-8")

app = rx.App(
    html_lang="en",
    # At the top, so confirmations never cover the phone's bottom navigation.
    toaster=rx.toast.provider(position="top-center", close_button=True),
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1, viewport-fit=cover"),
        rx.el.meta(name="description", content="A live, shared dashboard for two partners rebuilding trust."),
        rx.el.link(rel="icon", href="/icon.svg", type="image/svg+xml"),
        rx.el.link(rel="manifest", href="/manifest.json"),
        rx.el.link(rel="apple-touch-icon", href="/apple-touch-icon.png"),
        rx.el.meta(name="theme-color", content="#3e63dd"),
        rx.el.meta(name="mobile-web-app-capable", content="yes"),
        rx.el.meta(name="apple-mobile-web-app-capable", content="yes"),
        rx.el.meta(name="apple-mobile-web-app-title", content="Couple Dash"),
        rx.el.meta(name="apple-mobile-web-app-status-bar-style", content="default"),
        rx.script(src="/timers.js"),
        rx.script(src="/pwa.js"),
        # The quick exit (button and Esc-Esc-Esc) inline in the page's head, so it works from the first paint: a
        # script loaded after hydration would leave the prerendered button a plain link, which adds history.
        rx.el.script(QUICK_EXIT_JS),
    ],
    # Plain HTTP routes (the calendar feed), served ahead of the pages on the same port.
    api_transformer=with_api,
)

for spec in PAGES:
    app.add_page(spec.build, route=spec.route, title=spec.title, on_load=spec.on_load or None)
# The header shows a small "Reconnecting…" pill instead of Reflex's developer-facing connection toast.
app.app_wraps[(5, "Overlay")] = lambda _stateful: None
app.register_lifespan_task(presence.install)
app.register_lifespan_task(keep_gc_pauses_rare)
app.register_lifespan_task(run_scheduler)
