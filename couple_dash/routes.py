"""Route constants and URL builders, nothing else."""

from __future__ import annotations

from urllib.parse import quote, urlencode

DASHBOARD = "/"
COMMITMENTS = "/commitments"
COMMITMENT = "/commitment"
CHECK_IN = "/check-in"
MEETING = "/check-in/meeting"
RITUALS = "/rituals"
PROGRESS = "/progress"
SETTINGS = "/settings"
PAIR = "/pair"
LOGIN = "/login"
SIGNUP = "/signup"
JOIN = "/join"
UPDATES = "/updates"  # transparency updates, presets, agreements and bids (issue 8)
MORE = "/more"  # on phones: every page the bottom bar has no room for


def page_label(path: str) -> str:
    """What to call the page a partner is on ("Sam is here · Check-in")."""
    route = path.rstrip("/") or DASHBOARD
    if route in UNDISCLOSED_PAGES:
        return "Couple Dash"
    return PAGE_LABELS.get(route, "Couple Dash")


def safe_next(target: str | None) -> str:
    """Only ever redirect within this site after signing in (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return DASHBOARD
    return target


def login_url(next_path: str = "", invite: str = "") -> str:
    params = {k: v for k, v in (("next", next_path), ("invite", invite)) if v}
    return f"{LOGIN}?{urlencode(params)}" if params else LOGIN


def signup_url(invite: str = "") -> str:
    return f"{SIGNUP}?{urlencode({'invite': invite})}" if invite else SIGNUP


def join_url(code: str, base: str = "") -> str:
    return f"{base}{JOIN}?code={quote(code)}"


# The private calendar feed: GET {CALENDAR_FEED}/{token}.ics (an HTTP route beside the app, not a page).
CALENDAR_FEED = "/calendar"


def calendar_feed_url(token: str, base: str = "") -> str:
    return f"{base}{CALENDAR_FEED}/{quote(token, safe='')}.ics"


# The private space (notes, understanding the why, explanations, the forgiveness workbook). Its tabs can be
# linked to directly: /private?tab=workbook. The partner's presence line never names it ("Alex is here" only).
PRIVATE = "/private"
PRIVATE_TABS = ("notes", "why", "explain", "workbook", "shared")
UNDISCLOSED_PAGES = frozenset({PRIVATE})


def private_url(tab: str = "") -> str:
    return f"{PRIVATE}?{urlencode({'tab': tab})}" if tab in PRIVATE_TABS else PRIVATE


# Repair (issue 8): the hub, and the tools it links to.
REPAIR = "/repair"
REPAIR_MENU = "/repair/menu"
ACKNOWLEDGE = "/repair/acknowledge"
HARD_MOMENT = "/repair/hard-moment"


# --- Issue 8: therapist report, safety --------------------------------------------------------------------------
REPORT = "/report"  # the consented progress report (signed in; printable)
SAFETY = "/safety"  # safety resources and the quick exit (signed in or not)
# A share link for the therapist: GET {REPORT_SHARED}/{token} (a page) and {REPORT_SHARED}/{token}.pdf.
REPORT_SHARED = "/report/shared"
# Where the quick exit goes: a neutral, everyday page (location.replace, so Back doesn't come back here).
QUICK_EXIT_URL = "https://www.bbc.com/weather"


def report_shared_path(token: str) -> str:
    return f"{REPORT_SHARED}/{quote(token, safe='')}"


def report_shared_url(token: str, base: str = "") -> str:
    return f"{base}{report_shared_path(token)}"


def report_shared_pdf_path(token: str) -> str:
    return f"{report_shared_path(token)}.pdf"


# (route, label, short label for the phone's bottom bar, lucide icon) in navigation order.
NAVIGATION: tuple[tuple[str, str, str, str], ...] = (
    (DASHBOARD, "Dashboard", "Home", "layout-dashboard"),
    (COMMITMENTS, "Commitments", "Promises", "handshake"),
    (UPDATES, "Updates", "Updates", "megaphone"),
    (CHECK_IN, "Check-in", "Check-in", "messages-square"),
    (REPAIR, "Repair", "Repair", "heart-handshake"),
    (RITUALS, "Rituals", "Rituals", "calendar-heart"),
    (PROGRESS, "Progress", "Progress", "trending-up"),
    (PRIVATE, "My private space", "Private", "lock"),
    (SETTINGS, "Settings", "Settings", "settings"),
)
# A phone's bottom bar holds five of them and "More", which lists the rest.
PHONE_NAVIGATION = (DASHBOARD, COMMITMENTS, UPDATES, CHECK_IN, RITUALS)
MORE_ITEM = (MORE, "More", "More", "ellipsis")

PAGE_LABELS: dict[str, str] = {route: label for route, label, _, _ in NAVIGATION} | {
    PAIR: "Pair up",
    MEETING: "Check-in meeting",
    MORE: "More",
    REPAIR_MENU: "Repair menu",
    ACKNOWLEDGE: "Acknowledgements",
    HARD_MOMENT: "After a hard moment",
    REPORT: "Report",  # never the safety page: it is public and notes no presence
}


def nav_section(route: str) -> str:
    """The navigation entry a page belongs to: a commitment's page is under Commitments, the tools under Repair."""
    if route == COMMITMENT:
        return COMMITMENTS
    if route.startswith(REPAIR + "/"):
        return REPAIR
    return route
