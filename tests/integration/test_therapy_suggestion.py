"""The therapist suggestion from the database: each person's own pulse, the couple's time-outs and follow-through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from couple_dash.config import Settings
from couple_dash.models import User
from couple_dash.services import commitments, followthrough, meeting, meeting_summary, pulse, therapy
from couple_dash.services.commitments import CommitmentInput
from tests.integration.helpers import pair

SUNDAY = datetime(2026, 11, 1, 19, 0, tzinfo=UTC)
LOW = [1, 2, 2, 2]  # 7: below 13.5
HIGH = [4, 4, 4, 4]  # 16


def check_in(session: Session, alex: int, sam: int, at: datetime, *, time_out: bool) -> None:
    meeting.start(session=session, user_id=alex, now=at)
    if time_out:
        meeting.call_time_out(session=session, user_id=sam, now=at + timedelta(minutes=5))
        meeting.resume(session=session, user_id=sam, now=at + timedelta(minutes=15))
    pulse.answer(session=session, user_id=alex, answers=LOW, share=False, now=at)
    pulse.answer(session=session, user_id=sam, answers=HIGH, share=False, now=at)
    meeting_summary.finish(session=session, user_id=alex, now=at + timedelta(minutes=40))


def test_each_partner_sees_only_what_their_own_pulse_and_the_shared_record_say(
    session: Session, settings: Settings
) -> None:
    alex, sam = pair(session, settings, "t1")
    for week, time_out in enumerate((True, False, True)):
        check_in(session, alex, sam, SUNDAY + timedelta(weeks=week), time_out=time_out)
    now = SUNDAY + timedelta(weeks=3)
    alex_sees = therapy.signals_for(session=session, user_id=alex, now=now)
    sam_sees = therapy.signals_for(session=session, user_id=sam, now=now)
    # Alex's own three low pulses are Alex's signal; Sam is never told about them (Sam's own pulses are high).
    assert alex_sees.distress
    assert not sam_sees.distress
    assert not alex_sees.time_outs
    assert not sam_sees.time_outs
    assert therapy.time_outs_per_check_in(session, _couple(session, alex)) == [1, 0, 1]

    check_in(session, alex, sam, SUNDAY + timedelta(weeks=3), time_out=True)
    now = SUNDAY + timedelta(weeks=4)
    assert therapy.signals_for(session=session, user_id=alex, now=now).time_outs
    assert therapy.signals_for(session=session, user_id=sam, now=now).time_outs
    assert any("time-out" in reason for reason in therapy.signals_for(session=session, user_id=sam, now=now).reasons())


def test_three_weeks_of_mostly_missed_promises_is_a_shared_signal(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "t2")
    start = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # a Monday
    made = commitments.create(
        session=session,
        user_id=alex,
        owner_id=alex,
        data=CommitmentInput(text="I will text you when I leave work"),
        now=start,
    )
    assert made.id is not None
    # Kept twice a week (2 of 7 days) for three weeks.
    for week in range(3):
        for day in (0, 3):
            at = start + timedelta(weeks=week, days=day)
            followthrough.tick(session=session, user_id=alex, commitment_id=made.id, now=at)
    after_two = start + timedelta(weeks=2, days=2)
    assert not therapy.signals_for(session=session, user_id=sam, now=after_two).follow_through  # not 3 weeks yet
    after_three = start + timedelta(weeks=3, days=1)
    assert [w.kept for w in therapy.weekly_follow_through(session, _couple(session, alex), after_three)] == [2, 2, 2]
    assert therapy.signals_for(session=session, user_id=sam, now=after_three).follow_through
    assert therapy.signals_for(session=session, user_id=alex, now=after_three).follow_through


def _couple(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id
