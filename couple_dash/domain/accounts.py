"""Rules for account fields: email, display name, time zone."""

from __future__ import annotations

import re
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

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


def clean_display_name(name: str) -> str:
    return " ".join(name.split())


def display_name_problem(name: str) -> str | None:
    cleaned = clean_display_name(name)
    if not cleaned:
        return "Enter the name your partner knows you by."
    if len(cleaned) > MAX_NAME_LENGTH:
        return f"Keep your name to {MAX_NAME_LENGTH} characters."
    return None


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
