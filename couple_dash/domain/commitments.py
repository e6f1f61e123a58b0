"""Commitments: categories, statuses, who may do what, and the date rules for ticking.

A commitment belongs to its owner. Either partner may propose one for either of them, but only the owner can
accept it, tick it, or end it: nobody makes promises on someone else's behalf.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

MAX_TEXT = 280
MAX_WHY = 500
MAX_NOTE = 200
REVIEW_AFTER = timedelta(weeks=4)
BACKDATE_DAYS = 3


class Category(StrEnum):
    TRANSPARENCY = "transparency"
    RELIABILITY = "reliability"
    CONNECTION = "connection"
    BOUNDARIES = "boundaries"
    OTHER = "other"


CATEGORY_LABELS = {
    Category.TRANSPARENCY: "Transparency",
    Category.RELIABILITY: "Reliability",
    Category.CONNECTION: "Connection",
    Category.BOUNDARIES: "Boundaries",
    Category.OTHER: "Other",
}


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    RETIRED = "retired"


STATUS_LABELS = {
    Status.PROPOSED: "Proposed",
    Status.ACTIVE: "Active",
    Status.PAUSED: "Paused",
    Status.COMPLETED: "Completed",
    Status.RETIRED: "Retired",
}

# Which status changes the owner may make. (Proposals by the partner start as PROPOSED; the owner accepts.)
OWNER_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.PROPOSED: frozenset({Status.ACTIVE, Status.RETIRED}),
    Status.ACTIVE: frozenset({Status.PAUSED, Status.COMPLETED, Status.RETIRED}),
    Status.PAUSED: frozenset({Status.ACTIVE, Status.COMPLETED, Status.RETIRED}),
    Status.COMPLETED: frozenset({Status.ACTIVE}),
    Status.RETIRED: frozenset({Status.ACTIVE}),
}
# The proposer may withdraw a proposal that hasn't been accepted yet.
PROPOSER_TRANSITIONS: dict[Status, frozenset[Status]] = {Status.PROPOSED: frozenset({Status.RETIRED})}


def parse_category(raw: str) -> Category | None:
    try:
        return Category(raw)
    except ValueError:
        return None


def transition_problem(current: Status, wanted: Status, *, is_owner: bool, is_proposer: bool) -> str | None:
    """Why this person may not move the commitment from ``current`` to ``wanted``, or None if they may."""
    if current == wanted:
        return None
    if is_owner and wanted in OWNER_TRANSITIONS.get(current, frozenset()):
        return None
    if is_proposer and wanted in PROPOSER_TRANSITIONS.get(current, frozenset()):
        return None
    if not is_owner:
        return "Only the person who made this commitment can change its status."
    return f"A {STATUS_LABELS[current].lower()} commitment can't become {STATUS_LABELS[wanted].lower()}."


def text_problem(text: str, why: str) -> str | None:
    if not text.strip():
        return "Say what you will do."
    if len(text.strip()) > MAX_TEXT:
        return f"Keep the commitment under {MAX_TEXT} characters; the detail can go in “why this matters”."
    if len(why.strip()) > MAX_WHY:
        return f"Keep “why this matters” under {MAX_WHY} characters."
    return None


def default_review_date(start: date) -> date:
    return start + REVIEW_AFTER


def dates_problem(start: date, review: date) -> str | None:
    if review <= start:
        return "The review date has to come after the start date."
    return None


def tick_day_problem(day: date, *, today: date, start: date, end: date | None) -> str | None:
    """A tick is for today or up to three days back (in the owner's zone), within the commitment's life."""
    if day > today:
        return "You can't tick a day that hasn't happened yet."
    if day < today - timedelta(days=BACKDATE_DAYS):
        return f"Ticks can be added up to {BACKDATE_DAYS} days back."
    if day < start:
        return "That day is before this commitment started."
    if end is not None and day > end:
        return "That day is after this commitment ended."
    return None


def parse_due_by(raw: str) -> tuple[str | None, str | None]:
    """An optional time of day ("18:00"); returns (normalised value, problem)."""
    raw = raw.strip()
    if not raw:
        return None, None
    try:
        hours, minutes = (int(part) for part in raw.split(":"))
    except ValueError:
        return None, "Write the time as hours and minutes, like 18:00."
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return None, "Write the time as hours and minutes, like 18:00."
    return f"{hours:02d}:{minutes:02d}", None
