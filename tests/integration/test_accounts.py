from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import AuthSession, User
from couple_dash.services import ServiceError, accounts

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
PASSWORD = "a long walk home"


def sign_up(
    session: Session, settings: Settings, email: str = "alex@example.com", **overrides: str
) -> accounts.SignedIn:
    fields = {"display_name": "Alex", "email": email, "password": PASSWORD, "time_zone": "Europe/London"}
    fields.update(overrides)
    return accounts.sign_up(session=session, ip="10.0.0.1", now=NOW, settings=settings, **fields)


def test_sign_up_stores_an_argon2_hash_and_starts_a_session(session: Session, settings: Settings) -> None:
    signed_in = sign_up(session, settings, email="  Alex@Example.com ")
    user = session.exec(select(User)).one()
    assert user.email == "alex@example.com"
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    stored = session.exec(select(AuthSession)).one()
    assert stored.token_hash != signed_in.token  # only the hash is kept
    assert accounts.resolve_session(session=session, token=signed_in.token, now=NOW) == signed_in.viewer


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"password": "short"}, "at least 10 characters"),
        ({"password": "password123"}, "too common"),
        ({"email": "not-an-email"}, "valid email"),
        ({"display_name": "  "}, "name your partner knows"),
        ({"time_zone": "Nowhere/Atlantis"}, "time zone"),
    ],
)
def test_bad_sign_up_input_is_refused_and_changes_nothing(
    session: Session, settings: Settings, overrides: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ServiceError, match=fragment):
        sign_up(session, settings, **overrides)
    assert session.exec(select(User)).all() == []


def test_duplicate_email_is_refused_with_a_clear_message(session: Session, settings: Settings) -> None:
    sign_up(session, settings)
    with pytest.raises(ServiceError, match="already exists"):
        sign_up(session, settings, email="ALEX@example.com", display_name="Impostor")
    assert len(session.exec(select(User)).all()) == 1


def test_log_in_with_the_right_password(session: Session, settings: Settings) -> None:
    sign_up(session, settings)
    signed_in = accounts.log_in(
        session=session, email="alex@example.com", password=PASSWORD, ip="10.0.0.2", now=NOW, settings=settings
    )
    assert signed_in.viewer.display_name == "Alex"


def test_wrong_password_and_unknown_email_get_the_same_message(session: Session, settings: Settings) -> None:
    sign_up(session, settings)
    messages = []
    for email, password in (("alex@example.com", "wrong password!"), ("nobody@example.com", PASSWORD)):
        with pytest.raises(ServiceError) as refused:
            accounts.log_in(session=session, email=email, password=password, ip="10.0.0.3", now=NOW, settings=settings)
        messages.append(refused.value.message)
    assert messages[0] == messages[1] == accounts.WRONG_CREDENTIALS


def _fail(session: Session, settings: Settings, *, email: str, ip: str, at: datetime) -> str:
    with pytest.raises(ServiceError) as refused:
        accounts.log_in(session=session, email=email, password="wrong password!", ip=ip, now=at, settings=settings)
    return refused.value.message


def test_five_failures_lock_the_account_even_from_new_addresses(session: Session, settings: Settings) -> None:
    sign_up(session, settings)
    for attempt in range(5):
        assert _fail(session, settings, email="alex@example.com", ip=f"10.1.0.{attempt}", at=NOW) == (
            accounts.WRONG_CREDENTIALS
        )
    # Even the right password is refused while locked, and the message says how long to wait.
    with pytest.raises(ServiceError, match=r"Too many attempts.*15 minutes"):
        accounts.log_in(
            session=session, email="alex@example.com", password=PASSWORD, ip="10.9.9.9", now=NOW, settings=settings
        )
    later = NOW + timedelta(minutes=15, seconds=1)
    signed_in = accounts.log_in(
        session=session, email="alex@example.com", password=PASSWORD, ip="10.9.9.9", now=later, settings=settings
    )
    assert signed_in.viewer.email == "alex@example.com"


def test_five_failures_from_one_address_lock_that_address_for_every_account(
    session: Session, settings: Settings
) -> None:
    sign_up(session, settings)
    for attempt in range(5):
        _fail(session, settings, email=f"guess{attempt}@example.com", ip="203.0.113.7", at=NOW)
    message = _fail(session, settings, email="alex@example.com", ip="203.0.113.7", at=NOW + timedelta(minutes=1))
    assert message.startswith("Too many attempts")
    # Another address is unaffected.
    accounts.log_in(
        session=session, email="alex@example.com", password=PASSWORD, ip="198.51.100.1", now=NOW, settings=settings
    )


def test_success_clears_the_account_failures(session: Session, settings: Settings) -> None:
    sign_up(session, settings)
    for attempt in range(4):
        _fail(session, settings, email="alex@example.com", ip=f"10.2.0.{attempt}", at=NOW)
    accounts.log_in(
        session=session, email="alex@example.com", password=PASSWORD, ip="10.2.1.1", now=NOW, settings=settings
    )
    # Four more failures are allowed again before a lockout.
    for attempt in range(4):
        assert _fail(session, settings, email="alex@example.com", ip=f"10.3.0.{attempt}", at=NOW) == (
            accounts.WRONG_CREDENTIALS
        )


def test_sessions_expire(session: Session, settings: Settings) -> None:
    signed_in = sign_up(session, settings)
    assert accounts.resolve_session(session=session, token=signed_in.token, now=NOW + timedelta(days=29))
    assert accounts.resolve_session(session=session, token=signed_in.token, now=NOW + timedelta(days=30)) is None


def test_log_out_ends_only_that_session(session: Session, settings: Settings) -> None:
    first = sign_up(session, settings)
    second = accounts.log_in(
        session=session, email="alex@example.com", password=PASSWORD, ip="10.0.0.9", now=NOW, settings=settings
    )
    accounts.log_out(session=session, token=first.token, now=NOW)
    assert accounts.resolve_session(session=session, token=first.token, now=NOW) is None
    assert accounts.resolve_session(session=session, token=second.token, now=NOW) is not None


def test_log_out_everywhere_ends_every_session_of_that_user_only(session: Session, settings: Settings) -> None:
    mine = [sign_up(session, settings)]
    mine.append(
        accounts.log_in(
            session=session, email="alex@example.com", password=PASSWORD, ip="10.0.0.9", now=NOW, settings=settings
        )
    )
    theirs = sign_up(session, settings, email="sam@example.com", display_name="Sam")
    assert accounts.log_out_everywhere(session=session, user_id=mine[0].viewer.user_id, now=NOW) == 2
    assert all(accounts.resolve_session(session=session, token=s.token, now=NOW) is None for s in mine)
    assert accounts.resolve_session(session=session, token=theirs.token, now=NOW) is not None


def test_unknown_and_empty_tokens_resolve_to_nobody(session: Session) -> None:
    assert accounts.resolve_session(session=session, token="") is None
    assert accounts.resolve_session(session=session, token="made-up-token") is None


def test_profile_update_validates(session: Session, settings: Settings) -> None:
    signed_in = sign_up(session, settings)
    with pytest.raises(ServiceError):
        accounts.update_profile(
            session=session, user_id=signed_in.viewer.user_id, display_name="", time_zone="Europe/Paris"
        )
    viewer = accounts.update_profile(
        session=session, user_id=signed_in.viewer.user_id, display_name=" Alexandra ", time_zone="Europe/Paris"
    )
    assert (viewer.display_name, viewer.time_zone) == ("Alexandra", "Europe/Paris")
