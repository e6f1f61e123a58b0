"""The in-app notification centre: reminders delivered to one person, exactly once each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select, update

from couple_dash.domain.reminders import Due
from couple_dash.models import Notification, User, utcnow

MAX_SHOWN = 30


@dataclass(frozen=True)
class UnreadCount:
    user_id: int
    count: int
    latest_id: int  # changes when a new one arrives, even if the count doesn't


@dataclass(frozen=True)
class NotificationView:
    id: int
    kind: str
    title: str
    body: str
    link: str
    when: str  # "Fri 27 Nov, 18:00" in the reader's zone
    unread: bool


def deliver(session: Session, due: Due, now: datetime | None = None) -> bool:
    """Store one reminder for its person unless it was already delivered (by this or another scheduler)."""
    values = {
        "user_id": due.user_id,
        "kind": due.kind,
        "title": due.title,
        "body": due.body,
        "link": due.link,
        "due_at": due.fire_at,
        "created_at": now or utcnow(),
        "dedupe_key": due.key,
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(Notification)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(col(Notification.id))
    )
    # A row comes back only if it was inserted (rowcount is -1 on PostgreSQL when RETURNING is used).
    return session.execute(statement).first() is not None


def unread_counts(*, session: Session, couple_id: int) -> list[UnreadCount]:
    rows = session.execute(
        sa.select(col(User.id), sa.func.count(col(Notification.id)), sa.func.max(col(Notification.id)))
        .select_from(User)
        .join(
            Notification,
            sa.and_(col(Notification.user_id) == col(User.id), col(Notification.read_at).is_(None)),
            isouter=True,
        )
        .where(col(User.couple_id) == couple_id)
        .group_by(col(User.id))
        .order_by(col(User.id))
    ).all()
    return [UnreadCount(user_id, count, latest or 0) for user_id, count, latest in rows]


def for_user(*, session: Session, user_id: int, time_zone: str = "UTC") -> list[NotificationView]:
    """The person's own notifications, newest first (never anyone else's)."""
    zone = ZoneInfo(time_zone)
    rows = session.exec(
        select(Notification)
        .where(col(Notification.user_id) == user_id)
        .order_by(col(Notification.due_at).desc(), col(Notification.id).desc())
        .limit(MAX_SHOWN)
    ).all()
    views = []
    for n in rows:
        at = n.due_at.astimezone(zone)
        views.append(
            NotificationView(
                n.id or 0, n.kind, n.title, n.body, n.link, f"{at:%a} {at.day} {at:%b}, {at:%H:%M}", n.read_at is None
            )
        )
    return views


def mark_all_read(*, session: Session, user_id: int, now: datetime | None = None) -> int:
    result = session.exec(
        update(Notification)
        .where(col(Notification.user_id) == user_id, col(Notification.read_at).is_(None))
        .values(read_at=now or utcnow())
    )
    return result.rowcount
