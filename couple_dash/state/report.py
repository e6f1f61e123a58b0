"""This tab's view of the therapist report: consent, links, and the report itself (per tab, never shared state).

The couple's live view carries only a signature of the consent state; every tab re-reads its own view here when it
changes, so a partner's consent or withdrawal shows at once on the other's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from couple_dash import routes, sync
from couple_dash.config import load_settings
from couple_dash.db import session_scope
from couple_dash.domain.document import Document
from couple_dash.pdf import to_pdf
from couple_dash.services import NOT_PAIRED, ServiceError, report
from couple_dash.services.accounts import Viewer
from couple_dash.services.report import DEFAULT_LINK_DAYS, LINK_DAYS, ReportStatus
from couple_dash.state.auth import paired_viewer

EMPTY = Document("", [], [])


class ReportState(rx.State):
    status: ReportStatus = ReportStatus()
    document: Document = EMPTY
    include_pulse: bool = False
    link_days: str = str(DEFAULT_LINK_DAYS)
    link_url: str = ""  # shown once, right after making it: only its hash is stored
    error: str = ""

    @rx.event
    async def load(self) -> None:
        await self._reload()

    async def _reload(self) -> None:
        viewer = await paired_viewer(self)
        if viewer is None:
            self.status, self.document = ReportStatus(), EMPTY
            return
        with session_scope() as session:
            self.status, document = report.view(session=session, user_id=viewer.user_id)
        self.document = document or EMPTY
        if not self.status.live:
            self.link_url = ""
        if self.status.i_consented:
            self.include_pulse = self.status.my_pulse_included

    @rx.event
    def set_include_pulse(self, value: bool) -> None:
        self.include_pulse = bool(value)

    @rx.event
    def set_link_days(self, value: str) -> None:
        if value in {str(d) for d in LINK_DAYS}:
            self.link_days = value

    async def _act(self, action: Callable[[Session, Viewer], object], done: str = "") -> Any:
        """Run a service for the signed-in partner; a string result is a new link's token (shown once)."""
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.toast.error(NOT_PAIRED)
        self.error = ""
        try:
            with session_scope() as session:
                result = action(session, viewer)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        assert viewer.couple_id is not None
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.REPORT)
        await self._reload()
        if isinstance(result, str) and result:
            self.link_url = routes.report_shared_url(result, base=load_settings().public_url or self.router.url.origin)
        return rx.toast(done) if done else None

    @rx.event
    async def ask(self):
        include = self.include_pulse
        return await self._act(
            lambda s, v: report.request(session=s, user_id=v.user_id, include_pulse=include),
            "Asked. The report opens once your partner agrees too.",
        )

    @rx.event
    async def agree(self):
        include = self.include_pulse
        return await self._act(
            lambda s, v: report.consent(session=s, user_id=v.user_id, include_pulse=include),
            "Thank you. You can withdraw your consent at any time.",
        )

    @rx.event
    async def withdraw(self):
        self.link_url = ""
        return await self._act(
            lambda s, v: report.withdraw(session=s, user_id=v.user_id),
            "Consent withdrawn. The report and every link to it are off.",
        )

    @rx.event
    async def create_link(self):
        days = int(self.link_days)
        return await self._act(lambda s, v: report.create_link(session=s, user_id=v.user_id, days=days))

    @rx.event
    async def revoke_link(self, link_id: int):
        try:
            wanted = int(str(link_id))
        except ValueError:
            return rx.toast.error("That link isn't one of yours.")
        self.link_url = ""
        return await self._act(
            lambda s, v: report.revoke_link(session=s, user_id=v.user_id, link_id=wanted),
            "Link turned off.",
        )

    @rx.event
    async def download_pdf(self):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.toast.error(NOT_PAIRED)
        try:
            with session_scope() as session:
                document = report.document_for(session=session, user_id=viewer.user_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        return rx.download(
            data=to_pdf(document), filename="couple-dash-progress-report.pdf", mime_type="application/pdf"
        )
