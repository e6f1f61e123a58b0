"""The scheduler on a real database: one leader, reminders delivered exactly once, outages caught up once."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from couple_dash import scheduler
from couple_dash.config import Settings
from couple_dash.models import Notification, ReminderSettings, SchedulerLease
from couple_dash.services import commitments, followthrough, rituals
from couple_dash.services.commitments import CommitmentInput
from couple_dash.services.rituals import RitualInput
from tests.integration.helpers import pair

FRIDAY = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # date night at 19:00 UTC: reminders at 18:00


def date_night(session: Session, user_id: int) -> int:
    ritual = rituals.create(
        session=session,
        user_id=user_id,
        data=RitualInput(title="Date night", recurrence="weekly", time="19:00", start=date(2026, 11, 1), weekdays=(4,)),
    )
    assert ritual.id is not None
    return ritual.id


def notes(engine: Engine) -> list[tuple[int, str, datetime]]:
    with Session(engine) as session:
        return [
            (n.user_id, n.kind, n.due_at) for n in session.exec(select(Notification).order_by(col(Notification.id)))
        ]


def test_one_leader_at_a_time_and_a_takeover_when_it_dies(engine: Engine) -> None:
    with Session(engine) as session:
        assert scheduler.take_lease(session, "a", FRIDAY)
        assert not scheduler.take_lease(session, "b", FRIDAY + timedelta(seconds=10))
        assert scheduler.take_lease(session, "a", FRIDAY + timedelta(seconds=20))  # renewal
        assert scheduler.take_lease(
            session, "b", FRIDAY + timedelta(seconds=20) + scheduler.LEASE_TTL + timedelta(seconds=1)
        )
        assert session.get_one(SchedulerLease, scheduler.LEASE).holder == "b"
        session.commit()


def test_two_schedulers_deliver_a_due_reminder_exactly_once(
    engine: Engine, session: Session, settings: Settings
) -> None:
    alex, sam = pair(session, settings, "sched")
    date_night(session, alex)
    session.commit()
    scheduler.run_once("a", FRIDAY + timedelta(hours=5), engine)  # sets the starting point of the sweep
    at = FRIDAY + timedelta(hours=6, seconds=30)  # 18:00:30, just after both reminders are due
    outcomes: list[scheduler.SweepResult] = []
    barrier = threading.Barrier(2)

    def tick(holder: str) -> None:
        barrier.wait()
        outcomes.append(scheduler.run_once(holder, at, engine))

    threads = [threading.Thread(target=tick, args=(h,)) for h in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Even a second leader sweeping the same window again (lease lost, then regained) adds nothing.
    with Session(engine) as s:
        lease = s.get_one(SchedulerLease, scheduler.LEASE)
        lease.swept_until, lease.expires_at = FRIDAY + timedelta(hours=5), FRIDAY
        s.add(lease)
        s.commit()
    scheduler.run_once("b", at, engine)
    assert sorted((u, k) for u, k, _ in notes(engine)) == [(alex, "ritual"), (sam, "ritual")]
    assert sum(len(o.delivered) for o in outcomes) == 2


def test_a_reminder_missed_during_an_outage_is_delivered_once_on_restart(
    engine: Engine, session: Session, settings: Settings
) -> None:
    alex, _ = pair(session, settings, "outage")
    date_night(session, alex)
    session.add(ReminderSettings(user_id=alex, rituals=True, ritual_lead_minutes=60))
    session.commit()
    scheduler.run_once("a", FRIDAY + timedelta(hours=5, minutes=30), engine)  # last sweep before the outage
    # The server is down from 17:30 to 19:30: the 18:00 reminders were missed.
    back = FRIDAY + timedelta(hours=7, minutes=30)
    first = scheduler.run_once("restarted", back + scheduler.LEASE_TTL, engine)
    again = scheduler.run_once("restarted", back + scheduler.LEASE_TTL + timedelta(seconds=30), engine)
    assert len(first.delivered) == 2
    assert again.delivered == []
    assert len(notes(engine)) == 2


def test_commitment_window_reminder_skips_a_promise_already_kept(
    engine: Engine, session: Session, settings: Settings
) -> None:
    alex, _ = pair(session, settings, "window")
    made = commitments.create(
        session=session,
        user_id=alex,
        owner_id=alex,
        data=CommitmentInput(text="I will text you when I leave work", due_by="18:00", start=date(2026, 11, 20)),
        now=datetime(2026, 11, 20, 9, tzinfo=UTC),
    )
    assert made.id is not None
    session.commit()
    scheduler.run_once("a", FRIDAY, engine)
    scheduler.run_once("a", FRIDAY + timedelta(hours=6), engine)  # 17:30 passed: reminded
    assert [k for _, k, _ in notes(engine)] == ["window"]
    followthrough.tick(
        session=session, user_id=alex, commitment_id=made.id, day=date(2026, 11, 28), now=FRIDAY + timedelta(days=1)
    )
    session.commit()
    scheduler.run_once("a", FRIDAY + timedelta(days=1, hours=6), engine)  # Saturday: already ticked, no reminder
    assert [k for _, k, _ in notes(engine)] == ["window"]
