"""One commitment: its heat map, ticks (with back-dating), pauses, edits and history."""

from __future__ import annotations

from datetime import date
from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.commitment_form import edit_form
from couple_dash.components.commitments import status_badge
from couple_dash.components.forms import error_callout
from couple_dash.components.heatmap import heat_grid, heat_legend
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.db import session_scope
from couple_dash.domain.commitments import MAX_NOTE
from couple_dash.services import ServiceError, commitment_views, commitments, followthrough
from couple_dash.services.commitment_views import HeatCellView, HistoryEntry, TickView
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.commitment_draft import CommitmentEditState
from couple_dash.state.couple import CoupleState
from couple_dash.state.followthrough import FollowThroughState


class CommitmentPageState(rx.State):
    commitment_id: int = 0
    heat: list[list[HeatCellView]] = []
    ticks: list[TickView] = []
    history: list[HistoryEntry] = []
    backdate_days: list[list[str]] = []
    problem: str = ""
    pause_error: str = ""
    tick_error: str = ""

    @rx.event
    async def load(self):
        try:
            self.commitment_id = int(self.router.url.query_parameters.get("id", "0"))
        except ValueError:
            self.commitment_id = 0
        await self._reload()

    @rx.event
    async def refresh(self):
        """Re-read the heat map and history when the live card changes (a tick or a change by either partner)."""
        await self._reload()

    async def _reload(self) -> None:
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            self.problem = "Sign in and pair with your partner to see commitments."
            return
        try:
            with session_scope() as session:
                detail = commitment_views.commitment_detail(
                    session=session,
                    couple_id=viewer.couple_id,
                    commitment_id=self.commitment_id,
                    time_zone=viewer.time_zone,
                )
        except ServiceError as refusal:
            self.problem = refusal.message
            self.heat, self.ticks, self.history = [], [], []
            return
        self.problem = ""
        self.heat, self.ticks, self.history = detail.heat, detail.ticks, detail.history
        self.backdate_days = detail.backdate_days

    @rx.event
    async def tick_day(self, form: dict[str, Any]):
        self.tick_error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            with session_scope() as session:
                followthrough.tick(
                    session=session,
                    user_id=viewer.user_id,
                    commitment_id=self.commitment_id,
                    day=date.fromisoformat(str(form.get("day"))) if form.get("day") else None,
                    note=str(form.get("note", "")),
                )
        except (ServiceError, ValueError) as refusal:
            self.tick_error = getattr(refusal, "message", "Pick a day from the list.")
            return None
        await sync.link_and_refresh(self, viewer.couple_id, commitment_ids={self.commitment_id})
        await self._reload()
        return rx.set_value("tick-note", "")

    @rx.event
    async def propose_pause(self, form: dict[str, Any]):
        self.pause_error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.LOGIN)
        try:
            start, end = date.fromisoformat(str(form.get("start"))), date.fromisoformat(str(form.get("end")))
            with session_scope() as session:
                commitments.propose_pause(
                    session=session,
                    user_id=viewer.user_id,
                    commitment_id=self.commitment_id,
                    start=start,
                    end=end,
                    reason=str(form.get("reason", "")),
                )
        except ServiceError as refusal:
            self.pause_error = refusal.message
            return None
        except ValueError:
            self.pause_error = "Pick the first and last day of the pause."
            return None
        await sync.link_and_refresh(self, viewer.couple_id, commitment_ids={self.commitment_id})
        await self._reload()
        return rx.toast.success("Pause proposed. It counts once your partner agrees.")


def _heat_map() -> rx.Component:
    return rx.vstack(
        rx.heading("The last six months", as_="h2", size="4"),
        heat_grid(CommitmentPageState.heat, id_="heat-map"),
        heat_legend(),
        spacing="2",
        width="100%",
    )


