import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import Couple, Invite, User
from couple_dash.services import ServiceError, accounts, couples

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def person(session: Session, settings: Settings, name: str) -> int:
    signed_in = accounts.sign_up(
        session=session,
        display_name=name,
        email=f"{name.lower()}@example.com",
        password="a long walk home",
        time_zone="Europe/London",
        now=NOW,
        settings=settings,
    )
    return signed_in.viewer.user_id


@pytest.fixture
def alex(session: Session, settings: Settings) -> int:
    return person(session, settings, "Alex")


@pytest.fixture
def sam(session: Session, settings: Settings) -> int:
    return person(session, settings, "Sam")


def invite(session: Session, settings: Settings, user_id: int, at: datetime = NOW) -> Invite:
    return couples.create_invite(session=session, user_id=user_id, now=at, settings=settings)


def test_invite_then_join_pairs_the_two(session: Session, settings: Settings, alex: int, sam: int) -> None:
    code = invite(session, settings, alex).code
    couple = couples.join_with_code(session=session, user_id=sam, code=code.lower(), now=NOW)
    names = [m.display_name for m in couples.members(session=session, couple_id=couple.id)]  # type: ignore[arg-type]
    assert names == ["Alex", "Sam"]
    assert couple.member_count == 2
    used = session.exec(select(Invite).where(Invite.code == code)).one()
    assert used.used_by == sam


def test_a_third_person_is_refused_even_with_a_fresh_looking_code(
    session: Session, settings: Settings, alex: int, sam: int
) -> None:
    code = invite(session, settings, alex).code
    couples.join_with_code(session=session, user_id=sam, code=code, now=NOW)
    jo = person(session, settings, "Jo")
    with pytest.raises(ServiceError, match="already been used"):
        couples.join_with_code(session=session, user_id=jo, code=code, now=NOW)
    with pytest.raises(ServiceError, match="already paired"):
        invite(session, settings, alex)
    assert session.get(User, jo).couple_id is None  # type: ignore[union-attr]


def test_seat_limit_holds_even_if_a_stale_invite_slips_through(
    session: Session, settings: Settings, alex: int, sam: int
) -> None:
    """The database-level seat count refuses a third member whatever the invite rows say."""
    first = invite(session, settings, alex)
    stale = Invite(
        code="AAAA-BBBB", couple_id=first.couple_id, created_by=alex, created_at=NOW, expires_at=NOW + timedelta(days=1)
    )
    session.add(stale)
    session.flush()
    couples.join_with_code(session=session, user_id=sam, code=first.code, now=NOW)
    jo = person(session, settings, "Jo")
    with pytest.raises(ServiceError, match="two partners"):
        couples.join_with_code(session=session, user_id=jo, code="AAAA-BBBB", now=NOW)
    assert session.get(Couple, first.couple_id).member_count == 2  # type: ignore[union-attr]


def test_invites_expire_after_seven_days(session: Session, settings: Settings, alex: int, sam: int) -> None:
    code = invite(session, settings, alex).code
    with pytest.raises(ServiceError, match="expired"):
        couples.join_with_code(session=session, user_id=sam, code=code, now=NOW + timedelta(days=7))
    assert session.get(User, sam).couple_id is None  # type: ignore[union-attr]


def test_a_new_invite_revokes_the_previous_one(session: Session, settings: Settings, alex: int, sam: int) -> None:
    old = invite(session, settings, alex).code
    new = invite(session, settings, alex).code
    assert old != new
    with pytest.raises(ServiceError, match="cancelled"):
        couples.join_with_code(session=session, user_id=sam, code=old, now=NOW)
    couples.join_with_code(session=session, user_id=sam, code=new, now=NOW)


def test_revoked_invites_cannot_be_used(session: Session, settings: Settings, alex: int, sam: int) -> None:
    code = invite(session, settings, alex).code
    couples.revoke_invite(session=session, user_id=alex, now=NOW)
    assert couples.open_invite(session=session, user_id=alex, now=NOW) is None
    with pytest.raises(ServiceError, match="cancelled"):
        couples.join_with_code(session=session, user_id=sam, code=code, now=NOW)


