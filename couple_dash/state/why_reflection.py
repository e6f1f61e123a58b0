"""This tab's copy of its user's "understanding the why" reflection (a thinking tool: never shared)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.db import session_scope
from couple_dash.services import ServiceError, why_reflection
from couple_dash.services.why_reflection import ReflectionView
from couple_dash.state.private_space import PrivatePart


class ReflectionState(PrivatePart, rx.State):
    reflection: ReflectionView = ReflectionView()
    loads: int = 0  # re-keys the form, so it shows what was read (its fields are uncontrolled)
    error: str = ""

    def _reload(self, user_id: int) -> None:
        with session_scope() as session:
            self.reflection = why_reflection.reflection(session=session, user_id=user_id)
        self.loads += 1

    @rx.event
    async def save(self, form: dict[str, Any]):
        self.error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                why_reflection.save_reflection(
                    session=session, user_id=viewer.user_id, answers={k: str(v) for k, v in form.items()}
                )
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self._reload(viewer.user_id)
        return rx.toast.success("Saved, for your eyes only. Come back and change it whenever you like.")
