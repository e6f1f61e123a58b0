"""The ritual form: blank for planning a new ritual, pre-filled (with Cancel) for changing one.

Both send the same fields, read by ``read_ritual_form``. Ids start with ``prefix`` ("ritual" for the new one,
"ritual-edit" for an edit), so the two can be on the page at once.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventType

from couple_dash.components.commitment_form import WEEKDAY_NAMES, label
from couple_dash.components.forms import error_callout
from couple_dash.domain.recurrence import MAX_INTERVAL_WEEKS, MAX_MONTH_DAY, RecurrenceKind
from couple_dash.state.ritual_edit import RitualFormValues

RECURRENCE_CHOICES = (
    (RecurrenceKind.WEEKLY, "Weekly, on chosen days"),
    (RecurrenceKind.MONTHLY, "Monthly, on a day"),
    (RecurrenceKind.ONCE, "Just once"),
)
PLANNER_CHOICES = (("alternate", "We take turns"), ("me", "I do"), ("partner", "My partner does"))


def ritual_form(
    *,
    prefix: str,
    heading: str | rx.Var[str],
    recurrence: rx.Var[str],
    on_recurrence: EventType[Any],
    on_submit: EventType[Any],
    error: rx.Var[str],
    key: rx.Var[str],
    submit_label: str,
    values: Any | None = None,
    on_cancel: EventType[Any] | None = None,
    note: rx.Var[str] | None = None,
) -> rx.Component:
    """``values`` (a ``RitualFormValues`` var) pre-fills the fields; they remount whenever ``key`` changes.

    Without it the fields start blank, as a new ``RitualFormValues()`` has them.
    """
    blank = RitualFormValues()

    def start(name: str) -> Any:
        return getattr(values if values is not None else blank, name)

    def day_ticked(i: int) -> Any:
        return values.weekdays.contains(i) if values is not None else False

    field_id = f"{prefix}-{{}}".format

    def cell(text: str | rx.Var[str], field: str, name: str, key_letter: str, **input_props: Any) -> rx.Component:
        """A labelled one-line input, starting from ``values``' field ``name``."""
        return rx.vstack(
            label(text, field_id(field)),
            rx.input(
                width="100%",
                id=field_id(field),
                name=name,
                size="3",
                default_value=start(name),
                key=key_letter + key,
                **input_props,
            ),
            spacing="1",
            width="100%",
        )

    return rx.form(
        rx.vstack(
            rx.heading(heading, as_="h2", size="5"),
            rx.cond(note != "", rx.text(note, size="2", color_scheme="gray"), rx.fragment())
            if note is not None
            else rx.fragment(),
            label("What is it?", field_id("title")),
            rx.input(
                width="100%",
                id=field_id("title"),
                name="title",
                placeholder="Date night",
                max_length=80,
                size="3",
                default_value=start("title"),
                key="t" + key,
                auto_focus=values is not None,  # an edit replaces the button that opened it: keep the focus
            ),
            label("A few words (optional)", field_id("description")),
            rx.text_area(
                width="100%",
                id=field_id("description"),
                name="description",
                max_length=500,
                rows="2",
                size="3",
                default_value=start("description"),
                key="d" + key,
                placeholder="Phones away, something new each time.",
            ),
            label("How often?", field_id("recurrence")),
            rx.el.select(
                *[rx.el.option(text, value=k.value) for k, text in RECURRENCE_CHOICES],
                id=field_id("recurrence"),
                name="recurrence",
                value=recurrence,
                on_change=on_recurrence,
                class_name="cd-select",
            ),
            rx.cond(
                recurrence == RecurrenceKind.WEEKLY.value,
                rx.vstack(
                    rx.el.fieldset(
                        rx.el.legend("On", class_name="cd-label"),
                        rx.hstack(
                            *[
                                rx.el.label(
                                    rx.el.input(
                                        type="checkbox",
                                        name=f"ritual-day-{i}",
                                        id=field_id(f"day-{i}"),
                                        default_checked=day_ticked(i),
                                        key=f"w{i}" + key,
                                    ),
                                    name,
                                    class_name="cd-check",
                                )
                                for i, name in enumerate(WEEKDAY_NAMES)
                            ],
                            wrap="wrap",
                            spacing="3",
                        ),
                        class_name="cd-fieldset",
                    ),
                    label("Every", field_id("interval")),
                    rx.el.select(
                        *[
                            rx.el.option("week" if n == 1 else f"{n} weeks", value=str(n))
                            for n in range(1, MAX_INTERVAL_WEEKS + 1)
                        ],
                        id=field_id("interval"),
                        name="interval_weeks",
                        default_value=start("interval_weeks"),
                        key="i" + key,
                        class_name="cd-select",
                    ),
                    spacing="2",
                    width="100%",
                ),
                rx.fragment(),
            ),
            rx.cond(
                recurrence == RecurrenceKind.MONTHLY.value,
                cell(
                    "Day of the month",
                    "month-day",
                    "month_day",
                    "m",
                    type="number",
                    min="1",
                    max=str(MAX_MONTH_DAY),
                ),
                rx.fragment(),
            ),
            rx.grid(
                cell(rx.cond(recurrence == "once", "On", "Starting"), "start", "start", "s", type="date"),
                cell("At", "time", "time", "h", type="time"),
                cell("Minutes", "duration", "duration_minutes", "l", type="number", min="5", max="1440"),
                columns=rx.breakpoints(initial="1", sm="3", lg="1", xl="3"),
                spacing="3",
                width="100%",
            ),
            label("Who plans it?", field_id("planner")),
            rx.el.select(
                *[rx.el.option(text, value=value) for value, text in PLANNER_CHOICES],
                id=field_id("planner"),
                name="planner_mode",
                default_value=start("planner_mode"),
                key="p" + key,
                class_name="cd-select",
            ),
            error_callout(error, id_=field_id("error")),
            rx.hstack(
                rx.button(submit_label, type="submit", size="3", id=field_id("save"), class_name="cd-tap"),
                rx.button(
                    "Cancel",
                    type="button",
                    size="3",
                    variant="soft",
                    color_scheme="gray",
                    on_click=on_cancel,
                    id=field_id("cancel"),
                    class_name="cd-tap",
                )
                if on_cancel is not None
                else rx.fragment(),
                spacing="3",
                wrap="wrap",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=on_submit,
        aria_label=heading,
        id=f"{prefix}-form",
        class_name="cd-ritual-form",
        width="100%",
    )
