"""A person's data rights: export everything that is theirs (JSON and a readable page), and delete the account.

Both walk ``personal_data.PERSONAL_DATA``, one entry per table. Deleting keeps what the partner's history depends on
(the shared rituals, past check-ins, the partner's own commitments and ticks), now credited to "A former partner",
and removes the person's own rows; the account row itself is emptied of name, email and password.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import delete
from sqlmodel import Session, col, select

from couple_dash.config import Settings, load_settings
from couple_dash.domain.document import Document, Section, Table
from couple_dash.models import User, utcnow
from couple_dash.services import ServiceError
from couple_dash.services.accounts import _record_failure, _throttle, verify_password
from couple_dash.services.couples import _user, leave_couple
from couple_dash.services.personal_data import PERSONAL_DATA, OnDelete, Personal

EXPORT_FORMAT = "couple-dash-export/1"
WITHHELD = "(withheld: a secret that only works on the server)"
CONFIRMATION = "delete my account"
FORMER_PARTNER = "A former partner"
WRONG_PASSWORD = "That password doesn't match your account. Nothing was deleted."
TYPE_TO_CONFIRM = f"Type “{CONFIRMATION}” to confirm. Nothing was deleted."


class WrongPassword(ServiceError):
    def __init__(self) -> None:
        super().__init__(WRONG_PASSWORD)


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _condition(rule: Personal, user: User, found: dict[str, list[int]]) -> sa.ColumnElement[bool] | None:
    table = rule.model.__table__  # type: ignore[attr-defined]
    parts: list[sa.ColumnElement[bool]] = [table.c[name] == user.id for name in rule.who]
    if rule.couple and user.couple_id is not None:
        parts.append(table.c[rule.couple] == user.couple_id)
    if rule.email:
        parts.append(table.c[rule.email] == user.email)
    if rule.via is not None:
        parent, column = rule.via
        parent_ids = found.get(str(parent.__tablename__), [])
        if parent_ids:
            parts.append(table.c[column].in_(parent_ids))
    return sa.or_(*parts) if parts else None


def _rows(session: Session, user: User) -> Iterable[tuple[Personal, list[dict[str, Any]]]]:
    """Each table's rows that are the person's, in ``PERSONAL_DATA`` order (parents before what reaches them)."""
    found: dict[str, list[int]] = {}
    for rule in PERSONAL_DATA:
        table = rule.model.__table__  # type: ignore[attr-defined]
        condition = _condition(rule, user, found)
        rows: list[dict[str, Any]] = []
        if condition is not None:
            order = [c for c in table.primary_key.columns]
            for row in session.execute(sa.select(table).where(condition).order_by(*order)).mappings():
                rows.append({k: WITHHELD if k in rule.secret else _value(v) for k, v in row.items()})
        if "id" in table.c:
            found[rule.table] = [r["id"] for r in rows]
        yield rule, rows


def export_data(*, session: Session, user_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Everything the person wrote or that is about them, table by table (secrets withheld)."""
    user = _user(session, user_id)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": (now or utcnow()).isoformat(),
        "user_id": user_id,
        "tables": {rule.table: rows for rule, rows in _rows(session, user)},
    }


def export_json(*, session: Session, user_id: int, now: datetime | None = None) -> bytes:
    data = export_data(session=session, user_id=user_id, now=now)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def export_document(*, session: Session, user_id: int, now: datetime | None = None) -> Document:
    """The same export as a readable page: one table per kind of data."""
    data = export_data(session=session, user_id=user_id, now=now)
    user = _user(session, user_id)
    sections = []
    for table, rows in data["tables"].items():
        if not rows:
            continue
        columns = list(rows[0].keys())
        cells = [["" if r[c] is None else str(r[c]) for c in columns] for r in rows]
        title = table.replace("_", " ").capitalize()
        sections.append(Section(table, f"{title} ({len(rows)})", tables=[Table(title, columns, cells)]))
    return Document(
        title=f"Your Couple Dash data: {user.display_name}",
        lines=[
            f"Exported on {data['exported_at'][:10]} for {user.email}.",
            "Everything Couple Dash keeps that you wrote or that is about you: your own commitments and ticks, "
            "agenda items (private ones too), your pulse answers, check-ins and rituals you share, reminders and "
            "settings. Your partner's private items and pulse are theirs and are not here. Secrets that only work "
            "on the server (password and link hashes, device keys) are withheld.",
            "The same data, for other programs, is in the JSON download.",
        ],
        sections=sections,
    )


