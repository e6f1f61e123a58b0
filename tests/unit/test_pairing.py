from couple_dash.domain.pairing import (
    ALREADY_MEMBER,
    ALREADY_PAIRED,
    COUPLE_FULL,
    OWN_INVITE,
    JoinRefusal,
    join_refusal,
)


def refusal(
    member_ids: tuple[int, ...] = (1,),
    joiner_id: int = 2,
    joiner_couple_id: int | None = None,
    couple_id: int = 10,
    invited_by: int = 1,
) -> JoinRefusal | None:
    return join_refusal(
        member_ids=member_ids,
        joiner_id=joiner_id,
        joiner_couple_id=joiner_couple_id,
        couple_id=couple_id,
        invited_by=invited_by,
    )


def test_a_single_partner_can_be_joined() -> None:
    assert refusal() is None


def test_a_third_person_is_refused() -> None:
    assert refusal(member_ids=(1, 2), joiner_id=3) is COUPLE_FULL


def test_you_cannot_join_your_own_invite() -> None:
    assert refusal(joiner_id=1) is OWN_INVITE


def test_someone_already_paired_elsewhere_must_leave_first() -> None:
    assert refusal(joiner_couple_id=99) is ALREADY_PAIRED


def test_joining_your_own_couple_again_is_refused() -> None:
    assert refusal(member_ids=(1, 2), joiner_id=2, joiner_couple_id=10, invited_by=1) is ALREADY_MEMBER


def test_refusals_carry_human_messages() -> None:
    for r in (COUPLE_FULL, OWN_INVITE, ALREADY_PAIRED, ALREADY_MEMBER):
        assert r.message.endswith(".")
        assert len(r.message) > 20
