"""On phones, the pages the bottom bar has no room for (on wider screens the side navigation lists them all)."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.layout import app_page, page_heading


def _entry(route: str, label: str, icon: str, line: str) -> rx.Component:
    slug = route.strip("/").replace("/", "-") or "home"
    return rx.link(
        rx.hstack(
            rx.center(rx.icon(icon, size=20, aria_hidden="true"), class_name="cd-tool-icon"),
            rx.vstack(
                rx.text(label, weight="medium", size="3"),
                rx.text(line, size="1", color_scheme="gray") if line else rx.fragment(),
                spacing="0",
            ),
            align="center",
            spacing="3",
            width="100%",
            class_name="cd-more-entry",
        ),
        href=route,
        underline="none",
        color="inherit",
        id=f"more-{slug}",
        data_testid="more-entry",
        width="100%",
    )


LINES = {
    routes.REPAIR: "Repair menu, acknowledgements, after a hard moment",
    routes.PROGRESS: "Follow-through over time, and your pulse",
    routes.PRIVATE: "Notes, reflections and the workbook: only you see them",
    routes.SETTINGS: "Profile, reminders, notifications, your data",
}


@app_page(routes.MORE, "More")
def more_page() -> rx.Component:
    rest = [(r, label, icon) for r, label, _, icon in routes.NAVIGATION if r not in routes.PHONE_NAVIGATION]
    return rx.vstack(
        page_heading("More"),
        rx.vstack(
            *[_entry(r, label, icon, LINES.get(r, "")) for r, label, icon in rest],
            spacing="2",
            width="100%",
            max_width="560px",
        ),
        width="100%",
    )
