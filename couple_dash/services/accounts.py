"""Sign-up, sign-in, sessions. Passwords are hashed with Argon2id; only token hashes are stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from couple_dash.config import Settings, load_settings
from couple_dash.domain import accounts as rules
from couple_dash.domain.passwords import password_problems
from couple_dash.domain.ratelimit import lockout_message, lockout_remaining
from couple_dash.models import AuthSession, LoginAttempt, User, utcnow
from couple_dash.services import ServiceError

_hasher = PasswordHasher()
# Verifying against this when the email is unknown keeps both paths equally slow (no account probing by timing).
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

WRONG_CREDENTIALS = "That email and password don't match an account. Check both and try again."


class WrongCredentials(ServiceError):
    """A failed sign-in. The failure it recorded must be committed, or throttling would never count it."""


DUPLICATE_EMAIL = "An account with this email already exists. Log in instead, or use another email."


@dataclass(frozen=True)
class Viewer:
    """Who is making a request, as established on the server from their session."""

    user_id: int
    display_name: str
    email: str
    time_zone: str
    couple_id: int | None


@dataclass(frozen=True)
class SignedIn:
    viewer: Viewer
    token: str


def viewer_of(user: User) -> Viewer:
    assert user.id is not None
    return Viewer(user.id, user.display_name, user.email, user.time_zone, user.couple_id)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches the stored Argon2 hash (never if it isn't one, like a deleted account's)."""
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _start_session(session: Session, user: User, now: datetime, settings: Settings) -> SignedIn:
    token = secrets.token_urlsafe(32)
    assert user.id is not None
    session.add(
        AuthSession(
            token_hash=hash_token(token), user_id=user.id, created_at=now, expires_at=now + settings.session_ttl
        )
    )
    session.flush()
    return SignedIn(viewer_of(user), token)


def _throttle(session: Session, *, email: str, ip: str, now: datetime, settings: Settings) -> None:
    """Refuse while this account or this address has too many recent failures."""
    since = now - settings.login_failure_window
    rows = session.exec(
        select(LoginAttempt).where(
            col(LoginAttempt.at) > since, or_(col(LoginAttempt.email) == email, col(LoginAttempt.ip) == ip)
        )
    ).all()
    for key in (email, ip):
        times = [r.at for r in rows if (r.email == key if key == email else r.ip == key)]
        remaining = lockout_remaining(
            times, now=now, limit=settings.login_failure_limit, window=settings.login_failure_window
        )
        if remaining is not None:
            raise ServiceError(lockout_message(remaining))


def _record_failure(session: Session, *, email: str, ip: str, now: datetime) -> None:
    session.add(LoginAttempt(email=email, ip=ip, at=now))
    session.flush()


def sign_up(
    *,
    session: Session,
    display_name: str,
    email: str,
    password: str,
    time_zone: str,
    ip: str = "",
    now: datetime | None = None,
    settings: Settings | None = None,
) -> SignedIn:
    now = now or utcnow()
    settings = settings or load_settings()
    email = rules.normalize_email(email)
    name = rules.clean_display_name(display_name)
    for problem in (
        rules.display_name_problem(name),
        rules.email_problem(email),
        *password_problems(password, email=email, display_name=name),
        rules.time_zone_problem(time_zone),
    ):
        if problem:
            raise ServiceError(problem)
    _throttle(session, email=email, ip=ip, now=now, settings=settings)
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        # Counted like a failed sign-in, so the sign-up form can't be used to list who has an account.
        _record_failure(session, email=email, ip=ip, now=now)
        raise ServiceError(DUPLICATE_EMAIL)
    user = User(
        email=email, display_name=name, password_hash=hash_password(password), time_zone=time_zone, created_at=now
    )
    session.add(user)
    session.flush()
    return _start_session(session, user, now, settings)


def log_in(
    *,
    session: Session,
    email: str,
    password: str,
    ip: str = "",
    now: datetime | None = None,
    settings: Settings | None = None,
) -> SignedIn:
    now = now or utcnow()
    settings = settings or load_settings()
    email = rules.normalize_email(email)
    if not email or not password:
        raise ServiceError("Enter your email and password.")
    _throttle(session, email=email, ip=ip, now=now, settings=settings)
    user = session.exec(select(User).where(User.email == email)).first()
    if not verify_password(user.password_hash if user else _DUMMY_HASH, password):
        user = None
    if user is None:
        _record_failure(session, email=email, ip=ip, now=now)
        raise WrongCredentials(WRONG_CREDENTIALS)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        session.add(user)
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.email) == email))
    return _start_session(session, user, now, settings)


def resolve_session(*, session: Session, token: str, now: datetime | None = None) -> Viewer | None:
    """The signed-in user behind a bearer token, or ``None`` if it is unknown, revoked or expired."""
    if not token:
        return None
    now = now or utcnow()
    row = session.exec(
        select(AuthSession, User)
        .join(User, col(User.id) == col(AuthSession.user_id))
        .where(AuthSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    auth, user = row
    if auth.revoked_at is not None or auth.expires_at <= now:
        return None
    return viewer_of(user)


def log_out(*, session: Session, token: str, now: datetime | None = None) -> None:
    session.exec(
        update(AuthSession)
        .where(col(AuthSession.token_hash) == hash_token(token), col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now or utcnow())
    )


def log_out_everywhere(*, session: Session, user_id: int, now: datetime | None = None) -> int:
    """Revoke every session of this user; returns how many were still live."""
    result = session.exec(
        update(AuthSession)
        .where(col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now or utcnow())
    )
    return int(result.rowcount or 0)


def update_profile(*, session: Session, user_id: int, display_name: str, time_zone: str) -> Viewer:
    name = rules.clean_display_name(display_name)
    for problem in (rules.display_name_problem(name), rules.time_zone_problem(time_zone)):
        if problem:
            raise ServiceError(problem)
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("Your account no longer exists.")
    user.display_name = name
    user.time_zone = time_zone
    session.add(user)
    session.flush()
    return viewer_of(user)
