"""The couple's live view model: one copy per couple, linked on the server, pushed to every session of it.

Keep it small (it is loaded on every event of a linked tab) and derived from the database, which stays the
source of truth: any instance can be rebuilt with ``load_from_db``.
"""

from __future__ import annotations

import dataclasses

import reflex as rx

from couple_dash.db import session_scope
from couple_dash.services import couples


@dataclasses.dataclass
class MemberView:
    user_id: int
    name: str


def couple_token(couple_id: int) -> str:
    """The shared-state token of a couple. Derived on the server only; never read from a client."""
    return f"couple-{couple_id}"


class CoupleState(rx.SharedState):
    couple_id: int = 0
    members: list[MemberView] = []

    def load_from_db(self, couple_id: int) -> None:
        with session_scope() as session:
            found = couples.members(session=session, couple_id=couple_id)
        self.couple_id = couple_id
        self.members = [MemberView(m.user_id, m.display_name) for m in found]

    @rx.var
    def is_paired(self) -> bool:
        return len(self.members) >= 2
