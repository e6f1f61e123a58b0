"""Calendar export on the database: feed links (private, revocable), the ICS they serve, and the HTTP route."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar, Event
from sqlmodel import Session, select

from couple_dash import routes
from couple_dash.api import api_app
from couple_dash.config import Settings
from couple_dash.models import CalendarFeed
from couple_dash.services import NotAllowed, ServiceError, accounts, calendar, couples, rituals
from couple_dash.services.rituals import RitualInput, recurrence_of
from tests.integration.helpers import pair

NOW = datetime(2026, 9, 20, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
# From Thursday 1 October 2026: Mondays and Fridays every other week, across the DST change on 25 October.
FORTNIGHTLY = RitualInput(
    title="Date night",
    description="Somewhere new.",
    recurrence="weekly",
    time="19:00",
    start=date(2026, 10, 1),
    weekdays=(0, 4),
    interval_weeks=2,
    duration_minutes=90,
)
MONTHLY = RitualInput(title="Money talk", recurrence="monthly", time="10:30", start=date(2026, 10, 1), month_day=15)
ONCE = RitualInput(title="Picnic", recurrence="once", time="12:00", start=date(2026, 10, 10))


def berliners(session: Session, settings: Settings, tag: str) -> tuple[int, int]:
    alex, sam = pair(session, settings, tag)
    for user_id, name in ((alex, "Alex"), (sam, "Sam")):
        accounts.update_profile(session=session, user_id=user_id, display_name=name, time_zone="Europe/Berlin")
    return alex, sam


def make(session: Session, user_id: int, data: RitualInput) -> int:
    ritual = rituals.create(session=session, user_id=user_id, data=data, now=NOW)
    assert ritual.id is not None
    return ritual.id


def events(ics: bytes) -> dict[str, Event]:
    return {e.uid: e for e in Calendar.from_ical(ics).events}


def test_a_feed_link_is_stored_hashed_rotates_and_turns_off(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "feed")
    assert not calendar.has_feed(session=session, user_id=alex)
    first = calendar.create_feed(session=session, user_id=alex, now=NOW)
    assert calendar.feed_user(session=session, token=first) == alex
    assert calendar.has_feed(session=session, user_id=alex)
    assert not calendar.has_feed(session=session, user_id=sam)  # one link per partner, not per couple
    [row] = session.exec(select(CalendarFeed)).all()
    assert row.token_hash == hashlib.sha256(first.encode()).hexdigest()

    second = calendar.create_feed(session=session, user_id=alex, now=NOW + timedelta(minutes=1))
    assert second != first
    assert calendar.feed_user(session=session, token=first) is None  # the old link stops working
    assert calendar.feed_user(session=session, token=second) == alex

    assert calendar.revoke_feeds(session=session, user_id=alex, now=NOW) == 1
    assert calendar.feed_user(session=session, token=second) is None
    assert not calendar.has_feed(session=session, user_id=alex)
    assert calendar.revoke_feeds(session=session, user_id=alex) == 0
    assert calendar.feed_user(session=session, token="") is None
    assert calendar.feed_user(session=session, token="not-a-token") is None


def test_only_people_in_a_couple_get_a_link_and_leaving_turns_it_off(session: Session, settings: Settings) -> None:
    loner = accounts.sign_up(
        session=session,
        display_name="Lou",
        email="lou-cal@example.com",
        password="a long walk home",
        time_zone="UTC",
        settings=settings,
    ).viewer.user_id
    with pytest.raises(ServiceError):
        calendar.create_feed(session=session, user_id=loner)
    alex, _ = pair(session, settings, "leave")
    token = calendar.create_feed(session=session, user_id=alex)
    couples.leave_couple(session=session, user_id=alex)
    assert calendar.feed_user(session=session, token=token) is None
    assert not calendar.has_feed(session=session, user_id=alex)


def test_a_link_shows_its_own_couple_only(session: Session, settings: Settings) -> None:
    alex, _ = berliners(session, settings, "ours")
    other, _ = berliners(session, settings, "theirs")
    ours = make(session, alex, FORTNIGHTLY)
    theirs = make(session, other, MONTHLY)
    token = calendar.create_feed(session=session, user_id=alex)
    user_id = calendar.feed_user(session=session, token=token)
    assert user_id == alex
    found = events(calendar.couple_calendar(session=session, user_id=user_id, now=NOW))
    assert set(found) == {f"ritual-{ours}@couple-dash"}
    with pytest.raises(NotAllowed):
        calendar.ritual_ics(session=session, user_id=alex, ritual_id=theirs)


def test_every_live_ritual_with_rrule_time_zone_and_wall_time(session: Session, settings: Settings) -> None:
    alex, sam = berliners(session, settings, "ics")
    fortnightly, monthly, once = (make(session, alex, d) for d in (FORTNIGHTLY, MONTHLY, ONCE))
    stopped = make(session, sam, RitualInput(title="Old habit", recurrence="weekly", time="08:00",
                                             start=date(2026, 10, 1), weekdays=(2,)))  # fmt: skip
    rituals.archive(session=session, user_id=sam, ritual_id=stopped)
    check_in = rituals.set_check_in(session=session, user_id=sam, weekday=6, minute=20 * 60, today=date(2026, 10, 1))

    ics = calendar.couple_calendar(session=session, user_id=sam, now=NOW)
    cal = Calendar.from_ical(ics)
    assert (cal.prodid, cal.version, cal.calendar_name) == ("-//Couple Dash//EN", "2.0", "Couple Dash")
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Berlin"]
    assert b"DTSTART;TZID=Europe/Berlin:20261002T190000\r\n" in ics  # the wall time, named by its zone
    found = events(ics)
    assert set(found) == {f"ritual-{i}@couple-dash" for i in (fortnightly, monthly, once, check_in.id)}

    date_night = found[f"ritual-{fortnightly}@couple-dash"]
    assert (date_night.summary, date_night.description) == ("Date night", "Somewhere new.")
    assert date_night.start == datetime(2026, 10, 2, 19, 0, tzinfo=BERLIN)  # the first Friday
    assert date_night.duration == timedelta(minutes=90)
    assert date_night.DTSTAMP == NOW
    [rule] = date_night.rrules
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["INTERVAL"] == [2]
    assert rule["BYDAY"] == ["MO", "FR"]

    money = found[f"ritual-{monthly}@couple-dash"]
    [rule] = money.rrules
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYMONTHDAY"] == [15]
    assert money.start == datetime(2026, 10, 15, 10, 30, tzinfo=BERLIN)

    picnic = found[f"ritual-{once}@couple-dash"]
    assert picnic.rrules == []
    assert picnic.start == datetime(2026, 10, 10, 12, 0, tzinfo=BERLIN)

    weekly_check_in = found[f"ritual-{check_in.id}@couple-dash"]
    assert weekly_check_in.rrules[0]["BYDAY"] == ["SU"]
    assert weekly_check_in.start == datetime(2026, 10, 4, 20, 0, tzinfo=BERLIN)


def expand(event: Event, until: datetime) -> list[datetime]:
    """What a calendar app shows: the RRULE from DTSTART, minus the EXDATEs."""
    series = rruleset()
    [rule] = event.rrules
    series.rrule(rrulestr(rule.to_ical().decode(), dtstart=event.start).replace(until=until))
    for moment in event.exdates:
        series.exdate(moment)
    return list(series)


def test_the_rrule_gives_the_app_s_own_days_at_19_00_across_the_dst_change(
    session: Session, settings: Settings
) -> None:
    alex, _ = berliners(session, settings, "dst")
    ritual_id = make(session, alex, FORTNIGHTLY)
    [event] = Calendar.from_ical(calendar.ritual_ics(session=session, user_id=alex, ritual_id=ritual_id)).events
    moments = expand(event, datetime(2026, 12, 31, 23, 0, tzinfo=BERLIN))
    ritual = session.get_one(rituals.Ritual, ritual_id)
    expected = recurrence_of(ritual).days(date(2026, 10, 1), date(2026, 12, 31))
    assert [m.date() for m in moments] == expected
    assert expected[:6] == [date(2026, 10, d) for d in (2, 12, 16, 26, 30)] + [date(2026, 11, 9)]
    assert all(m.astimezone(BERLIN).time() == time(19, 0) for m in moments)
    offsets = {m.date(): m.utcoffset() for m in moments}
    assert offsets[date(2026, 10, 16)] == timedelta(hours=2)  # summer time
    assert offsets[date(2026, 10, 26)] == timedelta(hours=1)  # the Monday after the clocks went back


def test_moved_and_missed_occurrences_leave_the_series(session: Session, settings: Settings) -> None:
    alex, sam = berliners(session, settings, "moved")
    ritual_id = make(session, alex, FORTNIGHTLY)
    picnic = make(session, alex, ONCE)
    rituals.mark(session=session, user_id=sam, ritual_id=ritual_id, day=date(2026, 10, 12), status="missed")
    saturday = datetime(2026, 10, 17, 20, 0, tzinfo=BERLIN)
    rituals.reschedule(session=session, user_id=alex, ritual_id=ritual_id, day=date(2026, 10, 16), to=saturday, now=NOW)
    rituals.reschedule(session=session, user_id=alex, ritual_id=picnic, day=date(2026, 10, 10), to=saturday, now=NOW)

    ics = calendar.couple_calendar(session=session, user_id=alex, now=NOW)
    found = events(ics)
    series = found[f"ritual-{ritual_id}@couple-dash"]
    assert series.exdates == [
        datetime(2026, 10, 12, 19, 0, tzinfo=BERLIN),
        datetime(2026, 10, 16, 19, 0, tzinfo=BERLIN),
    ]
    assert b"EXDATE;TZID=Europe/Berlin:20261012T190000,20261016T190000\r\n" in ics
    moved = found[f"ritual-{ritual_id}-2026-10-16@couple-dash"]
    assert moved.start == saturday
    assert b"DTSTART;TZID=Europe/Berlin:20261017T200000\r\n" in ics
    assert moved.rrules == []
    assert moved.summary == "Date night"
    days = [m.date() for m in expand(series, datetime(2026, 10, 31, tzinfo=BERLIN))]
    assert days == [date(2026, 10, 2), date(2026, 10, 26), date(2026, 10, 30)]
    # A moved one-off is only its moved event, never also at its old time.
    assert f"ritual-{picnic}@couple-dash" not in found
    assert found[f"ritual-{picnic}-2026-10-10@couple-dash"].start == saturday


def test_one_ritual_download(session: Session, settings: Settings) -> None:
    alex, sam = berliners(session, settings, "one")
    ritual_id = make(session, alex, FORTNIGHTLY)
    make(session, alex, MONTHLY)
    filename, data = calendar.ritual_download(session=session, user_id=sam, ritual_id=ritual_id)
    assert filename == "date-night.ics"
    assert set(events(data)) == {f"ritual-{ritual_id}@couple-dash"}
    rituals.archive(session=session, user_id=alex, ritual_id=ritual_id)
    with pytest.raises(NotAllowed):
        calendar.ritual_ics(session=session, user_id=sam, ritual_id=ritual_id)
    assert calendar.ics_filename("Café & crêpes!") == "cafe-crepes.ics"
    assert calendar.ics_filename("💞") == "ritual.ics"


async def test_the_feed_route_serves_a_live_link_and_404s_otherwise(
    session: Session, settings: Settings, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLEX_DB_URL", database_url)
    alex, _ = berliners(session, settings, "http")
    ritual_id = make(session, alex, FORTNIGHTLY)
    token = calendar.create_feed(session=session, user_id=alex)
    session.commit()
    # httpx's ASGI transport rather than Starlette's TestClient, which now warns that it wants ``httpx2``.
    transport = httpx.ASGITransport(app=api_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://couple-dash.test") as client:
        ok = await client.get(routes.calendar_feed_url(token))
        unknown = await client.get(routes.calendar_feed_url("nobody-has-this-token"))
        calendar.revoke_feeds(session=session, user_id=alex)
        session.commit()
        revoked = await client.get(routes.calendar_feed_url(token))

    assert ok.status_code == 200
    assert ok.headers["content-type"] == "text/calendar; charset=utf-8"
    assert ok.headers["cache-control"] == "private, max-age=300"
    assert set(events(ok.content)) == {f"ritual-{ritual_id}@couple-dash"}
    assert (unknown.status_code, unknown.text) == (404, "Not found")
    assert (revoked.status_code, revoked.text) == (404, "Not found")
