"""Commitments: make one (with the wording nudge as you type), see and filter them all."""

from __future__ import annotations

from datetime import date
from typing import Any

import reflex as rx

from couple_dash import routes, sync
from couple_dash.components.commitments import commitment_row, status_filter
from couple_dash.components.empty import empty_state
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.db import session_scope
from couple_dash.domain.cadence import CadenceKind, local_today
from couple_dash.domain.commitments import CATEGORY_LABELS, MAX_TEXT, MAX_WHY, Category, default_review_date
from couple_dash.domain.wording import check_wording
from couple_dash.models import utcnow
from couple_dash.services import ServiceError, commitments
from couple_dash.services.accounts import Viewer
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.couple import CoupleState

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CADENCE_CHOICES = (
    (CadenceKind.DAILY, "Every day"),
    (CadenceKind.WEEKDAYS, "On chosen weekdays"),
    (CadenceKind.TIMES_PER_WEEK, "A number of times a week"),
    (CadenceKind.OCCASION, "Each time it happens"),
)


def form_input(form: dict[str, Any], viewer: Viewer, owner_today: date) -> tuple[int, commitments.CommitmentInput]:
    """Read the create form: who it is for, and the commitment's fields."""

    def day(name: str) -> date | None:
        raw = str(form.get(name, "")).strip()
        try:
            return date.fromisoformat(raw) if raw else None
        except ValueError:
            raise ServiceError("Pick the dates from the calendar.") from None

    try:
        owner_id = int(form.get("owner", viewer.user_id))
        times = int(form.get("times_per_week") or 0)
    except ValueError:
        raise ServiceError("Choose who makes this commitment and how often.") from None
    return owner_id, commitments.CommitmentInput(
        text=str(form.get("text", "")),
        why=str(form.get("why", "")),
        category=str(form.get("category", "")),
        cadence_kind=str(form.get("cadence_kind", "")),
        weekdays=tuple(i for i in range(7) if form.get(f"weekday-{i}")),
        times_per_week=times,
        due_by=str(form.get("due_by", "")),
        start=day("start") or owner_today,
        review=day("review"),
    )


class CommitmentFormState(rx.State):
    """This tab's draft of a new commitment; the wording nudge is worked out on the server as you type."""

    text: str = ""
    cadence_kind: str = CadenceKind.DAILY.value
    nudge: str = ""
    nudge_points: list[str] = []
    error: str = ""
    owner_filter: str = "all"
    status_filter: str = "current"
    today: str = ""
    review_default: str = ""

    @rx.event
    async def load(self):
        viewer = await current_viewer(self)
        today = local_today(utcnow(), viewer.time_zone if viewer else "UTC")
        self.today, self.review_default = today.isoformat(), default_review_date(today).isoformat()
        self.error = ""

    @rx.event
    def set_text(self, value: str) -> None:
        self.text = value
        check = check_wording(value) if value.strip() else None
        self.nudge = check.summary if check else ""
        self.nudge_points = [f.suggestion for f in check.findings] if check else []

    @rx.event
    def set_cadence_kind(self, value: str) -> None:
        self.cadence_kind = value

    @rx.event
    def set_owner_filter(self, value: str) -> None:
        self.owner_filter = value

    @rx.event
    def set_status_filter(self, value: str) -> None:
        self.status_filter = value

    @rx.event
    async def create(self, form: dict[str, Any]):
        self.error = ""
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            return rx.redirect(routes.DASHBOARD)
        try:
            with session_scope() as session:
                owner_id, data = form_input(form, viewer, local_today(utcnow(), viewer.time_zone))
                commitments.create(session=session, user_id=viewer.user_id, owner_id=owner_id, data=data)
        except ServiceError as refusal:
            self.error = refusal.message
            return None
        await sync.link_and_refresh(self, viewer.couple_id, only=sync.COMMITMENTS)
        self.text, self.nudge, self.nudge_points = "", "", []
        return [rx.set_value("commitment-why", ""), rx.toast.success("Commitment saved. Your partner sees it now.")]


