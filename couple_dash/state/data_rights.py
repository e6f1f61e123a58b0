"""This tab's data rights: download my data (JSON, readable HTML), and delete my account."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import sync
from couple_dash.db import session_scope
from couple_dash.domain.document import to_html
from couple_dash.services import ServiceError, data_rights
from couple_dash.state.auth import AuthState


class DataRightsState(rx.State):
    delete_error: str = ""

    async def _auth(self) -> AuthState:
        auth = await self.get_state(AuthState)
        assert isinstance(auth, AuthState)
        return auth

    @rx.event
    async def download_json(self):
        auth = await self._auth()
        viewer = auth.current_viewer()
        if viewer is None:
            return auth.login_redirect()
        with session_scope() as session:
            data = data_rights.export_json(session=session, user_id=viewer.user_id)
        return rx.download(data=data, filename="couple-dash-my-data.json", mime_type="application/json")

    @rx.event
    async def download_html(self):
        auth = await self._auth()
        viewer = auth.current_viewer()
        if viewer is None:
            return auth.login_redirect()
        with session_scope() as session:
            page = to_html(data_rights.export_document(session=session, user_id=viewer.user_id))
        return rx.download(data=page.encode(), filename="couple-dash-my-data.html", mime_type="text/html")

    @rx.event
    async def delete_account(self, form: dict[str, Any]):
        auth = await self._auth()
        viewer = auth.current_viewer()
        if viewer is None:
            return auth.login_redirect()
        self.delete_error = ""
        password, confirmation = str(form.get("password", "")), str(form.get("confirmation", ""))
        ip = self.router.session.client_ip
        try:
            with session_scope() as session:
                couple_id = data_rights.delete_account(
                    session=session, user_id=viewer.user_id, password=password, confirmation=confirmation, ip=ip
                )
        except data_rights.WrongPassword as refusal:
            # The refused attempt counts towards sign-in throttling (its own unit of work: the other rolled back).
            with session_scope() as session:
                data_rights.note_failed_attempt(session=session, user_id=viewer.user_id, ip=ip)
            self.delete_error = refusal.message
            return None
        except ServiceError as refusal:
            self.delete_error = refusal.message
            return None
        if couple_id is not None:
            await sync.link_and_refresh(self, couple_id)  # the partner sees one member, their own data intact
        return [*await auth._signed_out(), rx.toast("Your account has been deleted. Take care.")]
