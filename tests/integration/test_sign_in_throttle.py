"""Sign-in throttling counts failures made through the real sign-in path (the failure must outlive the refusal)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from couple_dash.config import Settings
from couple_dash.models import LoginAttempt
from couple_dash.pages.auth import _log_in
from couple_dash.services import ServiceError, accounts

PASSWORD = "a long walk home"


def test_wrong_passwords_through_the_sign_in_form_are_counted_until_it_refuses(
    engine: Engine, database_url: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLEX_DB_URL", database_url)
    with Session(engine) as session:
        accounts.sign_up(
            session=session,
            display_name="Alex",
            email="alex-throttle@example.com",
            password=PASSWORD,
            time_zone="UTC",
            settings=settings,
        )
        session.commit()
    form = {"email": "alex-throttle@example.com", "password": "not it"}

    for _ in range(settings.login_failure_limit):
        with pytest.raises(accounts.WrongCredentials):
            _log_in(form, ip="198.51.100.7")

    with Session(engine) as session:
        recorded = session.exec(select(func.count()).select_from(LoginAttempt)).one()
    assert recorded == settings.login_failure_limit
    # Now even the right password waits: the limit was reached.
    with pytest.raises(ServiceError) as refused:
        _log_in({**form, "password": PASSWORD}, ip="198.51.100.7")
    assert not isinstance(refused.value, accounts.WrongCredentials)
