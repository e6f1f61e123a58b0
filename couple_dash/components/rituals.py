"""Pieces of the Rituals page: one ritual (ideas, coming and recent occurrences) and the month at a glance."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.calendar_export import download_button
from couple_dash.components.empty import empty_state
from couple_dash.components.ritual_form import ritual_form
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.ritual_edit import RitualEditState
from couple_dash.state.rituals import RitualsState

WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def person(user_id: Any) -> rx.Component:
    return rx.cond(
        user_id == AuthState.user_id,
        rx.text.span("you"),
        rx.foreach(CoupleState.members, lambda m: rx.cond(m.user_id == user_id, rx.text.span(m.name), rx.fragment())),
    )


def _done_form() -> rx.Component:
    return rx.form(
        rx.el.label(
            "What did you enjoy? (optional, shared with your partner)",
            html_for="ritual-reflection",
            class_name="cd-label",
        ),
        rx.hstack(
            rx.input(id="ritual-reflection", name="reflection", max_length=500, size="2", flex="1"),
            rx.button("Save", type="submit", size="2", id="ritual-done-save"),
            rx.button(
                "Cancel",
                type="button",
                size="2",
                variant="soft",
                color_scheme="gray",
                on_click=RitualsState.close_editor,
            ),
            width="100%",
        ),
        on_submit=RitualsState.save_done,
        width="100%",
    )


def _move_form() -> rx.Component:
    return rx.form(
        rx.text("Move this one to (your time zone):", class_name="cd-label"),
        rx.hstack(
            rx.input(type="date", name="move_day", id="ritual-move-day", size="2", aria_label="New day"),
            rx.input(type="time", name="move_time", id="ritual-move-time", size="2", aria_label="New time"),
            rx.button("Move", type="submit", size="2", id="ritual-move-save"),
            rx.button(
                "Cancel",
                type="button",
                size="2",
                variant="soft",
                color_scheme="gray",
                on_click=RitualsState.close_editor,
            ),
            wrap="wrap",
        ),
        on_submit=RitualsState.save_move,
        width="100%",
    )


def occurrence_row(o: Any) -> rx.Component:
    key = o.ritual_id.to_string() + "|" + o.day
    planned = (o.status == "planned") | (o.status == "moved")
    return rx.vstack(
        rx.hstack(
            rx.text(o.label, weight="medium", size="2"),
            rx.badge(
                o.status_label,
                size="1",
                variant="soft",
                color_scheme=rx.match(o.status, ("done", "grass"), ("missed", "gray"), ("moved", "amber"), "iris"),
            ),
            rx.text("Planned by ", person(o.planner_id), size="1", color_scheme="gray"),
            rx.cond(
                o.confirmed_by.length() > 0,
                rx.text(
                    rx.cond(
                        o.confirmed_by.length() == 2,
                        "You're both in",
                        rx.text.span(person(o.confirmed_by[0]), " confirmed"),
                    ),
                    size="1",
                    color="var(--grass-11)",
                ),
                rx.fragment(),
            ),
            align="center",
            wrap="wrap",
            spacing="2",
        ),
        rx.cond(o.reflection != "", rx.text("“", o.reflection, "”", size="2", color_scheme="gray"), rx.fragment()),
        rx.hstack(
            rx.cond(
                planned & ~o.confirmed_by.contains(AuthState.user_id),
                rx.button("I'll be there", size="1", variant="soft", on_click=RitualsState.confirm(o.ritual_id, o.day)),
                rx.fragment(),
            ),
            rx.cond(
                o.status != "done",
                rx.button(
                    "We did it",
                    size="1",
                    variant="soft",
                    color_scheme="grass",
                    on_click=RitualsState.open_editor(key, "done"),
                ),
                rx.fragment(),
            ),
            rx.cond(
                planned,
                rx.button(
                    "Move",
                    size="1",
                    variant="soft",
                    color_scheme="amber",
                    on_click=RitualsState.open_editor(key, "move"),
                ),
                rx.fragment(),
            ),
            rx.cond(
                o.status != "missed",
                rx.button(
                    "Missed",
                    size="1",
                    variant="ghost",
                    color_scheme="gray",
                    on_click=RitualsState.missed(o.ritual_id, o.day),
                ),
                rx.fragment(),
            ),
            spacing="2",
            wrap="wrap",
        ),
        rx.cond(
            RitualsState.editing == key,
            rx.cond(RitualsState.editing_mode == "done", _done_form(), _move_form()),
            rx.fragment(),
        ),
        spacing="1",
        width="100%",
        class_name="cd-card-row",
        data_testid="occurrence",
        data_day=o.day,
    )


def _ideas(ritual: Any) -> rx.Component:
    return rx.vstack(
        rx.text("Ideas", weight="bold", size="2"),
        rx.foreach(
            ritual.ideas,
            lambda idea: rx.hstack(
                rx.text("• ", idea.text, size="2", flex="1"),
                rx.button(
                    "Done with it",
                    size="1",
                    variant="ghost",
                    color_scheme="gray",
                    on_click=RitualsState.remove_idea(idea.id),
                    aria_label="Done with it: " + idea.text,
                ),
                align="center",
                width="100%",
                data_testid="idea",
            ),
        ),
        rx.form(
            rx.el.input(type="hidden", name="ritual_id", value=ritual.id.to_string()),
            rx.hstack(
                rx.input(
                    name="idea",
                    id="idea-" + ritual.id.to_string(),
                    placeholder="Try the new Thai place",
                    max_length=200,
                    size="2",
                    flex="1",
                    aria_label="A new idea",
                ),
                rx.button("Add idea", type="submit", size="2", variant="soft"),
                width="100%",
            ),
            on_submit=RitualsState.add_idea,
            width="100%",
        ),
        spacing="2",
        width="100%",
    )


def _edit_form(ritual: Any) -> rx.Component:
    return ritual_form(
        prefix="ritual-edit",
        heading="Change “" + ritual.title + "”",
        recurrence=RitualEditState.recurrence,
        on_recurrence=RitualEditState.set_recurrence,
        on_submit=RitualEditState.save,
        error=RitualEditState.error,
        key=RitualEditState.opened.to_string(),
        submit_label="Save changes",
        values=RitualEditState.values,
        on_cancel=RitualEditState.cancel,
        note=RitualEditState.zone_note,
    )


def ritual_card(ritual: Any) -> rx.Component:
    """A ritual with what's coming and its ideas; in its place, the edit form while this tab edits it."""
    return rx.card(
        rx.cond(RitualEditState.ritual_id == ritual.id, _edit_form(ritual), _ritual_body(ritual)),
        size="3",
        data_testid="ritual",
        data_version=ritual.version.to_string(),
    )


