"""Settings read from the environment, with the embedded defaults a bare machine needs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from couple_dash.domain.push import parse_origins

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_URL = "sqlite:///data/couple_dash.db"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    """What an operator can change without touching code."""

    db_url: str
    session_ttl: timedelta
    login_failure_limit: int
    login_failure_window: timedelta
    invite_ttl: timedelta
    public_url: str

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


def database_url() -> str:
    """The database URL, as Reflex sees it: ``REFLEX_DB_URL`` wins over the embedded SQLite file."""
    url = os.environ.get("REFLEX_DB_URL", "").strip() or DEFAULT_DB_URL
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        # Relative SQLite paths are relative to the project, not to whatever directory we run from.
        relative = url.removeprefix("sqlite:///")
        absolute = PROJECT_ROOT / relative
        absolute.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{absolute}"
    return url


def load_settings() -> Settings:
    return Settings(
        db_url=database_url(),
        session_ttl=timedelta(days=_int_env("COUPLE_DASH_SESSION_DAYS", 30)),
        login_failure_limit=_int_env("COUPLE_DASH_LOGIN_FAILURE_LIMIT", 5),
        login_failure_window=timedelta(minutes=_int_env("COUPLE_DASH_LOGIN_WINDOW_MINUTES", 15)),
        invite_ttl=timedelta(days=_int_env("COUPLE_DASH_INVITE_DAYS", 7)),
        public_url=os.environ.get("COUPLE_DASH_PUBLIC_URL", "").rstrip("/"),
    )


@dataclass(frozen=True)
class PushSettings:
    """Web Push (VAPID). Without both keys the app still works; reminders then arrive in the bell only."""

    public_key: str  # base64url, uncompressed P-256 point: the browser's applicationServerKey
    private_key: str  # base64url raw 32-byte key (or DER), never sent to a browser
    subject: str  # "mailto:admin@example.org": who push services contact about this server
    extra_origins: frozenset[str]

    @property
    def enabled(self) -> bool:
        return bool(self.public_key and self.private_key)


def push_settings() -> PushSettings:
    return PushSettings(
        public_key=os.environ.get("COUPLE_DASH_VAPID_PUBLIC_KEY", "").strip(),
        private_key=os.environ.get("COUPLE_DASH_VAPID_PRIVATE_KEY", "").strip(),
        subject=os.environ.get("COUPLE_DASH_VAPID_SUBJECT", "").strip() or "mailto:admin@localhost",
        extra_origins=parse_origins(os.environ.get("COUPLE_DASH_PUSH_EXTRA_ORIGINS", "")),
    )
