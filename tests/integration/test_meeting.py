"""The weekly check-in on the database: private items, the section flow, the floor, time-outs, pulse, summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import AgendaItem, CheckInMeeting, PulseResponse, User
from couple_dash.services import NotAllowed, ServiceError, agenda, meeting, meeting_summary, meeting_views, pulse
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 29, 19, 0, tzinfo=UTC)


def couple_of(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


def test_private_items_stay_with_their_author_until_the_check_in_starts(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "p")
    secret = agenda.add_item(session=session, user_id=sam, kind="appreciation", text="The note in my bag", private=True)
    couple = couple_of(session, alex)
    shown = agenda.list_items(session=session, couple_id=couple)
    assert [(v.text, v.hidden, v.author_name) for v in shown] == [("", True, "Sam")]
    assert agenda.private_items(session=session, user_id=alex) == []
    assert [v.text for v in agenda.private_items(session=session, user_id=sam)] == ["The note in my bag"]
    assert secret.id is not None
    # The partner can't edit (and so can't read through a conflict message) or reorder a hidden item.
    with pytest.raises(NotAllowed):
        agenda.edit_item(session=session, user_id=alex, item_id=secret.id, text="peek", base_version=0)
    with pytest.raises(NotAllowed):
        agenda.move_item(session=session, user_id=alex, item_id=secret.id, direction=-1)

    meeting.start(session=session, user_id=alex, now=NOW)
    assert [(v.text, v.hidden) for v in agenda.list_items(session=session, couple_id=couple)] == [
        ("The note in my bag", False)
    ]


def test_one_open_check_in_per_couple_and_only_with_a_partner(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "o")
    meeting.start(session=session, user_id=alex, now=NOW)
    with pytest.raises(meeting.AlreadyStarted):
        meeting.start(session=session, user_id=sam, now=NOW)
    other_a, _ = pair(session, settings, "o2")
    with pytest.raises(ServiceError, match="no check-in"):
        meeting.move(session=session, user_id=other_a, from_section=0, direction=1)


def test_next_pressed_by_both_moves_one_section(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "n")
    started = meeting.start(session=session, user_id=alex, now=NOW)
    meeting.move(session=session, user_id=alex, from_section=0, direction=1, now=NOW)
    meeting.move(session=session, user_id=sam, from_section=0, direction=1, now=NOW)
    session.refresh(started)
    assert started.section == 1
    meeting.move(session=session, user_id=sam, from_section=1, direction=-1, now=NOW)
    session.refresh(started)
    assert started.section == 0
    with pytest.raises(ServiceError, match="first section"):
        meeting.move(session=session, user_id=sam, from_section=0, direction=-1, now=NOW)


def test_time_out_pauses_everything_until_its_caller_resumes(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "t")
    started = meeting.start(session=session, user_id=alex, now=NOW)
    meeting.call_time_out(session=session, user_id=sam, now=NOW + timedelta(minutes=4))
    with pytest.raises(ServiceError, match="time-out"):
        meeting.move(session=session, user_id=alex, from_section=0, direction=1)
    with pytest.raises(ServiceError, match="Only the one who called"):
        meeting.resume(session=session, user_id=alex)
    view, _ = meeting_views.meeting_view(session, couple_of(session, alex))
    assert view.time_out_by == sam
    assert view.time_out_ends_ms == int((NOW + timedelta(minutes=24)).timestamp() * 1000)
    meeting.resume(session=session, user_id=sam, now=NOW + timedelta(minutes=24))
    session.refresh(started)
    assert started.time_out_by is None
    assert started.section_started_at == NOW + timedelta(minutes=20)  # the section timer skips the break
    meeting.move(session=session, user_id=alex, from_section=0, direction=1)


def test_the_floor_passes_only_when_the_speaker_felt_understood(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "f")
    issue = agenda.add_item(session=session, user_id=sam, kind="concern", text="Late replies at night", now=NOW)
    couple = couple_of(session, alex)
    meeting.start(session=session, user_id=alex, now=NOW)
    for section in (0, 1):
        meeting.move(session=session, user_id=alex, from_section=section, direction=1, now=NOW)
    view, _ = meeting_views.meeting_view(session, couple)
    assert (view.section_key, view.issue_item_id, view.speaker_id) == ("issue", issue.id, sam)
    assert view.turn_ends_ms == int((NOW + timedelta(minutes=3)).timestamp() * 1000)
    with pytest.raises(ServiceError, match="Only the speaker"):
        meeting.confirm_understood(session=session, user_id=alex, now=NOW)
    meeting.confirm_understood(session=session, user_id=sam, now=NOW + timedelta(minutes=2))
    view, _ = meeting_views.meeting_view(session, couple)
    assert (view.speaker_id, view.understood, view.solving_open) == (alex, [sam], False)
    meeting.confirm_understood(session=session, user_id=alex, now=NOW + timedelta(minutes=5))
    view, _ = meeting_views.meeting_view(session, couple)
    assert view.solving_open
    meeting.add_note(session=session, user_id=sam, kind="agreement", text="Phones away after 22:00")
    assert issue.id is not None
    meeting.resolve_item(session=session, user_id=alex, item_id=issue.id, now=NOW)
    view, notes = meeting_views.meeting_view(session, couple)
    assert view.issue_item_id == 0
    assert [n.text for n in notes] == ["Phones away after 22:00"]


def test_choosing_an_issue_only_takes_a_concern_of_this_couple(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "c")
    other, _ = pair(session, settings, "c2")
    theirs = agenda.add_item(session=session, user_id=other, kind="concern", text="Not yours")
    thanks = agenda.add_item(session=session, user_id=alex, kind="appreciation", text="Thanks")
    meeting.start(session=session, user_id=alex, now=NOW)
    assert theirs.id is not None
    assert thanks.id is not None
    with pytest.raises(NotAllowed):
        meeting.choose_issue(session=session, user_id=alex, item_id=theirs.id)
    with pytest.raises(ServiceError, match="concerns"):
        meeting.choose_issue(session=session, user_id=alex, item_id=thanks.id)
    with pytest.raises(NotAllowed):
        meeting.resolve_item(session=session, user_id=alex, item_id=theirs.id)


def test_pulse_answers_are_checked_private_and_replaceable(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "q")
    started = meeting.start(session=session, user_id=alex, now=NOW)
    with pytest.raises(ServiceError, match="Choose one of the answers"):
        pulse.answer(session=session, user_id=alex, answers=[7, 5, 5, 5], share=False)
    assert session.exec(select(PulseResponse)).all() == []
    pulse.answer(session=session, user_id=alex, answers=[3, 3, 3, 3], share=False)
    pulse.answer(session=session, user_id=alex, answers=[4, 3, 3, 3], share=False)
    assert started.id is not None
    assert pulse.answered(session, started.id) == [alex]
    assert [r.total for r in session.exec(select(PulseResponse))] == [13]
    # Not shared: Sam sees only his own (empty) line; Alex sees his.
    assert [t.user_id for t in pulse.trajectories(session=session, user_id=sam)] == [sam]
    mine = pulse.trajectories(session=session, user_id=alex)[0]
    assert [p.total for p in mine.points] == [13]
    pulse.answer(session=session, user_id=alex, answers=[4, 3, 3, 3], share=True)
    assert [t.user_id for t in pulse.trajectories(session=session, user_id=sam)] == [sam, alex]


def test_three_distressed_check_ins_in_a_row_are_flagged(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "d")
    for week, answers in enumerate(([2, 2, 2, 2], [3, 2, 2, 2], [3, 3, 2, 2])):
        meeting.start(session=session, user_id=alex, now=NOW + timedelta(weeks=week))
        pulse.answer(session=session, user_id=alex, answers=list(answers), share=False)
        meeting_summary.finish(session=session, user_id=sam, now=NOW + timedelta(weeks=week, minutes=40))
    mine = pulse.trajectories(session=session, user_id=alex)[0]
    assert [p.total for p in mine.points] == [8, 9, 10]
    assert mine.distress_run
    assert mine.trend_kind == "up"  # rising, though still below the line: both are said


def test_finishing_saves_a_summary_and_carries_over_what_was_left(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "s")
    agenda.add_item(session=session, user_id=alex, kind="appreciation", text="You cooked on Tuesday", now=NOW)
    agenda.add_item(session=session, user_id=sam, kind="concern", text="Money talk", now=NOW)
    request = agenda.add_item(session=session, user_id=sam, kind="request", text="Walk on Sunday", now=NOW)
    couple = couple_of(session, alex)
    meeting.start(session=session, user_id=sam, now=NOW)
    assert request.id is not None
    meeting.resolve_item(session=session, user_id=alex, item_id=request.id, now=NOW)
    meeting.add_note(session=session, user_id=alex, kind="ritual", text="Date night Friday, Sam plans")
    pulse.answer(session=session, user_id=sam, answers=[5, 4, 4, 4], share=False)
    meeting.call_time_out(session=session, user_id=alex)
    with pytest.raises(ServiceError, match="time-out"):
        meeting_summary.finish(session=session, user_id=sam)
    meeting.resume(session=session, user_id=alex)
    ended = meeting_summary.finish(session=session, user_id=sam, now=NOW + timedelta(minutes=45))
    data = json.loads(ended.summary)
    assert data["appreciations"] == ["Alex: You cooked on Tuesday"]
    assert data["talked_through"] == ["Walk on Sunday"]
    assert data["rituals"] == ["Date night Friday, Sam plans"]
    assert data["carried_over"] == 1
    assert data["minutes"] == 45
    assert data["pulse"] == [{"name": "Alex", "done": False}, {"name": "Sam", "done": True}]
    # The concern carries over, marked as such; the settled items leave the agenda.
    left = agenda.list_items(session=session, couple_id=couple)
    assert [(v.text, v.carried_over) for v in left] == [("Money talk", True)]
    assert meeting.open_meeting(session, couple) is None
    views = meeting_summary.summaries(session=session, user_id=alex)
    assert [(v.minutes, v.rituals, v.pulse, v.carried_label) for v in views] == [
        (
            45,
            ["Date night Friday, Sam plans"],
            ["Alex skipped the pulse this time", "Sam answered the pulse"],
            "1 item carried over to the next check-in.",
        )
    ]
    other, _ = pair(session, settings, "s2")
    assert meeting_summary.summaries(session=session, user_id=other) == []
    assert session.exec(select(CheckInMeeting)).one().ended_at is not None


def test_items_are_reordered_within_their_kind(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r")
    first = agenda.add_item(session=session, user_id=alex, kind="concern", text="First")
    agenda.add_item(session=session, user_id=sam, kind="appreciation", text="Other kind")
    second = agenda.add_item(session=session, user_id=sam, kind="concern", text="Second")
    assert second.id is not None
    assert first.id is not None
    agenda.move_item(session=session, user_id=alex, item_id=second.id, direction=-1)
    couple = couple_of(session, alex)
    concerns = [v.text for v in agenda.list_items(session=session, couple_id=couple) if v.kind == "concern"]
    assert concerns == ["Second", "First"]
    agenda.move_item(session=session, user_id=alex, item_id=second.id, direction=-1)  # already first: no change
    concerns = [v.text for v in agenda.list_items(session=session, couple_id=couple) if v.kind == "concern"]
    assert concerns == ["Second", "First"]
    assert session.get_one(AgendaItem, first.id).position > session.get_one(AgendaItem, second.id).position
