"""The check-in agenda. Every function is scoped to the caller's own couple."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.domain.agenda import KIND_LABELS, clean_item_text, item_text_problem, parse_kind
from couple_dash.models import AgendaItem, CheckInMeeting, User, utcnow
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
    text: str  # empty while the item is hidden: this view is pushed to both partners
    author_id: int
    author_name: str
    version: int
    hidden: bool = False  # "reveal at check-in", and no check-in has started since
    carried_over: bool = False  # added before the last check-in and not dealt with there


def _couple_of(session: Session, user_id: int) -> int:
    return couple_of(session, user_id)[1]


def _own_item(session: Session, couple_id: int, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.couple_id != couple_id:
        raise NotAllowed(NOT_IN_YOUR_COUPLE)
    return item


def _last_meeting_end(session: Session, couple_id: int) -> datetime | None:
    """Open items older than this were on the table at the last check-in and carry over from it."""
    return session.execute(
        sa.select(sa.func.max(col(CheckInMeeting.ended_at))).where(col(CheckInMeeting.couple_id) == couple_id)
    ).scalar()


def _open_items(couple_id: int) -> sa.Select:
    return (
        sa.select(
            col(AgendaItem.id),
            col(AgendaItem.kind),
            col(AgendaItem.text),
            col(AgendaItem.author_id),
            col(User.display_name),
            col(AgendaItem.version),
            col(AgendaItem.private) & col(AgendaItem.revealed_at).is_(None),
            col(AgendaItem.created_at),
        )
        .join(User, col(User.id) == col(AgendaItem.author_id))
        .where(col(AgendaItem.couple_id) == couple_id, col(AgendaItem.resolved_at).is_(None))
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    )


def _views(rows: Sequence[sa.Row], last_meeting: datetime | None, *, reveal: bool) -> list[AgendaItemView]:
    views = []
    for item_id, kind, text, author_id, author_name, version, hidden, created_at in rows:
        parsed = parse_kind(kind)
        assert parsed is not None
        carried = last_meeting is not None and created_at < last_meeting
        shown = text if reveal or not hidden else ""
        views.append(
            AgendaItemView(
                item_id, kind, KIND_LABELS[parsed], shown, author_id, author_name, version, bool(hidden), carried
            )
        )
    return views


def list_items(*, session: Session, couple_id: int) -> list[AgendaItemView]:
    """The open agenda as both partners may see it: a hidden item's text is left out (its author reads it via
    ``private_items``). Plain columns, not ORM objects: this runs on every agenda change of every couple."""
    rows = session.execute(_open_items(couple_id)).all()
    return _views(rows, _last_meeting_end(session, couple_id), reveal=False)


def private_items(*, session: Session, user_id: int) -> list[AgendaItemView]:
    """The caller's own items that are kept for the check-in, with their text."""
    couple_id = _couple_of(session, user_id)
    query = _open_items(couple_id).where(
        col(AgendaItem.author_id) == user_id, col(AgendaItem.private), col(AgendaItem.revealed_at).is_(None)
    )
    return _views(session.execute(query).all(), _last_meeting_end(session, couple_id), reveal=True)


def _hidden_from(item: AgendaItem, user_id: int) -> bool:
    return item.private and item.revealed_at is None and item.author_id != user_id


def add_item(
    *,
    session: Session,
    user_id: int,
    kind: str,
    text: str,
    private: bool = False,
    now: datetime | None = None,
) -> AgendaItem:
    """A new item at the end of its kind. ``private`` keeps its text from the partner until a check-in starts."""
    couple_id = _couple_of(session, user_id)
    parsed = parse_kind(kind)
    if parsed is None:
        raise ServiceError("Choose what kind of item this is.")
    if problem := item_text_problem(text):
        raise ServiceError(problem)
    now = now or utcnow()
    last = session.execute(
        sa.select(sa.func.max(col(AgendaItem.position))).where(col(AgendaItem.couple_id) == couple_id)
    ).scalar()
    item = AgendaItem(
        couple_id=couple_id,
        author_id=user_id,
        kind=parsed.value,
        text=clean_item_text(text),
        private=private,
        position=(last or 0) + 1,
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
    if _hidden_from(_own_item(session, couple_id, item_id), user_id):
        raise NotAllowed(NOT_IN_YOUR_COUPLE)  # the same words as a missing item: nothing about it leaks
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


def move_item(*, session: Session, user_id: int, item_id: int, direction: int) -> None:
    """Swap an item with its neighbour (-1 up, +1 down) among the open items of its kind the caller can see."""
    couple_id = _couple_of(session, user_id)
    item = _own_item(session, couple_id, item_id)
    if _hidden_from(item, user_id) or item.resolved_at is not None:
        raise NotAllowed(NOT_IN_YOUR_COUPLE)
    siblings = [
        sibling
        for sibling in session.exec(
            select(AgendaItem)
            .where(
                col(AgendaItem.couple_id) == couple_id,
                col(AgendaItem.kind) == item.kind,
                col(AgendaItem.resolved_at).is_(None),
            )
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        )
        if not _hidden_from(sibling, user_id)
    ]
    index = next(i for i, sibling in enumerate(siblings) if sibling.id == item_id)
    target = index + (1 if direction > 0 else -1)
    if not 0 <= target < len(siblings):
        return  # already first (or last): nothing to do
    mine, theirs = siblings[index], siblings[target]
    if mine.position == theirs.position:  # items from before ordering existed: give them distinct places first
        for place, sibling in enumerate(siblings, start=min(s.position for s in siblings)):
            sibling.position = place
    mine.position, theirs.position = theirs.position, mine.position
    session.add_all([mine, theirs])
    session.flush()
