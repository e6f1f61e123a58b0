"""A demo couple with a lived-in history, so a visitor sees a real dashboard at once.

Each feature adds its own slice of history here as it lands.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from couple_dash.models import utcnow
from couple_dash.services import accounts, couples


@dataclass(frozen=True)
class DemoLogin:
    display_name: str
    email: str
    password: str


@dataclass(frozen=True)
class DemoCouple:
    couple_id: int
    logins: list[DemoLogin]


def create_demo_couple(*, session: Session, weeks: int = 8, now: datetime | None = None) -> DemoCouple:
    """Two partners who paired ``weeks`` ago. Emails are unique per run, so it can be run again safely."""
    now = now or utcnow()
    began = now - timedelta(weeks=weeks)
    tag = secrets.token_hex(3)
    people = [("Alex", "Europe/London"), ("Sam", "Europe/London")]
    logins: list[DemoLogin] = []
    user_ids: list[int] = []
    for name, zone in people:
        login = DemoLogin(name, f"{name.lower()}.{tag}@demo.couple-dash.test", f"demo-{secrets.token_hex(4)}-pass")
        signed_in = accounts.sign_up(
            session=session,
            display_name=name,
            email=login.email,
            password=login.password,
            time_zone=zone,
            ip="demo",
            now=began,
        )
        logins.append(login)
        user_ids.append(signed_in.viewer.user_id)
    invite = couples.create_invite(session=session, user_id=user_ids[0], now=began)
    couple = couples.join_with_code(
        session=session, user_id=user_ids[1], code=invite.code, now=began + timedelta(hours=2)
    )
    assert couple.id is not None
    return DemoCouple(couple.id, logins)
