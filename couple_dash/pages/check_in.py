"""The check-in page: the live agenda both partners add to during the week."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.db import session_scope
from couple_dash.domain.agenda import KIND_LABELS, KIND_PROMPTS, MAX_ITEM_LENGTH, AgendaKind
from couple_dash.services import ServiceError, agenda
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.couple import CoupleState
from couple_dash.state.followthrough import FollowThroughState


class CheckInState(rx.State):
    """This tab's own view of the agenda form and of the item being edited (never shared)."""

    kind: str = AgendaKind.APPRECIATION.value
    add_error: str = ""
    editing_id: int = 0
    draft: str = ""
    base_version: int = 0
    edit_error: str = ""

    async def _paired_viewer(self) -> Viewer | None:
        viewer = await current_viewer(self)
        return viewer if viewer is not None and viewer.couple_id is not None else None

    async def _publish(self, viewer: Viewer) -> None:
        assert viewer.couple_id is not None
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.AGENDA)

    @rx.var
    def prompt(self) -> str:
        try:
            return KIND_PROMPTS[AgendaKind(self.kind)]
        except ValueError:
            return ""

    @rx.event
    def set_kind(self, value: str) -> None:
        self.kind = value

    @rx.event
    async def add(self, form: dict[str, Any]):
        self.add_error = ""
        viewer = await self._paired_viewer()
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                agenda.add_item(session=session, user_id=viewer.user_id, kind=self.kind, text=str(form.get("text", "")))
        except ServiceError as refusal:
            self.add_error = refusal.message
            return None
        await self._publish(viewer)
        return rx.set_value("agenda-text", "")

    @rx.event
    def start_edit(self, item_id: int, text: str, version: int) -> None:
        self.editing_id, self.draft, self.base_version, self.edit_error = item_id, text, version, ""

    @rx.event
    def set_draft(self, value: str) -> None:
        self.draft = value

    @rx.event
    def cancel_edit(self) -> None:
        self.editing_id, self.draft, self.edit_error = 0, "", ""

    @rx.event
    async def save_edit(self):
        viewer = await self._paired_viewer()
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        self.edit_error = ""
        try:
            with session_scope() as session:
                agenda.edit_item(
                    session=session,
                    user_id=viewer.user_id,
                    item_id=self.editing_id,
                    text=self.draft,
                    base_version=self.base_version,
                )
        except agenda.EditConflict as conflict:
            # Nothing is written and nothing is lost: the partner's version shows in the list above, the draft
            # stays in the box, and saving again now deliberately replaces the version just seen.
            self.edit_error = conflict.message
            self.base_version = conflict.current_version
            await self._publish(viewer)
            return None
        except ServiceError as refusal:
            self.edit_error = refusal.message
            return None
        self.editing_id, self.draft = 0, ""
        await self._publish(viewer)
        return None

    @rx.event
    async def remove(self, item_id: int):
        viewer = await self._paired_viewer()
        if viewer is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                agenda.remove_item(session=session, user_id=viewer.user_id, item_id=item_id)
        except ServiceError as refusal:
            return rx.toast.error(refusal.message)
        await self._publish(viewer)
        return None


def _add_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Add to this week's agenda", as_="h2", size="4"),
                rx.el.label("Kind of item", html_for="agenda-kind", class_name="cd-label"),
                rx.el.select(
                    *[rx.el.option(KIND_LABELS[k], value=k.value) for k in AgendaKind],
                    id="agenda-kind",
                    name="kind",
                    value=CheckInState.kind,
                    on_change=CheckInState.set_kind,
                    class_name="cd-select",
                ),
                rx.el.label("What would you like to bring?", html_for="agenda-text", class_name="cd-label"),
                rx.text_area(
                    name="text",
                    id="agenda-text",
                    placeholder=CheckInState.prompt,
                    max_length=MAX_ITEM_LENGTH,
                    rows="3",
                    size="3",
                    width="100%",
                ),
                error_callout(CheckInState.add_error, id_="agenda-add-error"),
                rx.button("Add to agenda", type="submit", size="3", id="agenda-add"),
                spacing="2",
                width="100%",
            ),
            on_submit=CheckInState.add,
            aria_label="Add an agenda item",
        ),
        size="3",
    )


