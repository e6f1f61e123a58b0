"""Reflex configuration: the embedded default (SQLite + in-process state) unless the environment says otherwise.

Every field can be overridden as ``REFLEX_<FIELD>`` (``REFLEX_DB_URL``, ``REFLEX_REDIS_URL``,
``REFLEX_STATE_MANAGER_MODE`` ...); Reflex applies those after this file.
"""

import os

import reflex as rx

# One process: state in memory (measured far faster under load than "disk"; the database is the source of
# truth, so nothing is lost on restart). Several workers must share state: Redis, whenever it is configured.
STATE_MANAGER_MODE = (
    rx.constants.StateManagerMode.REDIS if os.environ.get("REFLEX_REDIS_URL") else rx.constants.StateManagerMode.MEMORY
)

config = rx.Config(
    app_name="couple_dash",
    db_url="sqlite:///data/couple_dash.db",
    state_manager_mode=STATE_MANAGER_MODE,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.SitemapPlugin(),
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="iris", gray_color="slate", radius="large", scaling="100%"),
        ),
    ],
)
