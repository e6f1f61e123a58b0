"""This tab's Web Push switch: the browser does the subscribing, the server keeps and uses the subscription."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import reflex as rx

from couple_dash.config import push_settings
from couple_dash.db import session_scope
from couple_dash.services import ServiceError, web_push
from couple_dash.services.web_push import DeviceView
from couple_dash.state.auth import current_viewer

REFUSALS = {
    "blocked": "Notifications are blocked for this site in your browser's settings. Allow them there, then try again.",
    "dismissed": "Nothing changed: the browser's question was closed without an answer.",
    "unsupported": "This browser can't show notifications from a web app. On an iPhone, add Couple Dash to the "
    "home screen first.",
    "failed": "This browser couldn't reach its notification service just now. Try again in a moment.",
}
TEST_TITLE = "Notifications work"
TEST_BODY = "This is how Couple Dash reminders will look on this device."


def in_browser(call: str) -> str:
    """JS running ``window.coupleDashPush.<call>`` once /pwa.js has defined it.

    /pwa.js comes from a head script that can still be loading when a page's first event (``load``) returns.
    """
    return (
        "new Promise(function ready(resolve) { window.coupleDashPush ? resolve(window.coupleDashPush."
        + call
        + ") : setTimeout(function () { ready(resolve); }, 50); })"
    )


class PushState(rx.State):
    available: bool = False  # the server has VAPID keys
    browser: str = "unknown"  # unknown | unsupported | blocked | off | on
    endpoint: str = ""
    discreet: bool = False
    devices: list[DeviceView] = []
    error: str = ""
    notice: str = ""

    def _refresh_devices(self, user_id: int) -> None:
        """The person's devices, and whether this browser is one of them.

        With no subscription here (no endpoint, or one the server doesn't hold) ``discreet`` is the choice made
        in this tab so far, which ``subscribed`` then saves; it is never reset by a lookup that found nothing.
        """
        with session_scope() as session:
            self.devices = web_push.devices(session=session, user_id=user_id)
            row = (
                web_push.is_subscribed(session=session, user_id=user_id, endpoint=self.endpoint)
                if self.endpoint
                else None
            )
        if row is not None:
            self.discreet = row.discreet
        if self.browser in ("on", "off"):
            self.browser = "on" if row is not None else "off"

    @rx.event
    async def load(self):
        viewer = await current_viewer(self)
        self.error = self.notice = ""
        self.available = push_settings().enabled
        if viewer is None or not self.available:
            return None
        self._refresh_devices(viewer.user_id)
        return rx.call_script(in_browser("status()"), callback=PushState.got_status)

    @rx.event
    async def got_status(self, result: dict[str, Any]):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        state = str(result.get("state", "off"))
        self.endpoint = str(result.get("endpoint", ""))
        # A browser subscription counts as "on" only if the server holds it for this person (checked next).
        self.browser = "off" if state == "subscribed" else state
        self._refresh_devices(viewer.user_id)

    @rx.event
    def turn_on(self):
        self.error = self.notice = ""
        key = push_settings().public_key
        return rx.call_script(in_browser(f"subscribe({json.dumps(key)})"), callback=PushState.subscribed)

    @rx.event
    async def subscribed(self, result: dict[str, Any]):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        if result.get("error"):
            self.error = REFUSALS.get(str(result["error"]), REFUSALS["failed"])
            if result["error"] in ("blocked", "unsupported"):
                self.browser = str(result["error"])
            return
        try:
            with session_scope() as session:
                web_push.subscribe(
                    session=session,
                    user_id=viewer.user_id,
                    settings=push_settings(),
                    endpoint=str(result.get("endpoint", "")),
                    p256dh=str(result.get("p256dh", "")),
                    auth=str(result.get("auth", "")),
                    device=str(result.get("device", "")),
                    discreet=self.discreet,
                )
        except ServiceError as refusal:
            self.error = refusal.message
            return
        self.endpoint, self.browser = str(result.get("endpoint", "")), "on"
        self._refresh_devices(viewer.user_id)
        self.notice = "Notifications are on for this device."

    @rx.event
    def turn_off(self):
        self.error = self.notice = ""
        return rx.call_script(in_browser("unsubscribe()"), callback=PushState.unsubscribed)

    @rx.event
    async def unsubscribed(self, result: dict[str, Any]):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        endpoint = str(result.get("endpoint", "")) or self.endpoint
        with session_scope() as session:
            web_push.unsubscribe(session=session, user_id=viewer.user_id, endpoint=endpoint)
        self.endpoint, self.browser = "", "off"
        self._refresh_devices(viewer.user_id)
        self.notice = "Notifications are off for this device. Reminders still arrive in the bell."

    @rx.event
    async def forget_this_device(self):
        """Before signing out here: this browser stops getting the person's reminders."""
        viewer = await current_viewer(self)
        if viewer is None or not self.endpoint:
            return None
        with session_scope() as session:
            web_push.unsubscribe(session=session, user_id=viewer.user_id, endpoint=self.endpoint)
        self.endpoint, self.browser = "", "off"
        return rx.call_script(in_browser("unsubscribe()"))

    @rx.event
    async def set_discreet(self, discreet: bool):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        self.discreet = discreet
        if self.endpoint:
            with session_scope() as session:
                web_push.set_discreet(
                    session=session, user_id=viewer.user_id, endpoint=self.endpoint, discreet=discreet
                )
        self._refresh_devices(viewer.user_id)

    @rx.event
    async def forget_device(self, device_id: int):
        viewer = await current_viewer(self)
        if viewer is None:
            return
        with session_scope() as session:
            web_push.remove_device(session=session, user_id=viewer.user_id, device_id=int(device_id))
        self._refresh_devices(viewer.user_id)

    @rx.event
    async def send_test(self):
        viewer = await current_viewer(self)
        if viewer is None or not self.endpoint:
            return
        self.error = self.notice = ""
        test = web_push.Outgoing(viewer.user_id, TEST_TITLE, TEST_BODY, "/settings", "test")
        endpoint = self.endpoint

        def push() -> int:
            with session_scope() as session:
                return web_push.send(session=session, settings=push_settings(), outgoing=[test], only_endpoint=endpoint)

        sent = await asyncio.to_thread(push)
        if sent:
            self.notice = "Sent. It should appear on this device in a moment."
        else:
            self.error = "The notification service didn't accept it. Turn notifications off and on again here."
        self._refresh_devices(viewer.user_id)
