"""The private space at the service layer: only its author ever reads, lists, edits, deletes or shares anything.

The partner and a member of another couple are refused with exactly the words a missing item gets, so a refusal
says nothing about what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session, select

from couple_dash.config import Settings
from couple_dash.models import Explanation, PrivateNote, User, WhyReflection, WorkbookEntry, WorkbookStepDone
from couple_dash.services import (
    NotAllowed,
    ServiceError,
    accounts,
    explanations,
    private_notes,
    why_reflection,
    workbook,
)
from couple_dash.services.private_space import NOT_FOUND
from tests.integration.helpers import pair

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
FULL = {
    "context": "Work was falling apart and I hid it.",
    "thinking": "I felt ashamed and scared.",
    "impact": "You felt shut out and lied to.",
    "not_excuse": "None of this makes it OK.",
}
SECRET_NOTE = "Alex's secret note"
SECRET_ENTRY = "Alex's secret recall entry"


def _write_everything(session: Session, alex: int) -> dict[str, int]:
    note = private_notes.add_note(session=session, user_id=alex, text=SECRET_NOTE, now=NOW)
    why_reflection.save_reflection(
        session=session, user_id=alex, answers={"repeated": "repeated", "repeated_note": "Alex's secret why"}, now=NOW
    )
    explanation = explanations.save_explanation(session=session, user_id=alex, fields=FULL, now=NOW)
    entry = workbook.add_entry(session=session, user_id=alex, step="recall", text=SECRET_ENTRY, now=NOW)
    workbook.mark_step_done(session=session, user_id=alex, step="recall", now=NOW)
    assert note.id
    assert explanation.id
    assert entry.id
    return {"note": note.id, "explanation": explanation.id, "entry": entry.id}


def _attempts(ids: dict[str, int]) -> list[tuple[str, Callable[[Session, int], Any]]]:
    """Every way to reach an author's private item by id (what a forged event could name)."""
    note, explanation, entry = ids["note"], ids["explanation"], ids["entry"]
    return [
        ("edit note", lambda s, u: private_notes.edit_note(session=s, user_id=u, note_id=note, text="x")),
        ("delete note", lambda s, u: private_notes.delete_note(session=s, user_id=u, note_id=note)),
        (
            "edit explanation",
            lambda s, u: explanations.save_explanation(
                session=s, user_id=u, fields=FULL, explanation_id=explanation, base_version=1
            ),
        ),
        (
            "delete explanation",
            lambda s, u: explanations.delete_explanation(session=s, user_id=u, explanation_id=explanation),
        ),
        (
            "share explanation",
            lambda s, u: explanations.share_explanation(session=s, user_id=u, explanation_id=explanation),
        ),
        (
            "unshare explanation",
            lambda s, u: explanations.unshare_explanation(session=s, user_id=u, explanation_id=explanation),
        ),
        (
            "reply to unshared",
            lambda s, u: explanations.reply(session=s, user_id=u, explanation_id=explanation, text="hi"),
        ),
        ("edit entry", lambda s, u: workbook.edit_entry(session=s, user_id=u, entry_id=entry, text="x")),
        ("delete entry", lambda s, u: workbook.delete_entry(session=s, user_id=u, entry_id=entry)),
        ("share entry", lambda s, u: workbook.share_entry(session=s, user_id=u, entry_id=entry)),
        ("unshare entry", lambda s, u: workbook.unshare_entry(session=s, user_id=u, entry_id=entry)),
    ]


def _snapshot(session: Session) -> list[Any]:
    session.expire_all()
    rows: list[Any] = []
    for model in (PrivateNote, WhyReflection, Explanation, WorkbookEntry, WorkbookStepDone):
        rows += [row.model_dump() for row in session.exec(select(model)).all()]
    return rows


def test_the_partner_and_another_couple_can_never_touch_a_private_item(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "a")
    mallory, _ = pair(session, settings, "other")
    ids = _write_everything(session, alex)
    session.commit()
    before = _snapshot(session)
    for intruder in (sam, mallory):
        for what, attempt in _attempts(ids):
            with pytest.raises(NotAllowed) as refused:
                attempt(session, intruder)
            assert refused.value.message == NOT_FOUND, what
            session.rollback()
    # A missing id gets the very same words: a refusal tells nothing about what exists.
    for what, attempt in _attempts({"note": 99999, "explanation": 99999, "entry": 99999}):
        with pytest.raises(NotAllowed) as refused:
            attempt(session, sam)
        assert refused.value.message == NOT_FOUND, what
        session.rollback()
    assert _snapshot(session) == before