def _ritual_body(ritual: Any) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(ritual.title, as_="h3", size="4"),
            rx.cond(ritual.kind == "check_in", rx.badge("Check-in", size="1"), rx.fragment()),
            rx.spacer(),
            rx.hstack(
                download_button(ritual.id),
                # The check-in's day and time are set on the Check-in page; it is never stopped.
                rx.cond(
                    ritual.kind != "check_in",
                    rx.fragment(
                        rx.button(
                            rx.icon("pencil", size=14, aria_hidden="true"),
                            "Edit",
                            size="1",
                            variant="soft",
                            on_click=RitualEditState.start(ritual.id),
                            id="ritual-edit-" + ritual.id.to_string(),
                            aria_label="Edit " + ritual.title,
                        ),
                        rx.button(
                            "Stop",
                            size="1",
                            variant="ghost",
                            color_scheme="gray",
                            on_click=RitualsState.archive(ritual.id),
                            aria_label="Stop this ritual",
                        ),
                    ),
                    rx.fragment(),
                ),
                spacing="2",
                align="center",
                class_name="cd-ritual-actions",
            ),
            align="center",
            wrap="wrap",
            width="100%",
        ),
        rx.text(
            ritual.schedule_label,
            " · ",
            ritual.duration_minutes.to_string(),
            " min · ",
            ritual.planner_label,
            size="2",
            color_scheme="gray",
        ),
        rx.cond(ritual.description != "", rx.text(ritual.description, size="2"), rx.fragment()),
        rx.text("Coming up", weight="bold", size="2"),
        rx.foreach(ritual.coming, occurrence_row),
        rx.cond(
            ritual.recent.length() > 0,
            rx.el.details(
                rx.el.summary("Recent ones"),
                rx.vstack(rx.foreach(ritual.recent, occurrence_row), spacing="2", padding_top="0.5em"),
                class_name="cd-summary",
            ),
            rx.fragment(),
        ),
        _ideas(ritual),
        spacing="3",
        width="100%",
    )


def month_view() -> rx.Component:
    def cell(c: Any) -> rx.Component:
        return rx.box(
            rx.cond(c.day > 0, rx.text(c.day.to_string(), size="1", weight="bold"), rx.fragment()),
            rx.foreach(c.events, lambda item: rx.text.span(item, class_name="cd-month-item", title=item)),
            class_name=rx.cond(
                c.day == 0,
                "cd-month-cell cd-month-pad",
                rx.cond(c.today, "cd-month-cell cd-month-today", "cd-month-cell"),
            ),
            data_testid=rx.cond(c.day > 0, "month-day", "month-pad"),
            data_day=c.iso,
        )

    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon_button(
                    rx.icon("chevron-left", size=18),
                    on_click=RitualsState.shift_month(-1),
                    variant="soft",
                    aria_label="Previous month",
                ),
                rx.heading(RitualsState.month_title, as_="h2", size="4", id="month-title"),
                rx.icon_button(
                    rx.icon("chevron-right", size=18),
                    on_click=RitualsState.shift_month(1),
                    variant="soft",
                    aria_label="Next month",
                ),
                align="center",
                spacing="3",
            ),
            rx.box(
                *[rx.box(name, class_name="cd-month-head") for name in WEEKDAY_SHORT],
                rx.foreach(RitualsState.weeks, lambda week: rx.foreach(week, cell)),
                class_name="cd-month",
                id="month",
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
    )


def no_rituals() -> rx.Component:
    return empty_state(
        "calendar-heart",
        "No rituals yet",
        "Date nights, a morning coffee, a bedtime routine: plan them together. Each of you can add ideas, "
        "confirm you'll be there, and say what you enjoyed afterwards.",
        id_="rituals-empty",
    )
