"""A couple with some history, with recognisable words planted where they may and may not travel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from couple_dash.services import agenda, commitments, followthrough, meeting, meeting_summary, pulse
from couple_dash.services.commitments import CommitmentInput

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday
CHECK_IN = datetime(2026, 11, 22, 19, 0, tzinfo=UTC)  # a Sunday
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

ALEX_PROMISE = "I will text you when I leave work and when I arrive"
SAM_PROMISE = "I will make us coffee every weekday morning"
APPRECIATION = "Quokkasoup appreciation words"  # shared at a check-in: counted in the report, never quoted
CONCERN = "Plans changing at the last minute"  # talked through: in the summary and the report
AGREEMENT = "We say plans aloud on Sunday evenings"
ALEX_PRIVATE = "Zebrafinch private agenda words"  # Alex keeps it private (after the check-in, so never revealed)
SAM_PRIVATE = "Marmalade private agenda words"
ALEX_PULSE = [1, 2, 2, 2]  # total 7: Alex's own, not shared with anyone
SAM_PULSE = [4, 4, 4, 4]  # total 16


@dataclass(frozen=True)
class History:
    alex_commitment: int
    sam_commitment: int
    meeting_id: int


def lived_in(session: Session, alex: int, sam: int) -> History:
    """Three weeks of promises, one check-in (appreciation, concern, agreement, pulses, a time-out), private items."""
    mine = commitments.create(
        session=session, user_id=alex, owner_id=alex, data=CommitmentInput(text=ALEX_PROMISE), now=START
    )
    theirs = commitments.create(
        session=session,
        user_id=sam,
        owner_id=sam,
        data=CommitmentInput(text=SAM_PROMISE, cadence_kind="weekdays", weekdays=(0, 1, 2, 3, 4)),
        now=START,
    )
    assert mine.id is not None
    assert theirs.id is not None
    for day in range(0, 20, 2):
        at = START + timedelta(days=day)
        followthrough.tick(session=session, user_id=alex, commitment_id=mine.id, now=at)
    made = followthrough.tick(session=session, user_id=sam, commitment_id=theirs.id, now=START + timedelta(days=1))
    assert made.id is not None
    followthrough.acknowledge(session=session, user_id=alex, tick_id=made.id, now=START + timedelta(days=1, hours=2))
    agenda.add_item(session=session, user_id=sam, kind="appreciation", text=APPRECIATION, private=True)
    concern = agenda.add_item(session=session, user_id=alex, kind="concern", text=CONCERN)
    assert concern.id is not None
    started = meeting.start(session=session, user_id=alex, now=CHECK_IN)
    assert started.id is not None
    meeting.call_time_out(session=session, user_id=sam, now=CHECK_IN + timedelta(minutes=10))
    meeting.resume(session=session, user_id=sam, now=CHECK_IN + timedelta(minutes=20))
    meeting.resolve_item(session=session, user_id=alex, item_id=concern.id, now=CHECK_IN + timedelta(minutes=30))
    meeting.add_note(session=session, user_id=sam, kind="agreement", text=AGREEMENT, now=CHECK_IN)
    pulse.answer(session=session, user_id=alex, answers=ALEX_PULSE, share=False, now=CHECK_IN)
    pulse.answer(session=session, user_id=sam, answers=SAM_PULSE, share=False, now=CHECK_IN)
    meeting_summary.finish(session=session, user_id=alex, now=CHECK_IN + timedelta(minutes=45))
    agenda.add_item(session=session, user_id=alex, kind="concern", text=ALEX_PRIVATE, private=True)
    agenda.add_item(session=session, user_id=sam, kind="request", text=SAM_PRIVATE, private=True)
    session.flush()
    return History(mine.id, theirs.id, started.id)
