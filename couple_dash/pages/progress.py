"""Progress: each partner's own follow-through over the last six months, side by side, never ranked."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.heatmap import heat_grid, heat_legend
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.db import session_scope
from couple_dash.domain.pulse import DISTRESS_CUTOFF, MAX_SCORE
from couple_dash.services import commitment_views, pulse, therapy
from couple_dash.services.commitment_views import PartnerProgress
from couple_dash.services.pulse import PulseTrajectory
from couple_dash.state.auth import AuthState, current_viewer
from couple_dash.state.couple import CoupleState


class ProgressState(rx.State):
    partners: list[PartnerProgress] = []
    pulses: list[PulseTrajectory] = []
    # Why a couple therapist might help now (empty: nothing persisting). Per tab: it reads this person's own pulse.
    therapy_reasons: list[str] = []

    @rx.event
    async def refresh(self):
        viewer = await current_viewer(self)
        if viewer is None or viewer.couple_id is None:
            self.partners, self.pulses, self.therapy_reasons = [], [], []
            return
        with session_scope() as session:
            partners = commitment_views.partner_progress(session=session, couple_id=viewer.couple_id)
            self.pulses = pulse.trajectories(session=session, user_id=viewer.user_id)
            self.therapy_reasons = therapy.signals_for(session=session, user_id=viewer.user_id).reasons()
        # You first, then your partner.
        self.partners = sorted(partners, key=lambda p: p.user_id != viewer.user_id)


def _partner(progress: Any) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(rx.cond(progress.user_id == AuthState.user_id, "You", progress.name), as_="h2", size="4"),
            rx.text(
                progress.commitments.to_string(),
                rx.cond(progress.commitments == 1, " commitment", " commitments"),
                rx.cond(
                    progress.rate_30_pct >= 0,
                    rx.text.span(
                        " · followed through on ", progress.rate_30_pct.to_string(), "% of due days in the last 30 days"
                    ),
                    rx.fragment(),
                ),
                size="2",
                color_scheme="gray",
            ),
            heat_grid(progress.heat),
            spacing="3",
            width="100%",
        ),
        size="3",
        data_testid="partner-progress",
    )


def _pulse_chart(line: Any) -> rx.Component:
    return rx.recharts.line_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.x_axis(data_key="label"),
        rx.recharts.y_axis(domain=[0, MAX_SCORE], ticks=[0, 7, 14, 21], width=32),
        rx.recharts.reference_line(
            # Recharts takes any number; Reflex's prop type says int, so pass the literal as a JS expression.
            y=rx.Var(_js_expr=str(DISTRESS_CUTOFF), _var_type=int),
            stroke="var(--amber-9)",
            stroke_dasharray="6 4",
        ),
        rx.recharts.line(
            data_key="total",
            name="Pulse",
            stroke="var(--accent-9)",
            stroke_width=3,
            is_animation_active=False,
        ),
        rx.recharts.graphing_tooltip(),
        data=line.points.to(list[dict[str, Any]]),
        height=220,
        width="100%",
    )


def _pulse(line: Any) -> rx.Component:
    own = line.user_id == AuthState.user_id
    return rx.card(
        rx.vstack(
            rx.heading(rx.cond(own, "Your pulse", line.name + "'s pulse"), as_="h3", size="4"),
            rx.cond(
                line.latest >= 0,
                rx.text("Latest: ", line.latest.to_string(), " of 21", size="2", data_testid="pulse-latest"),
                rx.fragment(),
            ),
            rx.cond(line.points.length() > 0, _pulse_chart(line), rx.fragment()),
            rx.text(line.trend, size="2", data_testid="pulse-trend"),
            rx.cond(
                line.distress_run & ~own,
                rx.callout.root(
                    rx.callout.icon(rx.icon("heart-handshake", size=18)),
                    rx.callout.text(
                        "Their last three pulses",
                        " were below 13.5, the line where couples often feel real strain. That is not a "
                        "failure: it is a good moment to involve a couple therapist. Emotionally Focused Therapy "
                        "(EFT) and Integrative Behavioral Couple Therapy (IBCT) have good evidence for helping "
                        "couples rebuild trust, and a therapist can hold the hard conversations with you.",
                    ),
                    color_scheme="amber",
                    data_testid="partner-pulse-suggestion",
                ),
                rx.fragment(),
            ),
            spacing="2",
            width="100%",
        ),
        size="3",
        data_testid="pulse-line",
    )


def _pulses() -> rx.Component:
    return rx.vstack(
        rx.heading("Pulse", as_="h2", size="5"),
        rx.text(
            "The four-question Couples Satisfaction Index from each check-in (0 to 21; the dashed line at 13.5 "
            "marks notable strain). Each line is one person's own, shown to their partner only if they choose.",
            size="2",
            color_scheme="gray",
        ),
        rx.grid(
            rx.foreach(ProgressState.pulses, _pulse),
            columns=rx.breakpoints(initial="1", lg="2"),
            spacing="4",
            width="100%",
        ),
        spacing="3",
        width="100%",
        id="pulse",
    )


@app_page(routes.PROGRESS, "Progress")
def progress_page() -> rx.Component:
    return rx.vstack(
        page_heading("Progress", "Each of you, on your own path. Never a contest."),
        # Re-read whenever any commitment changes, whoever changed it (the key changes, so this remounts).
        remount_on_change(
            CoupleState.commitments_signature + "|" + CoupleState.meeting.id.to_string(), ProgressState.refresh
        ),
        rx.cond(
            CoupleState.commitments.length() > 0,
            rx.vstack(
                rx.grid(
                    rx.foreach(ProgressState.partners, _partner),
                    columns=rx.breakpoints(initial="1", lg="2"),
                    spacing="4",
                    width="100%",
                ),
                heat_legend(),
                rx.text(
                    "A darker day means more of that day's commitments were kept. A slip is one square, "
                    "not a verdict: the consistency score forgives single misses.",
                    size="2",
                    color_scheme="gray",
                ),
                spacing="3",
                width="100%",
            ),
            empty_state(
                "trending-up",
                "Nothing to show yet",
                "As you keep promises, each partner's follow-through appears here as their own calendar.",
                action=rx.link("Make a commitment", href=routes.COMMITMENTS),
            ),
        ),
        _therapy(),
        _pulses(),
        _report_link(),
        width="100%",
        spacing="4",
    )


# --- When to involve a therapist (issue 8) -----------------------------------------------------------------------

THERAPY_OFFERS = (
    "Couple therapy gives you a third person in the room whose whole job is to keep hard conversations safe. Two "
    "approaches have good evidence for couples rebuilding trust: Emotionally Focused Therapy (EFT) helps you see "
    "the cycle you get caught in and reach each other underneath it; Integrative Behavioral Couple Therapy (IBCT) "
    "combines accepting each other's differences with concrete changes you both choose."
)
FIND_ONE = (
    ("Find an EFT therapist (ICEEFT directory)", "https://iceeft.com/find-a-therapist/"),
    ("About IBCT, and finding a trained therapist", "https://ibct.psych.ucla.edu/"),
    (
        "Psychology Today: couples therapists near you",
        "https://www.psychologytoday.com/us/therapists/couples-counseling",
    ),
)


def _reason(text: Any) -> rx.Component:
    return rx.el.li(rx.text(text, size="2"))


def _therapy() -> rx.Component:
    return rx.cond(
        ProgressState.therapy_reasons.length() > 0,
        rx.card(
            rx.vstack(
                rx.hstack(
                    rx.icon("heart-handshake", size=20, aria_hidden="true"),
                    rx.heading("A couple therapist could help now", as_="h2", size="4"),
                    align="center",
                    spacing="2",
                ),
                rx.text("Something has kept showing up for a while:", size="2"),
                rx.el.ul(rx.foreach(ProgressState.therapy_reasons, _reason), class_name="cd-safety-list"),
                rx.text(
                    "That's not a failure, and not a verdict on either of you. It is often the moment couples get "
                    "the most out of some help.",
                    size="2",
                ),
                rx.text(THERAPY_OFFERS, size="2"),
                rx.vstack(
                    *[
                        rx.link(label, href=url, is_external=True, size="2", class_name="cd-tap")
                        for label, url in FIND_ONE
                    ],
                    spacing="1",
                ),
                rx.text(
                    "Your doctor or a local counselling service can also recommend someone. If you feel afraid of "
                    "your partner, please see ",
                    rx.link("Safety and support", href=routes.SAFETY),
                    " first: couple therapy isn't the right step while there is abuse.",
                    size="2",
                ),
                rx.link(
                    "A progress report for your therapist (only with both of your consent)",
                    href=routes.REPORT,
                    size="2",
                    class_name="cd-tap",
                ),
                spacing="3",
                width="100%",
            ),
            size="3",
            id="therapy-suggestion",
            class_name="cd-therapy-card",
        ),
        rx.fragment(),
    )


def _report_link() -> rx.Component:
    return rx.text(
        "Seeing a couple therapist? ",
        rx.link("Make a progress report for them", href=routes.REPORT, id="progress-report-link"),
        ", with both of your consent.",
        size="2",
        color_scheme="gray",
    )
