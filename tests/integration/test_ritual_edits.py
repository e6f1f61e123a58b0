"""Editing a ritual: either partner, the create form's rules, and what happens to each occurrence's record."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlmodel import Session, col, select

from couple_dash.config import Settings
from couple_dash.models import Ritual, RitualOccurrence
from couple_dash.services import NotAllowed, ServiceError, ritual_views, rituals
from couple_dash.services.rituals import RitualConflict
from tests.integration.helpers import pair
from tests.integration.test_rituals import FRIDAYS, NOW, couple

SATURDAYS_LATER = replace(
    FRIDAYS, title="Dinner out", weekdays=(5,), time="20:00", duration_minutes=120, planner_mode="me"
)


def columns(session: Session, ritual_id: int) -> dict[str, Any]:
    session.expire_all()
    return session.get_one(Ritual, ritual_id).model_dump()


def records(session: Session, ritual_id: int) -> dict[date, tuple[str, str, str]]:
    session.expire_all()
    rows = session.exec(select(RitualOccurrence).where(col(RitualOccurrence.ritual_id) == ritual_id)).all()
    return {r.day: (r.status, r.confirmed_by, r.reflection) for r in rows}


def test_either_partner_edits_and_both_see_the_new_plan(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "edit")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    # Sam (not the creator) changes everything the form has, and says "I plan it".
    rituals.update(session=session, user_id=sam, ritual_id=made.id, data=SATURDAYS_LATER, now=NOW)
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW)
    assert (view.title, view.schedule_label, view.duration_minutes) == ("Dinner out", "Saturdays at 20:00", 120)
    assert view.planner_label == "Sam plans it"
    assert view.version == 2
    assert [o.day for o in view.coming] == ["2026-11-28", "2026-12-05", "2026-12-12", "2026-12-19"]
    assert view.coming[0].label == "Sat 28 Nov, 20:00"
    assert {o.planner_id for o in view.coming} == {sam}
    saved = session.get_one(Ritual, made.id)
    assert (saved.zone, saved.created_by, saved.planner_id) == ("UTC", alex, sam)
    weeks = ritual_views.month(
        session=session, couple_id=couple(session, sam), year=2026, month_number=11, zone="UTC", now=NOW
    )
    days = {cell.iso: cell.events for week in weeks for cell in week}
    assert days["2026-11-28"] == ["20:00 Dinner out"]
    assert days["2026-11-27"] == []


def test_the_form_starts_from_the_ritual_as_each_partner_would_type_it(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "prefill")
    made = rituals.create(session=session, user_id=alex, data=replace(FRIDAYS, planner_mode="partner"), now=NOW)
    assert made.id is not None
    for_alex, _ = rituals.editable(session=session, user_id=alex, ritual_id=made.id)
    for_sam, ritual = rituals.editable(session=session, user_id=sam, ritual_id=made.id)
    assert for_alex == replace(FRIDAYS, title="Date night", planner_mode="partner")
    assert for_sam.planner_mode == "me"  # Sam plans it, seen from Sam's side
    assert ritual.version == 1
    # Saving the form untouched changes nothing, not even the version.
    rituals.update(session=session, user_id=sam, ritual_id=made.id, data=for_sam, base_version=1, now=NOW)
    assert session.get_one(Ritual, made.id).version == 1


def test_turn_about_keeps_its_order_when_the_other_partner_edits(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "turns")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    rituals.update(session=session, user_id=sam, ritual_id=made.id, data=replace(FRIDAYS, time="20:00"), now=NOW)
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW)
    assert [o.planner_id for o in view.coming] == [sam, alex, sam, alex]


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
def test_a_bad_edit_is_refused_with_a_message_and_changes_nothing(
    session: Session, settings: Settings, change: dict[str, Any], message: str
) -> None:
    alex, sam = pair(session, settings, "badedit")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    rituals.confirm(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 11, 27), now=NOW)
    before, kept = columns(session, made.id), records(session, made.id)
    with pytest.raises(ServiceError, match=message):
        rituals.update(session=session, user_id=sam, ritual_id=made.id, data=replace(SATURDAYS_LATER, **change))
    assert columns(session, made.id) == before
    assert records(session, made.id) == kept


def test_another_couple_cannot_edit_or_even_read_the_form(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "editown")
    stranger, _ = pair(session, settings, "editstranger")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    before = columns(session, made.id)
    with pytest.raises(NotAllowed):
        rituals.update(session=session, user_id=stranger, ritual_id=made.id, data=SATURDAYS_LATER, now=NOW)
    with pytest.raises(NotAllowed):
        rituals.editable(session=session, user_id=stranger, ritual_id=made.id)
    assert columns(session, made.id) == before


def test_the_check_in_is_not_edited_here(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "editcheckin")
    check_in = rituals.set_check_in(session=session, user_id=alex, weekday=6, minute=19 * 60, today=NOW.date())
    assert check_in.id is not None
    before = columns(session, check_in.id)
    with pytest.raises(ServiceError, match="Check-in page"):
        rituals.editable(session=session, user_id=sam, ritual_id=check_in.id)
    with pytest.raises(ServiceError, match="Check-in page"):
        rituals.update(session=session, user_id=sam, ritual_id=check_in.id, data=SATURDAYS_LATER, now=NOW)
    assert columns(session, check_in.id) == before


def test_an_edit_over_a_newer_one_is_refused_until_saved_again(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "conflict")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    rituals.update(session=session, user_id=alex, ritual_id=made.id, data=replace(FRIDAYS, time="18:00"), now=NOW)
    before = columns(session, made.id)
    with pytest.raises(RitualConflict, match="Fridays at 18:00") as refused:
        rituals.update(session=session, user_id=sam, ritual_id=made.id, data=SATURDAYS_LATER, base_version=1)
    assert columns(session, made.id) == before
    # Saving again deliberately, from the version the refusal named, goes through.
    again = refused.value.current_version
    rituals.update(session=session, user_id=sam, ritual_id=made.id, data=SATURDAYS_LATER, base_version=again)
    assert session.get_one(Ritual, made.id).title == "Dinner out"


def _live_a_few(session: Session, alex: int, sam: int, ritual_id: int) -> None:
    """Three Fridays over (done, missed, confirmed only) and three ahead (confirmed, moved, skipped)."""
    kw: dict[str, Any] = {"session": session, "ritual_id": ritual_id, "now": NOW}
    rituals.mark(user_id=sam, day=date(2026, 11, 20), status="done", reflection="The walk home", **kw)
    rituals.mark(user_id=alex, day=date(2026, 11, 13), status="missed", **kw)
    rituals.confirm(user_id=alex, day=date(2026, 11, 6), **kw)
    rituals.confirm(user_id=sam, day=date(2026, 11, 27), **kw)
    rituals.reschedule(user_id=alex, day=date(2026, 12, 4), to=datetime(2026, 12, 5, 18, 30, tzinfo=UTC), **kw)
    rituals.mark(user_id=alex, day=date(2026, 12, 11), status="missed", **kw)


def test_a_new_schedule_keeps_the_history_and_drops_what_was_planned_on_old_days(
    session: Session, settings: Settings
) -> None:
    alex, sam = pair(session, settings, "history")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    _live_a_few(session, alex, sam, made.id)
    rituals.update(session=session, user_id=sam, ritual_id=made.id, data=SATURDAYS_LATER, now=NOW)
    # Everything over stays; the confirmation, the move and the skip of Fridays to come are gone with them.
    assert records(session, made.id) == {
        date(2026, 11, 6): ("planned", str(alex), ""),
        date(2026, 11, 13): ("missed", "", ""),
        date(2026, 11, 20): ("done", "", "The walk home"),
    }
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW)
    # Recent: the Saturday just gone (on the new plan), then the Fridays with what happened (no time: it changed).
    assert [(o.day, o.status, o.label) for o in view.recent] == [
        ("2026-11-21", "planned", "Sat 21 Nov, 20:00"),
        ("2026-11-20", "done", "Fri 20 Nov"),
        ("2026-11-14", "planned", "Sat 14 Nov, 20:00"),
    ]
    assert view.recent[1].reflection == "The walk home"
    assert all(o.status == "planned" and not o.confirmed_by for o in view.coming)
    weeks = ritual_views.month(
        session=session, couple_id=couple(session, alex), year=2026, month_number=11, zone="UTC", now=NOW
    )
    days = {cell.iso: cell.events for week in weeks for cell in week}
    assert days["2026-11-13"] == ["Dinner out · Missed"]
    assert days["2026-11-20"] == ["Dinner out · Done"]
    assert days["2026-11-27"] == []
    # History can still be put right: the missed Friday did happen after all.
    rituals.mark(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 11, 13), status="done", now=NOW)
    assert records(session, made.id)[date(2026, 11, 13)][0] == "done"
    # A Friday with no record is no longer a day of this ritual.
    with pytest.raises(ServiceError, match="isn't planned for that day"):
        rituals.confirm(session=session, user_id=alex, ritual_id=made.id, day=date(2026, 12, 18), now=NOW)


def test_a_new_time_on_the_same_days_keeps_every_record(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "sametime")
    made = rituals.create(session=session, user_id=alex, data=FRIDAYS, now=NOW)
    assert made.id is not None
    _live_a_few(session, alex, sam, made.id)
    kept = records(session, made.id)
    rituals.update(session=session, user_id=alex, ritual_id=made.id, data=replace(FRIDAYS, time="20:30"), now=NOW)
    assert records(session, made.id) == kept
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, sam), now=NOW)
    assert [(o.day, o.status) for o in view.coming[:3]] == [
        ("2026-11-27", "planned"),
        ("2026-12-04", "moved"),
        ("2026-12-11", "missed"),
    ]
    assert view.coming[0].label == "Fri 27 Nov, 20:30"
    assert view.coming[0].confirmed_by == [sam]


def test_an_occurrence_today_that_is_not_over_is_only_coming(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "today")
    daily = replace(FRIDAYS, weekdays=tuple(range(7)))
    made = rituals.create(session=session, user_id=alex, data=daily, now=NOW)
    assert made.id is not None
    rituals.confirm(session=session, user_id=alex, ritual_id=made.id, day=NOW.date(), now=NOW)
    [view] = ritual_views.ritual_views(session=session, couple_id=couple(session, alex), now=NOW)
    assert view.coming[0].day == "2026-11-25"
    assert [o.day for o in view.recent] == ["2026-11-24", "2026-11-23", "2026-11-22"]


def test_a_new_check_in_day_drops_what_was_planned_on_the_old_one(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "checkinmove")
    check_in = rituals.set_check_in(session=session, user_id=alex, weekday=6, minute=19 * 60, today=date(2026, 11, 1))
    assert check_in.id is not None
    kw: dict[str, Any] = {"session": session, "ritual_id": check_in.id, "now": NOW}
    rituals.mark(user_id=alex, day=date(2026, 11, 15), status="missed", **kw)
    rituals.mark(user_id=sam, day=date(2026, 11, 22), status="done", reflection="Calm", **kw)
    rituals.confirm(user_id=sam, day=date(2026, 11, 29), **kw)
    rituals.reschedule(user_id=alex, day=date(2026, 12, 6), to=datetime(2026, 12, 7, 18, 0, tzinfo=UTC), **kw)
    # A new time on the same day keeps every record.
    rituals.set_check_in(session=session, user_id=alex, weekday=6, minute=20 * 60, today=NOW.date(), now=NOW)
    kept = {date(2026, 11, 15), date(2026, 11, 22), date(2026, 11, 29), date(2026, 12, 6)}
    assert set(records(session, check_in.id)) == kept
    # A new day: the Sundays ahead are no longer check-ins, so their confirmation and move go (no stale reminder).
    rituals.set_check_in(session=session, user_id=sam, weekday=5, minute=10 * 60, today=NOW.date(), now=NOW)
    assert records(session, check_in.id) == {
        date(2026, 11, 15): ("missed", "", ""),
        date(2026, 11, 22): ("done", "", "Calm"),
    }