def _label(text: str, for_id: str) -> rx.Component:
    return rx.el.label(text, html_for=for_id, class_name="cd-label")


def _select(name: str, options: list[tuple[str, str]], **props: Any) -> rx.Component:
    return rx.el.select(
        *[rx.el.option(label, value=value) for value, label in options],
        name=name,
        id=f"commitment-{name}",
        class_name="cd-select",
        **props,
    )


def _owner_choice() -> rx.Component:
    partner_options = rx.foreach(
        CoupleState.members,
        lambda m: rx.cond(
            m.user_id != AuthState.user_id,
            rx.el.option("Propose one to " + m.name.to(str), value=m.user_id.to_string()),
            rx.fragment(),
        ),
    )
    return rx.vstack(
        _label("Who makes this commitment?", "commitment-owner"),
        rx.el.select(
            rx.el.option("I do", value=AuthState.user_id.to_string()),
            partner_options,
            name="owner",
            id="commitment-owner",
            class_name="cd-select",
        ),
        rx.text(
            "Your partner decides whether to accept a commitment you propose for them.", size="1", color_scheme="gray"
        ),
        spacing="1",
        width="100%",
    )


def _nudge() -> rx.Component:
    return rx.cond(
        CommitmentFormState.nudge != "",
        rx.callout.root(
            rx.callout.icon(rx.icon("lightbulb", size=16)),
            rx.vstack(
                rx.callout.text(CommitmentFormState.nudge, weight="medium"),
                rx.el.ul(
                    rx.foreach(CommitmentFormState.nudge_points, lambda p: rx.el.li(p)), class_name="cd-nudge-list"
                ),
                spacing="1",
            ),
            color_scheme="amber",
            id="wording-nudge",
            role="status",
            width="100%",
        ),
        rx.cond(
            CommitmentFormState.text != "",
            rx.callout(
                "Specific and checkable. Nicely put.",
                icon="check",
                color_scheme="grass",
                id="wording-ok",
                role="status",
                width="100%",
            ),
            rx.fragment(),
        ),
    )


def _cadence_fields() -> rx.Component:
    kind = CommitmentFormState.cadence_kind
    return rx.vstack(
        _label("How often?", "commitment-cadence_kind"),
        _select(
            "cadence_kind",
            [(k.value, label) for k, label in CADENCE_CHOICES],
            value=kind,
            on_change=CommitmentFormState.set_cadence_kind,
        ),
        rx.cond(
            kind == CadenceKind.WEEKDAYS.value,
            rx.el.fieldset(
                rx.el.legend("On these days", class_name="cd-label"),
                rx.hstack(
                    *[
                        rx.el.label(
                            rx.el.input(type="checkbox", name=f"weekday-{i}", id=f"weekday-{i}"),
                            name,
                            class_name="cd-check",
                        )
                        for i, name in enumerate(WEEKDAY_NAMES)
                    ],
                    wrap="wrap",
                    spacing="3",
                ),
                class_name="cd-fieldset",
            ),
            rx.fragment(),
        ),
        rx.cond(
            kind == CadenceKind.TIMES_PER_WEEK.value,
            rx.vstack(
                _label("Times a week", "commitment-times_per_week"),
                rx.input(
                    name="times_per_week",
                    id="commitment-times_per_week",
                    type="number",
                    min="1",
                    max="7",
                    default_value="3",
                    size="3",
                ),
                spacing="1",
            ),
            rx.fragment(),
        ),
        spacing="1",
        width="100%",
    )