def test_the_partner_and_another_couple_list_none_of_it(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "b")
    mallory, _ = pair(session, settings, "other-b")
    _write_everything(session, alex)
    for reader in (sam, mallory):
        assert private_notes.list_notes(session=session, user_id=reader) == []
        assert why_reflection.reflection(session=session, user_id=reader) == why_reflection.ReflectionView()
        assert explanations.own_explanations(session=session, user_id=reader) == []
        assert workbook.own_entries(session=session, user_id=reader) == []
        assert {s.status for s in workbook.own_progress(session=session, user_id=reader)} == {"not_started"}
    couple_id = session.get_one(User, alex).couple_id
    assert couple_id is not None
    # Nothing is shared yet: the couple's shared view holds none of it.
    assert explanations.shared_explanations(session=session, couple_id=couple_id) == []
    assert workbook.shared_entries(session=session, couple_id=couple_id) == []


def test_the_author_reads_and_changes_their_own(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "c")
    ids = _write_everything(session, alex)
    assert [n.text for n in private_notes.list_notes(session=session, user_id=alex)] == [SECRET_NOTE]
    private_notes.edit_note(
        session=session, user_id=alex, note_id=ids["note"], text="  Changed\n\n my mind ", now=LATER
    )
    (note,) = private_notes.list_notes(session=session, user_id=alex)
    assert (note.text, note.edited) == ("Changed\nmy mind", True)
    private_notes.delete_note(session=session, user_id=alex, note_id=ids["note"])
    assert private_notes.list_notes(session=session, user_id=alex) == []

    mine = why_reflection.reflection(session=session, user_id=alex)
    assert (mine.repeated, mine.repeated_note, mine.saved_label) == ("repeated", "Alex's secret why", "26 Nov 2026")
    why_reflection.save_reflection(session=session, user_id=alex, answers={"forgive": "in_time", "repeated": "bogus"})
    mine = why_reflection.reflection(session=session, user_id=alex)
    assert (mine.repeated, mine.forgive, mine.repeated_note) == ("", "in_time", "")


def test_bad_input_is_refused_and_changes_nothing(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "d")
    with pytest.raises(ServiceError, match="few words"):
        private_notes.add_note(session=session, user_id=alex, text="  ")
    with pytest.raises(ServiceError, match="up to 2000"):
        private_notes.add_note(session=session, user_id=alex, text="x" * 2001)
    with pytest.raises(ServiceError, match="few words"):
        explanations.save_explanation(session=session, user_id=alex, fields={})
    with pytest.raises(ServiceError, match="five steps"):
        workbook.add_entry(session=session, user_id=alex, step="revenge", text="Hello")
    with pytest.raises(ServiceError, match="five steps"):
        workbook.mark_step_done(session=session, user_id=alex, step="revenge")
    with pytest.raises(ServiceError, match="up to 2000"):
        why_reflection.save_reflection(session=session, user_id=alex, answers={"forgive_note": "x" * 2001})
    assert _snapshot(session) == []


def test_workbook_progress_is_marked_by_the_author_only_when_they_choose(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "e")
    workbook.add_entry(session=session, user_id=alex, step="recall", text="What happened", now=NOW)
    workbook.add_entry(session=session, user_id=alex, step="recall", text="And how it hurt", now=NOW)

    def statuses(user_id: int) -> dict[str, tuple[str, int]]:
        return {s.step: (s.status, s.entry_count) for s in workbook.own_progress(session=session, user_id=user_id)}

    assert statuses(alex)["recall"] == ("writing", 2)  # writing never marks a step done by itself
    workbook.mark_step_done(session=session, user_id=alex, step="recall")
    workbook.mark_step_done(session=session, user_id=alex, step="recall")  # twice changes nothing
    workbook.mark_step_done(session=session, user_id=alex, step="hold_on")  # any order, no entries needed
    assert statuses(alex)["recall"] == ("done", 2)
    assert statuses(alex)["hold_on"] == ("done", 0)
    assert statuses(sam)["recall"] == ("not_started", 0)
    workbook.reopen_step(session=session, user_id=alex, step="hold_on")
    workbook.reopen_step(session=session, user_id=sam, step="recall")  # Sam's own (absent) row only
    assert statuses(alex)["hold_on"] == ("not_started", 0)
    assert statuses(alex)["recall"] == ("done", 2)


def test_someone_without_a_partner_keeps_a_private_space_but_cannot_share(session: Session, settings: Settings) -> None:
    solo = accounts.sign_up(
        session=session,
        display_name="Robin",
        email="robin@example.com",
        password="a long walk home",
        time_zone="UTC",
        settings=settings,
    ).viewer.user_id
    private_notes.add_note(session=session, user_id=solo, text="Just for me")
    entry = workbook.add_entry(session=session, user_id=solo, step="recall", text="What happened")
    explanation = explanations.save_explanation(session=session, user_id=solo, fields=FULL)
    with pytest.raises(ServiceError, match="partner has joined"):
        workbook.share_entry(session=session, user_id=solo, entry_id=entry.id or 0)
    with pytest.raises(ServiceError, match="partner has joined"):
        explanations.share_explanation(session=session, user_id=solo, explanation_id=explanation.id or 0)
