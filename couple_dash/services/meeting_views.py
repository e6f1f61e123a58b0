"""What every screen of a check-in shows: the meeting's live view, built from the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.domain import meeting as rules
from couple_dash.domain.commitments import Status
from couple_dash.models import AgendaItem, Commitment, Tick, User, utcnow
from couple_dash.services import commitment_views, pulse
from couple_dash.services.meeting import notes, open_meeting
from couple_dash.services.rituals import check_in_ritual


def _ms(at: datetime | None) -> int:
    return int(at.timestamp() * 1000) if at is not None else 0


@dataclass(frozen=True)
class NoteView:
    id: int
    kind: str
    text: str
    author_id: int


@dataclass(frozen=True)
class WentWellView:
    """One active commitment's week, as the "what went well" section shows it."""

    commitment_id: int
    owner_id: int
    owner_name: str
    text: str
    kept_label: str  # "Kept 6 of 7 due days this week"
    streak_label: str
    thanked: int  # ticks the partner acknowledged this week


@dataclass(frozen=True)
class MeetingView:
    """The open check-in (``id`` 0 when there is none). Times are epoch milliseconds for the browser's timers."""

    id: int = 0
    section: int = 0
    section_key: str = ""
    section_title: str = ""
    section_prompt: str = ""
    section_minutes: int = 0
    section_started_ms: int = 0
    started_by: int = 0
    time_out_by: int = 0
    time_out_ends_ms: int = 0
    appreciation_turn: int = 0
    issue_item_id: int = 0
    issue_text: str = ""
    speaker_id: int = 0
    understood: list[int] = field(default_factory=list)
    solving_open: bool = False
    turn_seconds: int = rules.DEFAULT_TURN_SECONDS
    turn_ends_ms: int = 0
    pulse_done: list[int] = field(default_factory=list)
    last_section: bool = False


@dataclass(frozen=True)
class CheckInSchedule:
    weekday: int = -1  # -1: not set yet
    minute: int = 0
    zone: str = ""


def schedule(session: Session, couple_id: int) -> CheckInSchedule:
    """The usual check-in day and time: the couple's check-in ritual."""
    ritual = check_in_ritual(session, couple_id)
    if ritual is None or not ritual.weekdays:
        return CheckInSchedule()
    return CheckInSchedule(int(ritual.weekdays.split(",")[0]), ritual.minute, ritual.zone)


def meeting_view(session: Session, couple_id: int) -> tuple[MeetingView, list[NoteView]]:
    found = open_meeting(session, couple_id)
    if found is None or found.id is None:
        return MeetingView(), []
    guide = rules.guide(found.section)
    issue = session.get(AgendaItem, found.issue_item_id) if found.issue_item_id else None
    understood = [int(part) for part in found.understood.split(",") if part]
    members = session.exec(select(col(User.id)).where(col(User.couple_id) == couple_id)).all()
    turn_ends = found.turn_started_at + timedelta(seconds=found.turn_seconds) if found.turn_started_at else None
    view = MeetingView(
        id=found.id,
        section=found.section,
        section_key=guide.section.value,
        section_title=guide.title,
        section_prompt=guide.prompt,
        section_minutes=guide.minutes,
        section_started_ms=_ms(found.section_started_at),
        started_by=found.started_by,
        time_out_by=found.time_out_by or 0,
        time_out_ends_ms=_ms(rules.time_out_ends(found.time_out_at)) if found.time_out_at else 0,
        appreciation_turn=found.appreciation_turn or 0,
        issue_item_id=issue.id if issue is not None and issue.id is not None else 0,
        issue_text=issue.text if issue is not None else "",
        speaker_id=found.speaker_id or 0,
        understood=understood,
        solving_open=bool(members) and set(members) <= set(understood),
        turn_seconds=found.turn_seconds,
        turn_ends_ms=_ms(turn_ends),
        pulse_done=pulse.answered(session, found.id),
        last_section=found.section == len(rules.SECTIONS) - 1,
    )
    note_views = [NoteView(n.id or 0, n.kind, n.text, n.author_id) for n in notes(session, found.id)]
    return view, note_views


def went_well(session: Session, couple_id: int, now: datetime | None = None) -> list[WentWellView]:
    """This week's follow-through for every active commitment, pulled in for the check-in."""
    now = now or utcnow()
    cards = [
        c
        for c in commitment_views.commitment_cards(session=session, couple_id=couple_id, now=now)
        if c.status == Status.ACTIVE.value
    ]
    since = now - timedelta(days=7)
    thanked = dict(
        session.execute(
            sa.select(col(Tick.commitment_id), sa.func.count())
            .join(Commitment, col(Commitment.id) == col(Tick.commitment_id))
            .where(
                col(Commitment.couple_id) == couple_id,
                col(Tick.acknowledged_at).is_not(None),
                col(Tick.occurred_at) >= since,
            )
            .group_by(col(Tick.commitment_id))
        ).all()
    )
    views = []
    for card in cards:
        kept = (
            f"Kept {card.rate_7_pct}% of due days in the last 7 days"
            if card.rate_7_pct >= 0
            else "Nothing was due in the last 7 days"
        )
        views.append(
            WentWellView(
                card.id, card.owner_id, card.owner_name, card.text, kept, card.streak_label, thanked.get(card.id, 0)
            )
        )
    return views