def _create_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Make a commitment", as_="h2", size="5"),
                _owner_choice(),
                _label("What will you do?", "commitment-text"),
                rx.debounce_input(
                    rx.text_area(
                        id="commitment-text",
                        name="text",
                        placeholder="I will text you when I leave work and when I arrive.",
                        max_length=MAX_TEXT,
                        rows="2",
                        size="3",
                        width="100%",
                        value=CommitmentFormState.text,
                        on_change=CommitmentFormState.set_text,
                    ),
                    debounce_timeout=250,
                ),
                _nudge(),
                _label("Why this matters (told to your partner)", "commitment-why"),
                rx.text_area(
                    id="commitment-why",
                    name="why",
                    max_length=MAX_WHY,
                    rows="2",
                    size="3",
                    width="100%",
                    placeholder="So you don't have to wonder where I am.",
                ),
                _label("Category", "commitment-category"),
                _select("category", [(c.value, CATEGORY_LABELS[c]) for c in Category], default_value="reliability"),
                _cadence_fields(),
                rx.grid(
                    rx.vstack(
                        _label("By (optional)", "commitment-due_by"),
                        rx.input(name="due_by", id="commitment-due_by", type="time", size="3"),
                        spacing="1",
                    ),
                    rx.vstack(
                        _label("Starts", "commitment-start"),
                        rx.input(
                            name="start",
                            id="commitment-start",
                            type="date",
                            size="3",
                            default_value=CommitmentFormState.today,
                            key=CommitmentFormState.today,
                        ),
                        spacing="1",
                    ),
                    rx.vstack(
                        _label("Review on", "commitment-review"),
                        rx.input(
                            name="review",
                            id="commitment-review",
                            type="date",
                            size="3",
                            default_value=CommitmentFormState.review_default,
                            key=CommitmentFormState.review_default,
                        ),
                        spacing="1",
                    ),
                    columns=rx.breakpoints(initial="1", sm="3", lg="1", xl="3"),
                    spacing="3",
                    width="100%",
                ),
                error_callout(CommitmentFormState.error, id_="commitment-error"),
                rx.button("Save commitment", type="submit", size="3", id="commitment-save"),
                spacing="3",
                width="100%",
            ),
            on_submit=CommitmentFormState.create,
            aria_label="Make a commitment",
        ),
        size="3",
    )


def _visible(card: Any) -> rx.Var[bool]:
    owner_ok = rx.match(
        CommitmentFormState.owner_filter,
        ("mine", card.owner_id == AuthState.user_id),
        ("partner", card.owner_id != AuthState.user_id),
        True,
    )
    status_ok = rx.match(
        CommitmentFormState.status_filter,
        ("current", (card.status == "active") | (card.status == "paused") | (card.status == "proposed")),
        ("ended", (card.status == "completed") | (card.status == "retired")),
        True,
    )
    return owner_ok & status_ok


def _list() -> rx.Component:
    return rx.vstack(
        status_filter(
            CommitmentFormState.owner_filter,
            CommitmentFormState.set_owner_filter,
            CommitmentFormState.status_filter,
            CommitmentFormState.set_status_filter,
        ),
        rx.cond(
            CoupleState.commitments.length() > 0,
            rx.vstack(
                rx.foreach(CoupleState.commitments, lambda c: rx.cond(_visible(c), commitment_row(c), rx.fragment())),
                spacing="2",
                width="100%",
                id="commitment-list",
            ),
            empty_state(
                "handshake",
                "No commitments yet",
                "A commitment is specific and checkable: “I will text you when I leave work and when I arrive”, "
                "not “I'll try to be better”. Each of you ticks your own; the other can say “seen, thank you”.",
                id_="commitments-empty",
            ),
        ),
        spacing="3",
        width="100%",
    )


@app_page(routes.COMMITMENTS, "Commitments", on_load=[CommitmentFormState.load])
def commitments_page() -> rx.Component:
    return rx.vstack(
        page_heading("Commitments", "Specific promises, kept and seen."),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(_create_form(), _list(), columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%"),
            empty_state(
                "user-plus",
                "Commitments are made to someone",
                "Invite your partner first; then each of you can make promises the other can see.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
