"""Web Push rules with no framework in them: which push services we post to, and what a push says."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# The browsers' own push services. A subscription names the URL the server will POST to, so the server only
# ever posts to these (plus origins an operator adds for a self-hosted push service or a test double):
# a forged subscription can't make the server call arbitrary addresses.
PUSH_SERVICE_SUFFIXES = (
    "fcm.googleapis.com",  # Chrome, Edge (new), Opera, Samsung Internet
    "push.services.mozilla.com",  # Firefox
    "notify.windows.com",  # Edge (legacy Windows push)
    "push.apple.com",  # Safari, iOS home-screen apps
)
MAX_ENDPOINT = 1000
DISCREET_TITLE = "Couple Dash"
DISCREET_BODY = "You have a new reminder."


@dataclass(frozen=True)
class PushMessage:
    """What the service worker shows: title, text, where a tap goes, and a tag so repeats replace each other."""

    title: str
    body: str
    url: str
    tag: str

    def as_json(self) -> dict[str, str]:
        return {"title": self.title, "body": self.body, "url": self.url, "tag": self.tag}


def endpoint_allowed(endpoint: str, extra_origins: frozenset[str] = frozenset()) -> bool:
    """True for an https URL on a known push service, or on an origin the operator explicitly allowed."""
    if not endpoint or len(endpoint) > MAX_ENDPOINT:
        return False
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if not host or parts.username or parts.password:
        return False
    origin = f"{parts.scheme}://{host}" + (f":{port}" if port else "")
    if origin in extra_origins:
        return True
    if parts.scheme != "https" or port not in (None, 443):
        return False
    return any(host == suffix or host.endswith("." + suffix) for suffix in PUSH_SERVICE_SUFFIXES)


def message(*, title: str, body: str, link: str, tag: str, discreet: bool) -> PushMessage:
    """The push for one reminder. Discreet devices show no words of it on the lock screen, only that one came."""
    url = link if link.startswith("/") and not link.startswith("//") else "/"
    if discreet:
        return PushMessage(DISCREET_TITLE, DISCREET_BODY, url, tag)
    return PushMessage(title[:120], body[:300], url, tag)


def parse_origins(raw: str) -> frozenset[str]:
    """``COUPLE_DASH_PUSH_EXTRA_ORIGINS``: comma-separated origins such as ``https://push.example.org``."""
    return frozenset(o.strip().rstrip("/").lower() for o in raw.split(",") if o.strip())
