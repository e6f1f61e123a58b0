"""This tab's calendar export: the partner's private feed link (shown once, right after making it) and downloads."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.config import load_settings
from couple_dash.db import session_scope
from couple_dash.services import NOT_PAIRED, ServiceError, calendar
from couple_dash.services.rituals import NOT_YOURS
from couple_dash.state.auth import paired_viewer

ICS_MIME_TYPE = "text/calendar"


class CalendarState(rx.State):
    # Only the hash is stored, so the link can be shown only in the tab that made it.
    feed_url: str = ""
    has_feed: bool = False

    def _origin(self) -> str:
        """The address people reach the app at (the configured public URL wins over what the browser used)."""
        return load_settings().public_url or self.router.url.origin

    @rx.event
    async def load(self) -> None:
        self.feed_url = ""
        viewer = await paired_viewer(self)
        if viewer is None:
            self.has_feed = False
            return
        with session_scope() as session:
            self.has_feed = calendar.has_feed(session=session, user_id=viewer.user_id)

    @rx.event
    async def create_feed(self):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.toast.error(NOT_PAIRED)
        try:
            with session_scope() as session:
                token = calendar.create_feed(session=session, user_id=viewer.user_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        self.feed_url = routes.calendar_feed_url(token, base=self._origin())
        self.has_feed = True
        return None

    @rx.event
    async def revoke(self):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.toast.error(NOT_PAIRED)
        with session_scope() as session:
            calendar.revoke_feeds(session=session, user_id=viewer.user_id)
        self.feed_url, self.has_feed = "", False
        return rx.toast("Calendar link turned off. Calendars using it stop updating.")

    @rx.event
    async def download(self, ritual_id: int):
        viewer = await paired_viewer(self)
        if viewer is None:
            return rx.toast.error(NOT_PAIRED)
        try:
            with session_scope() as session:
                filename, data = calendar.ritual_download(
                    session=session, user_id=viewer.user_id, ritual_id=_whole(ritual_id)
                )
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        return rx.download(data=data, filename=filename, mime_type=ICS_MIME_TYPE)


def _whole(value: object) -> int:
    """The event's argument comes from the browser: anything that isn't an id is treated as not theirs."""
    try:
        return int(str(value))
    except ValueError:
        raise ServiceError(NOT_YOURS) from None