def _item_editor() -> rx.Component:
    return rx.vstack(
        rx.el.label("Edit item", html_for="agenda-edit-text", class_name="cd-label"),
        rx.text_area(
            id="agenda-edit-text",
            value=CheckInState.draft,
            on_change=CheckInState.set_draft,
            max_length=MAX_ITEM_LENGTH,
            rows="3",
            size="3",
            width="100%",
        ),
        error_callout(CheckInState.edit_error, id_="agenda-edit-error"),
        rx.hstack(
            rx.button("Save", on_click=CheckInState.save_edit, size="2", id="agenda-edit-save"),
            rx.button("Cancel", on_click=CheckInState.cancel_edit, size="2", variant="soft", color_scheme="gray"),
            spacing="2",
        ),
        width="100%",
        spacing="2",
    )


def _item(item: Any) -> rx.Component:  # item: an AgendaItemView var inside rx.foreach
    mine = item.author_id == AuthState.user_id
    return rx.box(
        rx.text(item.text, size="3", class_name="cd-agenda-text", id="agenda-text-" + item.id.to_string()),
        rx.hstack(
            rx.text(rx.cond(mine, "You", item.author_name), size="1", color_scheme="gray"),
            rx.spacer(),
            rx.button(
                "Edit",
                on_click=CheckInState.start_edit(item.id, item.text, item.version),
                size="1",
                variant="ghost",
                aria_label="Edit this item",
            ),
            rx.cond(
                mine,
                rx.button(
                    "Remove",
                    on_click=CheckInState.remove(item.id),
                    size="1",
                    variant="ghost",
                    color_scheme="red",
                    aria_label="Remove this item",
                ),
                rx.fragment(),
            ),
            align="center",
            width="100%",
        ),
        rx.cond(CheckInState.editing_id == item.id, _item_editor(), rx.fragment()),
        class_name="cd-agenda-item",
        data_testid="agenda-item",
        data_version=item.version.to_string(),
    )


def _section(kind: AgendaKind) -> rx.Component:
    items = CoupleState.agenda
    return rx.cond(
        CoupleState.agenda_kinds.contains(kind.value),
        rx.vstack(
            rx.heading(KIND_LABELS[kind], as_="h3", size="3", color_scheme="gray"),
            rx.foreach(items, lambda it: rx.cond(it.kind == kind.value, _item(it), rx.fragment())),
            spacing="2",
            width="100%",
        ),
        rx.fragment(),
    )


def _agenda() -> rx.Component:
    return rx.cond(
        CoupleState.agenda.length() > 0,
        rx.vstack(*[_section(kind) for kind in AgendaKind], spacing="4", width="100%", id="agenda-list"),
        empty_state(
            "messages-square",
            "Nothing on the agenda yet",
            "Add things during the week as they come up: an appreciation, something that went well, a concern "
            "to talk through calmly, or a request. On the day, you'll take them one at a time.",
            id_="agenda-empty",
        ),
    )


def _reviews_due() -> rx.Component:
    """Commitments whose review date has come: talked through at the check-in, then marked reviewed."""
    return rx.cond(
        CoupleState.commitments_due_for_review > 0,
        rx.card(
            rx.vstack(
                rx.heading("Commitments due for review", as_="h2", size="4"),
                rx.text(
                    "Is each one still specific, doable and meaningful to both of you? Adjust it or keep going.",
                    size="2",
                    color_scheme="gray",
                ),
                rx.foreach(
                    CoupleState.commitments,
                    lambda c: rx.cond(
                        c.review_due,
                        rx.hstack(
                            rx.link(c.text, href=routes.COMMITMENT + "?id=" + c.id.to_string(), size="2"),
                            rx.text(
                                rx.cond(c.owner_id == AuthState.user_id, "you", c.owner_name),
                                size="1",
                                color_scheme="gray",
                            ),
                            rx.spacer(),
                            rx.button(
                                "We reviewed it",
                                size="1",
                                variant="soft",
                                on_click=FollowThroughState.mark_reviewed(c.id),
                            ),
                            align="center",
                            width="100%",
                            data_testid="review-due",
                        ),
                        rx.fragment(),
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            size="3",
            id="reviews-due",
        ),
        rx.fragment(),
    )


@app_page(routes.CHECK_IN, "Check-in")
def check_in_page() -> rx.Component:
    return rx.vstack(
        page_heading("Weekly check-in", "Both of you add to the agenda during the week; it updates live."),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                rx.vstack(_add_form(), _reviews_due(), spacing="4", width="100%"),
                _agenda(),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            empty_state(
                "user-plus",
                "The check-in is for two",
                "Invite your partner first; then you'll both add to one shared agenda.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