def _erase(session: Session, user: User) -> None:
    """Delete the person's own rows (children before parents), as ``PERSONAL_DATA`` says for each table."""
    doomed: dict[str, list[Any]] = {}
    plans: list[tuple[Personal, list[Any]]] = []
    for rule in PERSONAL_DATA:
        if rule.on_delete is not OnDelete.ERASE:
            continue
        table = rule.model.__table__  # type: ignore[attr-defined]
        parts: list[sa.ColumnElement[bool]] = [
            table.c[name] == (user.email if name == rule.email else user.id) for name in rule.erase_by
        ]
        if rule.via is not None and doomed.get(str(rule.via[0].__tablename__)):
            parts.append(table.c[rule.via[1]].in_(doomed[str(rule.via[0].__tablename__)]))
        if not parts:
            continue
        key = next(iter(table.primary_key.columns))
        ids = list(session.execute(sa.select(key).where(sa.or_(*parts))).scalars())
        doomed[rule.table] = ids
        plans.append((rule, ids))
    for rule in PERSONAL_DATA:  # links to erased rows from rows that stay
        for parent, column in rule.detach:
            if gone := doomed.get(str(parent.__tablename__)):
                table = rule.model.__table__  # type: ignore[attr-defined]
                session.execute(sa.update(table).where(table.c[column].in_(gone)).values({column: None}))
    for rule, ids in reversed(plans):
        if ids:
            table = rule.model.__table__
            key = next(iter(table.primary_key.columns))
            session.execute(delete(table).where(key.in_(ids)))
    session.flush()


def delete_account(
    *,
    session: Session,
    user_id: int,
    password: str,
    confirmation: str,
    ip: str = "",
    now: datetime | None = None,
    settings: Settings | None = None,
) -> int | None:
    """Delete the caller's account after they re-enter their password and type the confirmation.

    Leaves the couple first (which withdraws a therapist report and turns off calendar links), then erases the
    person's own rows and empties the account row. Returns the couple they were in, so the partner's view can be
    refreshed; ``None`` if they weren't in one.
    """
    now = now or utcnow()
    settings = settings or load_settings()
    user = _user(session, user_id)
    _throttle(session, email=user.email, ip=ip, now=now, settings=settings)
    if not verify_password(user.password_hash, password):
        raise WrongPassword()
    if " ".join(confirmation.split()).casefold() != CONFIRMATION:
        raise ServiceError(TYPE_TO_CONFIRM)
    couple_id = leave_couple(session=session, user_id=user_id, now=now) if user.couple_id is not None else None
    _erase(session, user)
    session.refresh(user)
    user.email = f"deleted-{user_id}@deleted.invalid"
    user.display_name = FORMER_PARTNER
    user.password_hash = "!deleted"  # not an Argon2 hash: no password can ever match it
    user.time_zone = "UTC"
    user.pulse_shared = False
    session.add(user)
    session.flush()
    return couple_id


def note_failed_attempt(*, session: Session, user_id: int, ip: str = "", now: datetime | None = None) -> None:
    """A wrong password at "delete my account" counts like a failed sign-in (a stolen session can't guess on)."""
    user = _user(session, user_id)
    _record_failure(session, email=user.email, ip=ip, now=now or utcnow())


def is_deleted(session: Session, user_id: int) -> bool:
    user = session.exec(select(User).where(col(User.id) == user_id)).first()
    return user is None or user.password_hash == "!deleted"
