"""Whether to suggest a couple therapist to this person: their own pulse, and what the couple shares.

The pulse part reads only the caller's own answers. Time-outs and follow-through are shared data both partners
already see. So either partner may be shown the suggestion on their own line, and what one sees never reveals the
other's private pulse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from couple_dash.domain.cadence import local_today
from couple_dash.domain.therapy import (
    FOLLOW_THROUGH_WEEKS,
    TIME_OUT_WINDOW,
    TherapySignals,
    WeekKept,
    closed_weeks,
    therapy_signals,
    week_kept,
)
from couple_dash.models import CheckInMeeting, Commitment, TimeOutRecord, User, utcnow
from couple_dash.services import couple_of, pulse
from couple_dash.services.commitment_views import _facts, _histories  # the same history the cards are built from


def own_pulse_totals(session: Session, user_id: int, couple_id: int) -> list[int]:
    """The caller's own CSI-4 totals in this couple, oldest first."""
    return [total for total, _ in pulse.history(session, user_id, couple_id)]


def time_outs_by_meeting(session: Session, meeting_ids: Sequence[int | None]) -> dict[int, int]:
    """How many time-outs each of these check-ins had (a check-in without any isn't in it)."""
    return dict(
        session.exec(
            select(col(TimeOutRecord.meeting_id), func.count())
            .where(col(TimeOutRecord.meeting_id).in_(meeting_ids))
            .group_by(col(TimeOutRecord.meeting_id))
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
    counts = time_outs_by_meeting(session, meetings)
    return [int(counts.get(meeting_id or 0, 0)) for meeting_id in reversed(meetings)]


@dataclass(frozen=True)
class WeeksKept:
    mondays: list[date]  # the closed weeks, oldest first
    per_member: list[list[WeekKept]]  # one list per member given, in their order, a ``WeekKept`` per Monday
    first_start: date | None  # when the couple's first promise started (also one of a partner who has since left)


def weeks_kept(
    session: Session, couple_id: int, members: Sequence[User], now: datetime, weeks: int = FOLLOW_THROUGH_WEEKS
) -> WeeksKept:
    """Each member's due promises kept in each of the last ``weeks`` closed weeks (on their own calendar)."""
    commitments = [
        c
        for c in session.exec(
            select(Commitment).where(col(Commitment.couple_id) == couple_id, col(Commitment.status) != "proposed")
        ).all()
        if c.id is not None
    ]
    zones = {u.id: u.time_zone for u in members}
    todays = {c.id: local_today(now, zones.get(c.owner_id, "UTC")) for c in commitments if c.id is not None}
    histories = _histories(session, commitments, todays) if commitments else {}
    mondays = closed_weeks(local_today(now, "UTC"), weeks)
    per_member = []
    for person in members:
        own = [c for c in commitments if c.owner_id == person.id and c.id is not None]
        rows = []
        for monday in mondays:
            kept = due = 0
            for c in own:
                assert c.id is not None
                k, d = week_kept(_facts(c), histories[c.id].done, histories[c.id].paused, todays[c.id], monday)
                kept, due = kept + k, due + d
            rows.append(WeekKept(monday, kept, due))
        per_member.append(rows)
    return WeeksKept(mondays, per_member, min((c.start_date for c in commitments), default=None))


def weekly_follow_through(session: Session, couple_id: int, now: datetime) -> list[WeekKept]:
    """The couple's due promises kept in each of the last closed weeks (each owner's own calendar), oldest first."""
    members = session.exec(select(User).where(col(User.couple_id) == couple_id)).all()
    found = weeks_kept(session, couple_id, members, now)
    return [
        WeekKept(
            monday, sum(weeks[i].kept for weeks in found.per_member), sum(weeks[i].due for weeks in found.per_member)
        )
        for i, monday in enumerate(found.mondays)
    ]


def signals_for(*, session: Session, user_id: int, now: datetime | None = None) -> TherapySignals:
    """The therapist-suggestion signals as this person may see them."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    return therapy_signals(
        own_pulse_totals(session, user_id, couple_id),
        time_outs_per_check_in(session, couple_id),
        weekly_follow_through(session, couple_id, now),
    )
