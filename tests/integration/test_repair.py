"""Repair tools at the service layer: the repair menu, acknowledgements and hard-moment talks (SQLite and PostgreSQL).

Authorization is the point of most of these: another couple is always refused, a draft is its author's alone
until sent, only the author sends and follows up, only the receiver responds, and a one-tap commitment belongs
to the partner who tapped.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from couple_dash.config import Settings
from couple_dash.models import Acknowledgement, Commitment, HardMoment, RepairMenuItem
from couple_dash.services import NotAllowed, ServiceError, acknowledgements, followthrough, hard_moments, repair_menu
from couple_dash.services.acknowledgements import AckFields
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture
def couple(session: Session, settings: Settings) -> tuple[int, int]:
    return pair(session, settings, "us")


@pytest.fixture
def strangers(session: Session, settings: Settings) -> tuple[int, int]:
    return pair(session, settings, "them")


def _id(row: RepairMenuItem | Acknowledgement | Commitment | HardMoment) -> int:
    assert row.id is not None
    return row.id


def _items(session: Session, user_id: int, now: datetime | None = None) -> list[repair_menu.RepairItemView]:
    """Both menus of the caller's couple, flattened."""
    menus = repair_menu.menu_views(session=session, couple_id=_couple_id(session, user_id), now=now)
    return [item for menu in menus for item in menu.acts]


def _couple_id(session: Session, user_id: int) -> int:
    from couple_dash.services import couple_of

    return couple_of(session, user_id)[1]


# ---- the repair menu ----------------------------------------------------------------------------------------


def test_each_partner_keeps_their_own_menu_in_their_own_order(session: Session, couple: tuple[int, int]) -> None:
    alex, sam = couple
    first = repair_menu.add_item(session=session, user_id=sam, text="Tell me before plans change")
    second = repair_menu.add_item(session=session, user_id=sam, text="Sit with me without fixing")
    repair_menu.add_item(session=session, user_id=alex, text="Hold my hand on the walk home")
    repair_menu.move_item(session=session, user_id=sam, item_id=_id(second), direction=-1)
    menus = repair_menu.menu_views(session=session, couple_id=_couple_id(session, alex))
    assert [(m.owner_id, m.owner_name) for m in menus] == [(alex, "Alex"), (sam, "Sam")]
    views = _items(session, alex)
    sams = [v.text for v in views if v.owner_id == sam]
    assert sams == ["Sit with me without fixing", "Tell me before plans change"]
    assert [v.owner_name for v in views if v.owner_id == alex] == ["Alex"]
    edited = repair_menu.edit_item(
        session=session, user_id=sam, item_id=_id(first), text="Tell me as soon as plans change", base_version=1
    )
    assert (edited.text, edited.version) == ("Tell me as soon as plans change", 2)
    with pytest.raises(repair_menu.MenuConflict) as conflict:
        repair_menu.edit_item(session=session, user_id=sam, item_id=_id(first), text="Stale words", base_version=1)
    assert conflict.value.version == 2  # the newer version, to save over it if they choose


def test_only_the_owner_changes_their_menu(session: Session, couple: tuple[int, int]) -> None:
    alex, sam = couple
    item = repair_menu.add_item(session=session, user_id=sam, text="Tell me before plans change")
    for attempt in (
        lambda: repair_menu.edit_item(session=session, user_id=alex, item_id=_id(item), text="x y z", base_version=1),
        lambda: repair_menu.remove_item(session=session, user_id=alex, item_id=_id(item)),
        lambda: repair_menu.move_item(session=session, user_id=alex, item_id=_id(item), direction=1),
    ):
        with pytest.raises(NotAllowed):
            attempt()
    assert session.get(RepairMenuItem, _id(item)) is not None
    repair_menu.remove_item(session=session, user_id=sam, item_id=_id(item))
    assert session.get(RepairMenuItem, _id(item)) is None


def test_another_couple_can_neither_read_nor_act_on_a_menu(
    session: Session, couple: tuple[int, int], strangers: tuple[int, int]
) -> None:
    _, sam = couple
    mallory, _ = strangers
    item = repair_menu.add_item(session=session, user_id=sam, text="Tell me before plans change")
    for attempt in (
        lambda: repair_menu.make_commitment(session=session, user_id=mallory, item_id=_id(item)),
        lambda: repair_menu.edit_item(session=session, user_id=mallory, item_id=_id(item), text="abc", base_version=1),
        lambda: repair_menu.remove_item(session=session, user_id=mallory, item_id=_id(item)),
        lambda: repair_menu.move_item(session=session, user_id=mallory, item_id=_id(item), direction=1),
    ):
        with pytest.raises(NotAllowed):
            attempt()
    assert _items(session, mallory) == []
    assert session.exec(select(Commitment)).all() == []


