"""The repair menu page: both partners' menus, live."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.components.live import remount_on_change
from couple_dash.components.repair_menu import repair_menus
from couple_dash.state.couple import CoupleState
from couple_dash.state.repair_menu import RepairMenuState


def back_to_repair() -> rx.Component:
    return rx.link(
        rx.icon("arrow-left", size=16, aria_hidden="true"),
        "Repair",
        href=routes.REPAIR,
        size="2",
        class_name="cd-back-link",
        id="back-to-repair",
    )


@app_page(routes.REPAIR_MENU, "Repair menu")
def repair_menu_page() -> rx.Component:
    return rx.vstack(
        back_to_repair(),
        page_heading(
            "Repair menu",
            "Repair lands when it's what the receiver needs. Each of you lists what helps; the other can act on it.",
        ),
        # Wins and wording follow the commitments made from the menus, whoever ticked or changed them.
        remount_on_change(CoupleState.commitments_signature, RepairMenuState.refresh_menu),
        rx.cond(
            CoupleState.is_paired,
            repair_menus(),
            empty_state(
                "user-plus",
                "A repair menu is for your partner to read",
                "Invite your partner first; then each of you keeps a menu the other can act on.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        width="100%",
    )
