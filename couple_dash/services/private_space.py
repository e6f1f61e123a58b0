"""Rules shared by everything in a person's private space (notes, reflection, explanations, workbook).

- Everything belongs to its author alone. Asking for someone else's item gets the same answer as asking for one
  that doesn't exist, so nothing about it (not even that it exists) leaks.
- Sharing is per item and only ever with the partner: the item records the couple the author is in when sharing,
  and the partner reads it only while both of them are still in that couple.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.models import Couple, Explanation, User, WorkbookEntry, utcnow
from couple_dash.services import NotAllowed, ServiceError

NOT_FOUND = "That isn't in your private space (it may have been deleted)."
NEED_PARTNER = "Sharing is only possible once your partner has joined you here."

T = TypeVar("T")
Shareable = Explanation | WorkbookEntry  # what the author may share with the partner, one item at a time


def caller(session: Session, user_id: int) -> User:
    """The signed-in user asking, whose private space it is (refused if the account is gone)."""
    user = session.get(User, user_id)
    if user is None:
        raise NotAllowed()
    return user


def own(session: Session, model: type[T], item_id: Any, user_id: int) -> T:
    """The caller's own row, or the same refusal whether it is missing or someone else's."""
    try:
        key = int(item_id)
    except (TypeError, ValueError):
        raise NotAllowed(NOT_FOUND) from None
    item = session.get(model, key)
    if item is None or getattr(item, "author_id", None) != user_id:
        raise NotAllowed(NOT_FOUND)
    return item


def sharing_couple(session: Session, user_id: int) -> int:
    """The couple an item is shared into: the caller's, and only once both partners are in it."""
    user = session.get(User, user_id)
    couple = session.get(Couple, user.couple_id) if user is not None and user.couple_id is not None else None
    if couple is None or couple.id is None or couple.member_count < 2:
        raise ServiceError(NEED_PARTNER)
    return couple.id


def is_shared(item: Shareable, author: User) -> bool:
    """Shared with the partner right now: into the couple its author is still in."""
    return item.shared_couple_id is not None and item.shared_couple_id == author.couple_id


def share_item(session: Session, item: Shareable, user_id: int, now: datetime | None = None) -> None:
    """Share one of the caller's own items (from ``own``) with their partner."""
    item.shared_couple_id = sharing_couple(session, user_id)
    item.shared_at = now or utcnow()
    session.add(item)
    session.flush()


def unshare_item(session: Session, item: Shareable) -> bool:
    """Back to private: the partner's view loses it at once. Returns whether it had been shared."""
    was_shared = item.shared_couple_id is not None
    item.shared_couple_id = None
    item.shared_at = None
    session.add(item)
    session.flush()
    return was_shared


def delete_item(session: Session, item: Shareable) -> bool:
    """Delete one of the caller's own items; returns whether it was shared (so the partner's view must drop it)."""
    was_shared = item.shared_couple_id is not None
    session.delete(item)
    session.flush()
    return was_shared


def written_label(moment: datetime | None, time_zone: str) -> str:
    """ "3 Dec 2026" in the reader's zone ("" for never)."""
    if moment is None:
        return ""
    try:
        zone = ZoneInfo(time_zone)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    return f"{local.day} {local.strftime('%b %Y')}"


def shared_with_me(*, session: Session, user_id: int) -> int:
    """How many explanations and workbook entries the caller's partner is sharing with them right now."""
    reader = session.get(User, user_id)
    if reader is None or reader.couple_id is None:
        return 0
    total = 0
    for table, author_column, shared_column in (
        (Explanation, col(Explanation.author_id), col(Explanation.shared_couple_id)),
        (WorkbookEntry, col(WorkbookEntry.author_id), col(WorkbookEntry.shared_couple_id)),
    ):
        total += session.execute(
            sa.select(sa.func.count())
            .select_from(table)
            .join(User, col(User.id) == author_column)
            .where(shared_column == reader.couple_id, col(User.couple_id) == reader.couple_id, author_column != user_id)
        ).scalar_one()
    return total


def unshare_all_in_couple(*, session: Session, couple_id: int) -> int:
    """Take back everything shared within a couple (someone is leaving it): shares were meant for that partner,
    never for whoever joins the couple next, and never again if the same two pair up anew. Returns how many."""
    taken_back = 0
    for model in (Explanation, WorkbookEntry):
        for item in session.exec(select(model).where(col(model.shared_couple_id) == couple_id)).all():
            item.shared_couple_id = None
            item.shared_at = None
            session.add(item)
            taken_back += 1
    session.flush()
    return taken_back