def _owner_tools(card: Any) -> rx.Component:
    return rx.cond(
        card.owner_id == AuthState.user_id,
        rx.vstack(
            rx.cond(
                card.status == "active",
                rx.form(
                    rx.hstack(
                        rx.vstack(
                            rx.el.label("Day", html_for="tick-day", class_name="cd-label"),
                            rx.el.select(
                                rx.foreach(CommitmentPageState.backdate_days, lambda d: rx.el.option(d[1], value=d[0])),
                                name="day",
                                id="tick-day",
                                class_name="cd-select",
                            ),
                            spacing="1",
                        ),
                        rx.vstack(
                            rx.el.label("Note (optional)", html_for="tick-note", class_name="cd-label"),
                            rx.input(
                                name="note",
                                id="tick-note",
                                max_length=MAX_NOTE,
                                size="3",
                                placeholder="Texted on leaving: 17:42",
                            ),
                            spacing="1",
                            flex="1",
                        ),
                        rx.button("Tick", type="submit", size="3", id="tick-submit"),
                        align="end",
                        spacing="2",
                        wrap="wrap",
                        width="100%",
                    ),
                    error_callout(CommitmentPageState.tick_error, id_="tick-error"),
                    on_submit=CommitmentPageState.tick_day,
                    aria_label="Tick a day",
                    width="100%",
                ),
                rx.fragment(),
            ),
            rx.hstack(
                rx.cond(
                    card.status == "active",
                    rx.button(
                        "Put on hold",
                        variant="soft",
                        color_scheme="gray",
                        on_click=FollowThroughState.set_status(card.id, "paused"),
                    ),
                    rx.fragment(),
                ),
                rx.cond(
                    card.status == "paused",
                    rx.button("Resume", on_click=FollowThroughState.set_status(card.id, "active")),
                    rx.fragment(),
                ),
                rx.cond(
                    (card.status == "active") | (card.status == "paused"),
                    rx.button(
                        "Mark completed", variant="soft", on_click=FollowThroughState.set_status(card.id, "completed")
                    ),
                    rx.fragment(),
                ),
                rx.cond(
                    (card.status == "completed") | (card.status == "retired"),
                    rx.button(
                        "Take it up again", variant="soft", on_click=FollowThroughState.set_status(card.id, "active")
                    ),
                    rx.fragment(),
                ),
                rx.cond(
                    (card.status == "active") | (card.status == "paused") | (card.status == "proposed"),
                    rx.button(
                        "Edit",
                        variant="soft",
                        on_click=CommitmentEditState.start_edit(
                            card.id, card.text, card.cadence_kind, card.version, card.start_date
                        ),
                        id="edit-open",
                    ),
                    rx.fragment(),
                ),
                rx.cond(
                    card.status == "proposed",
                    rx.button("Accept", on_click=FollowThroughState.set_status(card.id, "active")),
                    rx.fragment(),
                ),
                spacing="2",
                wrap="wrap",
            ),
            spacing="3",
            width="100%",
        ),
        rx.fragment(),
    )


def _pause_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading("Agree a pause", as_="h2", size="4"),
            rx.text(
                "Travel or illness? Paused days never count as missed. Either of you proposes; the other agrees.",
                size="2",
                color_scheme="gray",
            ),
            rx.hstack(
                rx.vstack(
                    rx.el.label("From", html_for="pause-start", class_name="cd-label"),
                    rx.input(type="date", name="start", id="pause-start", size="3"),
                    spacing="1",
                ),
                rx.vstack(
                    rx.el.label("Until", html_for="pause-end", class_name="cd-label"),
                    rx.input(type="date", name="end", id="pause-end", size="3"),
                    spacing="1",
                ),
                rx.vstack(
                    rx.el.label("Reason", html_for="pause-reason", class_name="cd-label"),
                    rx.input(name="reason", id="pause-reason", size="3", max_length=MAX_NOTE, placeholder="Work trip"),
                    spacing="1",
                    flex="1",
                ),
                spacing="2",
                wrap="wrap",
                width="100%",
            ),
            error_callout(CommitmentPageState.pause_error, id_="pause-error"),
            rx.button("Propose pause", type="submit", variant="soft", size="3", id="pause-submit"),
            spacing="2",
            width="100%",
        ),
        on_submit=CommitmentPageState.propose_pause,
        reset_on_submit=False,
        aria_label="Propose a pause",
        width="100%",
    )


