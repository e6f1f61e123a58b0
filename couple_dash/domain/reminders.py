"""Which reminders are due in a window of time, for whom, in each person's own zone, outside their quiet hours.

Pure: the scheduler passes the window (since, until] and what is in the database; every reminder carries a key
that names it uniquely (what, which occurrence, for whom), so delivering it twice is impossible downstream.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from couple_dash.domain.recurrence import Recurrence, instants, local_instant

WINDOW_LEAD = timedelta(minutes=30)  # "you said you'd text by 18:00" arrives at 17:30
STREAK_NUDGE_MINUTE = 20 * 60
DIGEST_WEEKDAY, DIGEST_MINUTE = 6, 18 * 60  # Sunday 18:00
# Quiet hours can push a reminder up to a day later: look back that far for reminders that land in the window.
LOOKBACK = timedelta(days=1)


@dataclass(frozen=True)
class Preferences:
    rituals: bool = True
    ritual_lead_minutes: int = 60
    check_in: bool = True
    check_in_lead_minutes: int = 60
    commitment_windows: bool = True
    streak_nudge: bool = False
    weekly_digest: bool = True
    quiet_enabled: bool = True
    quiet_start: int = 22 * 60
    quiet_end: int = 7 * 60


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    zone: str
    prefs: Preferences = Preferences()


@dataclass(frozen=True)
class RitualPlan:
    ritual_id: int
    title: str
    kind: str  # "ritual" | "check_in"
    recurrence: Recurrence
    minute: int
    zone: str
    skipped: frozenset[date] = frozenset()  # occurrences moved elsewhere (or missed ahead of time)
    moved: tuple[datetime, ...] = ()  # where moved occurrences now start


@dataclass(frozen=True)
class WindowPlan:
    """A commitment with a time ("by 18:00"), due on some days of its owner's calendar."""

    commitment_id: int
    owner_id: int
    text: str
    due_minute: int
    is_due_on: Callable[[date], bool] = field(compare=False)


@dataclass(frozen=True)
class Due:
    key: str
    user_id: int
    kind: str
    title: str
    body: str
    link: str
    fire_at: datetime


def in_quiet_hours(at: datetime, zone: str, prefs: Preferences) -> bool:
    if not prefs.quiet_enabled or prefs.quiet_start == prefs.quiet_end:
        return False
    local = at.astimezone(ZoneInfo(zone))
    minute = local.hour * 60 + local.minute
    if prefs.quiet_start < prefs.quiet_end:
        return prefs.quiet_start <= minute < prefs.quiet_end
    return minute >= prefs.quiet_start or minute < prefs.quiet_end


def after_quiet_hours(at: datetime, zone: str, prefs: Preferences) -> datetime:
    """``at``, or the end of the quiet hours it falls in (the person's own zone)."""
    if not in_quiet_hours(at, zone, prefs):
        return at
    local = at.astimezone(ZoneInfo(zone))
    minute = local.hour * 60 + local.minute
    day = local.date()
    if prefs.quiet_start > prefs.quiet_end and minute >= prefs.quiet_start:
        day += timedelta(days=1)  # 23:00 in 22:00-07:00 quiet hours: tomorrow at 07:00
    return local_instant(day, prefs.quiet_end, zone)


