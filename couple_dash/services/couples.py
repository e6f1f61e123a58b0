"""Pairing two partners into one couple: invites, joining, leaving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.config import Settings, load_settings
from couple_dash.domain import pairing
from couple_dash.domain.invites import (
    INVITE_STATUS_MESSAGES,
    InviteFacts,
    InviteStatus,
    invite_status,
    new_invite_code,
    normalize_invite_code,
)
from couple_dash.models import Couple, Invite, User, utcnow
from couple_dash.services import ServiceError
from couple_dash.services.calendar import revoke_feeds
from couple_dash.services.private_space import unshare_all_in_couple
from couple_dash.services.report import revoke_for_couple

UNKNOWN_CODE = "We couldn't find that invite code. Check it with your partner, or ask for a new link."


@dataclass(frozen=True)
class Member:
    user_id: int
    display_name: str
    time_zone: str


@dataclass(frozen=True)
class InviteView:
    code: str
    expires_at: datetime
    inviter_name: str
    status: InviteStatus

    @property
    def problem(self) -> str | None:
        return INVITE_STATUS_MESSAGES.get(self.status)


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("Your account no longer exists.")
    return user


def _facts(invite: Invite) -> InviteFacts:
    return InviteFacts(expires_at=invite.expires_at, used_at=invite.used_at, revoked_at=invite.revoked_at)


def members(*, session: Session, couple_id: int) -> list[Member]:
    rows = session.exec(
        select(col(User.id), col(User.display_name), col(User.time_zone))
        .where(col(User.couple_id) == couple_id)
        .order_by(col(User.id))
    ).all()
    return [Member(user_id, name, zone) for user_id, name, zone in rows if user_id is not None]


def _claim_seat(session: Session, couple_id: int) -> bool:
    """Atomically take one of the couple's two seats; False if both are taken (safe under concurrency)."""
    result = session.exec(
        update(Couple)
        .where(col(Couple.id) == couple_id, col(Couple.member_count) < pairing.COUPLE_SIZE)
        .values(member_count=Couple.member_count + 1)
    )
    return bool(result.rowcount)


def create_couple(*, session: Session, user_id: int, now: datetime | None = None) -> Couple:
    user = _user(session, user_id)
    if user.couple_id is not None:
        raise ServiceError(pairing.ALREADY_PAIRED.message)
    couple = Couple(created_by=user_id, created_at=now or utcnow(), member_count=1)
    session.add(couple)
    session.flush()
    user.couple_id = couple.id
    session.add(user)
    session.flush()
    return couple


def open_invite(*, session: Session, user_id: int, now: datetime | None = None) -> Invite | None:
    """The caller's couple's invite that can still be used, if any."""
    now = now or utcnow()
    user = _user(session, user_id)
    if user.couple_id is None:
        return None
    invites = session.exec(
        select(Invite)
        .where(Invite.couple_id == user.couple_id, col(Invite.used_at).is_(None), col(Invite.revoked_at).is_(None))
        .order_by(col(Invite.created_at).desc())
    ).all()
    return next((i for i in invites if invite_status(_facts(i), now=now) is InviteStatus.OPEN), None)


def create_invite(
    *, session: Session, user_id: int, now: datetime | None = None, settings: Settings | None = None
) -> Invite:
    """A fresh single-use invite for the caller's couple (creating the couple if needed).

    Any earlier open invite is revoked, so at most one link is ever live.
    """
    now = now or utcnow()
    settings = settings or load_settings()
    user = _user(session, user_id)
    if user.couple_id is None:
        create_couple(session=session, user_id=user_id, now=now)
    couple = session.get(Couple, user.couple_id)
    assert couple is not None
    assert couple.id is not None
    if couple.member_count >= pairing.COUPLE_SIZE:
        raise ServiceError("You're already paired with your partner, so there's no one left to invite.")
    _revoke_open_invites(session, couple.id, now)
    for _ in range(5):  # a code collision is astronomically rare, but costs nothing to handle
        code = new_invite_code()
        if session.exec(select(Invite.id).where(Invite.code == code)).first() is None:
            break
    invite = Invite(
        code=code, couple_id=couple.id, created_by=user_id, created_at=now, expires_at=now + settings.invite_ttl
    )
    session.add(invite)
    session.flush()
    return invite