def test_one_tap_makes_the_givers_own_commitment_and_the_item_remembers_it(
    session: Session, couple: tuple[int, int]
) -> None:
    alex, sam = couple
    item = repair_menu.add_item(session=session, user_id=sam, text="Tell me when you're running late")
    with pytest.raises(NotAllowed):  # your own menu is for your partner to act on
        repair_menu.make_commitment(session=session, user_id=sam, item_id=_id(item))
    made = repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)
    assert (made.owner_id, made.proposed_by, made.status) == (alex, alex, "active")
    assert made.text == "Tell you when I'm running late"
    assert made.cadence_kind == "occasion"
    assert "Sam's repair menu" in made.why
    view = _items(session, sam, NOW)[0]
    assert (view.commitment_id, view.committed_by, view.committed_by_name) == (made.id, alex, "Alex")
    assert view.commitment_live
    assert view.commitment_nudge == ""  # "when I'm running late" is a checkable moment
    # A second tap (another device) makes no second commitment.
    with pytest.raises(repair_menu.AlreadyCommitted):
        repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)
    assert len(session.exec(select(Commitment)).all()) == 1


def test_a_vague_item_becomes_a_commitment_with_the_wording_nudge(session: Session, couple: tuple[int, int]) -> None:
    alex, sam = couple
    item = repair_menu.add_item(session=session, user_id=sam, text="Sit with me without fixing")
    repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)
    view = _items(session, sam, NOW)[0]
    assert "say when or how often" in view.commitment_nudge


def test_an_ended_commitment_lets_the_item_be_taken_up_again(session: Session, couple: tuple[int, int]) -> None:
    from couple_dash.services import commitments

    alex, sam = couple
    item = repair_menu.add_item(session=session, user_id=sam, text="Tell me before plans change")
    made = repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)
    commitments.set_status(session=session, user_id=alex, commitment_id=_id(made), status="retired", now=NOW)
    assert not _items(session, sam, NOW)[0].commitment_live
    again = repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)
    assert again.id != made.id


def test_small_wins_show_quietly_on_the_item(session: Session, couple: tuple[int, int]) -> None:
    alex, sam = couple
    item = repair_menu.add_item(session=session, user_id=sam, text="Tell me before plans change")
    made = repair_menu.make_commitment(session=session, user_id=alex, item_id=_id(item), now=NOW)

    def note(now: datetime) -> str:
        return _items(session, sam, now)[0].win

    assert note(NOW) == ""
    ticks = []
    for day in range(10):
        at = NOW + timedelta(days=day)
        ticks.append(followthrough.tick(session=session, user_id=alex, commitment_id=_id(made), now=at))
    later = NOW + timedelta(days=10)
    assert note(later) == "Kept ten times"
    for tick in ticks:
        assert tick.id is not None
        followthrough.acknowledge(session=session, user_id=sam, tick_id=tick.id, now=later)
    assert note(later) == "Ten acknowledged ticks"


# ---- acknowledgements -------------------------------------------------------------------------------------------

FIELDS = AckFields(
    what_happened="On Friday I told you I was working late. I was at the bar with Jo and hid it from you.",
    impact="You waited up and worried, and felt foolish for trusting me.",
    feelings="I felt ashamed and needed time to myself, but I didn't ask for it.",
    differently="Tell you before plans change\n- Ask for an evening to myself when I need one",
)


def test_a_draft_is_invisible_to_the_partner_until_it_is_sent(session: Session, couple: tuple[int, int]) -> None:
    alex, sam = couple
    draft = acknowledgements.save_draft(session=session, user_id=alex, draft_id=0, fields=FIELDS)
    couple_id = _couple_id(session, alex)
    assert acknowledgements.sent_views(session=session, couple_id=couple_id) == []
    assert acknowledgements.my_draft(session=session, user_id=sam) is None
    mine = acknowledgements.my_draft(session=session, user_id=alex)
    assert mine is not None
    assert mine.what_happened == FIELDS.what_happened
    # The partner can't read, change, send, discard or answer it: each refused as if it didn't exist.
    for attempt in (
        lambda: acknowledgements.save_draft(session=session, user_id=sam, draft_id=_id(draft), fields=AckFields("x")),
        lambda: acknowledgements.send(session=session, user_id=sam, draft_id=_id(draft), fields=FIELDS),
        lambda: acknowledgements.discard_draft(session=session, user_id=sam, draft_id=_id(draft)),
        lambda: acknowledgements.respond(session=session, user_id=sam, ack_id=_id(draft), kind="heard"),
        lambda: acknowledgements.follow_up(session=session, user_id=alex, ack_id=_id(draft), text="more"),
    ):
        with pytest.raises(NotAllowed) as refused:
            attempt()
        assert FIELDS.what_happened not in refused.value.message
    session.refresh(draft)
    assert (draft.what_happened, draft.sent_at) == (FIELDS.what_happened, None)


