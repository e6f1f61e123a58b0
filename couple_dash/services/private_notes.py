"""Private notes: a small journal only its author ever reads. There is no way to share a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from couple_dash.domain.text import clean_text
from couple_dash.models import PrivateNote, utcnow
from couple_dash.services import ServiceError
from couple_dash.services.private_space import caller, own, written_label

MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class NoteView:
    id: int
    text: str
    written_label: str
    edited: bool


def _text_problem(text: str) -> str | None:
    cleaned = clean_text(text)
    if not cleaned:
        return "Write a few words first."
    if len(cleaned) > MAX_NOTE_LENGTH:
        return f"A note can be up to {MAX_NOTE_LENGTH} characters."
    return None


def list_notes(*, session: Session, user_id: int) -> list[NoteView]:
    """The caller's own notes, newest first."""
    user = caller(session, user_id)
    notes = session.exec(
        select(PrivateNote)
        .where(col(PrivateNote.author_id) == user_id)
        .order_by(col(PrivateNote.created_at).desc(), col(PrivateNote.id).desc())
    ).all()
    return [
        NoteView(
            note.id or 0,
            note.text,
            written_label(note.created_at, user.time_zone),
            note.updated_at > note.created_at,
        )
        for note in notes
    ]


def add_note(*, session: Session, user_id: int, text: str, now: datetime | None = None) -> PrivateNote:
    caller(session, user_id)
    if problem := _text_problem(text):
        raise ServiceError(problem)
    now = now or utcnow()
    note = PrivateNote(author_id=user_id, text=clean_text(text), created_at=now, updated_at=now)
    session.add(note)
    session.flush()
    return note


def edit_note(*, session: Session, user_id: int, note_id: int, text: str, now: datetime | None = None) -> PrivateNote:
    note = own(session, PrivateNote, note_id, user_id)
    if problem := _text_problem(text):
        raise ServiceError(problem)
    note.text = clean_text(text)
    note.updated_at = now or utcnow()
    session.add(note)
    session.flush()
    return note


def delete_note(*, session: Session, user_id: int, note_id: int) -> None:
    session.delete(own(session, PrivateNote, note_id, user_id))
    session.flush()
