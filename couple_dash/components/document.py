"""A ``Document`` (the therapist report) in the app: headings, paragraphs, lists and plain, printable tables."""

from __future__ import annotations

from typing import Any

import reflex as rx


def _cell(value: Any) -> rx.Component:
    return rx.el.td(value)


def _row(row: Any) -> rx.Component:
    return rx.el.tr(rx.foreach(row, _cell))


def _heading_cell(name: Any) -> rx.Component:
    return rx.el.th(name, scope="col")


def _table(table: Any) -> rx.Component:
    return rx.box(
        rx.el.table(
            rx.el.caption(table.caption),
            rx.el.thead(rx.el.tr(rx.foreach(table.columns, _heading_cell))),
            rx.el.tbody(rx.foreach(table.rows, _row)),
            class_name="cd-doc-table",
        ),
        class_name="cd-doc-table-wrap",
        tab_index=0,
        role="region",
        aria_label=table.caption,
    )


def _paragraph(text: Any) -> rx.Component:
    return rx.text(text, size="2")


def _bullet(text: Any) -> rx.Component:
    return rx.el.li(text)


def _section(section: Any) -> rx.Component:
    return rx.el.section(
        rx.heading(section.title, as_="h2", size="5"),
        rx.foreach(section.paragraphs, _paragraph),
        rx.el.ul(rx.foreach(section.bullets, _bullet)),
        rx.foreach(section.tables, _table),
        id="report-" + section.key.to(str),
        class_name="cd-doc-section",
    )


def _line(text: Any) -> rx.Component:
    return rx.text(text, size="2", color_scheme="gray")


def document_view(document: Any, id_: str) -> rx.Component:
    return rx.box(
        rx.heading(document.title, as_="h2", size="6"),
        rx.foreach(document.lines, _line),
        rx.foreach(document.sections, _section),
        id=id_,
        class_name="cd-doc",
    )
