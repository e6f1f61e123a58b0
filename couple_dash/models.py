"""All database tables. Datetimes are timezone-aware UTC everywhere (SQLModel rejects naive ones)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from couple_dash.dbtypes import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _utc_column(*, nullable: bool = False, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


class Couple(SQLModel, table=True):
    """Two partners sharing one dashboard. Outlives either member leaving."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    created_by: int  # a user id; not a foreign key, so couple and user do not reference each other in a cycle
    member_count: int = Field(default=0)  # kept by conditional UPDATEs, so a third member can never slip in


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, sa_column_kwargs={"unique": True})
    display_name: str = Field(max_length=40)
    password_hash: str = Field(max_length=255)
    time_zone: str = Field(default="UTC", max_length=64)
    couple_id: int | None = Field(default=None, foreign_key="couple.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class AuthSession(SQLModel, table=True):
    """A signed-in device. Only a hash of the bearer token is stored."""

    __tablename__ = "auth_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    expires_at: datetime = Field(sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class LoginAttempt(SQLModel, table=True):
    """Failed sign-ins (and refused sign-ups), kept for throttling."""

    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    ip: str = Field(max_length=64, index=True)
    at: datetime = Field(default_factory=utcnow, sa_column=_utc_column(index=True))


class Invite(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, sa_column_kwargs={"unique": True})
    couple_id: int = Field(foreign_key="couple.id", index=True)
    created_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    expires_at: datetime = Field(sa_column=_utc_column())
    used_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    used_by: int | None = Field(default=None, foreign_key="user.id")
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class AgendaItem(SQLModel, table=True):
    """Something either partner wants to bring to the weekly check-in.

    ``version`` rises on every edit; an edit names the version it started from, so two partners editing the same
    item can never silently overwrite each other.
    """

    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=24)
    text: str = Field(max_length=500)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_by: int | None = Field(default=None, foreign_key="user.id")
