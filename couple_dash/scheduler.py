"""The one scheduler of a deployment: reminders and the daily rollover, on APScheduler, with a database lease.

Every backend worker runs an ``AsyncIOScheduler`` (started and stopped by a Reflex lifespan task) with one
interval job. Each run first takes or renews the lease row (``scheduler_lease``: conditional UPDATE, so only one
worker holds it; if that worker dies, the lease expires and another takes over). Only the holder sweeps.

Nothing is scheduled per reminder: what is due is derived from the database on every sweep, over the window
(``swept_until``, now]. ``swept_until`` is stored with the lease, so a restart (or a new leader) continues from
where the last sweep ended and a missed window is caught up once (up to ``CATCH_UP``); the job itself uses
APScheduler's ``coalesce`` and ``misfire_grace_time`` so a blocked loop runs it once, late, rather than many times.
Every delivery carries a unique key, so even two sweeps of the same window deliver nothing twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select, update

from couple_dash.config import PushSettings, push_settings
from couple_dash.db import session_scope
from couple_dash.domain.reminders import Due, Person, Preferences, RitualPlan, WindowPlan, due_between
from couple_dash.models import (
    Commitment,
    ReminderSettings,
    Ritual,
    RitualOccurrence,
    SchedulerLease,
    Tick,
    User,
    utcnow,
)
from couple_dash.services import bids, notifications, web_push
from couple_dash.services.commitment_views import commitment_cards
from couple_dash.services.commitments import cadence_of
from couple_dash.services.rituals import recurrence_of

logger = logging.getLogger(__name__)

LEASE = "scheduler"
LEASE_TTL = timedelta(seconds=45)
CATCH_UP = timedelta(hours=6)  # after a longer outage, older reminders are stale: not sent
FIRST_WINDOW = timedelta(minutes=5)  # a brand-new deployment starts here, not at the beginning of time
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def sweep_seconds() -> float:
    return float(os.environ.get("COUPLE_DASH_SCHEDULER_SECONDS", "30"))


def new_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def take_lease(session: Session, holder: str, now: datetime, ttl: timedelta = LEASE_TTL) -> bool:
    """Become (or stay) the leader: succeeds only if the lease is ours or has expired."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(SchedulerLease)
        .values(name=LEASE, holder="", expires_at=EPOCH)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    taken = session.exec(
        update(SchedulerLease)
        .where(
            col(SchedulerLease.name) == LEASE,
            sa.or_(col(SchedulerLease.holder) == holder, col(SchedulerLease.expires_at) < now),
        )
        .values(holder=holder, expires_at=now + ttl)
    )
    return bool(taken.rowcount)


def release_lease(session: Session, holder: str) -> None:
    session.exec(
        update(SchedulerLease)
        .where(col(SchedulerLease.name) == LEASE, col(SchedulerLease.holder) == holder)
        .values(expires_at=EPOCH)
    )


@dataclass
class SweepResult:
    delivered: list[Due] = field(default_factory=list)
    # couple id -> parts of the live view to refresh (new notifications; a new day for the commitments)
    refresh: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))


def _prefs(row: ReminderSettings | None) -> Preferences:
    if row is None:
        return Preferences()
    return Preferences(
        rituals=row.rituals,
        ritual_lead_minutes=row.ritual_lead_minutes,
        check_in=row.check_in,
        check_in_lead_minutes=row.check_in_lead_minutes,
        commitment_windows=row.commitment_windows,
        streak_nudge=row.streak_nudge,
        weekly_digest=row.weekly_digest,
        quiet_enabled=row.quiet_enabled,
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
    )


def _plans(session: Session, couple_id: int) -> tuple[list[Person], list[RitualPlan], list[WindowPlan]]:
    users = session.exec(select(User).where(col(User.couple_id) == couple_id).order_by(col(User.id))).all()
    settings = {
        s.user_id: s
        for s in session.exec(select(ReminderSettings).where(col(ReminderSettings.user_id).in_([u.id for u in users])))
    }
    people = [Person(u.id or 0, u.display_name, u.time_zone, _prefs(settings.get(u.id or 0))) for u in users]
    rituals = session.exec(
        select(Ritual).where(col(Ritual.couple_id) == couple_id, col(Ritual.archived_at).is_(None))
    ).all()
    plans = []
    for ritual in rituals:
        records = session.exec(select(RitualOccurrence).where(col(RitualOccurrence.ritual_id) == ritual.id)).all()
        plans.append(
            RitualPlan(
                ritual_id=ritual.id or 0,
                title=ritual.title,
                kind=ritual.kind,
                recurrence=recurrence_of(ritual),
                minute=ritual.minute,
                zone=ritual.zone,
                skipped=frozenset(r.day for r in records if r.status in ("moved", "missed")),
                moved=tuple(r.moved_to for r in records if r.status == "moved" and r.moved_to is not None),
            )
        )
    windows = []
    for commitment in session.exec(
        select(Commitment).where(
            col(Commitment.couple_id) == couple_id,
            col(Commitment.status) == "active",
            col(Commitment.due_by).is_not(None),
        )
    ):
        assert commitment.due_by is not None
        assert commitment.id is not None
        hours, minutes = (int(part) for part in commitment.due_by.split(":"))
        windows.append(
            WindowPlan(
                commitment.id,
                commitment.owner_id,
                commitment.text,
                hours * 60 + minutes,
                cadence_of(commitment).is_due_on,
            )
        )
    return people, plans, windows


