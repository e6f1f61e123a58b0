"""Understanding the why: one private reflection per person, revisited and changed whenever they like.

A thinking tool only: there is no function that shares it, and nothing else in the app reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from couple_dash.domain.text import clean_text
from couple_dash.domain.why_reflection import QUESTIONS, Question, clean_answer, note_problem
from couple_dash.models import WhyReflection, utcnow
from couple_dash.services import ServiceError
from couple_dash.services.private_space import caller, written_label


@dataclass(frozen=True)
class ReflectionView:
    repeated: str = ""
    repeated_note: str = ""
    circumstances: str = ""
    circumstances_note: str = ""
    control: str = ""
    control_note: str = ""
    forgive: str = ""
    forgive_note: str = ""
    saved_label: str = ""  # "" until saved once


def reflection(*, session: Session, user_id: int) -> ReflectionView:
    """The caller's own reflection (empty if they haven't written one)."""
    user = caller(session, user_id)
    row = session.get(WhyReflection, user_id)
    if row is None:
        return ReflectionView()
    return ReflectionView(
        row.repeated,
        row.repeated_note,
        row.circumstances,
        row.circumstances_note,
        row.control,
        row.control_note,
        row.forgive,
        row.forgive_note,
        written_label(row.updated_at, user.time_zone),
    )


def save_reflection(
    *, session: Session, user_id: int, answers: Mapping[str, str], now: datetime | None = None
) -> WhyReflection:
    """Replace the caller's reflection with ``answers`` ({question: choice, f"{question}_note": text})."""
    caller(session, user_id)
    for spec in QUESTIONS:
        if problem := note_problem(str(answers.get(f"{spec.question.value}_note", ""))):
            raise ServiceError(problem)
    row = session.get(WhyReflection, user_id) or WhyReflection(author_id=user_id)
    for question in Question:
        setattr(row, question.value, clean_answer(question, str(answers.get(question.value, ""))))
        setattr(row, f"{question.value}_note", clean_text(str(answers.get(f"{question.value}_note", ""))))
    row.updated_at = now or utcnow()
    session.add(row)
    session.flush()
    return row
