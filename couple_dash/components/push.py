"""Settings card: reminders as phone/desktop notifications (Web Push), per device, always the person's choice."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.components.forms import error_callout, notice_callout
from couple_dash.state.push import PushState

STATUS = {
    "unknown": "Checking this browser…",
    "unsupported": "This browser can't show notifications from a web app. On an iPhone, add Couple Dash to the "
    "home screen first (Share → Add to Home Screen), then open it from there.",
    "blocked": "Notifications are blocked for this site in the browser's settings.",
    "off": "Off on this device. Reminders still arrive in the bell.",
    "on": "On for this device.",
}


def _status() -> rx.Component:
    return rx.match(
        PushState.browser,
        *[(key, rx.text(text, size="2", id="push-status")) for key, text in STATUS.items()],
        rx.text(STATUS["unknown"], size="2", id="push-status"),
    )


def _device(device: Any) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(device.device, size="2"),
            rx.text(
                "Since ",
                device.since,
                rx.cond(device.discreet, " · words hidden", ""),
                size="1",
                color_scheme="gray",
            ),
            spacing="0",
        ),
        rx.spacer(),
        rx.button(
            "Remove",
            variant="ghost",
            size="2",
            on_click=PushState.forget_device(device.id),
            aria_label="Remove " + device.device + " (stop its notifications)",
            class_name="cd-touch",
        ),
        align="center",
        width="100%",
        data_testid="push-device",
    )


def _controls() -> rx.Component:
    return rx.vstack(
        _status(),
        rx.hstack(
            rx.cond(
                PushState.browser == "on",
                rx.fragment(
                    rx.button("Turn off here", on_click=PushState.turn_off, variant="soft", size="3", id="push-off"),
                    rx.button("Send a test", on_click=PushState.send_test, variant="outline", size="3", id="push-test"),
                ),
                rx.cond(
                    (PushState.browser == "off") | (PushState.browser == "blocked"),
                    rx.button("Turn on for this device", on_click=PushState.turn_on, size="3", id="push-on"),
                    rx.fragment(),
                ),
            ),
            wrap="wrap",
            spacing="3",
        ),
        rx.el.label(
            rx.el.input(
                type="checkbox",
                id="push-discreet",
                checked=PushState.discreet,
                on_change=PushState.set_discreet,
            ),
            rx.vstack(
                rx.text("Hide the words on the lock screen", size="2"),
                rx.text(
                    "Shows only “You have a new reminder”, for when others can see your screen.",
                    size="1",
                    color_scheme="gray",
                ),
                spacing="0",
            ),
            class_name="cd-check",
        ),
        error_callout(PushState.error, id_="push-error"),
        notice_callout(PushState.notice, id_="push-notice"),
        rx.cond(
            PushState.devices.length() > 0,
            rx.vstack(
                rx.text("Devices with notifications on", size="2", weight="bold"),
                rx.foreach(PushState.devices, _device),
                spacing="2",
                width="100%",
                id="push-devices",
            ),
            rx.fragment(),
        ),
        spacing="3",
        width="100%",
    )


def push_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Notifications on your devices", as_="h2", size="5"),
            rx.text(
                "Get the reminders you chose above on this phone or computer, even when Couple Dash is closed. "
                "Each device is switched on separately, and only by you.",
                size="2",
                color_scheme="gray",
            ),
            rx.cond(
                PushState.available,
                _controls(),
                rx.text(
                    "Not set up on this server yet, so reminders arrive in the bell only. "
                    "(For whoever runs it: set COUPLE_DASH_VAPID_PUBLIC_KEY and COUPLE_DASH_VAPID_PRIVATE_KEY; "
                    "see the README.)",
                    size="2",
                    id="push-status",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="push",
    )
