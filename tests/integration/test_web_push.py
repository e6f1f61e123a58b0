"""Web Push end to end on the server side: real VAPID signing and encryption, a stand-in push service."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from couple_dash import scheduler
from couple_dash.config import PushSettings, Settings
from couple_dash.devtools.push_service import BrowserKeys, FakePushService, vapid_keys
from couple_dash.models import Notification, PushSubscription, ReminderSettings
from couple_dash.services import ServiceError, rituals, web_push
from couple_dash.services.rituals import RitualInput
from tests.integration.helpers import pair

FRIDAY = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a walk at 19:00 UTC: reminders at 18:00


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    return vapid_keys()


@pytest.fixture
def service(keys: tuple[str, str]) -> Iterator[FakePushService]:
    fake = FakePushService(keys[0]).start()
    yield fake
    fake.stop()


@pytest.fixture
def push(keys: tuple[str, str], service: FakePushService) -> PushSettings:
    return PushSettings(keys[0], keys[1], "mailto:ops@example.org", frozenset({service.origin}))


def subscribe(session: Session, push: PushSettings, service: FakePushService, user_id: int, name: str, **kw: bool):
    browser = BrowserKeys()
    web_push.subscribe(
        session=session,
        user_id=user_id,
        settings=push,
        endpoint=service.endpoint(name),
        p256dh=browser.p256dh,
        auth=browser.auth_b64,
        device="Chrome on Android",
        **kw,
    )
    return browser


def walk(session: Session, user_id: int, title: str) -> None:
    rituals.create(
        session=session,
        user_id=user_id,
        data=RitualInput(title=title, recurrence="weekly", time="19:00", start=date(2026, 11, 1), weekdays=(4,)),
    )


def sweep_through_six(engine: Engine, push: PushSettings, holder: str = "a") -> scheduler.SweepResult:
    """A sweep just before the 18:00 reminders, then one just after (leases of earlier tests have long expired)."""
    scheduler.run_once(holder, FRIDAY + timedelta(hours=5, minutes=59), engine, push)
    return scheduler.run_once(holder, FRIDAY + timedelta(hours=6, seconds=20), engine, push)


def test_a_reminder_reaches_each_partners_own_devices_once(
    engine: Engine, session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, sam = pair(session, settings, "push-once")
    alex_phone = subscribe(session, push, service, alex, "alex-phone")
    sam_phone = subscribe(session, push, service, sam, "sam-phone")
    walk(session, alex, "Evening walk")
    session.commit()

    sweep_through_six(engine, push)
    scheduler.run_once("b", FRIDAY + timedelta(hours=6, seconds=50), engine, push)  # another worker, later

    for name, keys in (("alex-phone", alex_phone), ("sam-phone", sam_phone)):
        messages = [m for m in service.messages_for(name, keys) if "Evening walk" in m["title"]]
        assert len(messages) == 1, name
        assert messages[0]["url"] == "/rituals"
    assert all(r.vapid_ok for r in service.received), [r.vapid_problem for r in service.received]
    assert {r.ttl for r in service.received} == {web_push.TTL_SECONDS}
    # The bell holds the same reminders: the push is a copy, not the record.
    with Session(engine) as s:
        kinds = s.exec(select(Notification.user_id).where(col(Notification.user_id).in_([alex, sam]))).all()
    assert sorted(kinds) == sorted([alex, sam])


def test_a_discreet_phone_gets_no_words_and_another_persons_phone_gets_nothing(
    engine: Engine, session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-discreet")
    lock_screen = subscribe(session, push, service, alex, "discreet", discreet=True)
    other_alex, _ = pair(session, settings, "push-other")
    stranger = subscribe(session, push, service, other_alex, "stranger")
    walk(session, alex, "Private walk")
    session.commit()

    sweep_through_six(engine, push)

    shown = service.messages_for("discreet", lock_screen)
    assert shown
    assert all(m["title"] == "Couple Dash" and "walk" not in str(m).lower() for m in shown)
    assert not [m for m in service.messages_for("stranger", stranger) if "Private walk" in m["title"]]


def test_a_device_the_push_service_calls_gone_is_forgotten_and_the_bell_still_has_it(
    engine: Engine, session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-gone")
    subscribe(session, push, service, alex, "old-phone")
    walk(session, alex, "Coffee")
    session.commit()
    service.gone.add("/push/old-phone")

    sweep_through_six(engine, push)

    with Session(engine) as s:
        assert s.exec(select(PushSubscription).where(col(PushSubscription.user_id) == alex)).all() == []
        assert s.exec(select(Notification).where(col(Notification.user_id) == alex)).all()


def test_without_vapid_keys_nothing_is_pushed_and_nothing_can_subscribe(
    engine: Engine, session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-off")
    subscribe(session, push, service, alex, "was-on")
    walk(session, alex, "Tea")
    session.commit()
    off = PushSettings("", "", "mailto:x@example.org", push.extra_origins)

    sweep_through_six(engine, off)

    assert not [r for r in service.received if r.path == "/push/was-on"]
    with pytest.raises(ServiceError, match="aren't set up"):
        web_push.subscribe(
            session=session, user_id=alex, settings=off, endpoint=service.endpoint("x"), p256dh="a", auth="b"
        )


def test_bad_subscriptions_are_refused_and_nothing_is_stored(
    session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, sam = pair(session, settings, "push-bad")
    browser = BrowserKeys()
    for endpoint, p256dh, auth in [
        ("http://169.254.169.254/latest/meta-data", browser.p256dh, browser.auth_b64),
        ("https://fcm.googleapis.com.evil.example/x", browser.p256dh, browser.auth_b64),
        (service.endpoint("no-keys"), "", browser.auth_b64),
        (service.endpoint("long-key"), "x" * 201, browser.auth_b64),
    ]:
        with pytest.raises(ServiceError):
            web_push.subscribe(
                session=session, user_id=alex, settings=push, endpoint=endpoint, p256dh=p256dh, auth=auth
            )
    assert web_push.devices(session=session, user_id=alex) == []
    # A browser someone else used before belongs to whoever turns notifications on in it now.
    subscribe(session, push, service, alex, "shared-laptop")
    subscribe(session, push, service, sam, "shared-laptop")
    assert web_push.devices(session=session, user_id=alex) == []
    assert [d.device for d in web_push.devices(session=session, user_id=sam)] == ["Chrome on Android"]
    # Nobody removes another person's device, by endpoint or by id.
    sams = web_push.devices(session=session, user_id=sam)[0]
    assert not web_push.unsubscribe(session=session, user_id=alex, endpoint=service.endpoint("shared-laptop"))
    assert not web_push.remove_device(session=session, user_id=alex, device_id=sams.id)
    assert web_push.remove_device(session=session, user_id=sam, device_id=sams.id)


def test_a_test_push_goes_to_one_device_and_respects_its_choice(
    session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-test")
    phone = subscribe(session, push, service, alex, "phone")
    laptop = subscribe(session, push, service, alex, "laptop")
    web_push.set_discreet(session=session, user_id=alex, endpoint=service.endpoint("phone"), discreet=True)
    hello = web_push.Outgoing(alex, "Notifications work", "This is how it looks", "/settings", "test")

    sent = web_push.send(session=session, settings=push, outgoing=[hello], only_endpoint=service.endpoint("phone"))

    assert sent == 1
    assert [m["title"] for m in service.messages_for("phone", phone)] == ["Couple Dash"]
    assert service.messages_for("laptop", laptop) == []
    row = session.exec(
        select(PushSubscription).where(col(PushSubscription.endpoint) == service.endpoint("phone"))
    ).one()
    assert row.last_sent_at is not None
    assert row.failures == 0


def test_signing_out_everywhere_stops_every_device(
    session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, sam = pair(session, settings, "push-everywhere")
    subscribe(session, push, service, alex, "a1")
    subscribe(session, push, service, alex, "a2")
    subscribe(session, push, service, sam, "s1")
    assert web_push.forget_all(session=session, user_id=alex) == 2
    assert web_push.devices(session=session, user_id=alex) == []
    assert len(web_push.devices(session=session, user_id=sam)) == 1


def test_reminder_settings_still_decide_what_is_pushed(
    engine: Engine, session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-prefs")
    phone = subscribe(session, push, service, alex, "prefs-phone")
    session.add(ReminderSettings(user_id=alex, rituals=False))
    walk(session, alex, "Swim")
    session.commit()

    sweep_through_six(engine, push)

    assert not [m for m in service.messages_for("prefs-phone", phone) if "Swim" in m["title"]]


def test_after_the_servers_keys_change_a_device_is_retried_then_forgotten(
    session: Session, settings: Settings, push: PushSettings, service: FakePushService
) -> None:
    alex, _ = pair(session, settings, "push-rekey")
    subscribe(session, push, service, alex, "rekeyed")
    new_public, new_private = vapid_keys()  # the push service still expects the old key: it refuses (403)
    rekeyed = PushSettings(new_public, new_private, push.subject, push.extra_origins)
    hello = web_push.Outgoing(alex, "Hello", "", "/", "t")

    for attempt in range(1, web_push.MAX_FAILURES):
        assert web_push.send(session=session, settings=rekeyed, outgoing=[hello]) == 0
        assert [d.device for d in web_push.devices(session=session, user_id=alex)] == ["Chrome on Android"], attempt
    web_push.send(session=session, settings=rekeyed, outgoing=[hello])

    assert web_push.devices(session=session, user_id=alex) == []
    assert [r.vapid_problem for r in service.received][-1] == "signed with another server key"
