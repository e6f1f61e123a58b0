"""Web Push: the devices a person turned it on for, and sending a reminder to them (pywebpush, VAPID).

Pushes go out after the in-app notification is stored, only for rows actually inserted, so the bell stays the
record and a push is never sent twice for one reminder. A device the push service calls gone (404/410) is
forgotten at once; one failing for other reasons is retried with the next reminder, and forgotten after five
failures in a row (as after the server's keys changed).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pywebpush import WebPushException, webpush
from sqlmodel import Session, col, delete, select

from couple_dash.config import PushSettings
from couple_dash.domain.push import PushMessage, endpoint_allowed, message
from couple_dash.models import PushSubscription, utcnow
from couple_dash.services import ServiceError

logger = logging.getLogger(__name__)

TTL_SECONDS = 60 * 60  # a reminder an hour late is no longer worth waking a phone for
TIMEOUT_SECONDS = 10
GONE = (404, 410)
MAX_FAILURES = 5  # in a row (e.g. after the server's keys changed): the device has to be turned on again
NOT_A_PUSH_SERVICE = "This browser offered a push address we don't recognise, so notifications stay off here."

# (subscription_info, data, settings) -> HTTP status; pywebpush by default, a fake in tests.
Sender = Callable[[dict[str, Any], str, PushSettings], int]


@dataclass(frozen=True)
class Outgoing:
    """One message for one person: a reminder the scheduler delivered, or the "Send a test" button's."""

    user_id: int
    title: str
    body: str
    link: str
    tag: str


@dataclass(frozen=True)
class DeviceView:
    id: int
    device: str
    discreet: bool
    since: str


def send_with_pywebpush(info: dict[str, Any], data: str, settings: PushSettings) -> int:
    try:
        response = webpush(
            subscription_info=info,
            data=data,
            vapid_private_key=settings.private_key,
            vapid_claims={"sub": settings.subject},
            ttl=TTL_SECONDS,
            timeout=TIMEOUT_SECONDS,
        )
    except WebPushException as failure:
        if failure.response is not None:
            return int(failure.response.status_code)
        raise
    return int(getattr(response, "status_code", 201))


def subscribe(
    *,
    session: Session,
    user_id: int,
    settings: PushSettings,
    endpoint: str,
    p256dh: str,
    auth: str,
    device: str = "",
    discreet: bool = False,
) -> PushSubscription:
    """Remember this browser for this person. A browser someone else used before now belongs to whoever signed in."""
    if not settings.enabled:
        raise ServiceError("Notifications on devices aren't set up on this server yet.")
    if not endpoint_allowed(endpoint, settings.extra_origins):
        raise ServiceError(NOT_A_PUSH_SERVICE)
    if not (0 < len(p256dh) <= 200 and 0 < len(auth) <= 100):
        raise ServiceError("This browser didn't give the keys notifications need. Try again, or another browser.")
    row = session.exec(select(PushSubscription).where(col(PushSubscription.endpoint) == endpoint)).first()
    if row is None:
        row = PushSubscription(user_id=user_id, endpoint=endpoint, p256dh=p256dh, auth=auth)
    row.user_id, row.p256dh, row.auth, row.failures = user_id, p256dh, auth, 0
    row.device, row.discreet = device.strip()[:80], discreet
    session.add(row)
    session.flush()
    return row


def _device(session: Session, user_id: int, endpoint: str) -> PushSubscription | None:
    """This person's own device with this endpoint (never anyone else's; endpoints are unique)."""
    return session.exec(
        select(PushSubscription).where(
            col(PushSubscription.user_id) == user_id, col(PushSubscription.endpoint) == endpoint
        )
    ).first()


def unsubscribe(*, session: Session, user_id: int, endpoint: str) -> bool:
    """Forget one of the person's own devices (never anyone else's)."""
    row = _device(session, user_id, endpoint)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def set_discreet(*, session: Session, user_id: int, endpoint: str, discreet: bool) -> bool:
    row = _device(session, user_id, endpoint)
    if row is None:
        return False
    row.discreet = discreet
    session.add(row)
    return True


def devices(*, session: Session, user_id: int) -> list[DeviceView]:
    rows = session.exec(
        select(PushSubscription).where(col(PushSubscription.user_id) == user_id).order_by(col(PushSubscription.id))
    ).all()
    return [DeviceView(r.id or 0, r.device or "A browser", r.discreet, f"{r.created_at:%d %b %Y}") for r in rows]


def is_subscribed(*, session: Session, user_id: int, endpoint: str) -> PushSubscription | None:
    return _device(session, user_id, endpoint)


def send(
    *,
    session: Session,
    settings: PushSettings,
    outgoing: Iterable[Outgoing],
    sender: Sender = send_with_pywebpush,
    now: datetime | None = None,
    only_endpoint: str | None = None,
) -> int:
    """Push each reminder to each of its person's devices; returns how many pushes the services accepted."""
    if not settings.enabled:
        return 0
    accepted = 0
    for item in outgoing:
        query = select(PushSubscription).where(col(PushSubscription.user_id) == item.user_id)
        if only_endpoint is not None:
            query = query.where(col(PushSubscription.endpoint) == only_endpoint)
        for row in session.exec(query).all():
            if not endpoint_allowed(row.endpoint, settings.extra_origins):
                continue  # stored before an operator removed its origin
            push: PushMessage = message(
                title=item.title, body=item.body, link=item.link, tag=item.tag, discreet=row.discreet
            )
            info = {"endpoint": row.endpoint, "keys": {"p256dh": row.p256dh, "auth": row.auth}}
            try:
                status = sender(info, json.dumps(push.as_json()), settings)
            except Exception:  # the network, a bad key: the bell still has it; try again next time
                logger.warning("web push to a device of user %s failed", item.user_id, exc_info=True)
                status = 0
            if status in GONE:
                session.delete(row)
                continue
            if 200 <= status < 300:
                accepted += 1
                row.failures, row.last_sent_at = 0, now or utcnow()
            else:
                row.failures += 1
                if row.failures >= MAX_FAILURES:
                    session.delete(row)
                    continue
            session.add(row)
    session.flush()
    return accepted


def remove_device(*, session: Session, user_id: int, device_id: int) -> bool:
    result = session.exec(
        delete(PushSubscription).where(col(PushSubscription.user_id) == user_id, col(PushSubscription.id) == device_id)
    )
    return bool(result.rowcount)


def forget_all(*, session: Session, user_id: int) -> int:
    """Signing out everywhere: no device keeps getting this person's reminders."""
    result = session.exec(delete(PushSubscription).where(col(PushSubscription.user_id) == user_id))
    return int(result.rowcount)
