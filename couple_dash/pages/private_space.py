"""My private space: notes, understanding the why, explanations, the forgiveness workbook, and what the partner
shares. Everything private is read by this tab for its own signed-in user only; see couple_dash/state/private_*.py.
"""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.explanations import explain_panel
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.components.private_notes import notes_panel
from couple_dash.components.private_space import privacy_notice
from couple_dash.components.shared_writing import shared_panel
from couple_dash.components.why_reflection import why_panel
from couple_dash.components.workbook import workbook_panel
from couple_dash.db import session_scope
from couple_dash.services import private_space
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.couple import CoupleState
from couple_dash.state.explanations import ExplanationState
from couple_dash.state.private_notes import PrivateNotesState
from couple_dash.state.why_reflection import ReflectionState
from couple_dash.state.workbook import WorkbookState

TAB_LABELS = {
    "notes": "Notes",
    "why": "Understanding why",
    "explain": "Explaining",
    "workbook": "Forgiveness workbook",
    "shared": "Shared with you",
}
assert tuple(TAB_LABELS) == routes.PRIVATE_TABS


class PrivatePageState(rx.State):
    tab: str = "notes"
    from_partner: int = 0  # how many items the partner shares with this user now

    @rx.event
    def open_from_url(self) -> None:
        wanted = self.router.url.query_parameters.get("tab", "")
        self.tab = wanted if wanted in TAB_LABELS else "notes"

    @rx.event
    def set_tab(self, value: str) -> None:
        if value in TAB_LABELS:
            self.tab = value

    @rx.event
    async def count_shared(self) -> None:
        viewer = await current_viewer(self)
        with session_scope() as session:
            count = private_space.shared_with_me(session=session, user_id=viewer.user_id) if viewer else 0
        if count != self.from_partner:
            self.from_partner = count


def _trigger(value: str) -> rx.Component:
    label = TAB_LABELS[value]
    extra = (
        rx.cond(
            PrivatePageState.from_partner > 0,
            rx.badge(PrivatePageState.from_partner.to_string(), size="1", radius="full", data_testid="shared-count"),
            rx.fragment(),
        )
        if value == "shared"
        else rx.fragment()
    )
    return rx.tabs.trigger(rx.text.span(label), extra, value=value, id=f"tab-{value}", class_name="cd-private-tab")


def _mine(panel: rx.Component, state: type[rx.State]) -> rx.Component:
    """Show a part only once this tab has read it for the user signed in now (never a previous user's)."""
    return rx.cond(
        state.owner_id == AuthState.user_id,
        panel,
        rx.center(rx.spinner(size="3"), padding_y="2em", aria_label="Loading"),
    )


@app_page(
    routes.PRIVATE,
    "My private space",
    on_load=[PrivatePageState.open_from_url, PrivateNotesState.load, ReflectionState.load],
)
def private_space_page() -> rx.Component:
    return rx.vstack(
        page_heading("My private space", "Somewhere to think, write and work things through, at your own pace."),
        # Whenever a shared explanation, reply or entry changes (whoever changed it), re-read this tab's own view.
        remount_on_change(
            CoupleState.shared_writing_signature,
            [ExplanationState.load, WorkbookState.load, PrivatePageState.count_shared],
        ),
        privacy_notice(),
        rx.tabs.root(
            rx.tabs.list(*[_trigger(value) for value in TAB_LABELS], class_name="cd-private-tabs"),
            rx.tabs.content(_mine(notes_panel(), PrivateNotesState), value="notes", class_name="cd-private-panel"),
            rx.tabs.content(_mine(why_panel(), ReflectionState), value="why", class_name="cd-private-panel"),
            rx.tabs.content(_mine(explain_panel(), ExplanationState), value="explain", class_name="cd-private-panel"),
            rx.tabs.content(_mine(workbook_panel(), WorkbookState), value="workbook", class_name="cd-private-panel"),
            rx.tabs.content(shared_panel(PrivatePageState.from_partner), value="shared", class_name="cd-private-panel"),
            value=PrivatePageState.tab,
            on_change=PrivatePageState.set_tab,
            width="100%",
        ),
        spacing="4",
        width="100%",
    )
