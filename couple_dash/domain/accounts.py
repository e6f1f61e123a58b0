"""Rules for account fields: email, display name, time zone."""

from __future__ import annotations

import re
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from couple_dash.domain.lines import clean_line, line_problem

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_EMAIL_LENGTH = 254
MAX_NAME_LENGTH = 40
DEFAULT_TIME_ZONE = "UTC"


def normalize_email(email: str) -> str:
    """Emails compare case-insensitively and without surrounding spaces."""
    return email.strip().lower()


def email_problem(email: str) -> str | None:
    normalized = normalize_email(email)
    if not normalized:
        return "Enter your email address."
    if len(normalized) > MAX_EMAIL_LENGTH or not EMAIL_PATTERN.match(normalized):
        return "Enter a valid email address, like sam@example.com."
    return None


clean_display_name = clean_line  # a name is one line, single spaces


def display_name_problem(name: str) -> str | None:
    return line_problem(
        name,
        MAX_NAME_LENGTH,
        "Enter the name your partner knows you by.",
        f"Keep your name to {MAX_NAME_LENGTH} characters.",
    )


# Legacy aliases ("US/Eastern", "Zulu", "localtime") clutter the list; real zones are Area/Location.
_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")


@lru_cache(maxsize=1)
def known_time_zones() -> tuple[str, ...]:
    """The zones offered in pickers: canonical Area/Location names, plus UTC."""
    return ("UTC", *sorted(z for z in available_timezones() if z.startswith(_AREAS)))


def time_zone_problem(name: str) -> str | None:
    """Any zone the system knows is accepted (a browser may report an alias); the picker offers canonical ones."""
    if not name:
        return "Choose your time zone from the list."
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "Choose your time zone from the list."
    return None
