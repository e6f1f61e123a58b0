"""What both partners see of their commitments: today's cards, a commitment's detail, each partner's progress."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.domain import commitments as rules
from couple_dash.domain.cadence import CadenceKind, local_today
from couple_dash.domain.followthrough import (
    CommitmentFacts,
    DayStatus,
    FollowThrough,
    day_statuses,
    follow_through,
)
from couple_dash.domain.heatmap import HeatCell, combined_heat_map, heat_map
from couple_dash.models import Commitment, CommitmentChange, Pause, Tick, User, utcnow
from couple_dash.services import NotAllowed
from couple_dash.services.commitments import NOT_IN_COUPLE, cadence_of, owner_today


@dataclass(frozen=True)
class CommitmentCard:
    """One commitment as the dashboard and the list show it, for both partners."""

    id: int
    owner_id: int
    owner_name: str
    proposed_by: int
    text: str
    why: str
    category: str
    category_label: str
    cadence_kind: str
    weekdays: list[int]
    times_per_week: int
    cadence_label: str
    due_by: str
    status: str
    status_label: str
    streak: int
    best_streak: int
    streak_label: str
    score_pct: int
    rate_7_pct: int  # follow-through over the last 7/30/90 days; -1 when nothing was due then
    rate_30_pct: int
    rate_90_pct: int
    today: str
    today_status: str
    today_tick_id: int
    today_note: str
    today_acknowledged: bool
    occurrences_today: int
    review_due: bool
    pending_pause_id: int
    pending_pause_by: int
    pending_pause_label: str
    start_date: str
    review_date: str
    version: int


@dataclass
class _History:
    done: set[date] = field(default_factory=set)
    ticks_by_day: dict[date, list[tuple[int, str, bool]]] = field(default_factory=lambda: defaultdict(list))
    paused: set[date] = field(default_factory=set)
    pending: tuple[int, int, str] | None = None


def _pct(rate: float | None) -> int:
    return -1 if rate is None else round(rate * 100)


def _streak_label(result: FollowThrough) -> str:
    if not result.streak_unit:
        return ""
    unit = result.streak_unit if result.current_streak == 1 else f"{result.streak_unit}s"
    return f"{result.current_streak} {unit}"


def _facts(commitment: Commitment) -> CommitmentFacts:
    return CommitmentFacts(cadence=cadence_of(commitment), start=commitment.start_date, end=commitment.ended_on)


def pause_days(pause: Pause, today: date) -> list[date]:
    """The days an agreed pause covers so far (an open-ended one runs to today; none of it lies ahead)."""
    last = min(pause.end_date or today, today)
    return [pause.start_date + timedelta(days=n) for n in range((last - pause.start_date).days + 1)]


def _histories(session: Session, commitments: list[Commitment], todays: dict[int, date]) -> dict[int, _History]:
    """Ticks and agreed pauses of many commitments in two queries (plain columns: this is the hot path)."""
    ids = [c.id for c in commitments if c.id is not None]
    histories: dict[int, _History] = {i: _History() for i in ids}
    if not ids:
        return histories
    # Every done day (two narrow columns: years of history), then the few recent ticks with their details.
    done_days = session.execute(
        sa.select(col(Tick.commitment_id), col(Tick.day)).where(col(Tick.commitment_id).in_(ids)).distinct()
    ).all()
    for commitment_id, day in done_days:
        histories[commitment_id].done.add(day)
    recent = session.execute(
        sa.select(col(Tick.commitment_id), col(Tick.day), col(Tick.id), col(Tick.note), col(Tick.acknowledged_at))
        .where(col(Tick.commitment_id).in_(ids), col(Tick.day) >= min(todays.values()) - timedelta(days=1))
        .order_by(col(Tick.occurred_at), col(Tick.id))
    ).all()
    for commitment_id, day, tick_id, note, acknowledged_at in recent:
        histories[commitment_id].ticks_by_day[day].append((tick_id, note, acknowledged_at is not None))
    for pause in session.exec(
        select(Pause).where(col(Pause.commitment_id).in_(ids), col(Pause.withdrawn_at).is_(None))
    ).all():
        history = histories[pause.commitment_id]
        if pause.agreed_at is None:
            history.pending = (pause.id or 0, pause.proposed_by, f"{pause.start_date:%d %b} – {pause.end_date:%d %b}")
            continue
        history.paused.update(pause_days(pause, todays[pause.commitment_id]))
    return histories


def commitment_cards(
    *, session: Session, couple_id: int, now: datetime | None = None, only_ids: set[int] | None = None
) -> list[CommitmentCard]:
    """Every commitment of the couple (or only some), with today's status, streak and score for its owner."""
    now = now or utcnow()
    query = select(Commitment).where(col(Commitment.couple_id) == couple_id)
    if only_ids is not None:
        query = query.where(col(Commitment.id).in_(only_ids))
    commitments = list(session.exec(query.order_by(col(Commitment.created_at), col(Commitment.id))).all())
    owners = {u.id: u for u in session.exec(select(User).where(col(User.couple_id) == couple_id)).all()}
    zone_of = {uid: u.time_zone for uid, u in owners.items()}
    todays = {c.id: local_today(now, zone_of.get(c.owner_id, "UTC")) for c in commitments if c.id is not None}
    histories = _histories(session, commitments, todays)
    cards = []
    for commitment in commitments:
        assert commitment.id is not None
        today = todays[commitment.id]
        history = histories[commitment.id]
        facts = _facts(commitment)
        result = follow_through(facts, history.done, history.paused, today)
        today_ticks = history.ticks_by_day.get(today, [])
        status = rules.Status(commitment.status)
        if status is rules.Status.PROPOSED:
            today_status = "proposed"
        elif today in history.done:
            today_status = DayStatus.DONE.value
        elif today in history.paused or status is rules.Status.PAUSED:
            today_status = DayStatus.PAUSED.value
        elif commitment.ended_on is not None and today > commitment.ended_on:
            today_status = DayStatus.ENDED.value
        elif facts.cadence.kind in (CadenceKind.TIMES_PER_WEEK, CadenceKind.OCCASION) or facts.cadence.is_due_on(today):
            today_status = DayStatus.OPEN.value
        else:
            today_status = DayStatus.NOT_DUE.value
        owner = owners.get(commitment.owner_id)
        pending = history.pending or (0, 0, "")
        cards.append(
            CommitmentCard(
                id=commitment.id,
                owner_id=commitment.owner_id,
                owner_name=owner.display_name if owner else "Former partner",
                proposed_by=commitment.proposed_by,
                text=commitment.text,
                why=commitment.why,
                category=commitment.category,
                category_label=rules.CATEGORY_LABELS[rules.Category(commitment.category)],
                cadence_kind=commitment.cadence_kind,
                weekdays=sorted(facts.cadence.weekdays),
                times_per_week=commitment.times_per_week,
                cadence_label=facts.cadence.describe(),
                due_by=commitment.due_by or "",
                status=status.value,
                status_label=rules.STATUS_LABELS[status],
                streak=result.current_streak,
                best_streak=result.best_streak,
                streak_label=_streak_label(result),
                score_pct=round(result.score * 100),
                rate_7_pct=_pct(result.rate_7),
                rate_30_pct=_pct(result.rate_30),
                rate_90_pct=_pct(result.rate_90),
                today=today.isoformat(),
                today_status=today_status,
                today_tick_id=today_ticks[-1][0] if today_ticks else 0,
                today_note=today_ticks[-1][1] if today_ticks else "",
                today_acknowledged=bool(today_ticks) and all(acked for _, _, acked in today_ticks),
                occurrences_today=len(today_ticks),
                review_due=status is rules.Status.ACTIVE and commitment.review_date <= today,
                pending_pause_id=pending[0],
                pending_pause_by=pending[1],
                pending_pause_label=pending[2],
                start_date=commitment.start_date.isoformat(),
                review_date=commitment.review_date.isoformat(),
                version=commitment.version,
            )
        )
    return cards


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    who: str
    what: str