def _still_worth_sending(session: Session, due: Due, couple_id: int, people: list[Person]) -> Due | None:
    """Reminders that depend on what happened since: none if the promise was already kept today."""
    person = next(p for p in people if p.user_id == due.user_id)
    if due.kind == "window":
        commitment_id, day = due.key.split(":")[1:3]
        ticked = session.exec(
            select(col(Tick.id)).where(
                col(Tick.commitment_id) == int(commitment_id), col(Tick.day) == date.fromisoformat(day)
            )
        ).first()
        return None if ticked else due
    if due.kind in ("streak", "digest"):
        cards = [
            c
            for c in commitment_cards(session=session, couple_id=couple_id, now=due.fire_at)
            if c.owner_id == due.user_id and c.status == "active"
        ]
        if due.kind == "streak":
            open_with_streak = [c for c in cards if c.today_status == "open" and c.streak >= 1]
            return due if open_with_streak else None
        rates = [c.rate_7_pct for c in cards if c.rate_7_pct >= 0]
        if not rates:
            return None
        body = (
            f"{person.name}, you kept {round(sum(rates) / len(rates))}% of your due days this week across "
            f"{len(rates)} commitment{'s' if len(rates) != 1 else ''}. Every one of them was seen."
        )
        return Due(due.key, due.user_id, due.kind, due.title, body, due.link, due.fire_at)
    return due


def sweep(session: Session, holder: str, now: datetime) -> SweepResult:
    """Deliver every reminder due since the last sweep (only while holding the lease)."""
    result = SweepResult()
    lease = session.get(SchedulerLease, LEASE)
    if lease is None or lease.holder != holder or lease.expires_at < now:
        return result
    since = max(lease.swept_until or now - FIRST_WINDOW, now - CATCH_UP)
    if since >= now:
        return result
    couple_ids = session.exec(select(User.couple_id).where(col(User.couple_id).is_not(None)).distinct()).all()
    for couple_id in couple_ids:
        assert couple_id is not None
        people, plans, windows = _plans(session, couple_id)
        for due in due_between(since, now, people, plans, windows):
            worth = _still_worth_sending(session, due, couple_id, people)
            if worth is not None and notifications.deliver(session, worth, now):
                result.delivered.append(worth)
                result.refresh[couple_id].add("notifications")
        # A new day began for someone: their "today" moves on every open screen.
        if any(since.astimezone(ZoneInfo(p.zone)).date() != now.astimezone(ZoneInfo(p.zone)).date() for p in people):
            result.refresh[couple_id].add("commitments")
            result.refresh[couple_id].update(("agreements", "bids"))  # reviews fall due; a new week of bids
    # A bid unanswered for a day became a quiet "missed moment": open screens show it (nothing is stored).
    for couple_id in bids.expiring_between(session, since, now):
        result.refresh[couple_id].add("bids")
    session.exec(
        update(SchedulerLease)
        .where(col(SchedulerLease.name) == LEASE, col(SchedulerLease.holder) == holder)
        .values(swept_until=now)
    )
    return result


def run_once(
    holder: str,
    now: datetime | None = None,
    engine: Engine | None = None,
    push: PushSettings | None = None,
    sender: web_push.Sender = web_push.send_with_pywebpush,
) -> SweepResult:
    """One scheduler tick: take or renew the lease (its own transaction), then sweep if leading.

    Web Push goes out after the sweep's transaction committed, and only for reminders it inserted.
    """
    now = now or utcnow()
    with session_scope(engine) as session:
        if not take_lease(session, holder, now):
            return SweepResult()
    with session_scope(engine) as session:
        result = sweep(session, holder, now)
    if result.delivered:
        push = push or push_settings()  # the environment is read only when there is something to push
        if push.enabled:
            outgoing = [web_push.Outgoing(d.user_id, d.title, d.body, d.link, d.key) for d in result.delivered]
            with session_scope(engine) as session:
                web_push.send(session=session, settings=push, outgoing=outgoing, sender=sender, now=now)
    return result


async def _tick(holder: str) -> None:
    from couple_dash import sync  # imported late: the sync module needs the app's state classes

    try:
        result = await asyncio.to_thread(run_once, holder)
    except asyncio.CancelledError:  # the server is stopping: the thread's sweep commits or rolls back on its own
        logger.info("scheduler: stopped during a sweep; the next leader resumes from the last committed window")
        return
    except Exception:  # a failed tick is retried by the next one; the window is not lost
        logger.exception("scheduler: sweep failed")
        return
    for couple_id, parts in result.refresh.items():
        for part in sorted(parts):
            await sync.refresh_couple(couple_id, only=part)


async def run_scheduler() -> None:
    """Reflex lifespan task: one AsyncIOScheduler per worker, one leader per deployment."""
    if os.environ.get("COUPLE_DASH_SCHEDULER", "on") == "off":
        return
    holder = new_holder()
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        _tick,
        "interval",
        args=[holder],
        seconds=sweep_seconds(),
        next_run_time=datetime.now(UTC),
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        id="sweep",
    )
    scheduler.start()
    try:
        await asyncio.Event().wait()
    finally:
        scheduler.shutdown(wait=False)
        await asyncio.to_thread(_release, holder)


def _release(holder: str) -> None:
    with session_scope() as session:
        release_lease(session, holder)