def _revoke_open_invites(session: Session, couple_id: int, now: datetime) -> None:
    session.exec(
        update(Invite)
        .where(col(Invite.couple_id) == couple_id, col(Invite.used_at).is_(None), col(Invite.revoked_at).is_(None))
        .values(revoked_at=now)
    )


def revoke_invite(*, session: Session, user_id: int, now: datetime | None = None) -> None:
    user = _user(session, user_id)
    if user.couple_id is not None:
        _revoke_open_invites(session, user.couple_id, now or utcnow())


def preview_invite(*, session: Session, code: str, now: datetime | None = None) -> InviteView:
    """What the join page shows before anyone signs in: who invited you, and whether the link still works."""
    invite = session.exec(select(Invite).where(Invite.code == normalize_invite_code(code))).first()
    if invite is None:
        raise ServiceError(UNKNOWN_CODE)
    inviter = session.get(User, invite.created_by)
    return InviteView(
        code=invite.code,
        expires_at=invite.expires_at,
        inviter_name=inviter.display_name if inviter else "Your partner",
        status=invite_status(_facts(invite), now=now or utcnow()),
    )


def join_with_code(*, session: Session, user_id: int, code: str, now: datetime | None = None) -> Couple:
    """Use an invite: the caller becomes the second member of the inviter's couple."""
    now = now or utcnow()
    user = _user(session, user_id)
    invite = session.exec(select(Invite).where(Invite.code == normalize_invite_code(code))).first()
    if invite is None:
        raise ServiceError(UNKNOWN_CODE)
    status = invite_status(_facts(invite), now=now)
    if status is not InviteStatus.OPEN:
        raise ServiceError(INVITE_STATUS_MESSAGES[status])
    member_ids = [m.user_id for m in members(session=session, couple_id=invite.couple_id)]
    refusal = pairing.join_refusal(
        member_ids=member_ids,
        joiner_id=user_id,
        joiner_couple_id=user.couple_id,
        couple_id=invite.couple_id,
        invited_by=invite.created_by,
    )
    if refusal is not None:
        raise ServiceError(refusal.message)
    # Both steps are conditional UPDATEs: two people racing for one invite or one seat can't both win.
    used = session.exec(
        update(Invite)
        .where(col(Invite.id) == invite.id, col(Invite.used_at).is_(None), col(Invite.revoked_at).is_(None))
        .values(used_at=now, used_by=user_id)
    )
    if not used.rowcount:
        raise ServiceError(INVITE_STATUS_MESSAGES[InviteStatus.USED])
    if not _claim_seat(session, invite.couple_id):
        raise ServiceError(pairing.COUPLE_FULL.message)
    user.couple_id = invite.couple_id
    session.add(user)
    session.flush()
    couple = session.get(Couple, invite.couple_id)
    assert couple is not None
    session.refresh(couple)
    return couple


def leave_couple(*, session: Session, user_id: int, now: datetime | None = None) -> int:
    """The caller leaves their couple; the partner keeps the couple and all of their own data.

    Returns the id of the couple that was left.
    """
    user = _user(session, user_id)
    couple_id = user.couple_id
    if couple_id is None:
        raise ServiceError("You're not in a couple right now.")
    user.couple_id = None
    session.add(user)
    session.exec(
        update(Couple)
        .where(col(Couple.id) == couple_id, col(Couple.member_count) > 0)
        .values(member_count=Couple.member_count - 1)
    )
    _revoke_open_invites(session, couple_id, now or utcnow())
    # A calendar link shows the couple's plans: it must not carry over to whichever couple they join next.
    revoke_feeds(session=session, user_id=user_id, now=now)
    # Explanations and workbook entries shared in this couple were meant for this partner only.
    unshare_all_in_couple(session=session, couple_id=couple_id)
    # A therapist report needs both partners' consent: leaving withdraws it, and every link to it stops working.
    revoke_for_couple(session=session, couple_id=couple_id, user_id=user_id, now=now)
    session.flush()
    return couple_id
