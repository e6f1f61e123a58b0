"""The weekly pulse: the 4-item Couples Satisfaction Index (CSI-4; Funk & Rogge, 2007), scored and read gently.

The CSI-4 sums four answers into 0-21; a total below 13.5 signals notable relationship distress. The scale is free
for clinical and research use. Scores are each partner's own: they are shown as a trajectory, never compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

DISTRESS_CUTOFF = 13.5
MAX_SCORE = 21
# Distress persisting this many check-ins in a row is a reason to suggest a couple therapist.
PERSISTENT_RUN = 3
# A change smaller than this (on 0-21) is read as "about the same": single answers move by 1 point easily.
FLAT_BAND = 1.5


@dataclass(frozen=True)
class PulseQuestion:
    key: str
    text: str
    options: tuple[str, ...]  # the label of each answer, from 0 upwards

    @property
    def highest(self) -> int:
        return len(self.options) - 1


_TRUE_SCALE = ("Not at all true", "A little true", "Somewhat true", "Mostly true", "Almost completely true")
_AMOUNT_SCALE = ("Not at all", "A little", "Somewhat", "Mostly", "Almost completely")

QUESTIONS: tuple[PulseQuestion, ...] = (
    PulseQuestion(
        "happiness",
        "Please indicate the degree of happiness, all things considered, of your relationship.",
        (
            "Extremely unhappy",
            "Fairly unhappy",
            "A little unhappy",
            "Happy",
            "Very happy",
            "Extremely happy",
            "Perfect",
        ),
    ),
    PulseQuestion(
        "warmth",
        "I have a warm and comfortable relationship with my partner.",
        (*_TRUE_SCALE, "Completely true"),
    ),
    PulseQuestion("rewarding", "How rewarding is your relationship with your partner?", (*_AMOUNT_SCALE, "Completely")),
    PulseQuestion(
        "satisfaction", "In general, how satisfied are you with your relationship?", (*_AMOUNT_SCALE, "Completely")
    ),
)


class PulseError(ValueError):
    """Answers that cannot be scored; the message is fit to show the person answering."""


def score(answers: Sequence[int]) -> int:
    """The CSI-4 total (0-21). Refuses a missing, extra or out-of-range answer rather than guessing."""
    if len(answers) != len(QUESTIONS):
        raise PulseError("Answer all four questions; your answers stay private.")
    total = 0
    for question, answer in zip(QUESTIONS, answers, strict=True):
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= question.highest:
            raise PulseError(f"Choose one of the answers offered for: “{question.text}”")
        total += answer
    return total


def is_distressed(total: float) -> bool:
    return total < DISTRESS_CUTOFF


def persistent_distress(totals: Sequence[float], run: int = PERSISTENT_RUN) -> bool:
    """The latest ``run`` check-ins (oldest first in ``totals``) were all below the distress line."""
    return len(totals) >= run and all(is_distressed(t) for t in totals[-run:])


class TrendKind(StrEnum):
    START = "start"
    UP = "up"
    FLAT = "flat"
    DOWN = "down"


@dataclass(frozen=True)
class Trend:
    kind: TrendKind
    wording: str


def trend(totals: Sequence[float], own: bool = True) -> Trend:
    """How the latest pulse compares with the (up to three) before it, in honest words that don't judge.

    ``own`` words it for the person themself ("your"); otherwise for their partner reading it.
    """
    if not totals:
        return Trend(TrendKind.START, "No pulse yet. It's four short questions at the end of each check-in.")
    if len(totals) == 1:
        return Trend(TrendKind.START, "One check-in so far: the line starts here.")
    before = totals[-4:-1]
    change = totals[-1] - sum(before) / len(before)
    whose = "your" if own else "their"
    if abs(change) < FLAT_BAND:
        return Trend(TrendKind.FLAT, f"About the same as {whose} recent check-ins.")
    if change > 0:
        return Trend(TrendKind.UP, f"Higher than {whose} recent check-ins. Worth noticing what helped.")
    return Trend(
        TrendKind.DOWN,
        f"Lower than {whose} recent check-ins. That is worth saying out loud, gently, at the next check-in.",
    )