def _lead_label(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minutes"


def _ritual_reminders(plan: RitualPlan, people: Iterable[Person], since: datetime, until: datetime) -> list[Due]:
    found = []
    for person in people:
        wanted = person.prefs.check_in if plan.kind == "check_in" else person.prefs.rituals
        if not wanted:
            continue
        lead = timedelta(
            minutes=person.prefs.check_in_lead_minutes if plan.kind == "check_in" else person.prefs.ritual_lead_minutes
        )
        starts = [
            at
            for at in instants(plan.recurrence, plan.minute, plan.zone, since + lead, until + lead)
            if at.date() not in plan.skipped
        ]
        starts += [at for at in plan.moved if since + lead <= at < until + lead]
        for start in starts:
            local = start.astimezone(ZoneInfo(person.zone))
            what = "Your check-in" if plan.kind == "check_in" else plan.title
            found.append(
                Due(
                    key=f"{plan.kind}:{plan.ritual_id}:{start.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M}:{person.user_id}",
                    user_id=person.user_id,
                    kind=plan.kind,
                    title=f"{what} in {_lead_label(int(lead.total_seconds() // 60))}",
                    body=f"{what} starts at {local:%H:%M} ({local:%A}).",
                    link="/check-in" if plan.kind == "check_in" else "/rituals",
                    fire_at=start - lead,
                )
            )
    return found


def _daily(person: Person, minute: int, since: datetime, until: datetime) -> list[tuple[date, datetime]]:
    """(local day, instant) of ``minute`` o'clock each day in [since, until) in the person's zone."""
    tz = ZoneInfo(person.zone)
    day, last = since.astimezone(tz).date() - timedelta(days=1), until.astimezone(tz).date()
    found = []
    while day <= last:
        at = local_instant(day, minute, person.zone)
        if since <= at < until:
            found.append((day, at))
        day += timedelta(days=1)
    return found


def due_between(
    since: datetime,
    until: datetime,
    people: list[Person],
    rituals: list[RitualPlan],
    windows: list[WindowPlan],
) -> list[Due]:
    """Every reminder whose delivery time (after quiet hours) falls in (since, until], oldest first.

    A reminder pushed by quiet hours past the moment it was about (a ritual's start, a commitment's time) is
    dropped: a late "in one hour" helps nobody.
    """
    # Generate generously on both sides; the final filter on the delivery time alone decides, so adjacent windows
    # never both take (or both miss) a reminder that falls exactly on their shared edge.
    start, end = since - LOOKBACK, until + LOOKBACK
    candidates: list[tuple[Due, datetime | None]] = []
    for plan in rituals:
        for due in _ritual_reminders(plan, people, start, end):
            candidates.append((due, _event_time(due, people, plan)))
    by_id = {p.user_id: p for p in people}
    for window in windows:
        owner = by_id.get(window.owner_id)
        if owner is None or not owner.prefs.commitment_windows:
            continue
        for day, at in _daily(owner, window.due_minute, start, end):
            if window.is_due_on(day):
                due = Due(
                    key=f"window:{window.commitment_id}:{day.isoformat()}",
                    user_id=owner.user_id,
                    kind="window",
                    title=f"You said: by {at:%H:%M}",
                    body=window.text,
                    link="/",
                    fire_at=at - WINDOW_LEAD,
                )
                candidates.append((due, at))
    for person in people:
        if person.prefs.streak_nudge:
            for day, at in _daily(person, STREAK_NUDGE_MINUTE, start, end):
                due = Due(
                    key=f"streak:{person.user_id}:{day.isoformat()}",
                    user_id=person.user_id,
                    kind="streak",
                    title="Still time today",
                    body="Something you promised is still open today. If it happened, tick it; if not, that's okay.",
                    link="/",
                    fire_at=at,
                )
                candidates.append((due, local_instant(day + timedelta(days=1), 0, person.zone)))
        if person.prefs.weekly_digest:
            for day, at in _daily(person, DIGEST_MINUTE, start, end):
                if day.weekday() == DIGEST_WEEKDAY:
                    due = Due(
                        key=f"digest:{person.user_id}:{day.isoformat()}",
                        user_id=person.user_id,
                        kind="digest",
                        title="Your week together",
                        body="",
                        link="/progress",
                        fire_at=at,
                    )
                    candidates.append((due, None))
    delivered = []
    for due, about in candidates:
        recipient = by_id.get(due.user_id)
        if recipient is None:
            continue
        at = after_quiet_hours(due.fire_at, recipient.zone, recipient.prefs)
        if since < at <= until and (about is None or at < about):
            delivered.append(Due(due.key, due.user_id, due.kind, due.title, due.body, due.link, at))
    return sorted(delivered, key=lambda d: (d.fire_at, d.key))


def _event_time(due: Due, people: list[Person], plan: RitualPlan) -> datetime:
    """When the ritual a reminder is about starts (its fire time plus that person's lead)."""
    person = next(p for p in people if p.user_id == due.user_id)
    minutes = person.prefs.check_in_lead_minutes if plan.kind == "check_in" else person.prefs.ritual_lead_minutes
    return due.fire_at + timedelta(minutes=minutes)
