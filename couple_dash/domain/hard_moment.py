"""Talking after a hard moment, together: five steps, each partner speaking only for themselves.

Modelled on the "aftermath of a fight" conversation couple therapists teach (e.g. Gottman's): first how each of
you feels, then each one's reality (two perspectives, neither of them "the truth"), what triggered each of you,
each one's own part (only your own), and what each will try next time. One talk at a time per couple; either
partner moves it on or finishes it; it is then kept as a summary.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_ENTRY = 1000


@dataclass(frozen=True)
class MomentStep:
    key: str
    title: str
    prompt: str
    placeholder: str


STEPS: tuple[MomentStep, ...] = (
    MomentStep(
        "feelings",
        "Feelings",
        "How did you feel during the hard moment, and how do you feel now? Feelings only, no reasons yet.",
        "Hurt, on edge, lonely. Calmer now, and a bit embarrassed.",
    ),
    MomentStep(
        "reality",
        "Each one's reality",
        "What happened, as you lived it. You each have your own view: neither of them is “the truth”, and you "
        "don't have to agree.",
        "When you looked at your phone while I was talking, I thought you didn't care what I was saying.",
    ),
    MomentStep(
        "triggers",
        "Triggers",
        "What set it off for you? An old hurt, a tone of voice, being tired or hungry, a word that stung.",
        "It reminded me of the weeks when you were texting someone else.",
    ),
    MomentStep(
        "own_part",
        "My own part",
        "Name only your own part in how it went. Your partner names theirs.",
        "I raised my voice and walked out instead of asking for a break.",
    ),
    MomentStep(
        "plan",
        "Next time",
        "What will you try next time it starts to go this way? You can make it a commitment.",
        "Ask for a 20-minute break when I notice I'm raising my voice.",
    ),
)
STEP_KEYS = tuple(step.key for step in STEPS)
LAST_STEP = len(STEPS) - 1
OWN_PART = "own_part"
PLAN = "plan"


def step_index(key: str) -> int | None:
    return STEP_KEYS.index(key) if key in STEP_KEYS else None


def moved(step: int, direction: int) -> int:
    """The step after Next (+1) or Back (-1), staying within the talk."""
    return max(0, min(LAST_STEP, step + (1 if direction > 0 else -1)))


def entry_problem(text: str) -> str | None:
    if len(text.strip()) > MAX_ENTRY:
        return f"Keep it under {MAX_ENTRY} characters: a few honest sentences are plenty."
    return None
