"""Whether to suggest a couple therapist to this person: their own pulse, and what the couple shares.

The pulse part reads only the caller's own answers. Time-outs and follow-through are shared data both partners
already see. So either partner may be shown the suggestion on their own line, and what one sees never reveals the
other's private pulse.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from couple_dash.domain.cadence import local_today
from couple_dash.domain.therapy import (
    TIME_OUT_WINDOW,
    TherapySignals,
    WeekKept,
    closed_weeks,
    therapy_signals,
    week_kept,
)
from couple_dash.models import CheckInMeeting, Commitment, PulseResponse, TimeOutRecord, User, utcnow
from couple_dash.services import couple_of
from couple_dash.services.commitment_views import _facts, _histories  # the same history the cards are built from


def own_pulse_totals(session: Session, user_id: int, couple_id: int) -> list[int]:
    """The caller's own CSI-4 totals in this couple, oldest first."""
    return list(
        session.exec(
            select(col(PulseResponse.total))
            .join(CheckInMeeting, col(CheckInMeeting.id) == col(PulseResponse.meeting_id))
            .where(col(PulseResponse.user_id) == user_id, col(PulseResponse.couple_id) == couple_id)
            .order_by(col(CheckInMeeting.started_at))
        ).all()
    )


def time_outs_per_check_in(session: Session, couple_id: int, last: int = TIME_OUT_WINDOW) -> list[int]:
    """How many time-outs each of the couple's last ``last`` finished check-ins had, oldest first."""
    meetings = session.exec(
        select(col(CheckInMeeting.id))
        .where(col(CheckInMeeting.couple_id) == couple_id, col(CheckInMeeting.ended_at).is_not(None))
        .order_by(col(CheckInMeeting.started_at).desc())
        .limit(last)
    ).all()
    counts = dict(
        session.exec(
            select(col(TimeOutRecord.meeting_id), func.count())
            .where(col(TimeOutRecord.meeting_id).in_(meetings))
            .group_by(col(TimeOutRecord.meeting_id))
        ).all()
    )
    return [int(counts.get(meeting_id or 0, 0)) for meeting_id in reversed(meetings)]


def weekly_follow_through(session: Session, couple_id: int, now: datetime) -> list[WeekKept]:
    """The couple's due promises kept in each of the last closed weeks (each owner's own calendar), oldest first."""
    owners = {u.id: u for u in session.exec(select(User).where(col(User.couple_id) == couple_id)).all()}
    commitments = [
        c
        for c in session.exec(
            select(Commitment).where(col(Commitment.couple_id) == couple_id, col(Commitment.status) != "proposed")
        ).all()
        if c.id is not None and c.owner_id in owners
    ]
    todays = {c.id: local_today(now, owners[c.owner_id].time_zone) for c in commitments if c.id is not None}
    histories = _histories(session, commitments, todays) if commitments else {}
    anyone_today = local_today(now, "UTC")
    result = []
    for monday in closed_weeks(anyone_today):
        kept = due = 0
        for commitment in commitments:
            assert commitment.id is not None
            history = histories[commitment.id]
            k, d = week_kept(_facts(commitment), history.done, history.paused, todays[commitment.id], monday)
            kept, due = kept + k, due + d
        result.append(WeekKept(monday, kept, due))
    return result


def signals_for(*, session: Session, user_id: int, now: datetime | None = None) -> TherapySignals:
    """The therapist-suggestion signals as this person may see them."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    return therapy_signals(
        own_pulse_totals(session, user_id, couple_id),
        time_outs_per_check_in(session, couple_id),
        weekly_follow_through(session, couple_id, now),
    )
