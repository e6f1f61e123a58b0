"""The notification bell (header) and the reminder settings card (Settings)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.a11y import visually_hidden
from couple_dash.components.forms import error_callout, notice_callout
from couple_dash.components.live import remount_on_change
from couple_dash.services.reminder_settings import LEAD_CHOICES
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.notifications import NotificationState, ReminderSettingsState


def _my_unread() -> rx.Component:
    return rx.foreach(
        CoupleState.unread,
        lambda u: rx.cond(
            (u.user_id == AuthState.user_id) & (u.count > 0),
            rx.fragment(
                rx.text.span(u.count.to_string(), class_name="cd-bell-count", id="bell-count"),
                visually_hidden(" unread"),
            ),
            rx.fragment(),
        ),
    )


def _item(item: Any) -> rx.Component:
    return rx.link(
        rx.vstack(
            rx.text(item.title, weight=rx.cond(item.unread, "bold", "regular"), size="2"),
            rx.cond(item.body != "", rx.text(item.body, size="1", color_scheme="gray"), rx.fragment()),
            rx.text(item.when, size="1", color_scheme="gray"),
            spacing="0",
        ),
        href=item.link,
        underline="none",
        color="inherit",
        class_name="cd-notification",
        data_testid="notification",
    )


def bell() -> rx.Component:
    """Reminders for the signed-in person only; the list re-reads itself as soon as one arrives."""
    return rx.popover.root(
        rx.popover.trigger(
            rx.button(
                # Named by its contents, so the visible count is part of the name: "Notifications 2 unread".
                rx.icon("bell", size=18, aria_hidden="true"),
                visually_hidden("Notifications "),
                _my_unread(),
                variant="ghost",
                size="2",
                id="bell",
                class_name="cd-bell",
            )
        ),
        rx.popover.content(
            remount_on_change(CoupleState.unread_signature, NotificationState.load),
            rx.vstack(
                rx.hstack(
                    rx.heading("Reminders", size="3", as_="h2", id="bell-heading"),
                    rx.spacer(),
                    rx.button(
                        "Mark all read",
                        size="1",
                        variant="ghost",
                        on_click=NotificationState.mark_all_read,
                        id="bell-read",
                    ),
                    width="100%",
                    align="center",
                ),
                rx.cond(
                    NotificationState.items.length() > 0,
                    rx.vstack(rx.foreach(NotificationState.items, _item), spacing="2", width="100%"),
                    rx.text(
                        "Nothing yet. Reminders for rituals, the check-in and your commitments arrive here.",
                        size="2",
                        color_scheme="gray",
                    ),
                ),
                spacing="3",
                width="100%",
            ),
            width="min(92vw, 360px)",
            id="bell-panel",
            aria_labelledby="bell-heading",
        ),
    )


def _toggle(name: str, label: str, hint: str = "") -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name=name,
            id=f"reminder-{name}",
            default_checked=ReminderSettingsState.values[name].to(bool),
            key=f"{name}-" + ReminderSettingsState.values[name].to_string(),
        ),
        rx.vstack(
            rx.text(label, size="2"),
            rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
            spacing="0",
        ),
        class_name="cd-check",
    )


def _lead(name: str, label: str) -> rx.Component:
    options = [
        (m, f"{m} minutes" if m < 60 else ("1 day" if m == 1440 else f"{m // 60} hour{'s' if m > 60 else ''}"))
        for m in LEAD_CHOICES
    ]
    return rx.hstack(
        rx.el.label(label, html_for=f"reminder-{name}", class_name="cd-label"),
        rx.el.select(
            *[rx.el.option(text, value=str(m)) for m, text in options],
            name=name,
            id=f"reminder-{name}",
            default_value=ReminderSettingsState.values[name].to(str),
            key=f"{name}-" + ReminderSettingsState.values[name].to_string(),
            class_name="cd-select cd-select-inline",
        ),
        align="center",
        spacing="2",
        wrap="wrap",
    )


def _clock(name: str, label: str) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, html_for=f"reminder-{name}", class_name="cd-label"),
        rx.input(
            type="time",
            name=name,
            id=f"reminder-{name}",
            default_value=ReminderSettingsState.values[name].to(str),
            key=f"{name}-" + ReminderSettingsState.values[name].to_string(),
            size="3",
        ),
        spacing="1",
    )


def reminders_card() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Reminders", as_="h2", size="5"),
                rx.text(
                    "Yours alone: your partner chooses their own. Times are in your time zone.",
                    size="2",
                    color_scheme="gray",
                ),
                _toggle("rituals", "Before a ritual"),
                _lead("ritual_lead_minutes", "How early"),
                _toggle("check_in", "Before the weekly check-in"),
                _lead("check_in_lead_minutes", "How early"),
                _toggle(
                    "commitment_windows",
                    "Before a commitment's time",
                    "“You said you'd text by 18:00”, half an hour before, unless it's already ticked.",
                ),
                _toggle(
                    "streak_nudge",
                    "An evening nudge if something is still open",
                    "Off unless you want it. Gentle, at 20:00.",
                ),
                _toggle("weekly_digest", "A short summary of your week", "Sunday at 18:00."),
                _toggle("quiet_enabled", "Quiet hours", "Nothing arrives in these hours; it waits until they end."),
                rx.hstack(_clock("quiet_start", "From"), _clock("quiet_end", "Until"), spacing="3"),
                error_callout(ReminderSettingsState.error, id_="reminders-error"),
                notice_callout(ReminderSettingsState.notice, id_="reminders-notice"),
                rx.button("Save reminders", type="submit", size="3", id="reminders-save"),
                spacing="3",
                width="100%",
            ),
            on_submit=ReminderSettingsState.save,
            aria_label="Reminders",
        ),
        size="3",
        id="reminders",
    )
