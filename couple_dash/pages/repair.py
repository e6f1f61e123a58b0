"""The repair hub: every trust-repair tool in one place, each a card with a live line about where you two are.

Add a tool by adding a ``RepairTool`` to ``TOOLS`` (route, title, one line on what it is for, a lucide icon, and
optionally a small live status component).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import reflex as rx

from couple_dash import routes
from couple_dash.components.empty import empty_state
from couple_dash.components.layout import app_page, page_heading
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState


@dataclass(frozen=True)
class RepairTool:
    route: str
    title: str
    blurb: str
    icon: str
    status: Callable[[], rx.Component] | None = None


def _menu_status() -> rx.Component:
    return rx.hstack(
        rx.foreach(
            CoupleState.repair_menu,
            lambda menu: rx.text(
                rx.cond(menu.owner_id == AuthState.user_id, "You", menu.owner_name),
                ": ",
                menu.acts.length().to_string(),
                rx.cond(menu.acts.length() == 1, " item", " items"),
                size="1",
                color_scheme="gray",
            ),
        ),
        spacing="3",
    )


def _acknowledgement_status() -> rx.Component:
    return rx.cond(
        CoupleState.acknowledgements.length() > 0,
        rx.text(CoupleState.acknowledgements.length().to_string(), " shared", size="1", color_scheme="gray"),
        rx.fragment(),
    )


def _moment_status() -> rx.Component:
    return rx.cond(
        CoupleState.hard_moment.id > 0,
        rx.badge("A talk is open now", color_scheme="iris", variant="soft", id="hub-moment-open"),
        rx.fragment(),
    )


TOOLS: list[RepairTool] = [
    RepairTool(
        routes.REPAIR_MENU,
        "Repair menu",
        "Acts of repair that mean something to each of you, in your own words. Your partner can make one a "
        "commitment in one tap.",
        "list-checks",
        _menu_status,
    ),
    RepairTool(
        routes.ACKNOWLEDGE,
        "Acknowledgements",
        "Own what happened, its impact and what you'll do differently. Private until you send it; your partner "
        "responds in their own time.",
        "hand-heart",
        _acknowledgement_status,
    ),
    RepairTool(
        routes.HARD_MOMENT,
        "After a hard moment",
        "Talk it through together once you're both calm: feelings, each one's reality, triggers, your own part, "
        "a plan for next time.",
        "life-buoy",
        _moment_status,
    ),
    RepairTool(
        routes.private_url("why"),
        "Understanding why",
        "For the one who was hurt: was it once or repeated, within their control, something you can forgive? "
        "Only you ever see it.",
        "lock",
    ),
    RepairTool(
        routes.private_url("explain"),
        "Explaining, not excusing",
        "For the one who caused the hurt: the context and reasons, written with care. Private until you share it.",
        "message-square-text",
    ),
    RepairTool(
        routes.private_url("workbook"),
        "Forgiveness workbook",
        "REACH, one step at a time, with no timetable. Only you see it, unless you choose to share an entry.",
        "book-heart",
    ),
    RepairTool(
        routes.UPDATES,
        "Transparency and bids",
        "Offer updates before being asked, agree what each of you shares (either can withdraw), and turn toward "
        "each other's bids.",
        "megaphone",
    ),
]


def tool_card(tool: RepairTool) -> rx.Component:
    slug = re.sub(r"[^a-z0-9]+", "-", tool.route.rstrip("/").rsplit("/", 1)[-1].split("=")[-1])
    return rx.link(
        rx.box(
            rx.hstack(
                rx.center(rx.icon(tool.icon, size=22, aria_hidden="true"), class_name="cd-tool-icon"),
                rx.heading(tool.title, as_="h2", size="4"),
                align="center",
                spacing="3",
            ),
            rx.text(tool.blurb, size="2", color_scheme="gray"),
            tool.status() if tool.status else rx.fragment(),
            class_name="cd-card-row cd-tool",
        ),
        href=tool.route,
        underline="none",
        color="inherit",
        id=f"tool-{slug}",
        data_testid="repair-tool",
        class_name="cd-tool-link",
    )


@app_page(routes.REPAIR, "Repair")
def repair_page() -> rx.Component:
    return rx.vstack(
        page_heading("Repair", "Tools for the slow work of rebuilding trust, at the pace of the one who was hurt."),
        rx.cond(
            CoupleState.hard_moment.id > 0,
            rx.callout.root(
                rx.callout.icon(rx.icon("life-buoy", size=18)),
                rx.callout.text(
                    "You're talking through a hard moment. ",
                    rx.link("Go to the talk", href=routes.HARD_MOMENT, weight="bold", id="hub-join-moment"),
                ),
                color_scheme="iris",
                width="100%",
                role="status",
            ),
            rx.fragment(),
        ),
        rx.cond(
            CoupleState.is_paired,
            rx.grid(
                *[tool_card(tool) for tool in TOOLS],
                columns=rx.breakpoints(initial="1", md="2", xl="3"),
                spacing="3",
                width="100%",
                id="repair-tools",
            ),
            empty_state(
                "user-plus",
                "Repair happens between two people",
                "Invite your partner first; then these tools work for both of you, live.",
                action=rx.link("Invite your partner", href=routes.PAIR),
            ),
        ),
        rx.text(
            "Nothing here sets a timetable for forgiveness, and no tool asks either of you to get over anything.",
            size="2",
            color_scheme="gray",
            margin_top="1em",
        ),
        width="100%",
        spacing="3",
    )
