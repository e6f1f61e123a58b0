"""The CSI-4 pulse: answered privately at a check-in; each partner's trajectory is theirs to share or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from couple_dash.domain import pulse as rules
from couple_dash.models import CheckInMeeting, PulseResponse, User, utcnow
from couple_dash.services import ServiceError, couple_of
from couple_dash.services.meeting import NO_MEETING, open_meeting


def answer(
    *, session: Session, user_id: int, answers: list[int], share: bool, now: datetime | None = None
) -> PulseResponse:
    """Save (or replace, until the check-in ends) the caller's own answers. ``share`` lets the partner see the
    caller's trajectory on the Progress page; the answers themselves are never shown to anyone else."""
    user, couple_id = couple_of(session, user_id)
    meeting = open_meeting(session, couple_id)
    if meeting is None or meeting.id is None:
        raise ServiceError(NO_MEETING)
    try:
        total = rules.score(answers)
    except rules.PulseError as refusal:
        raise ServiceError(str(refusal)) from None
    response = session.exec(
        select(PulseResponse).where(col(PulseResponse.meeting_id) == meeting.id, col(PulseResponse.user_id) == user_id)
    ).first() or PulseResponse(
        couple_id=couple_id,
        user_id=user_id,
        meeting_id=meeting.id,
        happiness=0,
        warmth=0,
        rewarding=0,
        satisfaction=0,
        total=0,
    )
    response.happiness, response.warmth, response.rewarding, response.satisfaction = answers
    response.total, response.answered_at = total, now or utcnow()
    user.pulse_shared = share
    session.add_all([response, user])
    session.flush()
    return response


def answered(session: Session, meeting_id: int) -> list[int]:
    """Who has answered at this check-in (only that: never what)."""
    return list(session.exec(select(col(PulseResponse.user_id)).where(col(PulseResponse.meeting_id) == meeting_id)))


@dataclass(frozen=True)
class PulsePoint:
    label: str  # the check-in's date, e.g. "24 Nov"
    total: int


@dataclass(frozen=True)
class PulseTrajectory:
    user_id: int
    name: str
    points: list[PulsePoint]
    latest: int  # -1 before the first pulse
    trend: str
    trend_kind: str
    distress_run: bool  # below the distress line for the last three check-ins
    shared: bool


def history(session: Session, user_id: int, couple_id: int) -> list[tuple[int, datetime]]:
    """One person's CSI-4 totals in this couple, each with when its check-in started, oldest first."""
    return list(
        session.exec(
            select(PulseResponse.total, CheckInMeeting.started_at)
            .join(CheckInMeeting, col(CheckInMeeting.id) == col(PulseResponse.meeting_id))
            .where(col(PulseResponse.user_id) == user_id, col(PulseResponse.couple_id) == couple_id)
            .order_by(col(CheckInMeeting.started_at))
        ).all()
    )


def trajectories(*, session: Session, user_id: int) -> list[PulseTrajectory]:
    """The caller's own trajectory, then the partner's if (and only if) the partner chose to share it."""
    _, couple_id = couple_of(session, user_id)
    people = session.exec(select(User).where(col(User.couple_id) == couple_id).order_by(col(User.id))).all()
    result = []
    for person in sorted(people, key=lambda p: p.id != user_id):
        own = person.id == user_id
        if not own and not person.pulse_shared:
            continue
        rows = history(session, person.id or 0, couple_id)
        totals = [total for total, _ in rows]
        trend = rules.trend(totals, own=own)
        assert person.id is not None
        result.append(
            PulseTrajectory(
                user_id=person.id,
                name=person.display_name,
                points=[PulsePoint(f"{at.day} {at:%b}", total) for total, at in rows],
                latest=totals[-1] if totals else -1,
                trend=trend.wording,
                trend_kind=trend.kind.value,
                distress_run=rules.persistent_distress(totals),
                shared=person.pulse_shared,
            )
        )
    return result
