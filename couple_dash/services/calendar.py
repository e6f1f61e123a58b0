"""The couple's rituals as iCalendar: a private, revocable feed per partner and a one-off .ics download.

A feed token is a bearer secret in a URL that calendar apps poll, so only its SHA-256 is stored and making a new
one revokes the old. Times are wall-clock in each ritual's zone (DTSTART with TZID plus a VTIMEZONE), so the
calendar app keeps 19:00 at 19:00 across DST changes, as the app itself does.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.models import CalendarFeed, Ritual, RitualOccurrence, User, utcnow
from couple_dash.services import NotAllowed, couple_of
from couple_dash.services.accounts import hash_token
from couple_dash.services.rituals import NOT_YOURS, recurrence_of

PRODID = "-//Couple Dash//EN"
CALENDAR_NAME = "Couple Dash"
SKIPPED = ("moved", "missed")  # occurrences that no longer happen at their planned time
TIMEZONE_YEARS = 20  # how far ahead the VTIMEZONE spells out DST changes (clients mostly go by the TZID name)


def create_feed(*, session: Session, user_id: int, now: datetime | None = None) -> str:
    """A new feed link for this partner (the old one stops working); returns the token, shown once."""
    couple_of(session, user_id)
    now = now or utcnow()
    revoke_feeds(session=session, user_id=user_id, now=now)
    token = secrets.token_urlsafe(32)
    session.add(CalendarFeed(user_id=user_id, token_hash=hash_token(token), created_at=now))
    session.flush()
    return token


def revoke_feeds(*, session: Session, user_id: int, now: datetime | None = None) -> int:
    """Turn off this partner's feed links; returns how many were live."""
    result = session.exec(
        update(CalendarFeed)
        .where(col(CalendarFeed.user_id) == user_id, col(CalendarFeed.revoked_at).is_(None))
        .values(revoked_at=now or utcnow())
    )
    session.flush()
    return int(result.rowcount or 0)


def has_feed(*, session: Session, user_id: int) -> bool:
    return (
        session.exec(
            select(col(CalendarFeed.id)).where(
                col(CalendarFeed.user_id) == user_id, col(CalendarFeed.revoked_at).is_(None)
            )
        ).first()
        is not None
    )


def feed_user(*, session: Session, token: str) -> int | None:
    """Whose feed this token opens: None if unknown, revoked, or the person is no longer in a couple."""
    if not token:
        return None
    feed = session.exec(
        select(CalendarFeed).where(
            col(CalendarFeed.token_hash) == hash_token(token), col(CalendarFeed.revoked_at).is_(None)
        )
    ).first()
    if feed is None:
        return None
    user = session.get(User, feed.user_id)
    return feed.user_id if user is not None and user.couple_id is not None else None


def couple_calendar(*, session: Session, user_id: int, now: datetime | None = None) -> bytes:
    """Every live ritual of the caller's couple (the check-in included)."""
    _, couple_id = couple_of(session, user_id)
    live = session.exec(
        select(Ritual)
        .where(col(Ritual.couple_id) == couple_id, col(Ritual.archived_at).is_(None))
        .order_by(col(Ritual.id))
    ).all()
    return _calendar(session, live, now or utcnow())


def ritual_ics(*, session: Session, user_id: int, ritual_id: int, now: datetime | None = None) -> bytes:
    """One live ritual of the caller's couple, for a one-off download."""
    _, couple_id = couple_of(session, user_id)
    ritual = session.get(Ritual, ritual_id)
    if ritual is None or ritual.couple_id != couple_id or ritual.archived_at is not None:
        raise NotAllowed(NOT_YOURS)
    return _calendar(session, [ritual], now or utcnow())


def ritual_download(
    *, session: Session, user_id: int, ritual_id: int, now: datetime | None = None
) -> tuple[str, bytes]:
    """``ritual_ics`` with a file name made from the title ("Date night" -> "date-night.ics")."""
    data = ritual_ics(session=session, user_id=user_id, ritual_id=ritual_id, now=now)
    return ics_filename(session.get_one(Ritual, ritual_id).title), data


def ics_filename(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'ritual'}.ics"


def _wall(day: date, minute: int, zone: str) -> datetime:
    """The ritual's wall-clock start on ``day`` in its zone.

    Not normalised like ``local_instant``: a series needs the nominal time (02:30 stays 02:30 in the RRULE), and
    RFC 5545 reads a time skipped by a DST change the same way ``local_instant`` does (just after the gap).
    """
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=ZoneInfo(zone))


def _calendar(session: Session, rituals: Iterable[Ritual], now: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", CALENDAR_NAME)
    rituals = list(rituals)
    skipped = _skipped(session, [r.id for r in rituals if r.id is not None])
    earliest: date | None = None
    for ritual in rituals:
        first = recurrence_of(ritual).first_day()
        if first is None or ritual.id is None:
            continue
        earliest = min(earliest or first, first)
        for event in _events(ritual, first, skipped.get(ritual.id, []), now):
            cal.add_component(event)
    if earliest is not None:
        last = date(now.year + TIMEZONE_YEARS, 1, 1)
        cal.add_missing_timezones(first_date=earliest - timedelta(days=1), last_date=last)
    return bytes(cal.to_ical())


def _skipped(session: Session, ritual_ids: list[int]) -> dict[int, list[RitualOccurrence]]:
    found: dict[int, list[RitualOccurrence]] = defaultdict(list)
    if ritual_ids:
        for occurrence in session.exec(
            select(RitualOccurrence)
            .where(col(RitualOccurrence.ritual_id).in_(ritual_ids), col(RitualOccurrence.status).in_(SKIPPED))
            .order_by(col(RitualOccurrence.day))
        ):
            found[occurrence.ritual_id].append(occurrence)
    return found


def _event(uid: str, ritual: Ritual, start: datetime, now: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", ritual.title)
    if ritual.description:
        event.add("description", ritual.description)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=ritual.duration_minutes))
    return event


def _events(ritual: Ritual, first: date, skipped: list[RitualOccurrence], now: datetime) -> list[Event]:
    """The series (with its skipped days as EXDATE) and one event per occurrence moved elsewhere."""
    series = _event(f"ritual-{ritual.id}@couple-dash", ritual, _wall(first, ritual.minute, ritual.zone), now)
    rule = recurrence_of(ritual).rrule()
    events = []
    if rule is not None:
        series.add("rrule", rule)
        if skipped:
            series.add("exdate", [_wall(o.day, ritual.minute, ritual.zone) for o in skipped])
        events.append(series)
    elif not any(o.day == first for o in skipped):
        events.append(series)  # a one-off that was moved or missed lives on only as its moved event, if any
    zone = ZoneInfo(ritual.zone)
    for occurrence in skipped:
        if occurrence.status == "moved" and occurrence.moved_to is not None:
            uid = f"ritual-{ritual.id}-{occurrence.day.isoformat()}@couple-dash"
            events.append(_event(uid, ritual, occurrence.moved_to.astimezone(zone), now))
    return events
