"""What both partners see of their rituals: each ritual with its ideas and coming occurrences, what's next on the
dashboard, and a month at a glance. Times are shown in the ritual's own zone (where it happens)."""

from __future__ import annotations

from calendar import Calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from couple_dash.domain.check_in_time import format_time
from couple_dash.domain.recurrence import local_instant, occurrence_index, planner_for
from couple_dash.models import Ritual, RitualIdea, RitualOccurrence, User, utcnow
from couple_dash.services import partner_of
from couple_dash.services.rituals import recurrence_of

STATUS_LABELS = {"planned": "Planned", "done": "Done", "missed": "Missed", "moved": "Moved"}


@dataclass(frozen=True)
class OccurrenceView:
    ritual_id: int
    title: str
    kind: str
    day: str  # the scheduled local date (ISO): the occurrence's identity
    label: str  # "Fri 27 Nov, 19:00" (or where it moved to)
    starts_ms: int
    status: str
    status_label: str
    confirmed_by: list[int]
    planner_id: int
    reflection: str


@dataclass(frozen=True)
class IdeaView:
    id: int
    text: str
    author_id: int


@dataclass(frozen=True)
class RitualView:
    id: int
    kind: str
    title: str
    description: str
    schedule_label: str
    duration_minutes: int
    planner_label: str
    version: int  # bumped by every edit of the plan
    ideas: list[IdeaView]
    coming: list[OccurrenceView]
    recent: list[OccurrenceView]


@dataclass(frozen=True)
class MonthCell:
    day: int  # 0 for the padding days of other months
    iso: str
    today: bool
    events: list[str]  # "19:00 Date night · Done"


def _live(session: Session, couple_id: int) -> list[Ritual]:
    return list(
        session.exec(
            select(Ritual)
            .where(col(Ritual.couple_id) == couple_id, col(Ritual.archived_at).is_(None))
            .order_by(col(Ritual.kind).desc(), col(Ritual.created_at), col(Ritual.id))
        ).all()
    )


def _records(session: Session, ritual_ids: list[int]) -> dict[tuple[int, date], RitualOccurrence]:
    if not ritual_ids:
        return {}
    rows = session.exec(select(RitualOccurrence).where(col(RitualOccurrence.ritual_id).in_(ritual_ids))).all()
    return {(r.ritual_id, r.day): r for r in rows}


def _view(
    ritual: Ritual, day: date, record: RitualOccurrence | None, partner: int | None, on_plan: bool = True
) -> OccurrenceView:
    """One occurrence. A day no longer on the plan (history kept through an edit) shows no time: the plan's time
    may have changed since, and the old one isn't stored."""
    assert ritual.id is not None
    tz = ZoneInfo(ritual.zone)
    moved_to = record.moved_to if record is not None else None
    starts = moved_to.astimezone(tz) if moved_to is not None else local_instant(day, ritual.minute, ritual.zone)
    status = record.status if record is not None else "planned"
    planner = planner_for(
        occurrence_index(recurrence_of(ritual), day),
        ritual.planner_mode,
        ritual.planner_id,
        partner or ritual.planner_id,
    )
    return OccurrenceView(
        ritual_id=ritual.id,
        title=ritual.title,
        kind=ritual.kind,
        day=day.isoformat(),
        label=f"{starts:%a} {starts.day} {starts:%b}"
        + (f", {starts:%H:%M}" if on_plan or moved_to is not None else ""),
        starts_ms=int(starts.timestamp() * 1000),
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        confirmed_by=[int(u) for u in (record.confirmed_by if record else "").split(",") if u],
        planner_id=planner,
        reflection=record.reflection if record else "",
    )


def _planner_label(ritual: Ritual, names: dict[int | None, str]) -> str:
    name = names.get(ritual.planner_id, "")
    if ritual.planner_mode == "alternate":
        return "You take turns planning it"
    return f"{name} plans it"


def _history_days(
    records: dict[tuple[int, date], RitualOccurrence], ritual_id: int, first: date, last: date
) -> set[date]:
    """Days in [first, last] with a record (something happened to that occurrence), on the plan or not: an edit
    may have taken a day off the plan, but what happened on it stays in the history."""
    return {day for (rid, day) in records if rid == ritual_id and first <= day <= last}


