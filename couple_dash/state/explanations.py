"""This tab's explanations: its user's own (drafts and shared), the gentle excuse check, and replies to the partner's.

The draft and its check live here, in this tab only. What the partner sees comes from the couple's shared view,
which the service fills with shared explanations only.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash.db import session_scope
from couple_dash.domain.explanation import FIELD_NAMES, SUMMARY, check_fields
from couple_dash.services import ServiceError, explanations
from couple_dash.services.explanations import ExplanationView
from couple_dash.services.private_space import NOT_FOUND
from couple_dash.state.private_space import PrivatePart


class ExplanationState(PrivatePart, rx.State):
    mine: list[ExplanationView] = []
    form_open: bool = False
    editing_id: int = 0  # 0: a new explanation
    base_version: int = 0
    context: str = ""
    thinking: str = ""
    impact: str = ""
    not_excuse: str = ""
    check_summary: str = ""
    check_points: list[str] = []
    error: str = ""
    reply_error: str = ""
    replies_sent: int = 0  # re-keys the reply forms so they start empty again

    def _reload(self, user_id: int) -> None:
        with session_scope() as session:
            self.mine = explanations.own_explanations(session=session, user_id=user_id)

    def _fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FIELD_NAMES}

    def _check(self) -> None:
        findings = check_fields(self._fields())
        self.check_summary = SUMMARY if findings else ""
        self.check_points = [finding.message for finding in findings]

    def _show(self, editing_id: int, version: int, fields: dict[str, str]) -> None:
        self.editing_id, self.base_version, self.error = editing_id, version, ""
        for name in FIELD_NAMES:
            setattr(self, name, fields.get(name, ""))
        self.form_open = True
        self._check()

    @rx.event
    def new(self) -> None:
        self._show(0, 0, {})

    @rx.event
    def start_edit(self, explanation_id: int) -> None:
        """Edit one of the explanations this tab already shows (its own): an unknown id opens nothing."""
        found = next((e for e in self.mine if e.id == explanation_id), None)
        if found is None:
            self.error = NOT_FOUND
            return
        self._show(found.id, found.version, {name: getattr(found, name) for name in FIELD_NAMES})

    @rx.event
    def set_part(self, name: str, value: str) -> None:
        if name in FIELD_NAMES:
            setattr(self, name, value)
            self._check()

    @rx.event
    def cancel(self) -> None:
        self._close_form()

    def _close_form(self) -> None:
        self._show(0, 0, {})
        self.form_open = False

    @rx.event
    async def save(self):
        self.error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                saved = explanations.save_explanation(
                    session=session,
                    user_id=viewer.user_id,
                    fields=self._fields(),
                    explanation_id=self.editing_id,
                    base_version=self.base_version,
                )
                shared = saved.shared_couple_id is not None
        except explanations.StaleExplanation as stale:
            self.error, self.base_version = stale.message, stale.current_version
            return None
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        self._close_form()
        self._reload(viewer.user_id)
        if shared:
            await self._publish_shared(viewer)
            return rx.toast.success("Saved. Your partner sees the new version.")
        return rx.toast.success("Saved privately. Only you can see it until you share it.")

    async def _act(self, action: Any, explanation_id: int, done: str):
        return await self._act_on_own(action, done, explanation_id=explanation_id)

    @rx.event
    async def share(self, explanation_id: int):
        return await self._act(explanations.share_explanation, explanation_id, "Shared. Your partner can read it now.")

    @rx.event
    async def unshare(self, explanation_id: int):
        return await self._act(
            explanations.unshare_explanation, explanation_id, "Private again. It's gone from your partner's view."
        )

    @rx.event
    async def delete(self, explanation_id: int):
        if self.editing_id == explanation_id:
            self._close_form()
        return await self._act(explanations.delete_explanation, explanation_id, "Deleted.")

    @rx.event
    async def send_reply(self, form: dict[str, Any]):
        """The partner's answer to an explanation shared with them (the service checks it really was)."""
        self.reply_error = ""
        viewer = await self._author()
        if viewer is None:
            return None
        try:
            with session_scope() as session:
                explanations.reply(
                    session=session,
                    user_id=viewer.user_id,
                    explanation_id=int(form.get("explanation_id") or 0),
                    text=str(form.get("reply", "")),
                )
        except (ServiceError, ValueError) as refusal:
            self.reply_error = refusal.message if isinstance(refusal, ServiceError) else NOT_FOUND
            return None
        self.replies_sent += 1
        await self._publish_shared(viewer)
        return rx.toast.success("Reply sent.")