def test_sending_shares_it_freezes_it_and_makes_the_changes_commitments(
    session: Session, couple: tuple[int, int]
) -> None:
    alex, sam = couple
    draft = acknowledgements.save_draft(session=session, user_id=alex, draft_id=0, fields=AckFields("First go"))
    sent, made = acknowledgements.send(session=session, user_id=alex, draft_id=_id(draft), fields=FIELDS, now=NOW)
    assert (sent.id, sent.receiver_id, sent.sent_at) == (draft.id, sam, NOW)
    assert [(c.text, c.owner_id, c.status) for c in made] == [
        ("Tell you before plans change", alex, "active"),
        ("Ask for an evening to myself when I need one", alex, "active"),
    ]
    views = acknowledgements.sent_views(session=session, couple_id=_couple_id(session, sam))
    assert [(v.author_name, v.receiver_name, v.what_happened) for v in views] == [("Alex", "Sam", FIELDS.what_happened)]
    assert views[0].commitment_ids == [c.id for c in made]
    assert acknowledgements.my_draft(session=session, user_id=alex) is None
    # No edits after sending, and no second send.
    for attempt in (
        lambda: acknowledgements.save_draft(session=session, user_id=alex, draft_id=_id(sent), fields=AckFields("x")),
        lambda: acknowledgements.send(session=session, user_id=alex, draft_id=_id(sent), fields=FIELDS),
        lambda: acknowledgements.discard_draft(session=session, user_id=alex, draft_id=_id(sent)),
    ):
        with pytest.raises(ServiceError):
            attempt()


def test_a_send_that_is_refused_changes_nothing(session: Session, couple: tuple[int, int]) -> None:
    alex, _ = couple
    with pytest.raises(ServiceError):
        acknowledgements.send(session=session, user_id=alex, draft_id=0, fields=AckFields(differently="Text you"))
    assert session.exec(select(Acknowledgement)).all() == []
    assert session.exec(select(Commitment)).all() == []


def test_only_the_receiver_responds_and_only_the_author_follows_up(
    session: Session, couple: tuple[int, int], strangers: tuple[int, int]
) -> None:
    alex, sam = couple
    mallory, _ = strangers
    sent, _ = acknowledgements.send(session=session, user_id=alex, draft_id=0, fields=FIELDS, now=NOW)
    with pytest.raises(NotAllowed):
        acknowledgements.respond(session=session, user_id=alex, ack_id=_id(sent), kind="heard")
    with pytest.raises(NotAllowed):
        acknowledgements.follow_up(session=session, user_id=sam, ack_id=_id(sent), text="Me too")
    for attempt in (
        lambda: acknowledgements.respond(session=session, user_id=mallory, ack_id=_id(sent), kind="heard"),
        lambda: acknowledgements.follow_up(session=session, user_id=mallory, ack_id=_id(sent), text="x"),
    ):
        with pytest.raises(NotAllowed):
            attempt()
    with pytest.raises(ServiceError):
        acknowledgements.respond(session=session, user_id=sam, ack_id=_id(sent), kind="reply", text=" ")
    acknowledgements.respond(session=session, user_id=sam, ack_id=_id(sent), kind="not_ready", now=NOW)
    acknowledgements.respond(session=session, user_id=sam, ack_id=_id(sent), kind="heard", now=NOW)
    acknowledgements.respond(session=session, user_id=sam, ack_id=_id(sent), kind="reply", text="Thank you.", now=NOW)
    acknowledgements.follow_up(session=session, user_id=alex, ack_id=_id(sent), text="I told Jo too.", now=NOW)
    thread = acknowledgements.sent_views(session=session, couple_id=_couple_id(session, alex))[0].replies
    assert [(r.author_name, r.kind_label, r.text) for r in thread] == [
        ("Sam", "Not ready to respond yet", ""),
        ("Sam", "I hear you", ""),
        ("Sam", "Reply", "Thank you."),
        ("Alex", "Follow-up", "I told Jo too."),
    ]
    assert acknowledgements.sent_views(session=session, couple_id=_couple_id(session, mallory)) == []


