"""Sharing from the private space: per item, by the author only, with the partner only, taken back at will."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from couple_dash.config import Settings
from couple_dash.models import User
from couple_dash.services import NotAllowed, ServiceError, couples, explanations, workbook
from couple_dash.services.private_space import NOT_FOUND, shared_with_me
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
FULL = {
    "context": "Work was falling apart and I hid it.",
    "thinking": "I felt ashamed and scared.",
    "impact": "You felt shut out and lied to.",
    "not_excuse": "",
}


def _couple_id(session: Session, user_id: int) -> int:
    couple_id = session.get_one(User, user_id).couple_id
    assert couple_id is not None
    return couple_id


def test_a_shared_entry_reaches_the_partner_and_no_other_entry_does(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "a")
    _, other = pair(session, settings, "other-a")
    kept = workbook.add_entry(session=session, user_id=alex, step="recall", text="Kept private", now=NOW)
    shared = workbook.add_entry(session=session, user_id=alex, step="empathise", text="For Sam to read", now=NOW)
    workbook.share_entry(session=session, user_id=alex, entry_id=shared.id or 0, now=NOW)
    couple_id = _couple_id(session, alex)

    views = workbook.shared_entries(session=session, couple_id=couple_id)
    assert [(v.text, v.author_name, v.step_title, v.shared_label) for v in views] == [
        ("For Sam to read", "Alex", "Empathise", "26 Nov 2026")
    ]
    assert "Kept private" not in repr(views)
    assert workbook.shared_entries(session=session, couple_id=_couple_id(session, other)) == []
    assert shared_with_me(session=session, user_id=sam) == 1
    assert shared_with_me(session=session, user_id=alex) == 0  # one's own shares aren't "shared with me"
    assert shared_with_me(session=session, user_id=other) == 0
    mine = {e.text: e.shared for e in workbook.own_entries(session=session, user_id=alex)}
    assert mine == {"Kept private": False, "For Sam to read": True}

    # Editing a shared entry changes what Sam reads; editing the private one changes nothing Sam can see.
    workbook.edit_entry(session=session, user_id=alex, entry_id=shared.id or 0, text="For Sam, reworded")
    workbook.edit_entry(session=session, user_id=alex, entry_id=kept.id or 0, text="Still private, reworded")
    views = workbook.shared_entries(session=session, couple_id=couple_id)
    assert [(v.text, v.version) for v in views] == [("For Sam, reworded", 2)]

    assert workbook.unshare_entry(session=session, user_id=alex, entry_id=shared.id or 0) is True
    assert workbook.unshare_entry(session=session, user_id=alex, entry_id=shared.id or 0) is False  # nothing changed
    assert workbook.shared_entries(session=session, couple_id=couple_id) == []
    assert shared_with_me(session=session, user_id=sam) == 0


def test_an_explanation_is_shared_only_when_complete_and_the_partner_can_reply(
    session: Session, settings: Settings
) -> None:
    alex, sam = pair(session, settings, "b")
    mallory, _ = pair(session, settings, "other-b")
    draft = explanations.save_explanation(session=session, user_id=alex, fields={"context": "Only a start"}, now=NOW)
    draft_id = draft.id or 0
    with pytest.raises(ServiceError, match="Before sharing, add what i was thinking and feeling"):
        explanations.share_explanation(session=session, user_id=alex, explanation_id=draft_id)
    explanations.save_explanation(
        session=session, user_id=alex, fields=FULL, explanation_id=draft_id, base_version=1, now=NOW
    )
    couple_id = _couple_id(session, alex)
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []
    # Nobody can reply to an explanation that isn't shared with them.
    with pytest.raises(NotAllowed, match="isn't in your private space"):
        explanations.reply(session=session, user_id=sam, explanation_id=draft_id, text="Thanks")

    explanations.share_explanation(session=session, user_id=alex, explanation_id=draft_id, now=NOW)
    (view,) = explanations.shared_explanations(session=session, couple_id=couple_id)
    assert (view.author_name, view.context, view.impact, view.version) == ("Alex", FULL["context"], FULL["impact"], 2)

    for not_the_partner in (alex, mallory):
        with pytest.raises(NotAllowed) as refused:
            explanations.reply(session=session, user_id=not_the_partner, explanation_id=draft_id, text="Hmm")
        assert refused.value.message == NOT_FOUND
    with pytest.raises(ServiceError, match="up to 500"):
        explanations.reply(session=session, user_id=sam, explanation_id=draft_id, text="x" * 501)
    explanations.reply(session=session, user_id=sam, explanation_id=draft_id, text=" Thank you for telling me. ")
    (view,) = explanations.shared_explanations(session=session, couple_id=couple_id)
    assert view.reply == "Thank you for telling me."
    (own,) = explanations.own_explanations(session=session, user_id=alex)
    assert (own.shared, own.reply) == (True, "Thank you for telling me.")

    # While shared it keeps its three parts; unsharing takes it from Sam and keeps Sam's reply for Alex.
    with pytest.raises(ServiceError, match="While it's shared"):
        explanations.save_explanation(
            session=session, user_id=alex, fields={"context": "x"}, explanation_id=draft_id, base_version=2
        )
    assert explanations.unshare_explanation(session=session, user_id=alex, explanation_id=draft_id) is True
    assert explanations.unshare_explanation(session=session, user_id=alex, explanation_id=draft_id) is False
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []
    (own,) = explanations.own_explanations(session=session, user_id=alex)
    assert (own.shared, own.reply) == (False, "Thank you for telling me.")
    with pytest.raises(NotAllowed):
        explanations.reply(session=session, user_id=sam, explanation_id=draft_id, text="Another")


def test_a_stale_edit_of_an_explanation_is_refused(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "c")
    item = explanations.save_explanation(session=session, user_id=alex, fields=FULL)
    explanations.save_explanation(
        session=session, user_id=alex, fields=FULL, explanation_id=item.id or 0, base_version=1
    )
    with pytest.raises(explanations.StaleExplanation) as stale:
        explanations.save_explanation(
            session=session,
            user_id=alex,
            fields={**FULL, "context": "Old tab"},
            explanation_id=item.id or 0,
            base_version=1,
        )
    assert stale.value.current_version == 2
    (own,) = explanations.own_explanations(session=session, user_id=alex)
    assert own.context == FULL["context"]


def test_deleting_a_shared_item_takes_it_from_the_partner(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "d")
    entry = workbook.add_entry(session=session, user_id=alex, step="commit", text="My decision")
    workbook.share_entry(session=session, user_id=alex, entry_id=entry.id or 0)
    item = explanations.save_explanation(session=session, user_id=alex, fields=FULL)
    explanations.share_explanation(session=session, user_id=alex, explanation_id=item.id or 0)
    assert workbook.delete_entry(session=session, user_id=alex, entry_id=entry.id or 0) is True
    assert explanations.delete_explanation(session=session, user_id=alex, explanation_id=item.id or 0) is True
    couple_id = _couple_id(session, alex)
    assert workbook.shared_entries(session=session, couple_id=couple_id) == []
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []


@pytest.mark.parametrize("who_leaves", ["author", "partner"])
def test_leaving_the_couple_takes_back_every_share_for_good(
    session: Session, settings: Settings, who_leaves: str
) -> None:
    alex, sam = pair(session, settings, f"e-{who_leaves}")
    couple_id = _couple_id(session, alex)
    entry = workbook.add_entry(session=session, user_id=alex, step="commit", text="Meant for Sam only")
    workbook.share_entry(session=session, user_id=alex, entry_id=entry.id or 0)
    item = explanations.save_explanation(session=session, user_id=sam, fields=FULL)
    explanations.share_explanation(session=session, user_id=sam, explanation_id=item.id or 0)

    couples.leave_couple(session=session, user_id=alex if who_leaves == "author" else sam)
    assert workbook.shared_entries(session=session, couple_id=couple_id) == []
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []
    # Whoever joins next (or the same two pairing up again) finds nothing shared until it is shared anew.
    stayer, leaver = (sam, alex) if who_leaves == "author" else (alex, sam)
    code = couples.create_invite(session=session, user_id=stayer, settings=settings).code
    couples.join_with_code(session=session, user_id=leaver, code=code)
    assert workbook.shared_entries(session=session, couple_id=couple_id) == []
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []
    assert [e.shared for e in workbook.own_entries(session=session, user_id=alex)] == [False]
