"""Who may join a couple. A couple is exactly two people; nobody is in two couples."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

COUPLE_SIZE = 2


@dataclass(frozen=True)
class JoinRefusal:
    message: str


ALREADY_PAIRED = JoinRefusal(
    "You're already paired with a partner. Leave that couple in Settings before joining another."
)
OWN_INVITE = JoinRefusal("This is your own invite. Send the link to your partner instead.")
COUPLE_FULL = JoinRefusal("This couple already has two partners, so the invite can't be used.")
ALREADY_MEMBER = JoinRefusal("You're already part of this couple.")


def join_refusal(
    *,
    member_ids: Collection[int],
    joiner_id: int,
    joiner_couple_id: int | None,
    couple_id: int,
    invited_by: int,
) -> JoinRefusal | None:
    """Why ``joiner_id`` may not join ``couple_id`` now, or ``None`` when they may."""
    if joiner_id == invited_by:
        return OWN_INVITE
    if joiner_id in member_ids or joiner_couple_id == couple_id:
        return ALREADY_MEMBER
    if joiner_couple_id is not None:
        return ALREADY_PAIRED
    if len(member_ids) >= COUPLE_SIZE:
        return COUPLE_FULL
    return None
