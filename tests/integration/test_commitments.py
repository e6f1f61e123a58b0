from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import Commitment, CommitmentChange, Pause, Tick, User
from couple_dash.services import (
    NotAllowed,
    ServiceError,
    accounts,
    commitment_views,
    commitments,
    couples,
    followthrough,
)
from couple_dash.services.commitments import CommitmentConflict, CommitmentInput

# 10:00 UTC on a Tuesday: still Tuesday in London and New York, already Wednesday in Kiritimati.
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 24)


def person(session: Session, settings: Settings, name: str, zone: str = "Europe/London") -> int:
    return accounts.sign_up(
        session=session,
        display_name=name,
        email=f"{name.lower()}@example.com",
        password="a long walk home",
        time_zone=zone,
        settings=settings,
        now=NOW,
    ).viewer.user_id


@pytest.fixture
def pair(session: Session, settings: Settings) -> tuple[int, int]:
    alex, sam = person(session, settings, "Alex"), person(session, settings, "Sam", "America/New_York")
    code = couples.create_invite(session=session, user_id=alex, settings=settings, now=NOW).code
    couples.join_with_code(session=session, user_id=sam, code=code, now=NOW)
    return alex, sam


TEXT = CommitmentInput(text="I will text you when I leave work and when I arrive", why="So you never wonder")


def id_of(row: Commitment | Tick | Pause) -> int:
    assert row.id is not None
    return row.id


def make(
    session: Session, user_id: int, owner_id: int | None = None, data: CommitmentInput = TEXT, now: datetime = NOW
) -> Commitment:
    return commitments.create(session=session, user_id=user_id, owner_id=owner_id or user_id, data=data, now=now)


def card(session: Session, user_id: int, commitment_id: int, now: datetime = NOW) -> commitment_views.CommitmentCard:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return next(
        c
        for c in commitment_views.commitment_cards(session=session, couple_id=couple_id, now=now)
        if c.id == commitment_id
    )


def test_my_own_commitment_is_active_at_once_and_both_see_it(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex)
    assert made.status == "active"
    assert made.review_date == TODAY + timedelta(weeks=4)
    seen_by_sam = card(session, sam, id_of(made))
    assert (seen_by_sam.owner_name, seen_by_sam.today_status, seen_by_sam.cadence_label) == (
        "Alex",
        "open",
        "Every day",
    )


