"""CSI-4 scoring and how a pulse trajectory is read."""

from __future__ import annotations

import itertools

import pytest

from couple_dash.domain import pulse
from couple_dash.domain.pulse import PulseError, TrendKind


def test_each_item_has_the_published_range() -> None:
    assert [q.highest for q in pulse.QUESTIONS] == [6, 5, 5, 5]
    assert pulse.QUESTIONS[0].options[0] == "Extremely unhappy"
    assert pulse.QUESTIONS[0].options[-1] == "Perfect"
    assert pulse.QUESTIONS[1].options[-1] == "Completely true"


def test_score_is_the_sum_over_every_valid_combination() -> None:
    ranges = [range(q.highest + 1) for q in pulse.QUESTIONS]
    for answers in itertools.product(*ranges):
        assert pulse.score(answers) == sum(answers)


def test_lowest_and_highest_totals() -> None:
    assert pulse.score([0, 0, 0, 0]) == 0
    assert pulse.score([6, 5, 5, 5]) == pulse.MAX_SCORE == 21


@pytest.mark.parametrize(("position", "value"), [(0, 7), (1, 6), (2, 6), (3, 6), (0, -1), (3, -1)])
def test_out_of_range_answers_are_refused(position: int, value: int) -> None:
    answers = [3, 3, 3, 3]
    answers[position] = value
    with pytest.raises(PulseError, match="Choose one of the answers"):
        pulse.score(answers)


@pytest.mark.parametrize("answers", [[], [3, 3, 3], [3, 3, 3, 3, 3]])
def test_missing_or_extra_answers_are_refused(answers: list[int]) -> None:
    with pytest.raises(PulseError, match="all four"):
        pulse.score(answers)


@pytest.mark.parametrize("bad", [True, 2.5, "3", None])
def test_non_integer_answers_are_refused(bad: object) -> None:
    with pytest.raises(PulseError):
        pulse.score([bad, 3, 3, 3])  # type: ignore[list-item]


def test_distress_line_is_below_thirteen_and_a_half() -> None:
    assert pulse.is_distressed(13)
    assert pulse.is_distressed(13.4)
    assert not pulse.is_distressed(13.5)
    assert not pulse.is_distressed(14)


def test_persistent_distress_needs_three_in_a_row_at_the_end() -> None:
    assert not pulse.persistent_distress([10, 11])
    assert pulse.persistent_distress([10, 11, 12])
    assert pulse.persistent_distress([18, 10, 11, 12])
    assert not pulse.persistent_distress([10, 11, 14])
    assert not pulse.persistent_distress([10, 14, 11, 12][:3])


@pytest.mark.parametrize(
    ("totals", "kind"),
    [
        ([], TrendKind.START),
        ([12], TrendKind.START),
        ([12, 12], TrendKind.FLAT),
        ([12, 13], TrendKind.FLAT),
        ([12, 14], TrendKind.UP),
        ([16, 14], TrendKind.DOWN),
        ([10, 20, 20, 20, 16], TrendKind.DOWN),  # only the last three before the latest count
    ],
)
def test_trend_kind(totals: list[int], kind: TrendKind) -> None:
    assert pulse.trend(totals).kind is kind


def test_trend_wording_is_honest_and_addresses_the_reader() -> None:
    down = pulse.trend([16, 12])
    assert "Lower" in down.wording
    assert "your" in down.wording
    assert "their" in pulse.trend([16, 12], own=False).wording
    assert "Higher" in pulse.trend([10, 15]).wording
