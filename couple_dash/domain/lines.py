"""One-line fields (a name, a bid, an update, a menu item): kept on one line with single spaces, and refused in the
same two ways when empty or too long (each field with its own words)."""

from __future__ import annotations


def clean_line(text: str) -> str:
    """One line, single spaces: line breaks and runs of blank space become one space."""
    return " ".join(text.split())


def line_problem(text: str, limit: int, empty: str, too_long: str | None = None) -> str | None:
    """``empty`` when nothing is left after cleaning, ``too_long`` (by default "Keep it under N characters.") past
    ``limit`` characters, else None."""
    cleaned = clean_line(text)
    if not cleaned:
        return empty
    if len(cleaned) > limit:
        return too_long or f"Keep it under {limit} characters."
    return None
