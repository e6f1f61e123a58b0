"""Rituals: plan small, repeated moments together, see the month, and live each occurrence."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.calendar_export import calendar_card
from couple_dash.components.commitment_form import WEEKDAY_NAMES, label
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.components.rituals import month_view, no_rituals, ritual_card
from couple_dash.domain.recurrence import MAX_INTERVAL_WEEKS, MAX_MONTH_DAY, RecurrenceKind
from couple_dash.state.couple import CoupleState
from couple_dash.state.rituals import RitualsState

RECURRENCE_CHOICES = (
    (RecurrenceKind.WEEKLY, "Weekly, on chosen days"),
    (RecurrenceKind.MONTHLY, "Monthly, on a day"),
    (RecurrenceKind.ONCE, "Just once"),
)
PLANNER_CHOICES = (("alternate", "We take turns"), ("me", "I do"), ("partner", "My partner does"))


def _create_form() -> rx.Component:
    kind = RitualsState.recurrence
    key = RitualsState.created.to_string()
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Plan a ritual", as_="h2", size="5"),
                label("What is it?", "ritual-title"),
                rx.input(
                    id="ritual-title", name="title", placeholder="Date night", max_length=80, size="3", key="t" + key
                ),
                label("A few words (optional)", "ritual-description"),
                rx.text_area(
                    id="ritual-description",
                    name="description",
                    max_length=500,
                    rows="2",
                    size="3",
                    key="d" + key,
                    placeholder="Phones away, something new each time.",
                ),
                label("How often?", "ritual-recurrence"),
                rx.el.select(
                    *[rx.el.option(text, value=k.value) for k, text in RECURRENCE_CHOICES],
                    id="ritual-recurrence",
                    name="recurrence",
                    value=kind,
                    on_change=RitualsState.set_recurrence,
                    class_name="cd-select",
                ),
                rx.cond(
                    kind == RecurrenceKind.WEEKLY.value,
                    rx.vstack(
                        rx.el.fieldset(
                            rx.el.legend("On", class_name="cd-label"),
                            rx.hstack(
                                *[
                                    rx.el.label(
                                        rx.el.input(
                                            type="checkbox",
                                            name=f"ritual-day-{i}",
                                            id=f"ritual-day-{i}",
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
                        label("Every", "ritual-interval"),
                        rx.el.select(
                            *[
                                rx.el.option("week" if n == 1 else f"{n} weeks", value=str(n))
                                for n in range(1, MAX_INTERVAL_WEEKS + 1)
                            ],
                            id="ritual-interval",
                            name="interval_weeks",
                            class_name="cd-select",
                        ),
                        spacing="2",
                        width="100%",
                    ),
                    rx.fragment(),
                ),
                rx.cond(
                    kind == RecurrenceKind.MONTHLY.value,
                    rx.vstack(
                        label("Day of the month", "ritual-month-day"),
                        rx.input(
                            id="ritual-month-day",
                            name="month_day",
                            type="number",
                            min="1",
                            max=str(MAX_MONTH_DAY),
                            default_value="1",
                            size="3",
                        ),
                        spacing="1",
                    ),
                    rx.fragment(),
                ),
                rx.grid(
                    rx.vstack(
                        label(rx.cond(kind == "once", "On", "Starting"), "ritual-start"),
                        rx.input(id="ritual-start", name="start", type="date", size="3"),
                        spacing="1",
                    ),
                    rx.vstack(
                        label("At", "ritual-time"),
                        rx.input(id="ritual-time", name="time", type="time", default_value="19:00", size="3"),
                        spacing="1",
                    ),
                    rx.vstack(
                        label("Minutes", "ritual-duration"),
                        rx.input(
                            id="ritual-duration",
                            name="duration_minutes",
                            type="number",
                            min="5",
                            max="1440",
                            default_value="90",
                            size="3",
                        ),
                        spacing="1",
                    ),
                    columns=rx.breakpoints(initial="1", sm="3", lg="1", xl="3"),
                    spacing="3",
                    width="100%",
                ),
                label("Who plans it?", "ritual-planner"),
                rx.el.select(
                    *[rx.el.option(text, value=value) for value, text in PLANNER_CHOICES],
                    id="ritual-planner",
                    name="planner_mode",
                    class_name="cd-select",
                ),
                error_callout(RitualsState.error, id_="ritual-error"),
                rx.button("Save ritual", type="submit", size="3", id="ritual-save"),
                spacing="2",
                width="100%",
            ),
            on_submit=RitualsState.create,
            aria_label="Plan a ritual",
        ),
        size="3",
    )


@app_page(routes.RITUALS, "Rituals")
def rituals_page() -> rx.Component:
    return rx.vstack(
        page_heading("Rituals", "Small, repeated moments together, planned by both of you."),
        remount_on_change(CoupleState.rituals_signature, RitualsState.load_month),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                rx.vstack(_create_form(), month_view(), calendar_card(), spacing="4", width="100%"),
                rx.vstack(
                    rx.cond(
                        CoupleState.rituals.length() > 0,
                        rx.vstack(
                            rx.foreach(CoupleState.rituals, ritual_card), spacing="4", width="100%", id="ritual-list"
                        ),
                        no_rituals(),
                    ),
                    spacing="4",
                    width="100%",
                ),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "Rituals are for two",
                "Invite your partner first; then you'll plan them together.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
