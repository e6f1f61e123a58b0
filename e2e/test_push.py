"""Web Push in a real Chromium: turning it on per device, a test push and a scheduler reminder reaching the phone.

Only the browser's push service is a stand-in (FCM can't be reached from here): the page's PushManager hands out a
subscription pointing at it, with keys this test holds. Everything else is real: the Settings flow, the server's
VAPID signing and encryption, the scheduler, and the service worker showing the notification (delivered to it
through the DevTools protocol, as the push service would).
"""

from __future__ import annotations

import base64
import json
import time
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from couple_dash.devtools.push_service import BrowserKeys, FakePushService
from e2e.conftest import PHONE, paired_couple, screenshot
from e2e.test_rituals import LOCAL_IN

FAKE_PUSH_MANAGER = """
(() => {
  const sub = %s;
  const stored = () => localStorage.getItem("fake-push") === "on";
  const make = () => ({
    endpoint: sub.endpoint,
    options: { applicationServerKey: null },
    toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
    unsubscribe: async () => { localStorage.removeItem("fake-push"); return true; },
  });
  PushManager.prototype.subscribe = async function (options) {
    const key = new Uint8Array(options.applicationServerKey);
    localStorage.setItem("fake-push-key", btoa(String.fromCharCode(...key)));
    localStorage.setItem("fake-push", "on");
    return make();
  };
  PushManager.prototype.getSubscription = async function () { return stored() ? make() : null; };
})();
"""

NOTIFICATION_TITLES = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.getNotifications()).map((n) => n.title + " | " + n.body);
}"""


def fake_push_manager(context: BrowserContext, endpoint: str, keys: BrowserKeys) -> None:
    sub = {"endpoint": endpoint, "keys": {"p256dh": keys.p256dh, "auth": keys.auth_b64}}
    context.add_init_script(FAKE_PUSH_MANAGER % json.dumps(sub))


def deliver_to_service_worker(page: Page, origin: str, payload: dict[str, Any]) -> None:
    """What the push service does once it has a message: wake the service worker with it."""
    cdp = page.context.new_cdp_session(page)
    registrations: list[str] = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(r["registrationId"] for r in event["registrations"] if not r["isDeleted"]),
    )
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while not registrations and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert registrations, "the service worker never registered"
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": origin, "registrationId": registrations[-1], "data": json.dumps(payload)},
    )


def wait_for_messages(service: FakePushService, name: str, keys: BrowserKeys, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        messages = service.messages_for(name, keys)
        if len(messages) >= count:
            return messages
        time.sleep(0.5)
    raise AssertionError(f"{name} got {len(service.messages_for(name, keys))} pushes, expected {count}")


def test_a_phone_turns_on_notifications_and_gets_a_reminder(
    new_context: Any, base_url: str, push_service: FakePushService, vapid: tuple[str, str]
) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    phone = BrowserKeys()
    sam.set_viewport_size(PHONE)
    sam.context.grant_permissions(["notifications"], origin=base_url)
    fake_push_manager(sam.context, push_service.endpoint("sam-phone"), phone)

    # Sam turns quiet hours off (so this passes at any hour), then notifications on for this phone.
    sam.goto(base_url + "/settings")
    sam.locator("#reminder-quiet_enabled").uncheck()
    sam.locator("#reminders-save").click()
    expect(sam.locator("#reminders-notice")).to_contain_text("Saved")
    expect(sam.locator("#push-status")).to_have_text("Off on this device. Reminders still arrive in the bell.")
    sam.locator("#push-on").click()
    expect(sam.locator("#push-status")).to_have_text("On for this device.")
    expect(sam.get_by_test_id("push-device")).to_have_count(1)
    # The browser was given the server's public key, nothing else.
    assert sam.evaluate("localStorage.getItem('fake-push-key')") == _standard_b64(vapid[0])
    screenshot(sam, "push-settings-phone")

    # A test push: signed and encrypted by the server, shown by the service worker.
    sam.locator("#push-test").click()
    expect(sam.locator("#push-notice")).to_contain_text("Sent")
    (hello,) = wait_for_messages(push_service, "sam-phone", phone, 1)
    assert hello["title"] == "Notifications work"
    deliver_to_service_worker(sam, base_url, hello)
    _expect_notification(sam, "Notifications work")

    # Alex plans a walk starting in just over an hour: the scheduler's one-hour reminder reaches Sam's phone.
    alex.goto(base_url + "/rituals")
    alex.locator("#ritual-recurrence").select_option("once")
    day, at = alex.evaluate(LOCAL_IN, 60)
    alex.locator("#ritual-title").fill("Walk by the river")
    alex.locator("#ritual-start").fill(day)
    alex.locator("#ritual-time").fill(at)
    alex.locator("#ritual-save").click()
    messages = wait_for_messages(push_service, "sam-phone", phone, 2)
    reminder = messages[1]
    assert reminder["title"] == "Walk by the river in 1 hour"
    assert reminder["url"] == "/rituals"
    deliver_to_service_worker(sam, base_url, reminder)
    _expect_notification(sam, "Walk by the river in 1 hour")
    assert all(r.vapid_ok for r in push_service.received if r.path == "/push/sam-phone")

    # Off again: the device is forgotten; later reminders only reach the bell.
    sam.locator("#push-off").click()
    expect(sam.locator("#push-status")).to_have_text("Off on this device. Reminders still arrive in the bell.")
    expect(sam.get_by_test_id("push-device")).to_have_count(0)
    sam.reload()
    expect(sam.locator("#push-status")).to_have_text("Off on this device. Reminders still arrive in the bell.")


def _standard_b64(base64url: str) -> str:
    return base64.b64encode(base64.urlsafe_b64decode(base64url + "=" * (-len(base64url) % 4))).decode()


def _expect_notification(page: Page, title: str) -> None:
    deadline = time.monotonic() + 10
    shown: list[str] = []
    while time.monotonic() < deadline:
        shown = page.evaluate(NOTIFICATION_TITLES)
        if any(s.startswith(title) for s in shown):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"no notification {title!r}; shown: {shown}")
