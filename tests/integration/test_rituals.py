"""Rituals on the database: planning, ideas, each occurrence's life, the month and the check-in ritual."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session

from couple_dash.config import Settings
from couple_dash.models import Ritual, User
from couple_dash.services import NotAllowed, ServiceError, meeting_views, ritual_views, rituals
from couple_dash.services.rituals import RitualInput
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
FRIDAYS = RitualInput(title=" Date   night ", recurrence="weekly", time="19:00", start=date(2026, 11, 1), weekdays=(4,))


def couple(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "Give the ritual a name"),
        ({"weekdays": ()}, "at least one day"),
        ({"time": "25:00"}, "Pick a time"),
        ({"recurrence": "hourly"}, "how often"),
        ({"recurrence": "monthly", "month_day": 31}, "1 to 28"),
        ({"duration_minutes": 2}, "how long"),
        ({"planner_mode": "boss"}, "who plans"),
    ],
)
def test_bad_rituals_are_refused_and_nothing_is_saved(
    session: Session, settings: Settings, change: dict[str, object], message: str
) -> None:
    alex, _ = pair(session, settings, "bad")
    data = RitualInput(**{**FRIDAYS.__dict__, **change})
    with pytest.raises(ServiceError, match=message):
        rituals.create(session=session, user_id=alex, data=data)
    assert ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW) == []


def test_a_ritual_both_see_with_turns_ideas_and_occurrences(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "live")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    assert made.title == "Date night"
    rituals.add_idea(session=session, user_id=sam, ritual_id=made.id, text="Try the new Thai place")
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, sam), now=NOW)
    assert view.schedule_label == "Fridays at 19:00"
    assert [i.text for i in view.ideas] == ["Try the new Thai place"]
    assert [o.day for o in view.coming] == ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18"]
    # Turn about, starting with Alex on the first Friday (6 November): 27 November is the 4th one -> Sam.
    assert [o.planner_id for o in view.coming] == [sam, alex, sam, alex]
    assert [o.day for o in view.recent] == ["2026-11-20", "2026-11-13", "2026-11-06"]

    rituals.confirm(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 11, 27), now=NOW)
    rituals.confirm(session=session, user_id=sam, ritual_id=made.id, day=date(2026, 11, 27), now=NOW)
    with pytest.raises(ServiceError, match="hasn't happened yet"):
        rituals.mark(session=session, user_id=sam, ritual_id=made.id, day=date(2026, 11, 27), status="done", now=NOW)
    rituals.mark(
        session=session,
        user_id=sam,
        ritual_id=made.id,
        day=date(2026, 11, 20),
        status="done",
        reflection="The walk home",
        now=NOW,
    )
    moved_to = datetime(2026, 12, 5, 18, 30, tzinfo=UTC)
    rituals.reschedule(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 12, 4), to=moved_to, now=NOW)
    with pytest.raises(ServiceError, match="isn't planned for that day"):
        rituals.confirm(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 11, 26), now=NOW)
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW)
    first, second = view.coming[:2]
    assert sorted(first.confirmed_by) == sorted([alex, sam])
    assert (second.status, second.label) == ("moved", "Sat 5 Dec, 18:30")
    assert (view.recent[0].status, view.recent[0].reflection) == ("done", "The walk home")
    upcoming = ritual_views.upcoming([view])
    assert [o.day for o in upcoming] == ["2026-11-27", "2026-12-04", "2026-12-11"]


def test_another_couple_cannot_touch_a_ritual(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "own")
    stranger, _ = pair(session, settings, "stranger")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    for attempt in (
        lambda: rituals.add_idea(session=session, user_id=stranger, ritual_id=made.id or 0, text="hi"),
        lambda: rituals.confirm(session=session, user_id=stranger, ritual_id=made.id or 0, day=date(2026, 11, 27)),
        lambda: rituals.archive(session=session, user_id=stranger, ritual_id=made.id or 0),
    ):
        with pytest.raises(NotAllowed):
            attempt()
    assert ritual_views.ritual_views(session=session, couple_id=couple(session, stranger), now=NOW) == []


def test_month_view_places_each_occurrence_on_its_day(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "month")
    rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    weeks = ritual_views.month(
        session=session, couple_id=couple(session, alex), year=2026, month_number=11, zone="UTC", now=NOW
    )
    days = {cell.iso: cell for week in weeks for cell in week}
    assert all(len(week) == 7 for week in weeks)
    assert days["2026-11-27"].events == ["19:00 Date night"]
    assert days["2026-11-25"].today
    assert days["2026-10-26"].day == 0  # padding from October


def test_the_check_in_is_a_ritual_and_stays(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "checkin")
    first = rituals.set_check_in(session=session, user_id=alex, weekday=6, minute=19 * 60, today=NOW.date())
    again = rituals.set_check_in(session=session, user_id=sam, weekday=5, minute=10 * 60, today=NOW.date())
    assert first.id == again.id
    assert meeting_views.schedule(session, couple(session, alex)).weekday == 5
    assert again.id is not None
    with pytest.raises(ServiceError, match="stays"):
        rituals.archive(session=session, user_id=alex, ritual_id=again.id)
    assert session.get_one(Ritual, again.id).kind == "check_in"


def test_archived_rituals_disappear_but_are_kept(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "archive")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    rituals.archive(session=session, user_id=sam, ritual_id=made.id, now=NOW + timedelta(days=1))
    assert ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW) == []
    assert session.get_one(Ritual, made.id).archived_at is not None