def test_times_in_a_thread_are_instants_each_reader_shows_in_their_own_zone(
    session: Session, couple: tuple[int, int]
) -> None:
    """The author in Auckland, the receiver in London: the view carries the moment itself, not the author's clock
    (the browser writes it in the reader's own zone, as for updates and bids)."""
    from couple_dash.models import User

    alex, sam = couple
    for user_id, zone in ((alex, "Pacific/Auckland"), (sam, "Europe/London")):
        person = session.get(User, user_id)
        assert person is not None
        person.time_zone = zone
        session.add(person)
    later = NOW + timedelta(minutes=5)
    sent, _ = acknowledgements.send(session=session, user_id=alex, draft_id=0, fields=FIELDS, now=NOW)
    acknowledgements.respond(session=session, user_id=sam, ack_id=_id(sent), kind="heard", now=later)
    view = acknowledgements.sent_views(session=session, couple_id=_couple_id(session, sam))[0]
    assert view.sent_ms == int(NOW.timestamp() * 1000)
    assert [r.at_ms for r in view.replies] == [int(later.timestamp() * 1000)]
    # No clock of either zone is baked into what both partners read.
    assert "23:00" not in repr(view)
    assert "10:00" not in repr(view)


# ---- after a hard moment --------------------------------------------------------------------------------------


def test_a_hard_moment_talk_is_one_at_a_time_shared_step_by_step_and_kept(
    session: Session, couple: tuple[int, int]
) -> None:
    alex, sam = couple
    couple_id = _couple_id(session, alex)
    started = hard_moments.start(session=session, user_id=alex, now=NOW)
    with pytest.raises(hard_moments.AlreadyOpen):
        hard_moments.start(session=session, user_id=sam)
    hard_moments.share(session=session, user_id=alex, step="feelings", text="Hurt and on edge")
    hard_moments.share(session=session, user_id=sam, step="feelings", text="Lonely")
    hard_moments.move(session=session, user_id=sam, from_step=0, direction=1)
    hard_moments.move(session=session, user_id=alex, from_step=0, direction=1)  # the same press twice: one step
    view = hard_moments.open_view(session=session, couple_id=couple_id)
    assert view.step == 1
    assert sorted(view.shared_by[0]) == sorted([alex, sam])
    assert view.shared_by[1:] == [[], [], [], []]
    assert sorted((e.author_name, e.text) for e in view.words) == [("Alex", "Hurt and on edge"), ("Sam", "Lonely")]
    hard_moments.share(session=session, user_id=alex, step="feelings", text="Hurt, calmer now")
    hard_moments.share(session=session, user_id=sam, step="plan", text="Ask for a break when I raise my voice")
    # Each partner's own words come back by step, for their own boxes only.
    assert hard_moments.my_entries(session=session, user_id=alex) == {"feelings": "Hurt, calmer now"}
    assert hard_moments.my_entries(session=session, user_id=sam) == {
        "feelings": "Lonely",
        "plan": "Ask for a break when I raise my voice",
    }
    made = hard_moments.plan_commitment(session=session, user_id=sam, now=NOW)
    assert (made.owner_id, made.text) == (sam, "Ask for a break when I raise my voice")
    with pytest.raises(ServiceError):
        hard_moments.plan_commitment(session=session, user_id=alex)  # Alex has no plan shared
    hard_moments.finish(session=session, user_id=sam, now=NOW)
    assert hard_moments.open_view(session=session, couple_id=couple_id).id == 0
    assert hard_moments.my_entries(session=session, user_id=alex) == {}
    summary = hard_moments.past(session=session, user_id=alex, time_zone="UTC")
    assert [s.id for s in summary] == [started.id]
    assert [(s.title, s.lines) for s in summary[0].sections] == [
        ("Feelings", ["You: Hurt, calmer now", "Sam: Lonely"]),
        ("Next time", ["Sam: Ask for a break when I raise my voice (now a commitment)"]),
    ]
    hard_moments.start(session=session, user_id=sam)  # the next one can begin


def test_another_couple_cannot_touch_a_hard_moment_talk(
    session: Session, couple: tuple[int, int], strangers: tuple[int, int]
) -> None:
    alex, _ = couple
    mallory, _ = strangers
    hard_moments.start(session=session, user_id=alex)
    hard_moments.share(session=session, user_id=alex, step="reality", text="Our private view")
    for attempt in (
        lambda: hard_moments.share(session=session, user_id=mallory, step="reality", text="x"),
        lambda: hard_moments.move(session=session, user_id=mallory, from_step=0, direction=1),
        lambda: hard_moments.finish(session=session, user_id=mallory),
    ):
        with pytest.raises(ServiceError, match="no hard-moment talk"):
            attempt()
    assert hard_moments.open_view(session=session, couple_id=_couple_id(session, mallory)).id == 0
    assert hard_moments.past(session=session, user_id=mallory, time_zone="UTC") == []
    open_talk = session.exec(select(HardMoment).where(col(HardMoment.ended_at).is_(None))).one()
    assert open_talk.step == 0
