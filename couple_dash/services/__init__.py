"""Use-cases over the database: ``fn(*, session, ...)``; they validate, authorize and write."""

from __future__ import annotations

from sqlmodel import Session, col, select

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


def partner_of(session: Session, couple_id: int, user_id: int) -> User | None:
    """The other member of the couple, if they have joined yet."""
    return session.exec(select(User).where(col(User.couple_id) == couple_id, col(User.id) != user_id)).first()


def require_partner(session: Session, couple_id: int, user_id: int, refusal: str) -> User:
    """The other member of the couple; refuses with ``refusal`` (why this needs two) until they have joined."""
    partner = partner_of(session, couple_id, user_id)
    if partner is None:
        raise ServiceError(refusal)
    return partner
