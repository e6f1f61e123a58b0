"""Ending a check-in: what it leaves behind (a summary both partners can read later), and the list of them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from couple_dash.domain.agenda import AgendaKind
from couple_dash.models import AgendaItem, CheckInMeeting, Commitment, CommitmentChange, User, utcnow
from couple_dash.services import couple_of
from couple_dash.services.commitment_views import describe_change
from couple_dash.services.meeting import current_meeting, notes, refuse_while_paused, write_if_unchanged
from couple_dash.services.pulse import answered

# Shared at the check-in, then kept in its summary rather than carried over.
SETTLED_AT_END = (AgendaKind.APPRECIATION.value, AgendaKind.WENT_WELL.value)


def _commitment_changes(session: Session, meeting: CheckInMeeting, until: datetime, names: dict[int, str]) -> list[str]:
    rows = session.exec(
        select(CommitmentChange, Commitment)
        .join(Commitment, col(Commitment.id) == col(CommitmentChange.commitment_id))
        .where(
            col(Commitment.couple_id) == meeting.couple_id,
            col(CommitmentChange.at) >= meeting.started_at,
            col(CommitmentChange.at) <= until,
        )
        .order_by(col(CommitmentChange.at), col(CommitmentChange.id))
    ).all()
    return [
        f"{names.get(change.actor_id, 'A former partner')} {describe_change(change.action, change.detail)}: "
        f"“{commitment.text}”"
        for change, commitment in rows
    ]


def finish(*, session: Session, user_id: int, now: datetime | None = None) -> CheckInMeeting:
    """End the check-in and save its summary. Appreciations and good news are settled; every other open item
    carries over to the next check-in."""
    now = now or utcnow()
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    assert found.id is not None
    names = {
        u.id: u.display_name
        for u in session.exec(select(User).where(col(User.couple_id) == found.couple_id))
        if u.id is not None
    }
    shared = session.exec(
        select(AgendaItem)
        .where(
            col(AgendaItem.couple_id) == found.couple_id,
            col(AgendaItem.resolved_at).is_(None),
            col(AgendaItem.kind).in_(SETTLED_AT_END),
            ~(col(AgendaItem.private) & col(AgendaItem.revealed_at).is_(None)),
        )
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    talked_through = session.exec(
        select(AgendaItem).where(col(AgendaItem.resolved_in) == found.id).order_by(col(AgendaItem.resolved_at))
    ).all()
    for item in shared:
        item.resolved_at, item.resolved_in = now, found.id
        session.add(item)
    session.flush()
    carried_over = session.exec(
        select(col(AgendaItem.id)).where(
            col(AgendaItem.couple_id) == found.couple_id, col(AgendaItem.resolved_at).is_(None)
        )
    ).all()
    done = set(answered(session, found.id))
    meeting_notes = notes(session, found.id)
    summary: dict[str, Any] = {
        "minutes": max(1, round((now - found.started_at).total_seconds() / 60)),
        "appreciations": [
            f"{names.get(i.author_id, 'A former partner')}: {i.text}"
            for i in shared
            if i.kind == AgendaKind.APPRECIATION.value
        ],
        "went_well": [i.text for i in shared if i.kind == AgendaKind.WENT_WELL.value],
        "talked_through": [i.text for i in talked_through],
        "agreements": [n.text for n in meeting_notes if n.kind == "agreement"],
        "rituals": [n.text for n in meeting_notes if n.kind == "ritual"],
        "commitments": _commitment_changes(session, found, now, names),
        "carried_over": len(carried_over),
        "pulse": [{"name": name, "done": uid in done} for uid, name in sorted(names.items())],
    }
    write_if_unchanged(session, found, ended_at=now, summary=json.dumps(summary))
    return found


@dataclass(frozen=True)
class SummaryView:
    id: int
    date_label: str
    minutes: int
    appreciations: list[str]
    went_well: list[str]
    talked_through: list[str]
    agreements: list[str]
    rituals: list[str]
    commitments: list[str]
    carried_over: int
    carried_label: str
    pulse: list[str]  # "Alex answered the pulse" / "Sam skipped the pulse this time"


def _carried_label(count: int) -> str:
    if count == 0:
        return "Nothing was left over: every item was talked through."
    return f"{count} item{'' if count == 1 else 's'} carried over to the next check-in."


def summaries(*, session: Session, user_id: int, time_zone: str = "UTC", limit: int = 26) -> list[SummaryView]:
    """Past check-ins of the caller's couple, newest first."""
    _, couple_id = couple_of(session, user_id)
    rows = session.exec(
        select(CheckInMeeting)
        .where(col(CheckInMeeting.couple_id) == couple_id, col(CheckInMeeting.ended_at).is_not(None))
        .order_by(col(CheckInMeeting.started_at).desc())
        .limit(limit)
    ).all()
    zone = ZoneInfo(time_zone)
    views = []
    for row in rows:
        data = json.loads(row.summary or "{}")
        views.append(
            SummaryView(
                id=row.id or 0,
                date_label=row.started_at.astimezone(zone).strftime("%A %d %B %Y"),
                minutes=int(data.get("minutes", 0)),
                appreciations=list(data.get("appreciations", [])),
                went_well=list(data.get("went_well", [])),
                talked_through=list(data.get("talked_through", [])),
                agreements=list(data.get("agreements", [])),
                rituals=list(data.get("rituals", [])),
                commitments=list(data.get("commitments", [])),
                carried_over=int(data.get("carried_over", 0)),
                carried_label=_carried_label(int(data.get("carried_over", 0))),
                pulse=[
                    f"{p['name']} answered the pulse" if p["done"] else f"{p['name']} skipped the pulse this time"
                    for p in data.get("pulse", [])
                ],
            )
        )
    return views
