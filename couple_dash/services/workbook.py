"""The forgiveness workbook: journal entries per REACH step and the steps their author marked done.

Entries are private. The author may share one entry at a time (and take it back); shared entries reach the partner
through the couple's shared view, which holds only shared entries. Progress is never shown to the partner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.domain.text import clean_text
from couple_dash.domain.workbook import MAX_ENTRY_LENGTH, STEP_TITLES, StepProgress, parse_step, progress
from couple_dash.models import User, WorkbookEntry, WorkbookStepDone, utcnow
from couple_dash.services import ServiceError
from couple_dash.services.private_space import (
    caller,
    delete_item,
    is_shared,
    own,
    share_item,
    unshare_item,
    written_label,
)


@dataclass(frozen=True)
class EntryView:
    """One of the author's own entries, as only their own tab reads it."""

    id: int
    step: str
    text: str
    version: int
    shared: bool
    written_label: str


@dataclass(frozen=True)
class SharedEntryView:
    """A shared entry, as both partners' shared view carries it (unshared ones are never in it)."""

    id: int
    author_id: int
    author_name: str
    step: str
    step_title: str
    text: str
    version: int
    shared_label: str


def _text_problem(text: str) -> str | None:
    cleaned = clean_text(text)
    if not cleaned:
        return "Write a few words first. Even one line is enough."
    if len(cleaned) > MAX_ENTRY_LENGTH:
        return f"An entry can be up to {MAX_ENTRY_LENGTH} characters; you can add another one after it."
    return None


def _step(raw: str) -> str:
    step = parse_step(raw)
    if step is None:
        raise ServiceError("Choose one of the five steps.")
    return step.value


def own_entries(*, session: Session, user_id: int) -> list[EntryView]:
    """The caller's own entries, oldest first within each step (a journal reads forwards)."""
    user = caller(session, user_id)
    rows = session.exec(
        select(WorkbookEntry)
        .where(col(WorkbookEntry.author_id) == user_id)
        .order_by(col(WorkbookEntry.created_at), col(WorkbookEntry.id))
    ).all()
    return [
        EntryView(
            row.id or 0,
            row.step,
            row.text,
            row.version,
            is_shared(row, user),
            written_label(row.created_at, user.time_zone),
        )
        for row in rows
    ]


def own_progress(*, session: Session, user_id: int) -> list[StepProgress]:
    caller(session, user_id)
    counts = dict(
        session.execute(
            sa.select(col(WorkbookEntry.step), sa.func.count())
            .where(col(WorkbookEntry.author_id) == user_id)
            .group_by(col(WorkbookEntry.step))
        ).all()
    )
    done = set(session.exec(select(WorkbookStepDone.step).where(col(WorkbookStepDone.author_id) == user_id)).all())
    return progress(counts, done)


def add_entry(*, session: Session, user_id: int, step: str, text: str, now: datetime | None = None) -> WorkbookEntry:
    caller(session, user_id)
    chosen = _step(step)
    if problem := _text_problem(text):
        raise ServiceError(problem)
    now = now or utcnow()
    entry = WorkbookEntry(author_id=user_id, step=chosen, text=clean_text(text), created_at=now, updated_at=now)
    session.add(entry)
    session.flush()
    return entry


def edit_entry(
    *, session: Session, user_id: int, entry_id: int, text: str, now: datetime | None = None
) -> WorkbookEntry:
    """Change one of the caller's own entries (a shared one stays shared: the partner sees the new words)."""
    entry = own(session, WorkbookEntry, entry_id, user_id)
    if problem := _text_problem(text):
        raise ServiceError(problem)
    entry.text = clean_text(text)
    entry.version += 1
    entry.updated_at = now or utcnow()
    session.add(entry)
    session.flush()
    return entry


def delete_entry(*, session: Session, user_id: int, entry_id: int) -> bool:
    """Delete one of the caller's own entries; returns whether it was shared (the partner's view must drop it)."""
    return delete_item(session, own(session, WorkbookEntry, entry_id, user_id))


def share_entry(*, session: Session, user_id: int, entry_id: int, now: datetime | None = None) -> None:
    share_item(session, own(session, WorkbookEntry, entry_id, user_id), user_id, now)


def unshare_entry(*, session: Session, user_id: int, entry_id: int) -> bool:
    """Back to private; returns whether it had been shared."""
    return unshare_item(session, own(session, WorkbookEntry, entry_id, user_id))


def mark_step_done(*, session: Session, user_id: int, step: str, now: datetime | None = None) -> None:
    """The author says this step is done for now (with or without entries). Marking it twice changes nothing."""
    caller(session, user_id)
    chosen = _step(step)
    if session.get(WorkbookStepDone, (user_id, chosen)) is None:
        session.add(WorkbookStepDone(author_id=user_id, step=chosen, done_at=now or utcnow()))
        session.flush()


def reopen_step(*, session: Session, user_id: int, step: str) -> None:
    caller(session, user_id)
    row = session.get(WorkbookStepDone, (user_id, _step(step)))
    if row is not None:
        session.delete(row)
        session.flush()


def shared_entries(*, session: Session, couple_id: int) -> list[SharedEntryView]:
    """Every entry shared within this couple by someone still in it: the only entries the shared view holds."""
    rows = session.exec(
        select(WorkbookEntry, User)
        .join(User, col(User.id) == col(WorkbookEntry.author_id))
        .where(col(WorkbookEntry.shared_couple_id) == couple_id, col(User.couple_id) == couple_id)
        .order_by(col(WorkbookEntry.shared_at).desc(), col(WorkbookEntry.id).desc())
    ).all()
    result = []
    for entry, author in rows:
        step = parse_step(entry.step)
        result.append(
            SharedEntryView(
                entry.id or 0,
                author.id or 0,
                author.display_name,
                entry.step,
                STEP_TITLES[step] if step else "",
                entry.text,
                entry.version,
                written_label(entry.shared_at, author.time_zone),
            )
        )
    return result
