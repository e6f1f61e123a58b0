"""Use-cases over the database: ``fn(*, session, ...)``; they validate, authorize and write."""

from __future__ import annotations

from sqlmodel import Session

from couple_dash.models import User


class ServiceError(Exception):
    """A refusal with a message meant for the person who asked (shown as is, changes nothing)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(ServiceError):
    """The caller may not read or change this: it belongs to someone else's couple."""

    def __init__(self, message: str = "That isn't yours to change.") -> None:
        super().__init__(message)


NOT_PAIRED = "Pair with your partner first; this belongs to the two of you."


def couple_of(session: Session, user_id: int) -> tuple[User, int]:
    """The caller and their couple's id; refuses anyone who is not in a couple."""
    user = session.get(User, user_id)
    if user is None or user.couple_id is None:
        raise NotAllowed(NOT_PAIRED)
    return user, user.couple_id