def test_unknown_codes_and_own_invites_are_refused(session: Session, settings: Settings, alex: int, sam: int) -> None:
    with pytest.raises(ServiceError, match="couldn't find"):
        couples.join_with_code(session=session, user_id=sam, code="ZZZZ-ZZZZ", now=NOW)
    code = invite(session, settings, alex).code
    with pytest.raises(ServiceError, match="your own invite"):
        couples.join_with_code(session=session, user_id=alex, code=code, now=NOW)


def test_preview_names_the_inviter_and_the_problem(session: Session, settings: Settings, alex: int) -> None:
    code = invite(session, settings, alex).code
    preview = couples.preview_invite(session=session, code=code, now=NOW)
    assert (preview.inviter_name, preview.problem) == ("Alex", None)
    assert "expired" in (couples.preview_invite(session=session, code=code, now=NOW + timedelta(days=8)).problem or "")


def test_leaving_keeps_the_partner_and_their_couple(session: Session, settings: Settings, alex: int, sam: int) -> None:
    couple = couples.join_with_code(session=session, user_id=sam, code=invite(session, settings, alex).code, now=NOW)
    left = couples.leave_couple(session=session, user_id=sam, now=NOW)
    assert left == couple.id
    assert [m.display_name for m in couples.members(session=session, couple_id=left)] == ["Alex"]
    assert session.get(User, alex).couple_id == couple.id  # type: ignore[union-attr]
    assert session.get(User, sam) is not None
    # The remaining partner can invite someone again; the one who left can start afresh.
    invite(session, settings, alex)
    invite(session, settings, sam)
    with pytest.raises(ServiceError, match="not in a couple"):
        couples.leave_couple(session=session, user_id=person(session, settings, "Jo"), now=NOW)


def test_someone_paired_elsewhere_must_leave_before_joining(
    session: Session, settings: Settings, alex: int, sam: int
) -> None:
    couples.join_with_code(session=session, user_id=sam, code=invite(session, settings, alex).code, now=NOW)
    jo = person(session, settings, "Jo")
    kim = person(session, settings, "Kim")
    code = invite(session, settings, jo).code
    couples.join_with_code(session=session, user_id=kim, code=code, now=NOW)
    other = person(session, settings, "Lee")
    with pytest.raises(ServiceError, match="already paired"):
        couples.join_with_code(session=session, user_id=sam, code=invite(session, settings, other).code, now=NOW)


def test_two_people_racing_for_one_invite_cannot_both_join(engine: Engine, settings: Settings) -> None:
    """Separate connections, released at once: exactly one joins, the other gets a clear refusal."""
    with Session(engine, expire_on_commit=False) as setup:
        alex = person(setup, settings, "Alex")
        racers = [person(setup, settings, name) for name in ("Sam", "Jo")]
        code = invite(setup, settings, alex).code
        setup.commit()
    barrier = threading.Barrier(len(racers))
    outcomes: dict[int, str] = {}

    def race(user_id: int) -> None:
        with Session(engine, expire_on_commit=False) as mine:
            barrier.wait()
            try:
                couples.join_with_code(session=mine, user_id=user_id, code=code, now=NOW)
                mine.commit()
                outcomes[user_id] = "joined"
            except ServiceError as refusal:
                mine.rollback()
                outcomes[user_id] = refusal.message
            except Exception as error:  # a serialization failure is also a refusal, never a third member
                mine.rollback()
                outcomes[user_id] = f"db: {type(error).__name__}"

    threads = [threading.Thread(target=race, args=(uid,)) for uid in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()).count("joined") == 1, outcomes
    with Session(engine) as check:
        members = couples.members(session=check, couple_id=check.get(User, alex).couple_id)  # type: ignore[arg-type,union-attr]
        assert len(members) == 2
