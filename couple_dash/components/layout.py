"""The app shell: header, navigation (side rail on wide screens, bottom bar on phones), and page decorators."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx
from reflex.components.core.banner import has_connection_errors
from reflex.event import EventType

from couple_dash import routes
from couple_dash.components.notifications import bell
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState, PresenceView
from couple_dash.state.shell import ShellState

APP_NAME = "Couple Dash"


@dataclass(frozen=True)
class PageSpec:
    route: str
    title: str
    build: Callable[[], rx.Component]
    on_load: list[EventType[Any]]
    public: bool = False  # for signed-out visitors (sign-in, sign-up, invite landing)


# Filled by the decorators below as page modules are imported; couple_dash.py adds each to the app once.
PAGES: list[PageSpec] = []


def brand() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.image(src="/icon.svg", width="28px", height="28px", alt=""),
            rx.text(APP_NAME, weight="bold", size="4", class_name="cd-brand-text"),
            align="center",
            spacing="2",
        ),
        href=routes.DASHBOARD,
        underline="none",
        color="inherit",
        aria_label=f"{APP_NAME} home",
        class_name="cd-brand",
    )


def couple_badge() -> rx.Component:
    """'You and Sam' once paired; an invitation to pair before."""
    partner = rx.foreach(
        CoupleState.members,
        lambda m: rx.cond(m.user_id != AuthState.user_id, rx.text.span(m.name, id="partner-name"), rx.fragment()),
    )
    return rx.cond(
        CoupleState.is_paired,
        rx.badge(
            rx.icon("heart", size=14, aria_hidden="true"),
            rx.text.span("You and ", class_name="cd-badge-you"),
            partner,
            size="2",
            radius="full",
            variant="soft",
            id="couple-badge",
        ),
        rx.link(
            rx.badge("Invite your partner", size="2", radius="full", variant="outline", id="couple-badge"),
            href=routes.PAIR,
            underline="none",
        ),
    )


def partner_presence() -> rx.Component:
    """'Sam is here · Check-in' while the partner has the app open; nothing otherwise."""

    def entry(present: PresenceView) -> rx.Component:
        return rx.cond(
            present.user_id != AuthState.user_id,
            rx.hstack(
                rx.box(class_name="cd-presence-dot", aria_hidden="true"),
                rx.text.span(
                    rx.foreach(
                        CoupleState.members,
                        lambda m: rx.cond(m.user_id == present.user_id, rx.text.span(m.name), rx.fragment()),
                    ),
                    " is here",
                    rx.text.span(" · ", present.page, class_name="cd-presence-page"),
                ),
                align="center",
                spacing="1",
                class_name="cd-presence",
                id="partner-presence",
                role="status",
            ),
            rx.fragment(),
        )

    return rx.foreach(CoupleState.presence, entry)


def connection_status() -> rx.Component:
    """Unobtrusive: a small pill while the connection is down. Changes made meanwhile wait and are sent after."""
    return rx.cond(
        has_connection_errors,
        rx.badge(
            rx.icon("wifi-off", size=14, aria_hidden="true"),
            "Reconnecting…",
            color_scheme="amber",
            variant="soft",
            radius="full",
            id="connection-status",
            role="status",
            title="You're offline for a moment. Anything you do now is kept and sent when the connection is back.",
        ),
        rx.fragment(),
    )


def _header(*between: rx.Component) -> rx.Component:
    """The brand, then ``between`` on the right, then the tools every page has: light/dark and the quick exit."""
    return rx.el.header(
        rx.hstack(
            brand(),
            rx.spacer(),
            *between,
            rx.color_mode.button(size="2", variant="ghost", aria_label="Switch light or dark mode"),
            quick_exit(),
            align="center",
            spacing="3",
            width="100%",
        ),
        class_name="cd-header",
    )


def header() -> rx.Component:
    return _header(
        connection_status(),
        partner_presence(),
        couple_badge(),
        rx.cond(CoupleState.is_paired, bell(), rx.fragment()),
    )


def _nav_link(route: str, label: str, icon: str, *, active: bool, placement: str) -> rx.Component:
    return rx.link(
        rx.icon(icon, size=20, aria_hidden="true"),
        rx.text.span(label),
        title=label,
        href=route,
        underline="none",
        class_name="cd-nav-link" + (" cd-nav-active" if active else ""),
        aria_current="page" if active else None,
        id=f"nav-{placement}-{label.lower().replace(' ', '-')}",
    )


def navigation(current: str, placement: str, label: str) -> rx.Component:
    current = routes.nav_section(current)
    if placement == "bottom":
        entries = [e for e in routes.NAVIGATION if e[0] in routes.PHONE_NAVIGATION]
        entries.append(routes.MORE_ITEM)
        on_bar = {route for route, *_ in entries}
        # A page reached through "More" keeps "More" lit, so the bar always shows where you are.
        lit = current if current in on_bar else routes.MORE
    else:
        entries, lit = list(routes.NAVIGATION), current
    return rx.el.nav(
        *[
            _nav_link(route, short if placement == "bottom" else text, icon, active=route == lit, placement=placement)
            for route, text, short, icon in entries
        ],
        class_name=f"cd-nav cd-nav-{placement}",
        aria_label=label,
    )


def skip_link() -> rx.Component:
    return rx.el.a("Skip to content", href="#main", class_name="cd-skip-link")


def meeting_banner() -> rx.Component:
    """While a check-in is on, every page offers the way into it (a partner joining late lands where it is)."""
    return rx.cond(
        CoupleState.meeting_open,
        rx.callout.root(
            rx.callout.icon(rx.icon("messages-square", size=18)),
            rx.callout.text(
                "Your check-in is on: ",
                CoupleState.meeting.section_title,
                ". ",
                rx.link("Join it", href=routes.MEETING, weight="bold", id="join-meeting"),
            ),
            color_scheme="iris",
            margin_bottom="1em",
            id="meeting-banner",
            role="status",
        ),
        rx.fragment(),
    )


def _signed_in(content: rx.Component) -> rx.Component:
    return rx.cond(
        AuthState.checked,
        content,
        rx.center(rx.spinner(size="3"), padding_y="4em", aria_label="Loading"),
    )


def focus_shell(content: rx.Component) -> rx.Component:
    """The check-in's distraction-free frame: no navigation, just the meeting and a way back."""
    return rx.box(
        skip_link(),
        _header(
            connection_status(),
            partner_presence(),
            rx.link(
                rx.icon("x", size=16, aria_hidden="true"),
                rx.text.span("Leave the meeting view", class_name="cd-wide-only"),
                aria_label="Leave the meeting view",
                href=routes.CHECK_IN,
                size="2",
                id="leave-meeting-view",
                class_name="cd-tap",
                display="inline-flex",
                align_items="center",
                gap="0.3em",
            ),
        ),
        rx.el.main(_signed_in(content), id="main", class_name="cd-focus-main", tab_index=-1),
        worker_marker(),
        class_name="cd-app",
    )