def change_history(
    *, session: Session, couple_id: int, commitment_id: int, time_zone: str = "UTC", limit: int = 50
) -> list[HistoryEntry]:
    """Who changed what, when (shown in the reader's own time zone), newest first."""
    zone = ZoneInfo(time_zone)
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    names = {u.id: u.display_name for u in session.exec(select(User).where(col(User.couple_id) == couple_id))}
    rows = session.exec(
        select(CommitmentChange)
        .where(col(CommitmentChange.commitment_id) == commitment_id)
        .order_by(col(CommitmentChange.at).desc(), col(CommitmentChange.id).desc())
        .limit(limit)
    ).all()
    return [
        HistoryEntry(
            row.at.astimezone(zone).strftime("%d %b %Y, %H:%M"),
            names.get(row.actor_id, "A former partner"),
            describe_change(row.action, row.detail),
        )
        for row in rows
    ]


def describe_change(action: str, detail_json: str) -> str:
    detail = json.loads(detail_json or "{}")
    if action == "edited":
        fields = ", ".join(name.replace("_", " ") for name in detail)
        return f"changed {fields}"
    if action == "status":
        old, new = detail.get("status", ["", ""])
        return f"changed the status from {old} to {new}"
    return {
        "created": "made this commitment",
        "proposed": "proposed this commitment",
        "accepted": "accepted this commitment",
        "reviewed": "reviewed it (next review in four weeks)",
        "pause_proposed": f"proposed a pause ({detail.get('from')} to {detail.get('to')})",
        "pause_agreed": "agreed to the pause",
        "pause_declined": "turned down the pause",
    }.get(action, action.replace("_", " "))


@dataclass(frozen=True)
class HeatCellView:
    day: str  # ISO date, "" for padding cells
    level: int  # 0..4
    status: str  # a DayStatus value, "" for padding
    label: str  # for screen readers and tooltips: "12 Nov: done"


