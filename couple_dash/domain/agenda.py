"""The check-in agenda: what kinds of items exist, and what makes an item's text acceptable."""

from __future__ import annotations

from enum import StrEnum

from couple_dash.domain.text import clean_text as clean_item_text  # the name the agenda and meeting services use

MAX_ITEM_LENGTH = 500


class AgendaKind(StrEnum):
    """In the order the meeting takes them (appreciations first, so the conversation starts warm)."""

    APPRECIATION = "appreciation"
    WENT_WELL = "went_well"
    CONCERN = "concern"
    REQUEST = "request"
    REVIEW = "review"


KIND_LABELS: dict[AgendaKind, str] = {
    AgendaKind.APPRECIATION: "Appreciation",
    AgendaKind.WENT_WELL: "What went well",
    AgendaKind.CONCERN: "A concern to talk through",
    AgendaKind.REQUEST: "A need or request",
    AgendaKind.REVIEW: "A commitment to review",
}

KIND_PROMPTS: dict[AgendaKind, str] = {
    AgendaKind.APPRECIATION: "I appreciated it when you…",
    AgendaKind.WENT_WELL: "Something that went well this week…",
    AgendaKind.CONCERN: "Something I'd like us to talk about…",
    AgendaKind.REQUEST: "This week, it would help me if you…",
    AgendaKind.REVIEW: "I'd like us to look again at…",
}


def parse_kind(raw: str) -> AgendaKind | None:
    try:
        return AgendaKind(raw)
    except ValueError:
        return None


def item_text_problem(text: str) -> str | None:
    cleaned = clean_item_text(text)
    if not cleaned:
        return "Write a few words first."
    if len(cleaned) > MAX_ITEM_LENGTH:
        return f"Keep it under {MAX_ITEM_LENGTH} characters; you can say more at the check-in."
    return None
