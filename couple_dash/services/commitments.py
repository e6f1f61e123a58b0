"""Commitments: create and propose, accept, edit (with history), change status, agree pauses.

Everything is scoped to the caller's couple; only the owner accepts, edits, ends or ticks a commitment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.domain import commitments as rules
from couple_dash.domain.cadence import Cadence, CadenceKind, local_today
from couple_dash.models import Commitment, CommitmentChange, Pause, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of

NOT_IN_COUPLE = "That commitment isn't part of your couple."


class CommitmentConflict(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "This commitment changed while you were editing (perhaps on another device). "
            "Its newest version is shown; your changes are still in the form."
        )


@dataclass(frozen=True)
class CommitmentInput:
    """What the create/edit form sends, before validation."""

    text: str
    why: str = ""
    category: str = "reliability"
    cadence_kind: str = "daily"
    weekdays: tuple[int, ...] = ()
    times_per_week: int = 0
    due_by: str = ""
    start: date | None = None
    review: date | None = None


def cadence_of(commitment: Commitment) -> Cadence:
    weekdays = frozenset(int(d) for d in commitment.weekdays.split(",") if d != "")
    return Cadence(CadenceKind(commitment.cadence_kind), weekdays, commitment.times_per_week)


def commitment_ids(*, session: Session, couple_id: int) -> list[int]:
    """The couple's commitments, oldest first."""
    rows = session.exec(
        select(Commitment.id).where(col(Commitment.couple_id) == couple_id).order_by(col(Commitment.id))
    ).all()
    return [row for row in rows if row is not None]


def owner_today(session: Session, commitment: Commitment, now: datetime) -> date:
    owner = session.get(User, commitment.owner_id)
    return local_today(now, owner.time_zone if owner else "UTC")


def _in_couple(session: Session, couple_id: int, commitment_id: int) -> Commitment:
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    return commitment


def _log(
    session: Session, commitment: Commitment, actor_id: int, action: str, detail: dict[str, Any], now: datetime
) -> None:
    assert commitment.id is not None
    session.add(
        CommitmentChange(
            commitment_id=commitment.id,
            actor_id=actor_id,
            at=now,
            action=action,
            detail=json.dumps(detail, default=str),
        )
    )


def _validated(data: CommitmentInput, today: date) -> dict[str, Any]:
    """Turn form input into column values, or raise a ServiceError naming the first problem."""
    category = rules.parse_category(data.category)
    if category is None:
        raise ServiceError("Choose a category.")
    try:
        kind = CadenceKind(data.cadence_kind)
    except ValueError:
        raise ServiceError("Choose how often this happens.") from None
    cadence = Cadence(
        kind,
        frozenset(data.weekdays) if kind is CadenceKind.WEEKDAYS else frozenset(),
        data.times_per_week if kind is CadenceKind.TIMES_PER_WEEK else 0,
    )
    due_by, due_problem = rules.parse_due_by(data.due_by)
    start = data.start or today
    review = data.review or rules.default_review_date(start)
    for problem in (
        rules.text_problem(data.text, data.why),
        cadence.problem(),
        due_problem,
        rules.dates_problem(start, review),
    ):
        if problem:
            raise ServiceError(problem)
    return {
        "text": " ".join(data.text.split()),
        "why": data.why.strip(),
        "category": category.value,
        "cadence_kind": cadence.kind.value,
        "weekdays": ",".join(str(d) for d in sorted(cadence.weekdays)),
        "times_per_week": cadence.times_per_week,
        "due_by": due_by,
        "start_date": start,
        "review_date": review,
    }


def create(
    *, session: Session, user_id: int, owner_id: int, data: CommitmentInput, now: datetime | None = None
) -> Commitment:
    """Make a commitment for yourself (active at once), or propose one to your partner (they accept or not)."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    owner = session.get(User, owner_id)
    if owner is None or owner.couple_id != couple_id:
        raise NotAllowed("A commitment can only be made by you or your partner.")
    values = _validated(data, local_today(now, owner.time_zone))
    mine = owner_id == user_id
    commitment = Commitment(
        couple_id=couple_id,
        owner_id=owner_id,
        proposed_by=user_id,
        status=(rules.Status.ACTIVE if mine else rules.Status.PROPOSED).value,
        created_at=now,
        updated_at=now,
        **values,
    )
    session.add(commitment)
    session.flush()
    _log(session, commitment, user_id, "created" if mine else "proposed", values, now)
    session.flush()
    return commitment


def edit(
    *,
    session: Session,
    user_id: int,
    commitment_id: int,
    data: CommitmentInput,
    base_version: int,
    now: datetime | None = None,
) -> Commitment:
    """The owner changes the wording, cadence or dates; every change is kept in the history."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    commitment = _in_couple(session, couple_id, commitment_id)
    is_proposer_of_proposal = commitment.status == rules.Status.PROPOSED and commitment.proposed_by == user_id
    if commitment.owner_id != user_id and not is_proposer_of_proposal:
        raise NotAllowed(
            "Only the person who made this commitment can change it. You could suggest a change at the check-in."
        )
    values = _validated(data, owner_today(session, commitment, now))
    changes = {k: [getattr(commitment, k), v] for k, v in values.items() if getattr(commitment, k) != v}
    if not changes:
        return commitment
    written = session.exec(
        update(Commitment)
        .where(col(Commitment.id) == commitment_id, col(Commitment.version) == base_version)
        .values(**values, version=Commitment.version + 1, updated_at=now)
    )
    if not written.rowcount:
        raise CommitmentConflict()
    session.refresh(commitment)
    _log(session, commitment, user_id, "edited", changes, now)
    session.flush()
    return commitment


