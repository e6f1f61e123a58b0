import re
from datetime import UTC, datetime, timedelta

from couple_dash.domain.invites import (
    CODE_ALPHABET,
    InviteFacts,
    InviteStatus,
    invite_status,
    new_invite_code,
    normalize_invite_code,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_codes_are_readable_and_use_only_the_unambiguous_alphabet() -> None:
    codes = {new_invite_code() for _ in range(500)}
    assert len(codes) == 500  # no collisions in a realistic batch
    for code in codes:
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
        assert set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert not set("0O1IL5S2Z") & set(CODE_ALPHABET)


def test_typed_codes_are_normalized() -> None:
    assert normalize_invite_code(" hkq7 mw3t ") == "HKQ7-MW3T"
    assert normalize_invite_code("hkq7-mw3t") == "HKQ7-MW3T"
    assert normalize_invite_code("HKQ7MW3T") == "HKQ7-MW3T"
    assert normalize_invite_code("HKQ") == "HKQ"  # too short: left as is, so the lookup simply fails


def test_open_until_the_expiry_instant() -> None:
    invite = InviteFacts(expires_at=NOW + timedelta(days=7))
    assert invite_status(invite, now=NOW) is InviteStatus.OPEN
    assert invite_status(invite, now=NOW + timedelta(days=7) - timedelta(seconds=1)) is InviteStatus.OPEN
    assert invite_status(invite, now=NOW + timedelta(days=7)) is InviteStatus.EXPIRED


def test_single_use_and_revocation_win_over_expiry() -> None:
    used = InviteFacts(expires_at=NOW - timedelta(days=1), used_at=NOW - timedelta(days=2))
    revoked = InviteFacts(expires_at=NOW - timedelta(days=1), revoked_at=NOW - timedelta(days=3))
    assert invite_status(used, now=NOW) is InviteStatus.USED
    assert invite_status(revoked, now=NOW) is InviteStatus.REVOKED