def ritual_views(*, session: Session, couple_id: int, now: datetime | None = None) -> list[RitualView]:
    """Every live ritual with its ideas, the next four occurrences and the last three."""
    now = now or utcnow()
    rituals = _live(session, couple_id)
    ids = [r.id for r in rituals if r.id is not None]
    records = _records(session, ids)
    names = {u.id: u.display_name for u in session.exec(select(User).where(col(User.couple_id) == couple_id))}
    ideas: dict[int, list[IdeaView]] = {}
    if ids:
        for idea in session.exec(
            select(RitualIdea).where(col(RitualIdea.ritual_id).in_(ids)).order_by(col(RitualIdea.created_at))
        ):
            ideas.setdefault(idea.ritual_id, []).append(IdeaView(idea.id or 0, idea.text, idea.author_id))
    views = []
    for ritual in rituals:
        assert ritual.id is not None
        other = partner_of(session, couple_id, ritual.planner_id)
        partner = other.id if other is not None else None
        recurrence = recurrence_of(ritual)
        # Coming: not over yet (today's morning coffee is "recent" by the evening).
        today = now.astimezone(ZoneInfo(ritual.zone)).date()
        length = timedelta(minutes=ritual.duration_minutes)
        days = recurrence.days(today - timedelta(days=90), today + timedelta(days=120))
        planned = set(days)
        over = {d for d in days if local_instant(d, ritual.minute, ritual.zone) + length <= now}
        ahead = [d for d in days if d not in over][:4]
        # Past days an edit took off the plan still show what happened on them.
        off_plan = _history_days(records, ritual.id, today - timedelta(days=90), today) - planned
        behind = sorted(over | off_plan)[-3:]
        views.append(
            RitualView(
                id=ritual.id,
                kind=ritual.kind,
                title=ritual.title,
                description=ritual.description,
                schedule_label=recurrence.describe(ritual.minute),
                duration_minutes=ritual.duration_minutes,
                planner_label=_planner_label(ritual, names),
                version=ritual.version,
                ideas=ideas.get(ritual.id, []),
                coming=[_view(ritual, d, records.get((ritual.id, d)), partner) for d in ahead],
                recent=[_view(ritual, d, records.get((ritual.id, d)), partner, d in planned) for d in reversed(behind)],
            )
        )
    return views


def upcoming(views: list[RitualView], limit: int = 3) -> list[OccurrenceView]:
    """The next occurrences across all rituals (the dashboard's "coming up"), soonest first."""
    coming = [o for view in views for o in view.coming if o.status in ("planned", "moved")]
    return sorted(coming, key=lambda o: o.starts_ms)[:limit]


def month(
    *, session: Session, couple_id: int, year: int, month_number: int, zone: str, now: datetime | None = None
) -> list[list[MonthCell]]:
    """The weeks (Monday first) of one month, each day with the rituals on it."""
    now = now or utcnow()
    today = now.astimezone(ZoneInfo(zone)).date()
    rituals = _live(session, couple_id)
    records = _records(session, [r.id for r in rituals if r.id is not None])
    first, last = date(year, month_number, 1), date(year, month_number, 1) + timedelta(days=31)
    by_day: dict[date, list[str]] = {}
    for ritual in rituals:
        assert ritual.id is not None
        ritual_today = now.astimezone(ZoneInfo(ritual.zone)).date()
        planned = set(recurrence_of(ritual).days(first, last))
        for day in sorted(planned | _history_days(records, ritual.id, first, min(last, ritual_today))):
            record = records.get((ritual.id, day))
            status = STATUS_LABELS.get(record.status, "") if record else ""
            at = f"{format_time(ritual.minute)} " if day in planned else ""
            shown = at + ritual.title
            by_day.setdefault(day, []).append(shown + (f" · {status}" if status else ""))
    weeks = []
    for week in Calendar().monthdatescalendar(year, month_number):
        weeks.append(
            [
                MonthCell(d.day if d.month == month_number else 0, d.isoformat(), d == today, sorted(by_day.get(d, [])))
                for d in week
            ]
        )
    return weeks
