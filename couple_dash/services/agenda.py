"""The check-in agenda. Every function is scoped to the caller's own couple."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import update
from sqlmodel import Session, col

from couple_dash.domain.agenda import KIND_LABELS, clean_item_text, item_text_problem, parse_kind
from couple_dash.models import AgendaItem, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of

NOT_IN_YOUR_COUPLE = "That item isn't part of your couple's agenda."


class EditConflict(ServiceError):
    """The item changed since the caller started editing; nothing was written."""

    def __init__(self, current: AgendaItem, editor_name: str | None) -> None:
        # Plain values, not the row: the caller's session is rolled back (and the row expired) by then.
        self.current_version = current.version
        self.current_text = current.text
        who = f"{editor_name} changed this item" if editor_name else "You changed this item on another device"
        super().__init__(
            f"{who} while you were editing. The newer version is shown above; your text is still in the box, "
            "so you can save it over that or let it go."
        )


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    kind: str
    kind_label: str
    text: str
    author_id: int
    author_name: str
    version: int


def _couple_of(session: Session, user_id: int) -> int:
    return couple_of(session, user_id)[1]


def _own_item(session: Session, couple_id: int, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.couple_id != couple_id:
        raise NotAllowed(NOT_IN_YOUR_COUPLE)
    return item


def list_items(*, session: Session, couple_id: int) -> list[AgendaItemView]:
    # Plain columns, not ORM objects: this runs on every agenda change of every couple.
    rows = session.execute(
        sa.select(
            col(AgendaItem.id),
            col(AgendaItem.kind),
            col(AgendaItem.text),
            col(AgendaItem.author_id),
            col(User.display_name),
            col(AgendaItem.version),
        )
        .join(User, col(User.id) == col(AgendaItem.author_id))
        .where(col(AgendaItem.couple_id) == couple_id)
        .order_by(col(AgendaItem.created_at), col(AgendaItem.id))
    ).all()
    views = []
    for item_id, kind, text, author_id, author_name, version in rows:
        parsed = parse_kind(kind)
        assert parsed is not None
        views.append(AgendaItemView(item_id, kind, KIND_LABELS[parsed], text, author_id, author_name, version))
    return views


def add_item(*, session: Session, user_id: int, kind: str, text: str, now: datetime | None = None) -> AgendaItem:
    couple_id = _couple_of(session, user_id)
    parsed = parse_kind(kind)
    if parsed is None:
        raise ServiceError("Choose what kind of item this is.")
    if problem := item_text_problem(text):
        raise ServiceError(problem)
    now = now or utcnow()
    item = AgendaItem(
        couple_id=couple_id,
        author_id=user_id,
        kind=parsed.value,
        text=clean_item_text(text),
        created_at=now,
        updated_at=now,
        updated_by=user_id,
    )
    session.add(item)
    session.flush()
    return item


def edit_item(
    *, session: Session, user_id: int, item_id: int, text: str, base_version: int, now: datetime | None = None
) -> AgendaItem:
    """Replace an item's text, but only if nobody changed it since ``base_version`` (either partner may edit)."""
    couple_id = _couple_of(session, user_id)
    _own_item(session, couple_id, item_id)
    if problem := item_text_problem(text):
        raise ServiceError(problem)
    # One conditional UPDATE: the version check and the write are atomic on every engine.
    written = session.exec(
        update(AgendaItem)
        .where(
            col(AgendaItem.id) == item_id,
            col(AgendaItem.couple_id) == couple_id,
            col(AgendaItem.version) == base_version,
        )
        .values(
            text=clean_item_text(text), version=AgendaItem.version + 1, updated_at=now or utcnow(), updated_by=user_id
        )
    )
    current = session.get(AgendaItem, item_id)
    assert current is not None
    session.refresh(current)
    if not written.rowcount:
        editor = session.get(User, current.updated_by) if current.updated_by else None
        raise EditConflict(current, editor.display_name if editor and editor.id != user_id else None)
    return current


def remove_item(*, session: Session, user_id: int, item_id: int) -> None:
    """Only the author removes their own item: a partner's concern is never taken off the table for them."""
    couple_id = _couple_of(session, user_id)
    item = _own_item(session, couple_id, item_id)
    if item.author_id != user_id:
        raise NotAllowed("Only the person who added this item can remove it.")
    session.delete(item)
    session.flush()
