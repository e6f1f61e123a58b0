"""The forgiveness workbook's progress and words: the author's pace, no pressure, no timetable."""

import re

import pytest

from couple_dash.domain.workbook import (
    INTRODUCTION,
    STEP_GUIDANCE,
    STEP_PROMPTS,
    STEP_TITLES,
    STEPS,
    ReachStep,
    StepStatus,
    parse_step,
    progress,
    where_you_are,
)


def test_the_steps_spell_reach_in_order() -> None:
    assert [STEP_TITLES[s][0] for s in STEPS] == list("REACH")
    assert [p.number for p in progress({}, set())] == [1, 2, 3, 4, 5]


def test_nothing_written_nothing_done() -> None:
    steps = progress({}, set())
    assert {s.status for s in steps} == {StepStatus.NOT_STARTED}
    assert all(s.entry_count == 0 for s in steps)
    assert "no hurry" in where_you_are(steps)


def test_writing_in_a_step_is_in_progress_until_the_author_marks_it_done() -> None:
    steps = {s.step: s for s in progress({"recall": 2, "empathise": 1}, {"empathise"})}
    assert (steps["recall"].status, steps["recall"].entry_count) == (StepStatus.WRITING, 2)
    assert steps["recall"].status_label == "In progress"
    assert steps["empathise"].status == StepStatus.DONE
    assert steps["altruistic_gift"].status == StepStatus.NOT_STARTED


def test_a_step_can_be_marked_done_without_entries_and_in_any_order() -> None:
    steps = {s.step: s for s in progress({}, {"hold_on"})}
    assert steps["hold_on"].status == StepStatus.DONE
    assert steps["recall"].status == StepStatus.NOT_STARTED


def test_unknown_steps_and_negative_counts_are_ignored() -> None:
    steps = progress({"revenge": 4, "recall": -3}, {"revenge"})
    assert [s.step for s in steps] == [s.value for s in STEPS]
    assert steps[0].status == StepStatus.NOT_STARTED


@pytest.mark.parametrize(
    ("counts", "done", "expected"),
    [
        ({}, set(), "Start wherever feels right"),
        ({"recall": 1}, set(), "You've started writing"),
        ({}, {"recall"}, "You've marked 1 step as done. There's no hurry for the rest."),
        ({}, {"recall", "commit"}, "You've marked 2 steps as done."),
        ({}, {s.value for s in STEPS}, "You've marked every step as done."),
    ],
)
def test_the_summary_says_what_was_done_never_what_is_left(counts: dict, done: set, expected: str) -> None:
    summary = where_you_are(progress(counts, done))
    assert expected in summary
    for counting in ("left", "remaining", "of 5"):
        assert counting not in summary


PRESSURE = re.compile(
    r"\b(?:should|must|(?<!n't )have to|(?<!n't )need to|ought|deadline|by now|hurry up|days?|weeks?|months?|get over|"
    r"move on|let it go|forgive and forget|finish by|overdue|behind|late)\b",
    re.IGNORECASE,
)


def test_no_guidance_presses_or_sets_a_timetable() -> None:
    texts = [INTRODUCTION, *STEP_GUIDANCE.values(), *STEP_PROMPTS.values()]
    for text in texts:
        assert not PRESSURE.search(text), text


def test_the_introduction_says_forgiving_is_not_reconciling_or_excusing() -> None:
    assert "as long as you need" in INTRODUCTION
    assert "not the same as reconciling or excusing" in INTRODUCTION
    assert "stop at any step" in INTRODUCTION


def test_parse_step() -> None:
    assert parse_step("hold_on") is ReachStep.HOLD_ON
    assert parse_step("Hold on") is None
    assert parse_step("") is None
