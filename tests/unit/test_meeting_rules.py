"""The check-in's section flow, time-outs and the speaker-listener floor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from couple_dash.domain import meeting
from couple_dash.domain.meeting import MeetingRuleError, Section

ALEX, SAM = 1, 2


def test_sections_follow_the_state_of_the_union_order() -> None:
    assert meeting.SECTIONS == (
        Section.APPRECIATIONS,
        Section.WENT_WELL,
        Section.ISSUE,
        Section.REQUESTS,
        Section.COMMITMENTS,
        Section.RITUALS,
        Section.PULSE,
    )


def test_next_and_back_move_one_section() -> None:
    assert meeting.step(0, 1, None) == 1
    assert meeting.step(3, -1, None) == 2


def test_cannot_go_before_the_first_or_past_the_last_section() -> None:
    with pytest.raises(MeetingRuleError, match="first"):
        meeting.step(0, -1, None)
    with pytest.raises(MeetingRuleError, match="finish"):
        meeting.step(len(meeting.SECTIONS) - 1, 1, None)


def test_nothing_moves_during_a_time_out() -> None:
    with pytest.raises(MeetingRuleError, match="time-out"):
        meeting.step(2, 1, SAM)


def test_jumps_are_refused() -> None:
    with pytest.raises(MeetingRuleError):
        meeting.step(0, 3, None)


def test_either_partner_can_call_a_time_out_but_only_once() -> None:
    assert meeting.call_time_out(None, SAM) == SAM
    assert meeting.call_time_out(None, ALEX) == ALEX
    with pytest.raises(MeetingRuleError, match="already"):
        meeting.call_time_out(SAM, ALEX)


def test_only_the_caller_resumes() -> None:
    meeting.resume(SAM, SAM)
    with pytest.raises(MeetingRuleError, match="Only the one who called"):
        meeting.resume(SAM, ALEX)
    with pytest.raises(MeetingRuleError, match="no time-out"):
        meeting.resume(None, ALEX)


def test_break_lasts_twenty_minutes() -> None:
    called = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)
    assert meeting.time_out_ends(called) == called + timedelta(minutes=20)


def test_floor_passes_only_when_the_speaker_confirms() -> None:
    floor = meeting.open_floor(ALEX, SAM)
    with pytest.raises(MeetingRuleError, match="Only the speaker"):
        meeting.confirm_understood(floor, SAM)
    passed = meeting.confirm_understood(floor, ALEX)
    assert (passed.speaker, passed.listener) == (SAM, ALEX)
    assert passed.understood == {ALEX}
    assert not passed.solving_open


def test_problem_solving_opens_once_both_felt_understood() -> None:
    floor = meeting.confirm_understood(meeting.open_floor(ALEX, SAM), ALEX)
    both = meeting.confirm_understood(floor, SAM)
    assert both.solving_open
    assert (both.speaker, both.listener) == (ALEX, SAM)
    # Going round again keeps it open.
    assert meeting.confirm_understood(both, ALEX).solving_open


def test_floor_is_between_two_people() -> None:
    with pytest.raises(MeetingRuleError):
        meeting.open_floor(ALEX, ALEX)


def test_turn_lengths() -> None:
    assert meeting.turn_seconds_problem(meeting.DEFAULT_TURN_SECONDS) is None
    assert meeting.turn_seconds_problem(7) is not None
