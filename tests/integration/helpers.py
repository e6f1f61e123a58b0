"""Shared set-up for service tests."""

from __future__ import annotations

from sqlmodel import Session

from couple_dash.config import Settings
from couple_dash.services import accounts, couples


def pair(session: Session, settings: Settings, tag: str) -> tuple[int, int]:
    ids = []
    for name in ("Alex", "Sam"):
        ids.append(
            accounts.sign_up(
                session=session,
                display_name=name,
                email=f"{name}-{tag}@example.com",
                password="a long walk home",
                time_zone="UTC",
                settings=settings,
            ).viewer.user_id
        )
    code = couples.create_invite(session=session, user_id=ids[0], settings=settings).code
    couples.join_with_code(session=session, user_id=ids[1], code=code)
    return ids[0], ids[1]