def set_status(
    *, session: Session, user_id: int, commitment_id: int, status: str, now: datetime | None = None
) -> Commitment:
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    commitment = _in_couple(session, couple_id, commitment_id)
    try:
        wanted = rules.Status(status)
    except ValueError:
        raise ServiceError("That isn't a status a commitment can have.") from None
    current = rules.Status(commitment.status)
    if problem := rules.transition_problem(
        current, wanted, is_owner=commitment.owner_id == user_id, is_proposer=commitment.proposed_by == user_id
    ):
        raise NotAllowed(problem)
    if current == wanted:
        return commitment
    today = owner_today(session, commitment, now)
    assert commitment.id is not None
    if wanted is rules.Status.PAUSED:
        # The owner's own hold: open-ended and agreed by them; those days never count as missed.
        session.add(
            Pause(
                commitment_id=commitment.id,
                start_date=today,
                reason="On hold",
                proposed_by=user_id,
                proposed_at=now,
                agreed_by=user_id,
                agreed_at=now,
            )
        )
    if current is rules.Status.PAUSED:
        _close_open_holds(session, commitment.id, today)
    commitment.ended_on = today if wanted in (rules.Status.COMPLETED, rules.Status.RETIRED) else None
    if current is rules.Status.PROPOSED and wanted is rules.Status.ACTIVE and commitment.start_date < today:
        commitment.start_date = today  # a promise starts when it is accepted, not when it was suggested
    commitment.status = wanted.value
    commitment.version += 1
    commitment.updated_at = now
    session.add(commitment)
    action = "accepted" if current is rules.Status.PROPOSED and wanted is rules.Status.ACTIVE else "status"
    _log(session, commitment, user_id, action, {"status": [current.value, wanted.value]}, now)
    session.flush()
    return commitment


def _close_open_holds(session: Session, commitment_id: int, today: date) -> None:
    for pause in session.exec(
        select(Pause).where(col(Pause.commitment_id) == commitment_id, col(Pause.end_date).is_(None))
    ).all():
        if pause.start_date >= today:
            session.delete(pause)  # put on hold and resumed the same day: nothing to keep
        else:
            pause.end_date = today - timedelta(days=1)
            session.add(pause)


def mark_reviewed(*, session: Session, user_id: int, commitment_id: int, now: datetime | None = None) -> Commitment:
    """Either partner notes that the commitment was reviewed together; the next review is four weeks on."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    commitment = _in_couple(session, couple_id, commitment_id)
    today = owner_today(session, commitment, now)
    new_review = rules.default_review_date(today)
    _log(session, commitment, user_id, "reviewed", {"review_date": [commitment.review_date, new_review]}, now)
    commitment.review_date = new_review
    commitment.version += 1
    session.add(commitment)
    session.flush()
    return commitment


def propose_pause(
    *,
    session: Session,
    user_id: int,
    commitment_id: int,
    start: date,
    end: date,
    reason: str,
    now: datetime | None = None,
) -> Pause:
    """Either partner proposes days off (travel, illness); the other agrees before they count."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    commitment = _in_couple(session, couple_id, commitment_id)
    today = owner_today(session, commitment, now)
    if end < start:
        raise ServiceError("The pause has to end on or after the day it starts.")
    if start < today - timedelta(days=rules.BACKDATE_DAYS):
        raise ServiceError(f"A pause can start at most {rules.BACKDATE_DAYS} days back.")
    if (end - start).days > 90:
        raise ServiceError("Pause at most 90 days at a time; you can agree another pause later.")
    if len(reason) > rules.MAX_NOTE:
        raise ServiceError(f"Keep the reason under {rules.MAX_NOTE} characters.")
    assert commitment.id is not None
    pause = Pause(
        commitment_id=commitment.id,
        start_date=start,
        end_date=end,
        reason=reason.strip(),
        proposed_by=user_id,
        proposed_at=now,
    )
    session.add(pause)
    _log(session, commitment, user_id, "pause_proposed", {"from": start, "to": end, "reason": reason}, now)
    session.flush()
    return pause


def answer_pause(*, session: Session, user_id: int, pause_id: int, agree: bool, now: datetime | None = None) -> Pause:
    """The partner who did not propose the pause agrees to it or turns it down; the proposer may withdraw it."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    pause = session.get(Pause, pause_id)
    if pause is None:
        raise NotAllowed(NOT_IN_COUPLE)
    commitment = _in_couple(session, couple_id, pause.commitment_id)
    if pause.agreed_at is not None or pause.withdrawn_at is not None:
        raise ServiceError("This pause has already been settled.")
    if agree and pause.proposed_by == user_id:
        raise NotAllowed("Your partner agrees to a pause you proposed; you can withdraw it instead.")
    if agree:
        pause.agreed_by, pause.agreed_at = user_id, now
    else:
        pause.withdrawn_at = now
    session.add(pause)
    _log(session, commitment, user_id, "pause_agreed" if agree else "pause_declined", {"pause": pause.id}, now)
    session.flush()
    return pause
