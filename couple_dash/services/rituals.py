"""Rituals the couple plans together, their ideas lists, and what happens to each occurrence.

Every function is scoped to the caller's own couple. The weekly check-in is a ritual too (``kind="check_in"``,
at most one live per couple), kept by ``set_check_in``.

Occurrence records (confirmations, done / missed, moves) belong to a scheduled day. When a ritual's plan is
edited, every record of an occurrence that is over, or was marked done, is history and stays, shown under
"Recent" even if the new plan no longer has that day. A record of an occurrence still ahead stays while the new
plan still has that day (a confirmation or a move still stands) and is deleted otherwise: it was about a plan
that no longer exists, and would leave a skipped day, a moved event or a reminder for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select
from sqlmodel import update as update_rows

from couple_dash.domain import check_in_time
from couple_dash.domain.recurrence import MAX_DURATION, Recurrence, RecurrenceKind, local_instant
from couple_dash.models import Ritual, RitualIdea, RitualOccurrence, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of, partner_of

NOT_YOURS = "That ritual isn't part of your couple's plans."
CHECK_IN_ELSEWHERE = "The weekly check-in is set on the Check-in page: change its day and time there."
PLANNER_MODES = ("me", "partner", "alternate")
CHECK_IN = "check_in"
MAX_TITLE, MAX_DESCRIPTION, MAX_IDEA, MAX_REFLECTION = 80, 500, 200, 500


@dataclass(frozen=True)
class RitualInput:
    """What the ritual form sends, before validation."""

    title: str
    recurrence: str
    time: str  # "19:00"
    start: date
    description: str = ""
    weekdays: tuple[int, ...] = ()
    interval_weeks: int = 1
    month_day: int = 0
    duration_minutes: int = 60
    planner_mode: str = "alternate"


def recurrence_of(ritual: Ritual) -> Recurrence:
    return Recurrence(
        RecurrenceKind(ritual.recurrence),
        ritual.start_date,
        frozenset(int(d) for d in ritual.weekdays.split(",") if d),
        ritual.interval_weeks,
        ritual.month_day,
    )


def _own(session: Session, couple_id: int, ritual_id: int) -> Ritual:
    ritual = session.get(Ritual, ritual_id)
    if ritual is None or ritual.couple_id != couple_id or ritual.archived_at is not None:
        raise NotAllowed(NOT_YOURS)
    return ritual


def _validated(data: RitualInput) -> tuple[Recurrence, int]:
    title = " ".join(data.title.split())
    if not title:
        raise ServiceError("Give the ritual a name, like “Date night”.")
    if len(title) > MAX_TITLE or len(data.description.strip()) > MAX_DESCRIPTION:
        raise ServiceError(f"Keep the name under {MAX_TITLE} and the description under {MAX_DESCRIPTION} characters.")
    try:
        kind = RecurrenceKind(data.recurrence)
        minute = check_in_time.parse_time(data.time)
    except ValueError as refusal:
        raise ServiceError(
            str(refusal) if isinstance(refusal, check_in_time.ScheduleError) else "Choose how often."
        ) from None
    recurrence = Recurrence(kind, data.start, frozenset(data.weekdays), data.interval_weeks, data.month_day)
    if problem := recurrence.problem():
        raise ServiceError(problem)
    if recurrence.first_day() is None:
        raise ServiceError("That never happens: check the start date and the days.")
    if not 5 <= data.duration_minutes <= MAX_DURATION:
        raise ServiceError("Say how long it lasts, from 5 minutes to a day.")
    if data.planner_mode not in PLANNER_MODES:
        raise ServiceError("Say who plans it.")
    return recurrence, minute


def _plan(
    session: Session, couple_id: int, user_id: int, data: RitualInput, ritual: Ritual | None = None
) -> dict[str, Any]:
    """The columns a (validated) form sets, for a new ritual or an edit of ``ritual``.

    Who plans is stored as ``planner_id`` plus a mode relative to the creator ("me" = the creator plans), so it
    reads the same whichever partner made the last edit. Turn about keeps its first planner through edits.
    """
    recurrence, minute = _validated(data)
    partner = partner_of(session, couple_id, user_id)
    if data.planner_mode == "partner" and partner is None:
        raise ServiceError("Pair with your partner first, then they can plan it.")
    creator = ritual.created_by if ritual is not None else user_id
    if data.planner_mode == "alternate":
        planner = ritual.planner_id if ritual is not None and ritual.planner_mode == "alternate" else user_id
        mode = "alternate"
    else:
        planner = partner.id if data.planner_mode == "partner" and partner is not None and partner.id else user_id
        mode = "me" if planner == creator else "partner"
    return {
        "title": " ".join(data.title.split()),
        "description": data.description.strip(),
        "recurrence": recurrence.kind.value,
        "weekdays": ",".join(str(d) for d in sorted(recurrence.weekdays)),
        "interval_weeks": recurrence.interval_weeks,
        "month_day": recurrence.month_day,
        "start_date": recurrence.start,
        "minute": minute,
        "duration_minutes": data.duration_minutes,
        "planner_mode": mode,
        "planner_id": planner,
    }


def create(*, session: Session, user_id: int, data: RitualInput, now: datetime | None = None) -> Ritual:
    user, couple_id = couple_of(session, user_id)
    plan = _plan(session, couple_id, user_id, data)
    ritual = Ritual(couple_id=couple_id, zone=user.time_zone, created_by=user_id, created_at=now or utcnow(), **plan)
    session.add(ritual)
    session.flush()
    return ritual


class RitualConflict(ServiceError):
    """The ritual changed since the form was opened (the partner, or another device, saved first)."""

    def __init__(self, current: Ritual) -> None:
        super().__init__(
            f"This ritual was just changed elsewhere (perhaps by your partner): it is now “{current.title}”, "
            f"{recurrence_of(current).describe(current.minute)}. Your changes are still in the form; "
            "save again to keep them."
        )
        self.current_version = current.version


def editable(*, session: Session, user_id: int, ritual_id: int) -> tuple[RitualInput, Ritual]:
    """What the edit form starts from, as this partner would type it ("I plan it" is theirs), and the ritual."""
    _, couple_id = couple_of(session, user_id)
    ritual = _own(session, couple_id, ritual_id)
    if ritual.kind == CHECK_IN:
        raise ServiceError(CHECK_IN_ELSEWHERE)
    if ritual.planner_mode == "alternate":
        planner_mode = "alternate"
    else:
        planner_mode = "me" if ritual.planner_id == user_id else "partner"
    recurrence = recurrence_of(ritual)
    data = RitualInput(
        title=ritual.title,
        description=ritual.description,
        recurrence=ritual.recurrence,
        time=check_in_time.format_time(ritual.minute),
        start=ritual.start_date,
        weekdays=tuple(sorted(recurrence.weekdays)),
        interval_weeks=ritual.interval_weeks,
        month_day=ritual.month_day,
        duration_minutes=ritual.duration_minutes,
        planner_mode=planner_mode,
    )
    return data, ritual


def update(
    *,
    session: Session,
    user_id: int,
    ritual_id: int,
    data: RitualInput,
    now: datetime | None = None,
    base_version: int | None = None,
) -> Ritual:
    """Change a ritual's plan (either partner: the plans are shared), with the same rules as ``create``.

    The zone and the creator stay: times are the wall-clock times where the ritual was planned. ``base_version``
    (the version the form started from) refuses an edit made over someone else's newer one. Occurrence records
    are kept or dropped as the module docstring says. A refusal changes nothing.
    """
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    ritual = _own(session, couple_id, ritual_id)
    if ritual.kind == CHECK_IN:
        raise ServiceError(CHECK_IN_ELSEWHERE)
    plan = _plan(session, couple_id, user_id, data, ritual)
    if base_version is not None and base_version != ritual.version:
        raise RitualConflict(ritual)
    if all(getattr(ritual, name) == value for name, value in plan.items()):
        return ritual
    was = (ritual.minute, ritual.duration_minutes, ritual.zone)
    written = session.exec(
        update_rows(Ritual)
        .where(col(Ritual.id) == ritual_id, col(Ritual.version) == ritual.version)
        .values(**plan, version=Ritual.version + 1)
    )
    session.refresh(ritual)
    if not written.rowcount:
        raise RitualConflict(ritual)
    _drop_superseded(session, ritual, *was, now)
    session.flush()
    return ritual


def _drop_superseded(
    session: Session, ritual: Ritual, old_minute: int, old_length: int, old_zone: str, now: datetime
) -> None:
    """Delete the records of occurrences still ahead (by the old plan's time) that the new plan no longer has.

    Every change of a plan comes here: ``update`` for a ritual, ``set_check_in`` for the check-in.
    """
    new = recurrence_of(ritual)
    length = timedelta(minutes=old_length)
    for record in session.exec(select(RitualOccurrence).where(col(RitualOccurrence.ritual_id) == ritual.id)).all():
        if new.happens_on(record.day) or record.status == "done":
            continue
        starts = record.moved_to or local_instant(record.day, old_minute, old_zone)
        if starts + length > now:
            session.delete(record)


def archive(*, session: Session, user_id: int, ritual_id: int, now: datetime | None = None) -> None:
    """Stop a ritual (either partner; its history stays). The check-in is changed, not removed."""
    _, couple_id = couple_of(session, user_id)
    ritual = _own(session, couple_id, ritual_id)
    if ritual.kind == CHECK_IN:
        raise ServiceError("The weekly check-in stays; change its day and time on the Check-in page.")
    ritual.archived_at = now or utcnow()
    session.add(ritual)
    session.flush()


def check_in_ritual(session: Session, couple_id: int) -> Ritual | None:
    return session.exec(
        select(Ritual).where(
            col(Ritual.couple_id) == couple_id, col(Ritual.kind) == CHECK_IN, col(Ritual.archived_at).is_(None)
        )
    ).first()


def set_check_in(
    *, session: Session, user_id: int, weekday: int, minute: int, today: date, now: datetime | None = None
) -> Ritual:
    """The couple's usual check-in day and time, in the setter's zone (created on first use).

    Occurrence records are kept or dropped as for an edited ritual (the module docstring).
    """
    now = now or utcnow()
    user, couple_id = couple_of(session, user_id)
    ritual = check_in_ritual(session, couple_id) or Ritual(
        couple_id=couple_id,
        kind=CHECK_IN,
        title="Weekly check-in",
        description="Appreciations, what went well, one issue at a time, requests, commitments, plans, pulse.",
        recurrence=RecurrenceKind.WEEKLY.value,
        start_date=today,
        minute=minute,
        duration_minutes=45,
        zone=user.time_zone,
        planner_mode="alternate",
        planner_id=user_id,
        created_by=user_id,
        created_at=now,
    )
    was = (ritual.minute, ritual.duration_minutes, ritual.zone)
    ritual.weekdays, ritual.minute, ritual.zone = str(weekday), minute, user.time_zone
    ritual.start_date = min(ritual.start_date, today)
    if ritual.id:
        ritual.version += 1
        _drop_superseded(session, ritual, *was, now)
    session.add(ritual)
    session.flush()
    return ritual


def add_idea(*, session: Session, user_id: int, ritual_id: int, text: str) -> RitualIdea:
    _, couple_id = couple_of(session, user_id)
    _own(session, couple_id, ritual_id)
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ServiceError("Write the idea first, like “try the new Thai place”.")
    if len(cleaned) > MAX_IDEA:
        raise ServiceError(f"Keep an idea under {MAX_IDEA} characters.")
    idea = RitualIdea(ritual_id=ritual_id, author_id=user_id, text=cleaned)
    session.add(idea)
    session.flush()
    return idea


def remove_idea(*, session: Session, user_id: int, idea_id: int) -> None:
    """Either partner may cross an idea off (done, or no longer wanted)."""
    _, couple_id = couple_of(session, user_id)
    idea = session.get(RitualIdea, idea_id)
    if idea is None:
        raise NotAllowed(NOT_YOURS)
    _own(session, couple_id, idea.ritual_id)
    session.delete(idea)
    session.flush()


def _occurrence(session: Session, user_id: int, ritual_id: int, day: date) -> tuple[Ritual, RitualOccurrence]:
    _, couple_id = couple_of(session, user_id)
    ritual = _own(session, couple_id, ritual_id)
    found = session.exec(
        select(RitualOccurrence).where(col(RitualOccurrence.ritual_id) == ritual_id, col(RitualOccurrence.day) == day)
    ).first()
    # A day an edit took off the plan keeps its record (history), which can still be corrected.
    if found is None and not recurrence_of(ritual).happens_on(day):
        raise ServiceError("That ritual isn't planned for that day.")
    return ritual, found or RitualOccurrence(ritual_id=ritual_id, day=day)


def _save(session: Session, occurrence: RitualOccurrence, user_id: int, now: datetime | None) -> RitualOccurrence:
    occurrence.updated_by, occurrence.updated_at = user_id, now or utcnow()
    session.add(occurrence)
    session.flush()
    return occurrence


def confirm(
    *, session: Session, user_id: int, ritual_id: int, day: date, now: datetime | None = None
) -> RitualOccurrence:
    """ "I'll be there": each partner confirms for themself."""
    _, occurrence = _occurrence(session, user_id, ritual_id, day)
    confirmed = {int(u) for u in occurrence.confirmed_by.split(",") if u} | {user_id}
    occurrence.confirmed_by = ",".join(str(u) for u in sorted(confirmed))
    return _save(session, occurrence, user_id, now)


def mark(
    *,
    session: Session,
    user_id: int,
    ritual_id: int,
    day: date,
    status: str,
    reflection: str = "",
    now: datetime | None = None,
) -> RitualOccurrence:
    """Done (with a short shared reflection) or missed. Either partner may say; either may correct it."""
    if status not in ("done", "missed", "planned"):
        raise ServiceError("Say whether it happened.")
    if len(reflection.strip()) > MAX_REFLECTION:
        raise ServiceError(f"Keep the reflection under {MAX_REFLECTION} characters.")
    ritual, occurrence = _occurrence(session, user_id, ritual_id, day)
    if status == "done" and day > _today(ritual, now):
        raise ServiceError("It hasn't happened yet: mark it done on the day.")
    occurrence.status, occurrence.moved_to = status, None
    if reflection.strip():
        occurrence.reflection = reflection.strip()
    return _save(session, occurrence, user_id, now)


def reschedule(
    *, session: Session, user_id: int, ritual_id: int, day: date, to: datetime, now: datetime | None = None
) -> RitualOccurrence:
    """Move one occurrence to another day and time (``to`` is aware); the rest of the series stays."""
    if to.tzinfo is None:
        raise ServiceError("Pick the new day and time.")
    if to < (now or utcnow()):
        raise ServiceError("Pick a new time that is still ahead.")
    _, occurrence = _occurrence(session, user_id, ritual_id, day)
    occurrence.status, occurrence.moved_to = "moved", to
    return _save(session, occurrence, user_id, now)


def _today(ritual: Ritual, now: datetime | None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(ritual.zone)).date()


def local_datetime(day: str, at: str, zone: str) -> datetime:
    """A date and time typed in a form, in the person's zone, as an aware datetime."""
    try:
        return datetime.combine(date.fromisoformat(day), time.fromisoformat(at), tzinfo=ZoneInfo(zone))
    except ValueError:
        raise ServiceError("Pick the new day and time.") from None
