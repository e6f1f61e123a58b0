"""Text as people type it into the app's longer fields (agenda items, notes, explanations, workbook entries)."""

from __future__ import annotations


def clean_text(text: str) -> str:
    """Trim and collapse runs of blank space, keeping the single line breaks a person typed."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line)
