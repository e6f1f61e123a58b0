"""Proactive transparency: short updates a partner offers, their one-tap presets, and transparency agreements.

Transparency is something a partner *offers*. An agreement names what its sharer chooses to share; only the
sharer makes (or accepts) it, both see it, it has a review date, and either partner can withdraw it alone at any
time with no penalty and no effect on anything else. There is no location tracking and no device access, ever.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from couple_dash.domain.lines import clean_line, line_problem

MAX_UPDATE = 200
MAX_PRESET = 80
MAX_PRESETS = 12
MAX_AGREEMENT = 200

# Offered, never created for anyone: a person adds the ones that fit their life (or none).
STARTER_PRESETS: tuple[str, ...] = (
    "Leaving work now",
    "On my way home",
    "Home safe",
    "Running late, I'll be back by 8",
    "At the gym until 7",
    "Plans changed, I'll call you",
)

# A few warm reactions to a partner's update: key -> (short word, what the button says to a screen reader, icon).
# Icons rather than emoji, so they look the same on every device (not every system has an emoji font).
REACTIONS: dict[str, tuple[str, str, str]] = {
    "heart": ("Love", "Sending love", "heart"),
    "grateful": ("Grateful", "Grateful you told me", "hand-heart"),
    "thanks": ("Thanks", "Thanks", ""),
}

DEFAULT_REVIEW_WEEKS = 4
REVIEW_WEEK_CHOICES: tuple[int, ...] = (1, 2, 4, 8, 12)

# Shown wherever agreements are made: what this app will never do.
NO_SURVEILLANCE = (
    "Couple Dash has no location tracking and no access to anyone's phone or accounts, and it never will. "
    "An agreement is only what you choose to tell, in your own words, for as long as you choose."
)


class AgreementStatus(StrEnum):
    ASKED = "asked"  # the partner asked; waiting for the sharer, who alone can agree to it
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # by either partner, at any time
    DECLINED = "declined"  # the sharer said "not for now" to an ask


def update_problem(text: str) -> str | None:
    return line_problem(text, MAX_UPDATE, "Write a few words, or tap one of your presets.")


def preset_problem(text: str, existing: list[str]) -> str | None:
    if problem := line_problem(text, MAX_PRESET, "Write the words you'd like to send in one tap."):
        return problem
    if clean_line(text).casefold() in {e.casefold() for e in existing}:
        return "You already have that one."
    if len(existing) >= MAX_PRESETS:
        return f"You can keep up to {MAX_PRESETS} presets; remove one you don't use first."
    return None


def agreement_problem(text: str) -> str | None:
    return line_problem(text, MAX_AGREEMENT, "Say what you'd share, e.g. \"I'll tell you when plans change\".")


def parse_reaction(raw: str) -> str | None:
    return raw if raw in REACTIONS else None


def parse_review_weeks(raw: str | int) -> int | None:
    try:
        weeks = int(raw)
    except (TypeError, ValueError):
        return None
    return weeks if weeks in REVIEW_WEEK_CHOICES else None


def review_date(today: date, weeks: int = DEFAULT_REVIEW_WEEKS) -> date:
    """When the two of you look at an agreement again (in the sharer's own calendar)."""
    return today + timedelta(weeks=weeks)


def review_due(status: str, review_on: date | None, today: date) -> bool:
    """An active agreement is due for review from its review date on; nothing happens to it by itself."""
    return status == AgreementStatus.ACTIVE and review_on is not None and today >= review_on


def day_label(day: date) -> str:
    """'26 Nov 2026': plain and neutral."""
    return f"{day.day} {day:%b %Y}"


def ended_message(status: str, actor: str, text: str, day: date) -> str:
    """The neutral note both partners see when an agreement ends: a fact, no blame, no consequence."""
    if status == AgreementStatus.DECLINED:
        return f"{actor} chose not to take on “{text}” for now ({day_label(day)})."
    return f"{actor} withdrew “{text}” on {day_label(day)}."
