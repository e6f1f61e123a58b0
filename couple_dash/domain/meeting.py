"""The weekly check-in meeting: its sections, and the rules that keep it emotionally safe.

Structure after Gottman's State of the Union and Berger's marriage meetings; the issue section uses PREP's
speaker-listener technique: the listener paraphrases, the speaker confirms they were understood before the floor
passes, and problem-solving opens only once both partners have felt understood.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

DEFAULT_TURN_SECONDS = 180
TURN_CHOICES = (60, 120, 180, 300, 600)
TIME_OUT_BREAK = timedelta(minutes=20)


class Section(StrEnum):
    APPRECIATIONS = "appreciations"
    WENT_WELL = "went_well"
    ISSUE = "issue"
    REQUESTS = "requests"
    COMMITMENTS = "commitments"
    RITUALS = "rituals"
    PULSE = "pulse"


@dataclass(frozen=True)
class SectionGuide:
    section: Section
    title: str
    prompt: str
    minutes: int  # a suggestion shown beside the section timer, never enforced


GUIDES: tuple[SectionGuide, ...] = (
    SectionGuide(
        Section.APPRECIATIONS,
        "Appreciations",
        "Take turns. Name what your partner did, and the quality it shows: “When you…, it showed me you're…”.",
        5,
    ),
    SectionGuide(
        Section.WENT_WELL,
        "What went well",
        "This week's follow-through, as it happened. Notice it together before anything else.",
        5,
    ),
    SectionGuide(
        Section.ISSUE,
        "One issue at a time",
        "The speaker talks about their own feelings; the listener says back what they heard: “What I hear you say "
        "is…”. No rebuttal, no solutions until you both feel understood.",
        20,
    ),
    SectionGuide(
        Section.REQUESTS,
        "Needs and requests",
        "“What can I do this week to make you feel loved and safe?” Ask for something specific and doable.",
        5,
    ),
    SectionGuide(
        Section.COMMITMENTS,
        "Commitments",
        "Review the ones that are due. Keep, adjust or make new ones: specific and checkable.",
        10,
    ),
    SectionGuide(
        Section.RITUALS,
        "Rituals",
        "Plan the coming week's time together: a date, a walk, the next check-in.",
        5,
    ),
    SectionGuide(
        Section.PULSE,
        "Pulse",
        "Four short questions, answered privately, each on your own. Your answers are never shown on this screen.",
        3,
    ),
)

SECTIONS: tuple[Section, ...] = tuple(g.section for g in GUIDES)


class MeetingRuleError(ValueError):
    """A step the meeting's rules don't allow right now; the message is fit to show both partners."""


def guide(index: int) -> SectionGuide:
    return GUIDES[index]


def step(index: int, direction: int, time_out_by: int | None) -> int:
    """The section after moving ``direction`` (+1 next, -1 back) from ``index``."""
    if time_out_by is not None:
        raise MeetingRuleError("The check-in is paused for a time-out. It goes on when it's resumed.")
    if direction not in (-1, 1):
        raise MeetingRuleError("Move one section at a time.")
    target = index + direction
    if target < 0:
        raise MeetingRuleError("This is the first section.")
    if target >= len(SECTIONS):
        raise MeetingRuleError("This is the last section: finish the check-in to save its summary.")
    return target


def call_time_out(time_out_by: int | None, caller: int) -> int:
    """Either partner may pause the meeting at any moment; a pause already called stays with whoever called it."""
    if time_out_by is not None:
        raise MeetingRuleError("A time-out is already on. Take the break; it ends when it's resumed.")
    return caller


def resume(time_out_by: int | None, caller: int) -> None:
    """Only the partner who called the time-out decides they are ready to go on."""
    if time_out_by is None:
        raise MeetingRuleError("There's no time-out to resume.")
    if time_out_by != caller:
        raise MeetingRuleError("Only the one who called the time-out can resume it, when they're ready.")


def time_out_ends(called_at: datetime) -> datetime:
    """When the suggested break is over (a suggestion: resuming stays the caller's choice)."""
    return called_at + TIME_OUT_BREAK


@dataclass(frozen=True)
class Floor:
    """Who holds the floor on the current issue, and who has confirmed that they felt understood."""

    speaker: int
    listener: int
    understood: frozenset[int] = frozenset()

    @property
    def solving_open(self) -> bool:
        """Problem-solving waits until both partners have said they feel understood."""
        return {self.speaker, self.listener} <= self.understood


def open_floor(speaker: int, listener: int) -> Floor:
    if speaker == listener:
        raise MeetingRuleError("The floor passes between the two of you.")
    return Floor(speaker, listener)


def confirm_understood(floor: Floor, by: int) -> Floor:
    """The speaker confirms the paraphrase matched what they meant; then, and only then, the floor passes."""
    if by != floor.speaker:
        raise MeetingRuleError("Only the speaker can say whether they felt understood.")
    return Floor(floor.listener, floor.speaker, floor.understood | {by})


def turn_seconds_problem(seconds: int) -> str | None:
    if seconds not in TURN_CHOICES:
        return "Choose one of the turn lengths offered."
    return None
