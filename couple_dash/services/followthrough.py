"""Follow-through: the owner ticks a day (or logs an occasion), may undo it, and the partner says "seen, thank you"."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from couple_dash.domain import commitments as rules
from couple_dash.domain.cadence import CadenceKind
from couple_dash.models import Commitment, Tick, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of
from couple_dash.services.commitments import NOT_IN_COUPLE, owner_today


def _owned_commitment(session: Session, user_id: int, commitment_id: int) -> Commitment:
    _, couple_id = couple_of(session, user_id)
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    if commitment.owner_id != user_id:
        raise NotAllowed("Only the person who made this commitment ticks it.")
    return commitment


def tick(
    *,
    session: Session,
    user_id: int,
    commitment_id: int,
    day: date | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Tick:
    """The owner marks a day done (today, or up to three days back), or logs one occurrence of an occasion."""
    now = now or utcnow()
    commitment = _owned_commitment(session, user_id, commitment_id)
    if commitment.status != rules.Status.ACTIVE:
        raise ServiceError("Only an active commitment can be ticked.")
    today = owner_today(session, commitment, now)
    day = day or today
    if problem := rules.tick_day_problem(day, today=today, start=commitment.start_date, end=commitment.ended_on):
        raise ServiceError(problem)
    note = " ".join(note.split())
    if len(note) > rules.MAX_NOTE:
        raise ServiceError(f"Keep the note under {rules.MAX_NOTE} characters.")
    occurrence = commitment.cadence_kind == CadenceKind.OCCASION.value
    if not occurrence:
        existing = session.exec(
            select(Tick).where(
                col(Tick.commitment_id) == commitment_id, col(Tick.day) == day, col(Tick.occurrence).is_(False)
            )
        ).first()
        if existing is not None:
            return existing  # ticking twice (two devices, a double tap) changes nothing
    made = Tick(
        commitment_id=commitment_id, day=day, occurrence=occurrence, occurred_at=now, note=note, logged_by=user_id
    )
    try:
        with session.begin_nested():
            session.add(made)
    except IntegrityError:
        # The same day was ticked at the same moment elsewhere: that tick stands.
        found = session.exec(
            select(Tick).where(
                col(Tick.commitment_id) == commitment_id, col(Tick.day) == day, col(Tick.occurrence).is_(False)
            )
        ).one()
        return found
    return made


def untick(*, session: Session, user_id: int, tick_id: int, now: datetime | None = None) -> int:
    """Undo a tick (within the same three-day window); returns its commitment id."""
    now = now or utcnow()
    found = session.get(Tick, tick_id)
    if found is None:
        raise NotAllowed(NOT_IN_COUPLE)
    commitment = _owned_commitment(session, user_id, found.commitment_id)
    today = owner_today(session, commitment, now)
    if found.day < today - timedelta(days=rules.BACKDATE_DAYS):
        raise ServiceError(f"Ticks older than {rules.BACKDATE_DAYS} days stay as they are.")
    session.delete(found)
    session.flush()
    return commitment.id or 0


def acknowledge(*, session: Session, user_id: int, tick_id: int, now: datetime | None = None) -> int:
    """The partner says "seen, thank you" to a tick; returns its commitment id."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    found = session.get(Tick, tick_id)
    commitment = session.get(Commitment, found.commitment_id) if found else None
    if found is None or commitment is None or commitment.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    if commitment.owner_id == user_id:
        raise NotAllowed("Your partner acknowledges your ticks; you can't acknowledge your own.")
    if found.acknowledged_at is None:
        found.acknowledged_at, found.acknowledged_by = now, user_id
        session.add(found)
        session.flush()
    return commitment.id or 0
