"""Settings: your data (download it) and your account (delete it), plus the way to safety resources."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.forms import error_callout, field
from couple_dash.services.data_rights import CONFIRMATION
from couple_dash.state.data_rights import DataRightsState


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button("Delete my account", color_scheme="red", variant="outline", size="3", id="delete-open"),
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete your account?"),
            rx.alert_dialog.description(
                "This can't be undone. Your own commitments with their ticks, your agenda items (private ones too), "
                "your pulse answers, reminders, devices and links are deleted, and you leave the couple. Your "
                "partner keeps their own data and your shared history (past check-ins, rituals), where you'll "
                "appear as “A former partner”. You may want to download your data first."
            ),
            rx.form(
                rx.vstack(
                    field(
                        "Your password", "password", type_="password", autocomplete="current-password", required=True
                    ),
                    field(
                        f"Type “{CONFIRMATION}” to confirm",
                        "confirmation",
                        autocomplete="off",
                        required=True,
                    ),
                    error_callout(DataRightsState.delete_error, id_="delete-error"),
                    rx.hstack(
                        rx.alert_dialog.cancel(
                            rx.button("Keep my account", type="button", variant="soft", color_scheme="gray", size="3")
                        ),
                        rx.button("Delete for good", type="submit", color_scheme="red", size="3", id="delete-confirm"),
                        spacing="3",
                        justify="end",
                        wrap="wrap",
                    ),
                    spacing="3",
                    margin_top="1em",
                    width="100%",
                ),
                on_submit=DataRightsState.delete_account,
                reset_on_submit=False,
                aria_label="Delete my account",
            ),
        ),
    )


def data_rights_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Your data", as_="h2", size="5"),
            rx.text(
                "Everything you wrote here, or that is about you, is yours: download a copy at any time. Your "
                "partner's private items and pulse are theirs and aren't in it.",
                size="2",
            ),
            rx.hstack(
                rx.button(
                    rx.icon("download", size=16, aria_hidden="true"),
                    "Download my data (JSON)",
                    on_click=DataRightsState.download_json,
                    variant="soft",
                    size="3",
                    id="export-json",
                ),
                rx.button(
                    rx.icon("file-text", size=16, aria_hidden="true"),
                    "Readable copy (HTML)",
                    on_click=DataRightsState.download_html,
                    variant="soft",
                    size="3",
                    id="export-html",
                ),
                spacing="3",
                wrap="wrap",
            ),
            _delete_dialog(),
            rx.text(
                "Need help or feeling unsafe? ",
                rx.link("Safety and support", href=routes.SAFETY, id="settings-safety-link"),
                " has resources on abuse and coercive control, and explains the quick exit.",
                size="2",
                color_scheme="gray",
            ),
            spacing="3",
        ),
        size="3",
        id="data-rights",
    )
