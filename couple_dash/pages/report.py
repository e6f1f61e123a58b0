"""A read-only progress report for a couple therapist: both partners consent, either can withdraw alone."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.document import document_view
from couple_dash.components.forms import error_callout
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.services.report import LINK_DAYS, NEED_PARTNER
from couple_dash.state.couple import CoupleState
from couple_dash.state.report import ReportState

STATUS = ReportState.status

WHAT_IS_IN = (
    "What it holds: your commitments and how they were kept (streaks, consistency, week by week), the summaries of "
    "your check-ins (what you talked through and agreed, how many appreciations, time-outs), and the pulse line "
    "of each of you who chooses to include it."
)
WHAT_IS_NOT = (
    "What it never holds: private notes, reflections, journal or workbook entries, agenda items kept private, "
    "the words of your appreciations, or a pulse line you leave out."
)


def _pulse_choice() -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            id="report-include-pulse",
            checked=ReportState.include_pulse,
            on_change=ReportState.set_include_pulse,
        ),
        rx.text.span(
            "Include my pulse line (CSI-4). Your partner can read the report too, so they would see it there."
        ),
        class_name="cd-check",
    )


def _ask() -> rx.Component:
    return rx.vstack(
        rx.text(
            "Thinking of seeing a couple therapist, or already seeing one? A short report of your progress can "
            "help them. It opens only once you have both agreed, and either of you can withdraw at any time.",
            size="2",
        ),
        _pulse_choice(),
        rx.button(
            "Ask ",
            STATUS.partner_name,
            " to agree",
            on_click=ReportState.ask,
            size="3",
            id="report-request",
        ),
        spacing="3",
        width="100%",
    )


def _waiting_for_partner() -> rx.Component:
    return rx.vstack(
        rx.text(
            "You've agreed. Waiting for ",
            STATUS.partner_name,
            " to agree too; nothing can be read until then.",
            size="2",
            id="report-waiting",
        ),
        _withdraw("Withdraw my consent"),
        spacing="3",
        width="100%",
    )


def _partner_asked() -> rx.Component:
    return rx.vstack(
        rx.text(
            STATUS.requested_by_name,
            " would like a progress report for a couple therapist. Agree only if you want to: there's no "
            "deadline, and saying no is fine.",
            size="2",
            id="report-asked",
        ),
        _pulse_choice(),
        rx.hstack(
            rx.button("I agree", on_click=ReportState.agree, size="3", id="report-consent"),
            rx.button(
                "Not now",
                on_click=ReportState.withdraw,
                size="3",
                variant="soft",
                color_scheme="gray",
                id="report-decline",
            ),
            spacing="3",
            wrap="wrap",
        ),
        spacing="3",
        width="100%",
    )


def _withdraw(label: str) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button(label, color_scheme="red", variant="outline", size="3", id="report-withdraw"),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Withdraw consent?"),
            rx.alert_dialog.description(
                "The report closes for both of you and every link to it stops working at once. You can ask for a "
                "new one later. You don't need anyone's permission to do this."
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray", size="3")),
                rx.alert_dialog.action(
                    rx.button(
                        "Withdraw",
                        color_scheme="red",
                        size="3",
                        on_click=ReportState.withdraw,
                        id="report-withdraw-confirm",
                    )
                ),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
        ),
    )


def _link(link: Any) -> rx.Component:
    return rx.hstack(
        rx.text(
            "Link made by ",
            link.created_by_name,
            ", works ",
            link.expires_label,
            rx.cond(link.expired, " (expired)", ""),
            size="2",
        ),
        rx.spacer(),
        rx.button(
            "Turn off",
            on_click=ReportState.revoke_link(link.id),
            size="2",
            variant="soft",
            color_scheme="red",
            class_name="cd-tap",
            aria_label="Turn off this link",
        ),
        align="center",
        width="100%",
        wrap="wrap",
        data_testid="report-link",
    )


def _live() -> rx.Component:
    return rx.vstack(
        rx.text("You have both agreed. The report below is read-only.", size="2", id="report-live"),
        rx.hstack(
            rx.button(
                rx.icon("printer", size=16, aria_hidden="true"),
                "Print",
                on_click=rx.call_script("window.print()"),
                size="3",
                variant="soft",
                id="report-print",
            ),
            rx.button(
                rx.icon("file-down", size=16, aria_hidden="true"),
                "Download PDF",
                on_click=ReportState.download_pdf,
                size="3",
                variant="soft",
                id="report-pdf",
            ),
            spacing="3",
            wrap="wrap",
        ),
        rx.heading("Share with your therapist", as_="h3", size="3", margin_top="0.5em"),
        rx.text(
            "A private link to this report, for your therapist to open without an account. Anyone with the link "
            "can read it until it expires, one of you turns it off, or either of you withdraws consent.",
            size="2",
            color_scheme="gray",
        ),
        rx.hstack(
            rx.vstack(
                rx.el.label("Link works for", html_for="report-link-days", class_name="cd-label"),
                rx.el.select(
                    *[rx.el.option(f"{d} day{'s' if d > 1 else ''}", value=str(d)) for d in LINK_DAYS],
                    value=ReportState.link_days,
                    on_change=ReportState.set_link_days,
                    id="report-link-days",
                    class_name="cd-select",
                ),
                spacing="1",
            ),
            rx.button("Make a link", on_click=ReportState.create_link, size="3", id="report-link-create"),
            align="end",
            spacing="3",
            wrap="wrap",
        ),
        rx.cond(
            ReportState.link_url != "",
            rx.vstack(
                rx.el.label("The link (shown only now: copy it)", html_for="report-link-url", class_name="cd-label"),
                rx.input(value=ReportState.link_url, read_only=True, id="report-link-url", size="3", width="100%"),
                spacing="1",
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.foreach(STATUS.links, _link),
        _withdraw("Withdraw my consent"),
        spacing="3",
        width="100%",
    )


def _consent_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Consent", as_="h2", size="5"),
            rx.cond(
                STATUS.live,
                _live(),
                rx.cond(
                    STATUS.report_id == 0,
                    _ask(),
                    rx.cond(STATUS.i_consented, _waiting_for_partner(), _partner_asked()),
                ),
            ),
            error_callout(ReportState.error, id_="report-error"),
            spacing="3",
            width="100%",
        ),
        size="3",
        class_name="cd-no-print",
        id="report-consent-card",
    )


@app_page(routes.REPORT, "Report for a therapist")
def report_page() -> rx.Component:
    return rx.vstack(
        rx.box(
            page_heading("Report for a therapist", "Read-only, made only with both of your consent."),
            rx.text(WHAT_IS_IN, size="2"),
            rx.text(WHAT_IS_NOT, size="2", margin_top="0.5em"),
            class_name="cd-no-print",
        ),
        remount_on_change(CoupleState.report_signature + "|" + CoupleState.commitments_signature, ReportState.load),
        rx.cond(
            CoupleState.is_paired,
            _consent_card(),
            rx.callout(
                NEED_PARTNER,
                icon="info",
                id="report-unpaired",
            ),
        ),
        rx.cond(STATUS.live, document_view(ReportState.document, "report-document"), rx.fragment()),
        spacing="4",
        width="100%",
        max_width="960px",
    )