def _ticks() -> rx.Component:
    return rx.vstack(
        rx.heading("Recent follow-through", as_="h2", size="4"),
        rx.cond(
            CommitmentPageState.ticks.length() > 0,
            rx.el.ul(
                rx.foreach(
                    CommitmentPageState.ticks,
                    lambda t: rx.el.li(
                        rx.hstack(
                            rx.text(t.day_label, weight="medium", size="2"),
                            rx.text(t.note, size="2", color_scheme="gray"),
                            rx.cond(t.acknowledged, rx.text("Seen ♥", size="1", color_scheme="pink"), rx.fragment()),
                            spacing="2",
                            wrap="wrap",
                        ),
                        data_testid="tick-row",
                    ),
                ),
                class_name="cd-plain-list",
            ),
            rx.text("Nothing ticked yet.", size="2", color_scheme="gray"),
        ),
        spacing="2",
        width="100%",
    )


def _history() -> rx.Component:
    return rx.vstack(
        rx.heading("History", as_="h2", size="4"),
        rx.el.ul(
            rx.foreach(
                CommitmentPageState.history,
                lambda h: rx.el.li(
                    rx.text(rx.text.strong(h.who), " ", h.what, " · ", h.at, size="2"), data_testid="history-row"
                ),
            ),
            class_name="cd-plain-list",
        ),
        spacing="2",
        width="100%",
    )


def _detail(card: Any) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            status_badge(card),
            rx.text(card.category_label, size="2", color_scheme="gray"),
            rx.text(card.cadence_label, size="2", color_scheme="gray"),
            spacing="3",
            wrap="wrap",
        ),
        rx.heading(card.text, as_="h2", size="6", id="commitment-title"),
        rx.cond(card.why != "", rx.text("Why this matters: ", card.why, size="3", color_scheme="gray"), rx.fragment()),
        rx.hstack(
            rx.text(
                rx.cond(
                    card.owner_id == AuthState.user_id, "Your commitment", card.owner_name.to(str) + "'s commitment"
                ),
                size="2",
            ),
            rx.cond(
                card.streak_label != "",
                rx.text("Streak ", card.streak_label, " (best ", card.best_streak.to_string(), ")", size="2"),
                rx.fragment(),
            ),
            rx.cond(
                card.cadence_kind != "occasion",
                rx.text("Consistency ", card.score_pct.to_string(), "%", size="2", id="commitment-score"),
                rx.fragment(),
            ),
            rx.cond(
                card.rate_90_pct >= 0,
                rx.text(
                    "Follow-through: ",
                    *[
                        rx.cond(rate >= 0, rx.text.span(f"{days} days ", rate.to_string(), "%  "), rx.fragment())
                        for days, rate in ((7, card.rate_7_pct), (30, card.rate_30_pct), (90, card.rate_90_pct))
                    ],
                    size="2",
                    id="commitment-rates",
                ),
                rx.fragment(),
            ),
            spacing="4",
            wrap="wrap",
        ),
        rx.cond(
            card.review_due,
            rx.hstack(
                rx.text("Due for review", size="2", color_scheme="amber"),
                rx.button(
                    "We reviewed it", size="1", variant="soft", on_click=FollowThroughState.mark_reviewed(card.id)
                ),
                align="center",
                spacing="2",
            ),
            rx.fragment(),
        ),
        _owner_tools(card),
        rx.cond(CommitmentEditState.editing & (card.owner_id == AuthState.user_id), edit_form(card), rx.fragment()),
        _heat_map(),
        rx.grid(_ticks(), _history(), columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"),
        rx.cond((card.status == "active") | (card.status == "paused"), _pause_form(), rx.fragment()),
        spacing="4",
        width="100%",
    )


@app_page(routes.COMMITMENT, "Commitment", on_load=[CommitmentPageState.load])
def commitment_page() -> rx.Component:
    return rx.vstack(
        rx.link("← All commitments", href=routes.COMMITMENTS, size="2"),
        # Re-read the heat map and history whenever any card changes, whoever changed it. (At the top level:
        # inside rx.foreach the keyed wrapper does not remount the trigger.)
        remount_on_change(CoupleState.commitments_signature, CommitmentPageState.refresh),
        page_heading("Commitment"),
        rx.cond(
            CommitmentPageState.problem != "",
            rx.callout(CommitmentPageState.problem, icon="triangle_alert", color_scheme="red", role="alert"),
            rx.foreach(
                CoupleState.commitments,
                lambda c: rx.cond(c.id == CommitmentPageState.commitment_id, _detail(c), rx.fragment()),
            ),
        ),
        width="100%",
        spacing="3",
    )
