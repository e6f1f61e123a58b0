"""After a hard moment: one live talk per couple, each partner sharing only their own words, kept as a summary.

Every step is written to the database first (the step moves conditionally on the one the caller saw, so two
partners pressing Next at once move it once), then shown on both partners' screens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from couple_dash.domain import hard_moment as rules
from couple_dash.domain.cadence import CadenceKind
from couple_dash.domain.commitments import MAX_TEXT, Category
from couple_dash.models import Commitment, HardMoment, HardMomentEntry, User, utcnow
from couple_dash.services import ServiceError, commitments, couple_of, require_partner
from couple_dash.services.commitments import CommitmentInput

NO_TALK = "There's no hard-moment talk going on right now."
SHOWN_PAST = 20


class AlreadyOpen(ServiceError):
    def __init__(self) -> None:
        super().__init__("Your partner has just opened this talk; you're in it too.")


@dataclass(frozen=True)
class EntryView:
    author_id: int
    author_name: str
    step: str
    text: str
    commitment_id: int


@dataclass(frozen=True)
class MomentView:
    """The open talk (``id`` 0 when there is none), as both partners see it."""

    id: int = 0
    step: int = 0
    started_by: int = 0
    started_by_name: str = ""
    version: int = 0
    words: list[EntryView] = field(default_factory=list)  # what each shared (`entries` is a Reflex var method)
    shared_by: list[list[int]] = field(default_factory=lambda: [[] for _ in rules.STEPS])  # per step: who shared


@dataclass(frozen=True)
class SummarySection:
    title: str
    lines: list[str]


@dataclass(frozen=True)
class MomentSummary:
    id: int
    date_label: str
    sections: list[SummarySection]


def open_moment(session: Session, couple_id: int) -> HardMoment | None:
    return session.exec(
        select(HardMoment).where(col(HardMoment.couple_id) == couple_id, col(HardMoment.ended_at).is_(None))
    ).first()


def _current(session: Session, user_id: int) -> HardMoment:
    _, couple_id = couple_of(session, user_id)
    found = open_moment(session, couple_id)
    if found is None:
        raise ServiceError(NO_TALK)
    return found


def start(*, session: Session, user_id: int, now: datetime | None = None) -> HardMoment:
    """Open a talk for the two of you (or refuse with AlreadyOpen: the partner's is the one to join)."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    require_partner(session, couple_id, user_id, "This talk is for the two of you: invite your partner first.")
    if open_moment(session, couple_id) is not None:
        raise AlreadyOpen()
    moment = HardMoment(couple_id=couple_id, started_by=user_id, started_at=now)
    session.add(moment)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()  # the partner opened one in the same instant: theirs is the one
        raise AlreadyOpen() from None
    return moment


def move(*, session: Session, user_id: int, from_step: int, direction: int) -> None:
    """Next (+1) or Back (-1) from the step the caller saw; a second press of the same step changes nothing."""
    found = _current(session, user_id)
    if found.step != from_step:
        return
    session.exec(
        update(HardMoment)
        .where(col(HardMoment.id) == found.id, col(HardMoment.step) == from_step, col(HardMoment.ended_at).is_(None))
        .values(step=rules.moved(from_step, direction), version=HardMoment.version + 1)
    )


def _own_entry(session: Session, moment: HardMoment, user_id: int, step: str) -> HardMomentEntry | None:
    """The caller's own words for one step of ``moment``, if they shared any."""
    return session.exec(
        select(HardMomentEntry).where(
            col(HardMomentEntry.moment_id) == moment.id,
            col(HardMomentEntry.author_id) == user_id,
            col(HardMomentEntry.step) == step,
        )
    ).first()


def share(
    *, session: Session, user_id: int, step: str, text: str, now: datetime | None = None
) -> HardMomentEntry | None:
    """Share (or update, or with empty text take back) the caller's own words for one step."""
    now = now or utcnow()
    found = _current(session, user_id)
    if rules.step_index(step) is None:
        raise ServiceError("That isn't a step of this talk.")
    if problem := rules.entry_problem(text):
        raise ServiceError(problem)
    text = text.strip()
    entry = _own_entry(session, found, user_id, step)
    if not text:
        if entry is not None and entry.commitment_id is None:
            session.delete(entry)
            session.flush()
            return None
        if entry is None:
            return None
        raise ServiceError("This plan is a commitment now; it stays in the talk's summary.")
    if entry is None:
        assert found.id is not None
        entry = HardMomentEntry(moment_id=found.id, author_id=user_id, step=step, text=text, updated_at=now)
    else:
        entry.text, entry.updated_at = text, now
    try:
        with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        raise ServiceError("You shared this from another device a moment ago; it's shown now.") from None
    return entry


def plan_commitment(*, session: Session, user_id: int, now: datetime | None = None) -> Commitment:
    """Make the caller's own "next time" plan a commitment of theirs ("each time it happens")."""
    now = now or utcnow()
    found = _current(session, user_id)
    entry = _own_entry(session, found, user_id, rules.PLAN)
    if entry is None or not entry.text:
        raise ServiceError("Share your plan first; then you can make it a commitment.")
    if entry.commitment_id is not None:
        raise ServiceError("Your plan is already a commitment.")
    made = commitments.create(
        session=session,
        user_id=user_id,
        owner_id=user_id,
        data=CommitmentInput(
            text=entry.text[:MAX_TEXT],
            why="What I'll try next time, from our talk after a hard moment.",
            category=Category.CONNECTION.value,
            cadence_kind=CadenceKind.OCCASION.value,
        ),
        now=now,
    )
    entry.commitment_id = made.id
    session.add(entry)
    session.flush()
    return made


def finish(*, session: Session, user_id: int, now: datetime | None = None) -> HardMoment:
    """End the talk (either partner, at any step); what was shared is kept as its summary."""
    found = _current(session, user_id)
    written = session.exec(
        update(HardMoment)
        .where(col(HardMoment.id) == found.id, col(HardMoment.ended_at).is_(None))
        .values(ended_at=now or utcnow(), ended_by=user_id, version=HardMoment.version + 1)
    )
    if not written.rowcount:
        raise ServiceError(NO_TALK)
    session.refresh(found)
    return found


def _names(session: Session, couple_id: int) -> dict[int, str]:
    return {
        u.id: u.display_name
        for u in session.exec(select(User).where(col(User.couple_id) == couple_id)).all()
        if u.id is not None
    }


def _entries(session: Session, moment_ids: list[int]) -> list[HardMomentEntry]:
    if not moment_ids:
        return []
    return list(
        session.exec(
            select(HardMomentEntry)
            .where(col(HardMomentEntry.moment_id).in_(moment_ids))
            .order_by(col(HardMomentEntry.author_id), col(HardMomentEntry.id))
        ).all()
    )


def open_view(*, session: Session, couple_id: int) -> MomentView:
    found = open_moment(session, couple_id)
    if found is None or found.id is None:
        return MomentView()
    names = _names(session, couple_id)
    entries = [
        EntryView(e.author_id, names.get(e.author_id, "A former partner"), e.step, e.text, e.commitment_id or 0)
        for e in _entries(session, [found.id])
    ]
    shared_by: list[list[int]] = [[] for _ in rules.STEPS]
    for entry in entries:
        index = rules.step_index(entry.step)
        if index is not None:
            shared_by[index].append(entry.author_id)
    return MomentView(
        found.id, found.step, found.started_by, names.get(found.started_by, ""), found.version, entries, shared_by
    )


def my_entries(*, session: Session, user_id: int) -> dict[str, str]:
    """The caller's own words for each step of the open talk, by step (to put back in their boxes)."""
    _, couple_id = couple_of(session, user_id)
    found = open_moment(session, couple_id)
    if found is None:
        return {}
    return {
        entry.step: entry.text
        for entry in session.exec(
            select(HardMomentEntry).where(
                col(HardMomentEntry.moment_id) == found.id, col(HardMomentEntry.author_id) == user_id
            )
        ).all()
    }


def past(*, session: Session, user_id: int, time_zone: str) -> list[MomentSummary]:
    """The couple's finished talks, newest first, step by step with what each partner shared."""
    _, couple_id = couple_of(session, user_id)
    moments = list(
        session.exec(
            select(HardMoment)
            .where(col(HardMoment.couple_id) == couple_id, col(HardMoment.ended_at).is_not(None))
            .order_by(col(HardMoment.ended_at).desc(), col(HardMoment.id).desc())
            .limit(SHOWN_PAST)
        ).all()
    )
    names = _names(session, couple_id)
    by_moment: dict[int, list[HardMomentEntry]] = {}
    for entry in _entries(session, [m.id for m in moments if m.id is not None]):
        by_moment.setdefault(entry.moment_id, []).append(entry)
    summaries = []
    for moment in moments:
        assert moment.id is not None
        entries = by_moment.get(moment.id, [])
        sections = []
        for step in rules.STEPS:
            lines = [
                f"{'You' if e.author_id == user_id else names.get(e.author_id, 'A former partner')}: {e.text}"
                + (" (now a commitment)" if e.commitment_id else "")
                for e in entries
                if e.step == step.key
            ]
            if lines:
                sections.append(SummarySection(step.title, lines))
        started = moment.started_at.astimezone(ZoneInfo(time_zone))
        summaries.append(MomentSummary(moment.id, started.strftime("%a %d %b %Y"), sections))
    return summaries