@dataclass(frozen=True)
class TickView:
    id: int
    day: str
    day_label: str
    note: str
    acknowledged: bool
    can_undo: bool


@dataclass(frozen=True)
class CommitmentDetail:
    heat: list[list[HeatCellView]]  # rows = weekdays (Monday first), columns = weeks (oldest first)
    ticks: list[TickView]
    history: list[HistoryEntry]
    backdate_days: list[list[str]]  # [ISO date, label] the owner may tick: today and up to three days back


STATUS_WORDS = {
    DayStatus.DONE: "done",
    DayStatus.MISSED: "missed",
    DayStatus.OPEN: "today, still open",
    DayStatus.NOT_DUE: "not due",
    DayStatus.PAUSED: "paused",
    DayStatus.BEFORE_START: "before it started",
    DayStatus.ENDED: "after it ended",
}


def commitment_detail(
    *,
    session: Session,
    couple_id: int,
    commitment_id: int,
    weeks: int = 26,
    time_zone: str = "UTC",
    now: datetime | None = None,
) -> CommitmentDetail:
    """The heat map, recent ticks and history of one commitment of the caller's couple."""
    now = now or utcnow()
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    today = owner_today(session, commitment, now)
    history = _histories(session, [commitment], {commitment_id: today})[commitment_id]
    first = today - timedelta(weeks=weeks)
    statuses = day_statuses(_facts(commitment), history.done, history.paused, today, first, today)
    heat = [[_cell_view(cell) for cell in row] for row in heat_map(statuses, weeks, today)]
    rows = session.exec(
        select(Tick)
        .where(col(Tick.commitment_id) == commitment_id)
        .order_by(col(Tick.day).desc(), col(Tick.occurred_at).desc())
        .limit(14)
    ).all()
    oldest_undoable = today - timedelta(days=rules.BACKDATE_DAYS)
    owner = session.get(User, commitment.owner_id)
    owner_zone = ZoneInfo(owner.time_zone if owner else "UTC")
    ticks = [
        TickView(
            t.id or 0,
            t.day.isoformat(),
            # An occasion is logged with the time it happened ("Tue 24 Nov, 17:42"), in the owner's zone.
            f"{t.day:%a %d %b}" + (f", {t.occurred_at.astimezone(owner_zone):%H:%M}" if t.occurrence else ""),
            t.note,
            t.acknowledged_at is not None,
            t.day >= oldest_undoable,
        )
        for t in rows
    ]
    names = {0: "Today", 1: "Yesterday"}
    backdate = [
        [day.isoformat(), names.get(back, f"{day:%a %d %b}")]
        for back in range(rules.BACKDATE_DAYS + 1)
        if (day := today - timedelta(days=back)) >= commitment.start_date
    ]
    return CommitmentDetail(
        heat=heat,
        ticks=ticks,
        history=change_history(session=session, couple_id=couple_id, commitment_id=commitment_id, time_zone=time_zone),
        backdate_days=backdate,
    )


@dataclass(frozen=True)
class PartnerProgress:
    user_id: int
    name: str
    heat: list[list[HeatCellView]]
    commitments: int
    rate_30_pct: int  # mean follow-through over the partner's commitments with something due; -1 if none


def partner_progress(
    *, session: Session, couple_id: int, weeks: int = 26, now: datetime | None = None
) -> list[PartnerProgress]:
    """Each partner's own days across all their commitments (never ranked against each other)."""
    now = now or utcnow()
    people = session.exec(select(User).where(col(User.couple_id) == couple_id).order_by(col(User.id))).all()
    commitments = list(
        session.exec(
            select(Commitment).where(col(Commitment.couple_id) == couple_id, col(Commitment.status) != "proposed")
        ).all()
    )
    results = []
    for person in people:
        assert person.id is not None
        today = local_today(now, person.time_zone)
        mine = [c for c in commitments if c.owner_id == person.id and c.id is not None]
        histories = _histories(session, mine, {c.id: today for c in mine if c.id is not None})
        first = today - timedelta(weeks=weeks)
        per_commitment = []
        rates = []
        for commitment in mine:
            assert commitment.id is not None
            history = histories[commitment.id]
            facts = _facts(commitment)
            per_commitment.append(day_statuses(facts, history.done, history.paused, today, first, today))
            rate = follow_through(facts, history.done, history.paused, today).rate_30
            if rate is not None:
                rates.append(rate)
        heat = [[_cell_view(cell) for cell in row] for row in combined_heat_map(per_commitment, weeks, today)]
        results.append(
            PartnerProgress(
                person.id, person.display_name, heat, len(mine), round(100 * sum(rates) / len(rates)) if rates else -1
            )
        )
    return results


def _cell_view(cell: HeatCell) -> HeatCellView:
    return HeatCellView(
        cell.day.isoformat() if cell.day else "",
        cell.level,
        cell.status.value if cell.status else "",
        f"{cell.day:%d %b}: {STATUS_WORDS[cell.status]}" if cell.day and cell.status else "",
    )
