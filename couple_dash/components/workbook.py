"""The forgiveness workbook (REACH): the five steps, where the author is, one step's guidance and journal."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout
from couple_dash.components.inline_editor import inline_editor
from couple_dash.components.private_space import confirm_button, share_toggle, shared_badge
from couple_dash.domain.workbook import INTRODUCTION, MAX_ENTRY_LENGTH
from couple_dash.state.workbook import WorkbookState


def _step_button(step: Any) -> rx.Component:  # a StepProgress var inside rx.foreach
    is_open = WorkbookState.open_step == step.step
    return rx.button(
        rx.box(step.number.to_string(), class_name="cd-step-number"),
        rx.vstack(
            rx.text(step.title, size="2", weight="medium"),
            rx.text(
                step.status_label,
                rx.cond(step.entry_count > 0, rx.text.span(" · ", step.entry_count.to_string(), " written"), ""),
                size="1",
                color_scheme="gray",
            ),
            spacing="0",
            align="start",
        ),
        rx.cond(step.status == "done", rx.icon("circle-check", size=18, color="var(--grass-9)"), rx.fragment()),
        on_click=WorkbookState.open(step.step),
        variant=rx.cond(is_open, "soft", "outline"),
        color_scheme=rx.cond(is_open, "iris", "gray"),
        size="3",
        class_name="cd-step-button",
        aria_pressed=rx.cond(is_open, "true", "false"),
        data_testid="workbook-step",
        data_step=step.step,
        data_status=step.status,
    )


def _entry(entry: Any) -> rx.Component:
    return rx.cond(
        entry.step == WorkbookState.open_step,
        rx.box(
            rx.cond(
                WorkbookState.editing_id == entry.id,
                inline_editor(
                    WorkbookState,
                    "Edit entry",
                    text_id="workbook-edit-text",
                    ids="workbook-edit",
                    max_length=MAX_ENTRY_LENGTH,
                    rows="5",
                ),
                rx.vstack(
                    rx.text(entry.text, size="3", class_name="cd-agenda-text", data_testid="workbook-entry-text"),
                    rx.hstack(
                        shared_badge(entry.shared),
                        rx.text(entry.written_label, size="1", color_scheme="gray"),
                        align="center",
                        wrap="wrap",
                        spacing="2",
                    ),
                    rx.flex(
                        rx.button(
                            "Edit",
                            on_click=WorkbookState.start_edit(entry.id),
                            size="1",
                            variant="soft",
                            data_testid="workbook-edit",
                        ),
                        share_toggle(
                            entry.shared,
                            what="entry",
                            share_body="Only this entry, nothing else from your workbook. Your partner will be able to "
                            "read it until you make it private again.",
                            unshare_body="It disappears from your partner's view straight away.",
                            on_share=WorkbookState.share(entry.id),
                            on_unshare=WorkbookState.unshare(entry.id),
                            test_id="workbook",
                        ),
                        confirm_button(
                            "Delete",
                            title="Delete this entry?",
                            body="It will be gone for good.",
                            confirm="Delete",
                            on_confirm=WorkbookState.delete(entry.id),
                            test_id="workbook-delete",
                            color="red",
                            variant="ghost",
                            keep="Keep it",
                        ),
                        spacing="2",
                        wrap="wrap",
                        align="center",
                    ),
                    spacing="2",
                    width="100%",
                ),
            ),
            class_name="cd-agenda-item",
            data_testid="workbook-entry",
            data_shared=rx.cond(entry.shared, "yes", "no"),
        ),
        rx.fragment(),
    )


def _open_step() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(WorkbookState.open_title, as_="h3", size="5", id="workbook-step-title"),
                rx.cond(WorkbookState.open_done, rx.badge("Done", color_scheme="grass"), rx.fragment()),
                align="center",
                wrap="wrap",
                spacing="2",
            ),
            rx.text(WorkbookState.open_guidance, size="3", id="workbook-guidance"),
            rx.vstack(rx.foreach(WorkbookState.entries, _entry), spacing="2", width="100%", id="workbook-entries"),
            rx.form(
                rx.vstack(
                    rx.el.label("Write for yourself", html_for="workbook-text", class_name="cd-label"),
                    rx.text_area(
                        id="workbook-text",
                        name="text",
                        placeholder=WorkbookState.open_prompt,
                        max_length=MAX_ENTRY_LENGTH,
                        rows="5",
                        size="3",
                        width="100%",
                        key=WorkbookState.open_step + WorkbookState.added.to_string(),
                    ),
                    error_callout(WorkbookState.add_error, id_="workbook-error"),
                    rx.button(rx.icon("lock", size=16), "Save entry", type="submit", size="3", id="workbook-save"),
                    spacing="2",
                    width="100%",
                ),
                on_submit=WorkbookState.add,
                aria_label="Write a workbook entry",
                width="100%",
            ),
            rx.divider(),
            rx.cond(
                WorkbookState.open_done,
                rx.flex(
                    rx.text("You marked this step as done.", size="2", color_scheme="gray"),
                    rx.button(
                        "Reopen this step", on_click=WorkbookState.reopen, size="2", variant="soft", id="step-reopen"
                    ),
                    align="center",
                    spacing="3",
                    wrap="wrap",
                ),
                rx.flex(
                    rx.text("When it feels finished for now, and only then:", size="2", color_scheme="gray"),
                    rx.button(
                        rx.icon("check", size=16),
                        "Mark this step as done",
                        on_click=WorkbookState.mark_done,
                        size="2",
                        variant="soft",
                        color_scheme="grass",
                        id="step-done",
                    ),
                    align="center",
                    spacing="3",
                    wrap="wrap",
                ),
            ),
            spacing="4",
            width="100%",
        ),
        size="3",
        width="100%",
        id="workbook-open-step",
    )


def workbook_panel() -> rx.Component:
    return rx.vstack(
        rx.callout(INTRODUCTION, icon="heart-handshake", color_scheme="gray", variant="surface", width="100%"),
        rx.text(WorkbookState.summary, size="2", color_scheme="gray", id="workbook-summary"),
        rx.grid(
            rx.vstack(
                rx.foreach(WorkbookState.steps, _step_button),
                spacing="2",
                width="100%",
                role="group",
                aria_label="The five steps",
                id="workbook-steps",
            ),
            _open_step(),
            columns=rx.breakpoints(initial="1", md="minmax(220px, 1fr) 3fr"),
            spacing="4",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )
