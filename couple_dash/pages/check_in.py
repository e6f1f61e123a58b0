"""The check-in page: the live agenda both partners add to during the week, starting the meeting, past ones."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.agenda import agenda_list, kept_for_check_in
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.domain import check_in_time
from couple_dash.domain.agenda import KIND_LABELS, MAX_ITEM_LENGTH, AgendaKind
from couple_dash.domain.meeting import DEFAULT_TURN_SECONDS
from couple_dash.state.auth import AuthState
from couple_dash.state.check_in import CheckInState
from couple_dash.state.couple import CoupleState
from couple_dash.state.followthrough import FollowThroughState


def _add_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Add to this week's agenda", as_="h2", size="4"),
                rx.el.label("Kind of item", html_for="agenda-kind", class_name="cd-label"),
                rx.el.select(
                    *[rx.el.option(KIND_LABELS[k], value=k.value) for k in AgendaKind],
                    id="agenda-kind",
                    name="kind",
                    value=CheckInState.kind,
                    on_change=CheckInState.set_kind,
                    class_name="cd-select",
                ),
                rx.el.label("What would you like to bring?", html_for="agenda-text", class_name="cd-label"),
                rx.text_area(
                    name="text",
                    id="agenda-text",
                    placeholder=CheckInState.prompt,
                    max_length=MAX_ITEM_LENGTH,
                    rows="3",
                    size="3",
                    width="100%",
                ),
                rx.el.label(
                    # Keyed on the number of items added here, so it is unticked again after each one: an item is
                    # kept private by choice, never by a leftover tick.
                    rx.el.input(
                        type="checkbox", name="private", id="agenda-private", key=CheckInState.added.to_string()
                    ),
                    "Keep it private until the check-in starts (only the words are hidden; your partner sees that "
                    "you've added something)",
                    class_name="cd-check",
                ),
                error_callout(CheckInState.add_error, id_="agenda-add-error"),
                rx.button("Add to agenda", type="submit", size="3", id="agenda-add"),
                spacing="2",
                width="100%",
            ),
            on_submit=CheckInState.add,
            aria_label="Add an agenda item",
        ),
        size="3",
    )


WEEKDAY_CHOICES = list(enumerate(check_in_time.WEEKDAYS))
TURN_LABELS = {60: "1 minute", 120: "2 minutes", 180: "3 minutes", 300: "5 minutes", 600: "10 minutes"}


def _meeting_card() -> rx.Component:
    """Start this week's check-in (everyone's screen follows), or join the one that is on."""
    return rx.card(
        rx.cond(
            CoupleState.meeting_open,
            rx.vstack(
                rx.heading("Your check-in is on", as_="h2", size="5"),
                rx.text("Now at: ", CoupleState.meeting.section_title, size="3"),
                rx.link(rx.button("Join the check-in", size="3", id="meeting-join"), href=routes.MEETING),
                spacing="2",
            ),
            rx.form(
                rx.vstack(
                    rx.heading("Ready for this week's check-in?", as_="h2", size="5"),
                    rx.text(
                        "It opens on every screen you both have open: a TV or laptop for the two of you, or each "
                        "on your phone. Private items are revealed when it starts.",
                        size="2",
                        color_scheme="gray",
                    ),
                    rx.cond(
                        CoupleState.schedule_label != "",
                        rx.text("Usually: ", CoupleState.schedule_label, size="2", id="schedule-label"),
                        rx.fragment(),
                    ),
                    rx.el.label("Each speaker's turn lasts", html_for="turn-seconds", class_name="cd-label"),
                    rx.el.select(
                        *[rx.el.option(text, value=str(seconds)) for seconds, text in TURN_LABELS.items()],
                        id="turn-seconds",
                        name="turn_seconds",
                        default_value=str(DEFAULT_TURN_SECONDS),
                        class_name="cd-select",
                    ),
                    rx.button("Start the check-in", type="submit", size="3", id="meeting-start"),
                    spacing="2",
                    width="100%",
                ),
                on_submit=CheckInState.start_meeting,
                aria_label="Start the check-in",
            ),
        ),
        size="3",
        id="meeting-card",
    )


def _schedule_card() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Your regular check-in", as_="h2", size="4"),
                rx.text(
                    rx.cond(
                        CoupleState.schedule_label != "",
                        CoupleState.schedule_label,
                        "Pick a day and time that usually works for both of you.",
                    ),
                    size="2",
                    color_scheme="gray",
                ),
                rx.hstack(
                    rx.vstack(
                        rx.el.label("Day", html_for="schedule-weekday", class_name="cd-label"),
                        rx.el.select(
                            *[rx.el.option(name, value=str(i)) for i, name in WEEKDAY_CHOICES],
                            id="schedule-weekday",
                            name="weekday",
                            default_value=rx.cond(
                                CoupleState.schedule.weekday >= 0, CoupleState.schedule.weekday.to_string(), "6"
                            ),
                            key=CoupleState.schedule.weekday.to_string(),
                            class_name="cd-select",
                        ),
                        spacing="1",
                        flex="1",
                    ),
                    rx.vstack(
                        rx.el.label("Time", html_for="schedule-time", class_name="cd-label"),
                        rx.input(
                            type="time",
                            id="schedule-time",
                            name="time",
                            default_value=CoupleState.schedule_time,
                            key=CoupleState.schedule_time,
                            size="3",
                        ),
                        spacing="1",
                    ),
                    spacing="3",
                    width="100%",
                ),
                error_callout(CheckInState.schedule_error, id_="schedule-error"),
                rx.button("Save the day", type="submit", size="2", variant="soft", id="schedule-save"),
                spacing="2",
                width="100%",
            ),
            on_submit=CheckInState.save_schedule,
            aria_label="Your regular check-in",
        ),
        size="3",
    )


def _summary(summary: Any) -> rx.Component:
    def block(title: str, lines: Any) -> rx.Component:
        return rx.cond(
            lines.length() > 0,
            rx.vstack(
                rx.text(title, weight="bold", size="2"),
                rx.el.ul(rx.foreach(lines, lambda line: rx.el.li(line)), class_name="cd-nudge-list"),
                spacing="1",
            ),
            rx.fragment(),
        )

    return rx.el.details(
        rx.el.summary(summary.date_label, " · ", summary.minutes.to_string(), " min"),
        rx.vstack(
            block("Appreciations", summary.appreciations),
            block("What went well", summary.went_well),
            block("Talked through", summary.talked_through),
            block("Agreements", summary.agreements),
            block("Commitments", summary.commitments),
            block("Rituals planned", summary.rituals),
            rx.text(summary.carried_label, size="2"),
            rx.text(summary.pulse.join(" · "), size="2", color_scheme="gray"),
            spacing="3",
            padding_y="0.5em",
        ),
        class_name="cd-summary",
        data_testid="meeting-summary",
    )


def _history() -> rx.Component:
    return rx.cond(
        CheckInState.summaries.length() > 0,
        rx.vstack(
            rx.heading("Past check-ins", as_="h2", size="4"),
            rx.foreach(CheckInState.summaries, _summary),
            spacing="2",
            width="100%",
            id="history",
        ),
        rx.fragment(),
    )


def _reviews_due() -> rx.Component:
    """Commitments whose review date has come: talked through at the check-in, then marked reviewed."""
    return rx.cond(
        CoupleState.commitments_due_for_review > 0,
        rx.card(
            rx.vstack(
                rx.heading("Commitments due for review", as_="h2", size="4"),
                rx.text(
                    "Is each one still specific, doable and meaningful to both of you? Adjust it or keep going.",
                    size="2",
                    color_scheme="gray",
                ),
                rx.foreach(
                    CoupleState.commitments,
                    lambda c: rx.cond(
                        c.review_due,
                        rx.hstack(
                            rx.link(c.text, href=routes.COMMITMENT + "?id=" + c.id.to_string(), size="2"),
                            rx.text(
                                rx.cond(c.owner_id == AuthState.user_id, "you", c.owner_name),
                                size="1",
                                color_scheme="gray",
                            ),
                            rx.spacer(),
                            rx.button(
                                "We reviewed it",
                                size="1",
                                variant="soft",
                                on_click=FollowThroughState.mark_reviewed(c.id),
                            ),
                            align="center",
                            width="100%",
                            data_testid="review-due",
                        ),
                        rx.fragment(),
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            size="3",
            id="reviews-due",
        ),
        rx.fragment(),
    )


@app_page(routes.CHECK_IN, "Check-in")
def check_in_page() -> rx.Component:
    return rx.vstack(
        page_heading("Weekly check-in", "Both of you add to the agenda during the week; it updates live."),
        # Re-read this tab's private part whenever the agenda or the meeting changes, whoever changed it.
        remount_on_change(
            CoupleState.agenda_signature + "|" + CoupleState.meeting.id.to_string(), CheckInState.load_private
        ),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                rx.vstack(_meeting_card(), _add_form(), _schedule_card(), _reviews_due(), spacing="4", width="100%"),
                rx.vstack(kept_for_check_in(), agenda_list(), _history(), spacing="4", width="100%"),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "The check-in is for two",
                "Invite your partner first; then you'll both add to one shared agenda.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