def test_a_proposal_waits_for_the_owner_who_alone_accepts(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    proposed = make(session, alex, owner_id=sam)
    assert proposed.status == "proposed"
    with pytest.raises(NotAllowed, match="Only the person who made"):
        commitments.set_status(session=session, user_id=alex, commitment_id=id_of(proposed), status="active", now=NOW)
    with pytest.raises(NotAllowed):
        followthrough.tick(session=session, user_id=alex, commitment_id=id_of(proposed), now=NOW)
    commitments.set_status(session=session, user_id=sam, commitment_id=id_of(proposed), status="active", now=NOW)
    history = session.exec(
        select(CommitmentChange.action).where(CommitmentChange.commitment_id == id_of(proposed))
    ).all()
    assert list(history) == ["proposed", "accepted"]


def test_bad_input_is_refused_and_changes_nothing(session: Session, pair: tuple[int, int]) -> None:
    alex, _ = pair
    bad = [
        (CommitmentInput(text=""), "Say what you will do"),
        (CommitmentInput(text="Call you", cadence_kind="weekdays"), "day of the week"),
        (CommitmentInput(text="Call you", cadence_kind="times_per_week", times_per_week=9), "times a week"),
        (CommitmentInput(text="Call you", due_by="25:00"), "like 18:00"),
        (CommitmentInput(text="Call you", start=TODAY, review=TODAY), "review date"),
        (CommitmentInput(text="Call you", category="chores"), "category"),
    ]
    for data, fragment in bad:
        with pytest.raises(ServiceError) as refused:
            make(session, alex, data=data)
        assert fragment.lower() in refused.value.message.lower()
    couple_id = session.get_one(User, alex).couple_id
    assert couple_id is not None
    assert commitment_views.commitment_cards(session=session, couple_id=couple_id, now=NOW) == []


def test_edits_are_owner_only_versioned_and_kept_in_history(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex)
    changed = CommitmentInput(text="I will text you when I leave work", why="So you never wonder", due_by="18:00")
    with pytest.raises(NotAllowed):
        commitments.edit(session=session, user_id=sam, commitment_id=id_of(made), data=changed, base_version=1, now=NOW)
    edited = commitments.edit(
        session=session,
        user_id=alex,
        commitment_id=id_of(made),
        data=changed,
        base_version=1,
        now=NOW,
    )
    assert (edited.version, edited.due_by) == (2, "18:00")
    with pytest.raises(CommitmentConflict):
        commitments.edit(
            session=session,
            user_id=alex,
            commitment_id=id_of(made),
            data=CommitmentInput(text="Something else entirely, every day"),
            base_version=1,
            now=NOW,
        )
    entries = commitment_views.change_history(session=session, couple_id=made.couple_id, commitment_id=id_of(made))
    assert [e.what for e in entries] == ["changed text, due by", "made this commitment"]
    assert entries[0].who == "Alex"


def test_ticks_are_owner_only_in_the_owner_zone_and_back_dated_at_most_three_days(
    session: Session, pair: tuple[int, int]
) -> None:
    alex, sam = pair
    made = make(session, alex, now=NOW - timedelta(days=10))
    with pytest.raises(NotAllowed, match="ticks it"):
        followthrough.tick(session=session, user_id=sam, commitment_id=id_of(made), now=NOW)
    with pytest.raises(ServiceError, match="hasn't happened"):
        followthrough.tick(
            session=session, user_id=alex, commitment_id=id_of(made), day=TODAY + timedelta(days=1), now=NOW
        )
    with pytest.raises(ServiceError, match="3 days back"):
        followthrough.tick(
            session=session, user_id=alex, commitment_id=id_of(made), day=TODAY - timedelta(days=4), now=NOW
        )
    back = followthrough.tick(
        session=session,
        user_id=alex,
        commitment_id=id_of(made),
        day=TODAY - timedelta(days=3),
        note="Texted from the train",
        now=NOW,
    )
    first = followthrough.tick(session=session, user_id=alex, commitment_id=id_of(made), now=NOW)
    again = followthrough.tick(session=session, user_id=alex, commitment_id=id_of(made), now=NOW)
    assert first.id == again.id  # a double tap changes nothing
    assert first.day == TODAY
    assert back.note == "Texted from the train"
    seen = card(session, sam, id_of(made))
    assert (seen.today_status, seen.streak, seen.today_tick_id) == ("done", 1, first.id)
    followthrough.untick(session=session, user_id=alex, tick_id=id_of(first), now=NOW)
    assert card(session, sam, id_of(made)).today_status == "open"


def test_the_day_is_the_owners_own(session: Session, settings: Settings) -> None:
    kiwi = person(session, settings, "Kiri", "Pacific/Kiritimati")
    partner = person(session, settings, "Ben")
    code = couples.create_invite(session=session, user_id=kiwi, settings=settings, now=NOW).code
    couples.join_with_code(session=session, user_id=partner, code=code, now=NOW)
    made = make(session, kiwi, now=NOW - timedelta(days=5))
    tick = followthrough.tick(session=session, user_id=kiwi, commitment_id=id_of(made), now=NOW)
    assert tick.day == TODAY + timedelta(days=1)  # 10:00 UTC is already midnight, Wednesday, in Kiritimati (UTC+14)
    assert card(session, partner, id_of(made)).today == (TODAY + timedelta(days=1)).isoformat()


def test_occasions_log_each_time(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex, data=CommitmentInput(text="Tell you when plans change", cadence_kind="occasion"))
    for note in ("Late meeting", "Dinner moved"):
        followthrough.tick(session=session, user_id=alex, commitment_id=id_of(made), note=note, now=NOW)
    assert len(session.exec(select(Tick).where(Tick.commitment_id == id_of(made))).all()) == 2
    seen = card(session, sam, id_of(made))
    assert (seen.occurrences_today, seen.streak_label, seen.today_note) == (2, "", "Dinner moved")


def test_only_the_partner_acknowledges_and_only_within_the_couple(
    session: Session, settings: Settings, pair: tuple[int, int]
) -> None:
    alex, sam = pair
    made = make(session, alex)
    tick = followthrough.tick(session=session, user_id=alex, commitment_id=id_of(made), now=NOW)
    assert tick.id is not None
    with pytest.raises(NotAllowed, match="can't acknowledge your own"):
        followthrough.acknowledge(session=session, user_id=alex, tick_id=id_of(tick), now=NOW)
    stranger = person(session, settings, "Jo")
    other = person(session, settings, "Kim")
    code = couples.create_invite(session=session, user_id=stranger, settings=settings, now=NOW).code
    couples.join_with_code(session=session, user_id=other, code=code, now=NOW)
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        followthrough.acknowledge(session=session, user_id=stranger, tick_id=id_of(tick), now=NOW)
    with pytest.raises(NotAllowed, match="isn't part of your couple"):
        followthrough.untick(session=session, user_id=stranger, tick_id=id_of(tick), now=NOW)
    followthrough.acknowledge(session=session, user_id=sam, tick_id=id_of(tick), now=NOW)
    assert card(session, alex, id_of(made)).today_acknowledged


def test_an_agreed_pause_turns_misses_into_paused_days(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex, now=NOW - timedelta(days=6))
    for back in (6, 5, 4):
        made_day = TODAY - timedelta(days=back)
        session.add(Tick(commitment_id=id_of(made), day=made_day, logged_by=alex, occurred_at=NOW))
    session.flush()
    before = card(session, sam, id_of(made))
    pause = commitments.propose_pause(
        session=session,
        user_id=alex,
        commitment_id=id_of(made),
        start=TODAY - timedelta(days=3),
        end=TODAY + timedelta(days=2),
        reason="Flu",
        now=NOW,
    )
    assert card(session, sam, id_of(made)).pending_pause_by == alex
    with pytest.raises(NotAllowed, match="partner agrees"):
        commitments.answer_pause(session=session, user_id=alex, pause_id=id_of(pause), agree=True, now=NOW)
    commitments.answer_pause(session=session, user_id=sam, pause_id=id_of(pause), agree=True, now=NOW)
    after = card(session, sam, id_of(made))
    assert after.today_status == "paused"
    assert after.streak >= before.streak
    assert after.score_pct >= before.score_pct
    assert after.pending_pause_id == 0


def test_status_changes_follow_the_rules(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex)
    commitments.set_status(session=session, user_id=alex, commitment_id=id_of(made), status="paused", now=NOW)
    assert card(session, sam, id_of(made)).today_status == "paused"
    with pytest.raises(ServiceError, match="Only an active"):
        followthrough.tick(session=session, user_id=alex, commitment_id=id_of(made), now=NOW)
    commitments.set_status(session=session, user_id=alex, commitment_id=id_of(made), status="active", now=NOW)
    commitments.set_status(session=session, user_id=alex, commitment_id=id_of(made), status="completed", now=NOW)
    with pytest.raises(NotAllowed, match="can't become paused"):
        commitments.set_status(session=session, user_id=alex, commitment_id=id_of(made), status="paused", now=NOW)
    with pytest.raises(ServiceError, match="status a commitment can have"):
        commitments.set_status(session=session, user_id=alex, commitment_id=id_of(made), status="deleted", now=NOW)


def test_reviews_come_due_and_can_be_marked_done(session: Session, pair: tuple[int, int]) -> None:
    alex, sam = pair
    made = make(session, alex, now=NOW - timedelta(weeks=5))
    assert card(session, sam, id_of(made)).review_due
    commitments.mark_reviewed(session=session, user_id=sam, commitment_id=id_of(made), now=NOW)
    assert not card(session, sam, id_of(made)).review_due