def shell(content: rx.Component, current: str) -> rx.Component:
    return rx.box(
        skip_link(),
        header(),
        rx.box(
            navigation(current, "side", "Main"),
            rx.el.main(
                meeting_banner(),
                _signed_in(content),
                safety_footer(),
                id="main",
                class_name="cd-main",
                tab_index=-1,
            ),
            class_name="cd-body",
        ),
        navigation(current, "bottom", "Main (phone)"),
        worker_marker(),
        class_name="cd-app",
    )


def worker_marker() -> rx.Component:
    """Which backend worker serves this tab: only in builds made for the multi-worker tests."""
    if os.environ.get("COUPLE_DASH_SHOW_WORKER") != "1":
        return rx.fragment()
    return rx.el.span(id="served-by", data_worker=ShellState.served_by, hidden=True)


def page_heading(title: str, subtitle: str = "") -> rx.Component:
    return rx.vstack(
        rx.heading(title, as_="h1", size="7"),
        rx.text(subtitle, color_scheme="gray", size="3") if subtitle else rx.fragment(),
        spacing="1",
        margin_bottom="1.25em",
    )


def _register(
    build: Callable[[], rx.Component],
    page: Callable[[], rx.Component],
    route: str,
    title: str,
    on_load: list[EventType[Any]],
    *,
    public: bool = False,
) -> Callable[[], rx.Component]:
    """Add ``page`` (``build`` in its frame) to PAGES; returns ``build`` unchanged, as a decorator does."""
    page.__name__ = build.__name__
    # Reflex writes a page's memoized components beside its defining module: one chunk per page, so a
    # library only one page uses (recharts on Progress) is not loaded by every page.
    page.__module__ = build.__module__
    PAGES.append(PageSpec(route, f"{title} · {APP_NAME}", page, on_load, public=public))
    return build


def app_page(
    route: str, title: str, on_load: list[EventType[Any]] | None = None, *, focus: bool = False
) -> Callable[[Callable[[], rx.Component]], Callable[[], rx.Component]]:
    """Register a signed-in page: adds the shell once, checks the session and joins the couple's live view.

    ``on_load`` events of the page run after that check, in order. ``focus`` drops the navigation (the meeting).
    """

    def decorator(build: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        def page() -> rx.Component:
            return focus_shell(build()) if focus else shell(build(), route)

        return _register(build, page, route, title, [ShellState.enter, *(on_load or [])])

    return decorator


def public_page(
    route: str, title: str, on_load: list[EventType[Any]] | None = None
) -> Callable[[Callable[[], rx.Component]], Callable[[], rx.Component]]:
    """Register a page for signed-out visitors (sign-in, sign-up, invite landing)."""

    def decorator(build: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        def page() -> rx.Component:
            return rx.box(
                _header(),
                rx.el.main(
                    rx.box(build(), safety_footer(), class_name="cd-public-column"),
                    id="main",
                    class_name="cd-public-main",
                ),
                class_name="cd-app",
            )

        return _register(build, page, route, title, list(on_load or []), public=True)

    return decorator


# --- Safety: the quick exit and the way to the safety page, on every page (issue 8) ------------------------------


def quick_exit() -> rx.Component:
    """Leaves at once for a neutral page: location.replace, also on Esc pressed three times.

    couple_dash/web/quick_exit.js does it, inline in every page's head. A plain link underneath, so it still leaves
    (less discreetly) if scripts are off.
    """
    return rx.el.a(
        rx.icon("door-open", size=18, aria_hidden="true"),
        rx.el.span("Quick exit", class_name="cd-wide-only"),
        href=routes.QUICK_EXIT_URL,
        rel="noreferrer noopener",
        id="quick-exit",
        class_name="cd-quick-exit",
        title="Quick exit: leave this site now (or press Esc three times)",
        aria_label="Quick exit: leave this site now",
        custom_attrs={"data-quick-exit": "true"},
    )


def safety_footer() -> rx.Component:
    return rx.el.footer(
        rx.text(
            rx.link("Safety and support", href=routes.SAFETY, id="safety-link"),
            " · Quick exit: the door button at the top, or press Esc three times.",
            size="1",
            color_scheme="gray",
        ),
        class_name="cd-footer cd-no-print",
    )
