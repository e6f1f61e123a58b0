"""Login throttling: a sliding window of recent failures, per account and per network address."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta


def lockout_remaining(
    failure_times: Iterable[datetime], *, now: datetime, limit: int, window: timedelta
) -> timedelta | None:
    """How long until another attempt is allowed, or ``None`` if one is allowed now.

    ``limit`` failures inside ``window`` lock further attempts until the oldest of them leaves the window.
    """
    recent = sorted(t for t in failure_times if now - window < t <= now)
    if len(recent) < limit:
        return None
    oldest_counted = recent[-limit]
    return oldest_counted + window - now


def lockout_message(remaining: timedelta) -> str:
    minutes = max(1, math.ceil(remaining.total_seconds() / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many attempts. For your safety, wait {minutes} {unit} and try again."
