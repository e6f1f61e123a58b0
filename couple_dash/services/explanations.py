"""Clear communication of reasons: explanations, private drafts until their author shares them.

Only the author writes, edits, deletes, shares and unshares. Once shared, the partner reads it (through the
couple's shared view, which holds nothing else) and may answer with one short reply; unsharing takes it away from
the partner at once. Every refusal of someone else's explanation reads like a missing one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from couple_dash.domain.explanation import FIELD_NAMES, explanation_problem, reply_problem, share_problem
from couple_dash.domain.text import clean_text
from couple_dash.models import Explanation, User, utcnow
from couple_dash.services import NotAllowed, ServiceError
from couple_dash.services.private_space import (
    NOT_FOUND,
    caller,
    delete_item,
    is_shared,
    own,
    share_item,
    unshare_item,
    written_label,
)

SHARED_NEEDS_ALL = (
    "While it's shared, an explanation keeps what was going on, what you were thinking and feeling, and the impact. "
    "To rework one part, make it private first."
)


class StaleExplanation(ServiceError):
    """The explanation changed (in another tab) since this edit began; nothing was written."""

    def __init__(self, current_version: int) -> None:
        self.current_version = current_version
        super().__init__(
            "You changed this explanation in another tab or device meanwhile. Your text is still here: save again "
            "to keep this version."
        )


@dataclass(frozen=True)
class ExplanationView:
    """The author's own explanation, as only their own tab reads it."""

    id: int
    context: str
    thinking: str
    impact: str
    not_excuse: str
    version: int
    shared: bool
    written_label: str
    shared_label: str
    reply: str
    reply_label: str


@dataclass(frozen=True)
class SharedExplanationView:
    """A shared explanation, as both partners' shared view carries it (unshared ones are never in it)."""

    id: int
    author_id: int
    author_name: str
    context: str
    thinking: str
    impact: str
    not_excuse: str
    version: int
    shared_label: str
    reply: str
    reply_label: str


def own_explanations(*, session: Session, user_id: int) -> list[ExplanationView]:
    """The caller's own explanations, newest first, with whether each is shared and the partner's reply."""
    user = caller(session, user_id)
    rows = session.exec(
        select(Explanation)
        .where(col(Explanation.author_id) == user_id)
        .order_by(col(Explanation.created_at).desc(), col(Explanation.id).desc())
    ).all()
    return [
        ExplanationView(
            row.id or 0,
            row.context,
            row.thinking,
            row.impact,
            row.not_excuse,
            row.version,
            is_shared(row, user),
            written_label(row.created_at, user.time_zone),
            written_label(row.shared_at, user.time_zone) if is_shared(row, user) else "",
            row.reply,
            written_label(row.replied_at, user.time_zone),
        )
        for row in rows
    ]


def save_explanation(
    *,
    session: Session,
    user_id: int,
    fields: Mapping[str, str],
    explanation_id: int = 0,
    base_version: int = 0,
    now: datetime | None = None,
) -> Explanation:
    """Write a new explanation (``explanation_id`` 0) or change one of the caller's own. A shared one stays shared,
    so the partner sees the new words at once."""
    caller(session, user_id)
    item = own(session, Explanation, explanation_id, user_id) if explanation_id else Explanation(author_id=user_id)
    if explanation_id and item.version != base_version:
        raise StaleExplanation(item.version)
    if problem := explanation_problem(fields):
        raise ServiceError(problem)
    if item.shared_couple_id is not None and share_problem(fields):
        raise ServiceError(SHARED_NEEDS_ALL)
    now = now or utcnow()
    for name in FIELD_NAMES:
        setattr(item, name, clean_text(str(fields.get(name, ""))))
    if explanation_id:
        item.version += 1
    else:
        item.created_at = now
    item.updated_at = now
    session.add(item)
    session.flush()
    return item


def delete_explanation(*, session: Session, user_id: int, explanation_id: int) -> bool:
    """Delete one of the caller's own; returns whether it was shared (so the partner's view must drop it)."""
    return delete_item(session, own(session, Explanation, explanation_id, user_id))


def share_explanation(*, session: Session, user_id: int, explanation_id: int, now: datetime | None = None) -> None:
    item = own(session, Explanation, explanation_id, user_id)
    if problem := share_problem({name: getattr(item, name) for name in FIELD_NAMES}):
        raise ServiceError(problem)
    share_item(session, item, user_id, now)


def unshare_explanation(*, session: Session, user_id: int, explanation_id: int) -> bool:
    """Back to private: the partner's view loses it at once (their reply stays with the author). Returns whether it
    had been shared."""
    return unshare_item(session, own(session, Explanation, explanation_id, user_id))


def _shared_with(session: Session, user_id: int, explanation_id: int) -> Explanation:
    """An explanation the caller's partner shared with them, or the same refusal as for a missing one."""
    reader = caller(session, user_id)
    try:
        item = session.get(Explanation, int(explanation_id))
    except (TypeError, ValueError):
        item = None
    author = session.get(User, item.author_id) if item is not None else None
    if (
        item is None
        or author is None
        or item.author_id == user_id
        or reader.couple_id is None
        or item.shared_couple_id != reader.couple_id
        or author.couple_id != reader.couple_id
    ):
        raise NotAllowed(NOT_FOUND)
    return item


def reply(*, session: Session, user_id: int, explanation_id: int, text: str, now: datetime | None = None) -> None:
    """The partner's short answer to an explanation shared with them (a new reply replaces the last one)."""
    item = _shared_with(session, user_id, explanation_id)
    if problem := reply_problem(text):
        raise ServiceError(problem)
    item.reply = clean_text(text)
    item.reply_by = user_id
    item.replied_at = now or utcnow()
    session.add(item)
    session.flush()


def shared_explanations(*, session: Session, couple_id: int) -> list[SharedExplanationView]:
    """Every explanation shared within this couple by someone still in it: the only ones the shared view holds."""
    rows = session.exec(
        select(Explanation, User)
        .join(User, col(User.id) == col(Explanation.author_id))
        .where(col(Explanation.shared_couple_id) == couple_id, col(User.couple_id) == couple_id)
        .order_by(col(Explanation.shared_at).desc(), col(Explanation.id).desc())
    ).all()
    return [
        SharedExplanationView(
            item.id or 0,
            author.id or 0,
            author.display_name,
            item.context,
            item.thinking,
            item.impact,
            item.not_excuse,
            item.version,
            written_label(item.shared_at, author.time_zone),
            item.reply,
            written_label(item.replied_at, author.time_zone),
        )
        for item, author in rows
    ]
