"""After a hard moment, together: the live talk (one step at a time on every screen) and the past ones."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.forms import nudge_callout, partner_name, step_pills
from couple_dash.domain.hard_moment import LAST_STEP, MAX_ENTRY, OWN_PART, PLAN, STEPS
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.hard_moment import HardMomentState

M = CoupleState.hard_moment
H = HardMomentState


def _plan_commitment() -> rx.Component:
    """Once my plan is shared: make it a commitment of mine, or see that it is one."""
    return rx.foreach(
        M.words,
        lambda e: rx.cond(
            (e.author_id == AuthState.user_id) & (e.step == PLAN),
            rx.cond(
                e.commitment_id > 0,
                rx.link(
                    "Your plan is one of your commitments",
                    href=routes.COMMITMENT + "?id=" + e.commitment_id.to_string(),
                    size="2",
                    id="moment-plan-committed",
                ),
                rx.button(
                    rx.icon("handshake", size=16, aria_hidden="true"),
                    "Make my plan a commitment",
                    on_click=H.make_commitment,
                    size="2",
                    variant="soft",
                    id="moment-plan-commit",
                ),
            ),
            rx.fragment(),
        ),
    )


def _mine(index: int) -> rx.Component:
    key = STEPS[index].key
    shared = M.shared_by[index].contains(AuthState.user_id)
    field_id = f"moment-mine-{key}"
    return rx.vstack(
        rx.form(
            rx.vstack(
                rx.el.label("You", html_for=field_id, class_name="cd-label"),
                rx.el.input(type="hidden", name="step", value=str(index)),
                rx.debounce_input(
                    rx.text_area(
                        id=field_id,
                        name="text",
                        value=H.drafts[index],
                        on_change=lambda value: H.set_draft(index, value),
                        placeholder=STEPS[index].placeholder,
                        max_length=MAX_ENTRY,
                        rows="4",
                        size="3",
                        width="100%",
                    ),
                    debounce_timeout=250,
                ),
                nudge_callout(H.own_part_nudge, H.own_part_points, "moment-own-part-nudge")
                if key == OWN_PART
                else rx.fragment(),
                nudge_callout(H.plan_nudge, H.plan_points, "moment-plan-nudge") if key == PLAN else rx.fragment(),
                rx.hstack(
                    rx.button(
                        rx.cond(
                            shared,
                            rx.text.span("Update what I shared"),
                            rx.text.span("Share with ", partner_name()),
                        ),
                        type="submit",
                        size="2",
                        id=f"moment-share-{key}",
                    ),
                    rx.cond(
                        shared,
                        rx.badge(rx.icon("check", size=12), "Shared", color_scheme="grass", variant="soft"),
                        rx.text("Not shared yet", size="1", color_scheme="gray"),
                    ),
                    align="center",
                    spacing="2",
                    wrap="wrap",
                ),
                spacing="2",
                width="100%",
            ),
            on_submit=H.share,
            aria_label="Share your words for this step",
            width="100%",
        ),
        _plan_commitment() if key == PLAN else rx.fragment(),
        spacing="2",
        width="100%",
        class_name="cd-moment-side",
    )


def _theirs(index: int) -> rx.Component:
    key = STEPS[index].key
    mine_counts = rx.cond(M.shared_by[index].contains(AuthState.user_id), 1, 0)
    return rx.vstack(
        rx.text(partner_name(), weight="medium", size="2"),
        rx.cond(
            M.shared_by[index].length() > mine_counts,
            rx.foreach(
                M.words,
                lambda e: rx.cond(
                    (e.author_id != AuthState.user_id) & (e.step == key),
                    rx.vstack(
                        rx.text(e.text, size="3", class_name="cd-agenda-text", data_testid="moment-partner-entry"),
                        rx.cond(
                            e.commitment_id > 0,
                            rx.text(e.author_name, " made this a commitment", size="1", color_scheme="iris"),
                            rx.fragment(),
                        ),
                        spacing="1",
                    ),
                    rx.fragment(),
                ),
            ),
            rx.text(partner_name(), " hasn't shared this yet.", size="2", color_scheme="gray"),
        ),
        spacing="2",
        width="100%",
        class_name="cd-moment-side cd-moment-partner",
        id=f"moment-partner-{key}",
    )


def _step(index: int) -> rx.Component:
    step = STEPS[index]
    return rx.cond(
        M.step == index,
        rx.vstack(
            rx.heading(step.title, as_="h2", size="6", id="moment-step-title"),
            rx.text(step.prompt, size="3", color_scheme="gray"),
            rx.grid(
                _mine(index),
                _theirs(index),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="4",
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        rx.fragment(),
    )


def _controls() -> rx.Component:
    return rx.hstack(
        rx.button(
            "Back",
            on_click=H.back(M.step),
            disabled=M.step == 0,
            size="3",
            variant="soft",
            color_scheme="gray",
            id="moment-back",
        ),
        rx.spacer(),
        rx.cond(
            M.step < LAST_STEP,
            rx.button("Next", on_click=H.next(M.step), size="3", id="moment-next"),
            rx.fragment(),
        ),
        rx.button(
            "Finish and keep a summary",
            on_click=H.finish,
            size="3",
            variant=rx.cond(M.step == LAST_STEP, "solid", "outline"),
            id="moment-finish",
        ),
        width="100%",
        wrap="wrap",
        spacing="2",
        align="center",
    )


def live_talk() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(
                    rx.cond(M.started_by == AuthState.user_id, "You", M.started_by_name),
                    " opened this talk. Both of your screens follow along; take it slowly.",
                    size="2",
                    color_scheme="gray",
                ),
                width="100%",
            ),
            step_pills([step.title for step in STEPS], M.step),
            *[_step(i) for i in range(len(STEPS))],
            _controls(),
            spacing="4",
            width="100%",
        ),
        size="3",
        id="moment-live",
    )


def start_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Talk it through, together", as_="h2", size="5"),
            rx.text(
                "When you've both calmed down (give it at least 20 minutes after things got heated), go through what "
                "happened step by step: feelings, each one's reality, triggers, your own part, and what you'll try "
                "next time. Each of you writes only for yourself, and neither view is “the truth”.",
                size="3",
            ),
            rx.text(
                "Use one shared screen or both phones: whatever one of you shares appears for the other at once.",
                size="2",
                color_scheme="gray",
            ),
            rx.button("Start talking it through", on_click=H.start, size="3", id="moment-start"),
            spacing="3",
        ),
        size="3",
        id="moment-start-card",
    )


def _summary(summary: Any) -> rx.Component:
    return rx.el.details(
        rx.el.summary(summary.date_label),
        rx.vstack(
            rx.foreach(
                summary.sections,
                lambda section: rx.vstack(
                    rx.text(section.title, weight="bold", size="2"),
                    rx.el.ul(rx.foreach(section.lines, lambda line: rx.el.li(line)), class_name="cd-nudge-list"),
                    spacing="1",
                ),
            ),
            spacing="3",
            padding_y="0.5em",
        ),
        class_name="cd-summary",
        data_testid="moment-summary",
    )


def past_talks() -> rx.Component:
    return rx.cond(
        H.past.length() > 0,
        rx.vstack(
            rx.heading("Past talks", as_="h2", size="4"),
            rx.foreach(H.past, _summary),
            spacing="2",
            width="100%",
            id="moment-past",
        ),
        rx.fragment(),
    )
