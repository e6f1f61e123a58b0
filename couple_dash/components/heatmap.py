"""A GitHub-style calendar: rows are weekdays (Monday first), columns are weeks, the newest on the right."""

from __future__ import annotations

from typing import Any

import reflex as rx


def heat_grid(rows: Any, id_: str | None = None) -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.foreach(
                rows,
                lambda row: rx.hstack(
                    rx.foreach(
                        row,
                        lambda cell: rx.box(
                            class_name="cd-heat-cell cd-heat-" + cell.level.to_string() + " cd-heat-" + cell.status,
                            title=cell.label,
                            aria_label=cell.label,
                            role=rx.cond(cell.day != "", "img", "presentation"),
                            data_day=cell.day,
                            data_status=cell.status,
                        ),
                    ),
                    spacing="1",
                ),
            ),
            spacing="1",
        ),
        class_name="cd-heat-scroll",
        id=id_,
    )


def heat_legend() -> rx.Component:
    return rx.hstack(
        *[
            rx.hstack(
                rx.box(class_name=f"cd-heat-cell {css}", aria_hidden="true"),
                rx.text(label, size="1"),
                spacing="1",
                align="center",
            )
            for css, label in (
                ("cd-heat-4", "done"),
                ("cd-heat-2", "partly done"),
                ("cd-heat-missed", "missed"),
                ("cd-heat-paused", "paused"),
                ("cd-heat-not_due", "not due"),
            )
        ],
        spacing="3",
        align="center",
        wrap="wrap",
    )
