"""The bare-framework floor: one shared counter, nothing else (see bench/sync_latency.py)."""

import reflex as rx

config = rx.Config(
    app_name="bare_app",
    state_manager_mode=rx.constants.StateManagerMode.MEMORY,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.SitemapPlugin(), rx.plugins.RadixThemesPlugin()],
)
