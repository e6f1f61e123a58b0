"""Invite codes: short, readable aloud, single use, expiring."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# No 0/O, 1/I/L, 5/S, 2/Z: a code is often read aloud or typed from a phone screen.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 4


def new_invite_code() -> str:
    """A random code like ``HKQ7-MW3T`` (about 38 bits: plenty for a 7-day, single-use, rate-limited code)."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalize_invite_code(raw: str) -> str:
    """Accept what people type: any case, with spaces, with or without the dash."""
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    if len(cleaned) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return cleaned
    return "-".join(cleaned[i : i + CODE_GROUP_LENGTH] for i in range(0, len(cleaned), CODE_GROUP_LENGTH))


class InviteStatus(StrEnum):
    OPEN = "open"
    USED = "used"
    REVOKED = "revoked"
    EXPIRED = "expired"


INVITE_STATUS_MESSAGES = {
    InviteStatus.USED: "This invite has already been used. Ask your partner for a new one.",
    InviteStatus.REVOKED: "This invite was cancelled. Ask your partner for a new one.",
    InviteStatus.EXPIRED: "This invite has expired. Ask your partner for a new one.",
}


@dataclass(frozen=True)
class InviteFacts:
    """What an invite's status depends on, free of any storage."""

    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = None


def invite_status(invite: InviteFacts, *, now: datetime) -> InviteStatus:
    """Used and revoked win over expired: they say more about what happened."""
    if invite.used_at is not None:
        return InviteStatus.USED
    if invite.revoked_at is not None:
        return InviteStatus.REVOKED
    if now >= invite.expires_at:
        return InviteStatus.EXPIRED
    return InviteStatus.OPEN
