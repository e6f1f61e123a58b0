"""The weekly check-in as it happens: every step is written to the database first, then shown on every screen.

Each write is conditional on the meeting's ``version`` (or, for next/back, on the section the caller saw), so two
partners pressing "Next" at once move the meeting one section, never two.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from couple_dash.domain import meeting as rules
from couple_dash.domain.agenda import AgendaKind, clean_item_text, item_text_problem
from couple_dash.models import AgendaItem, CheckInMeeting, MeetingNote, TimeOutRecord, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of, require_partner

NO_MEETING = "There's no check-in going on right now."
NOTE_KINDS = ("agreement", "ritual")
# Items a check-in may mark as talked through (appreciations and good news are settled when it ends).
RESOLVABLE = (AgendaKind.CONCERN.value, AgendaKind.REQUEST.value, AgendaKind.REVIEW.value)


class Stale(ServiceError):
    """The meeting moved on another screen between seeing it and acting; nothing was written."""

    def __init__(self) -> None:
        super().__init__("That changed a moment ago on another screen. This is where the check-in is now.")


class AlreadyStarted(ServiceError):
    def __init__(self) -> None:
        super().__init__("Your partner has just started the check-in; you're in it too.")


def open_meeting(session: Session, couple_id: int) -> CheckInMeeting | None:
    return session.exec(
        select(CheckInMeeting).where(col(CheckInMeeting.couple_id) == couple_id, col(CheckInMeeting.ended_at).is_(None))
    ).first()


def current_meeting(session: Session, user_id: int) -> tuple[User, CheckInMeeting]:
    user, couple_id = couple_of(session, user_id)
    found = open_meeting(session, couple_id)
    if found is None:
        raise ServiceError(NO_MEETING)
    return user, found


def _partner_of(session: Session, couple_id: int, user_id: int) -> int:
    partner = require_partner(session, couple_id, user_id, "The check-in is for two: invite your partner first.")
    assert partner.id is not None
    return partner.id


def write_if_unchanged(session: Session, found: CheckInMeeting, **values: object) -> None:
    """Apply ``values`` only if nobody changed the meeting since it was read."""
    assert found.id is not None
    written = session.exec(
        update(CheckInMeeting)
        .where(
            col(CheckInMeeting.id) == found.id,
            col(CheckInMeeting.version) == found.version,
            col(CheckInMeeting.ended_at).is_(None),
        )
        .values(version=CheckInMeeting.version + 1, **values)
    )
    if not written.rowcount:
        raise Stale()
    session.refresh(found)


def start(
    *, session: Session, user_id: int, turn_seconds: int = rules.DEFAULT_TURN_SECONDS, now: datetime | None = None
) -> CheckInMeeting:
    """Open this week's check-in (or join the one already open) and reveal every item kept for it."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    _partner_of(session, couple_id, user_id)
    if problem := rules.turn_seconds_problem(turn_seconds):
        raise ServiceError(problem)
    if open_meeting(session, couple_id) is not None:
        raise AlreadyStarted()
    meeting = CheckInMeeting(
        couple_id=couple_id,
        started_by=user_id,
        started_at=now,
        section_started_at=now,
        turn_seconds=turn_seconds,
        appreciation_turn=user_id,
    )
    session.add(meeting)
    try:
        session.flush()
    except IntegrityError:
        # The partner opened it in the same instant (the unique index allows one open meeting per couple): one
        # meeting, both in it. Starting is the whole unit of work, so rolling it back loses nothing.
        session.rollback()
        raise AlreadyStarted() from None
    session.exec(
        update(AgendaItem)
        .where(
            col(AgendaItem.couple_id) == couple_id,
            col(AgendaItem.private),
            col(AgendaItem.revealed_at).is_(None),
            col(AgendaItem.resolved_at).is_(None),
        )
        .values(revealed_at=now)
    )
    first_issue = session.exec(
        select(AgendaItem)
        .where(
            col(AgendaItem.couple_id) == couple_id,
            col(AgendaItem.kind) == AgendaKind.CONCERN.value,
            col(AgendaItem.resolved_at).is_(None),
        )
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).first()
    if first_issue is not None:
        meeting.issue_item_id, meeting.speaker_id = first_issue.id, first_issue.author_id
    session.add(meeting)
    session.flush()
    return meeting


def move(*, session: Session, user_id: int, from_section: int, direction: int, now: datetime | None = None) -> None:
    """Next (+1) or back (-1) from the section the caller was looking at; a second press of the same step by the
    other partner finds the meeting already moved and changes nothing."""
    now = now or utcnow()
    _, found = current_meeting(session, user_id)
    if found.section != from_section:
        return
    try:
        target = rules.step(found.section, direction, found.time_out_by)
    except rules.MeetingRuleError as broken:
        raise ServiceError(str(broken)) from None
    values: dict[str, object] = {"section": target, "section_started_at": now}
    if rules.SECTIONS[target] is rules.Section.ISSUE and found.turn_started_at is None:
        values["turn_started_at"] = now
    write_if_unchanged(session, found, **values)


def call_time_out(*, session: Session, user_id: int, now: datetime | None = None) -> None:
    _, found = current_meeting(session, user_id)
    try:
        caller = rules.call_time_out(found.time_out_by, user_id)
    except rules.MeetingRuleError as broken:
        raise ServiceError(str(broken)) from None
    now = now or utcnow()
    write_if_unchanged(session, found, time_out_by=caller, time_out_at=now)
    # Kept for the "when to involve a therapist" signal (repeated time-outs), which the meeting row can't tell.
    assert found.id is not None
    session.add(TimeOutRecord(meeting_id=found.id, called_by=caller, called_at=now))
    session.flush()


def resume(*, session: Session, user_id: int, now: datetime | None = None) -> None:
    """Only the caller resumes; the section and turn timers don't count the break."""
    now = now or utcnow()
    _, found = current_meeting(session, user_id)
    try:
        rules.resume(found.time_out_by, user_id)
    except rules.MeetingRuleError as broken:
        raise ServiceError(str(broken)) from None
    assert found.time_out_at is not None
    pause = max(now - found.time_out_at, timedelta(0))
    values: dict[str, object] = {
        "time_out_by": None,
        "time_out_at": None,
        "section_started_at": found.section_started_at + pause,
    }
    if found.turn_started_at is not None:
        values["turn_started_at"] = found.turn_started_at + pause
    write_if_unchanged(session, found, **values)


def refuse_while_paused(found: CheckInMeeting) -> None:
    if found.time_out_by is not None:
        raise ServiceError("The check-in is paused for a time-out. It goes on when it's resumed.")


def pass_appreciation_turn(*, session: Session, user_id: int) -> None:
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    current = found.appreciation_turn or user_id
    write_if_unchanged(session, found, appreciation_turn=_partner_of(session, found.couple_id, current))


def _issue(session: Session, found: CheckInMeeting, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None or item.couple_id != found.couple_id or item.resolved_at is not None:
        raise NotAllowed("That item isn't on your couple's open agenda.")
    if item.kind != AgendaKind.CONCERN.value:
        raise ServiceError("One issue at a time: choose one of the concerns.")
    return item


def choose_issue(*, session: Session, user_id: int, item_id: int, now: datetime | None = None) -> None:
    """Put one concern on the table; whoever raised it speaks first."""
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    item = _issue(session, found, item_id)
    write_if_unchanged(
        session,
        found,
        issue_item_id=item.id,
        speaker_id=item.author_id,
        understood="",
        turn_started_at=now or utcnow(),
    )


def confirm_understood(*, session: Session, user_id: int, now: datetime | None = None) -> None:
    """The speaker says the listener's paraphrase matched what they meant: the floor passes to the listener."""
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    if found.issue_item_id is None or found.speaker_id is None:
        raise ServiceError("Choose an issue to talk about first.")
    floor = rules.Floor(
        found.speaker_id,
        _partner_of(session, found.couple_id, found.speaker_id),
        frozenset(int(part) for part in found.understood.split(",") if part),
    )
    try:
        passed = rules.confirm_understood(floor, user_id)
    except rules.MeetingRuleError as broken:
        raise ServiceError(str(broken)) from None
    write_if_unchanged(
        session,
        found,
        speaker_id=passed.speaker,
        understood=",".join(str(u) for u in sorted(passed.understood)),
        turn_started_at=now or utcnow(),
    )


def resolve_item(*, session: Session, user_id: int, item_id: int, now: datetime | None = None) -> None:
    """Mark a concern, request or review as talked through at this check-in (it won't carry over)."""
    now = now or utcnow()
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    item = session.get(AgendaItem, item_id)
    if item is None or item.couple_id != found.couple_id or item.resolved_at is not None:
        raise NotAllowed("That item isn't on your couple's open agenda.")
    if item.kind not in RESOLVABLE:
        raise ServiceError("Appreciations and good news are kept in the summary when the check-in ends.")
    item.resolved_at, item.resolved_in = now, found.id
    session.add(item)
    if found.issue_item_id == item_id:
        write_if_unchanged(session, found, issue_item_id=None, speaker_id=None, understood="", turn_started_at=None)
    session.flush()


def set_issue_aside(*, session: Session, user_id: int) -> None:
    """Leave the current issue for another week: it stays on the agenda and carries over."""
    _, found = current_meeting(session, user_id)
    refuse_while_paused(found)
    write_if_unchanged(session, found, issue_item_id=None, speaker_id=None, understood="", turn_started_at=None)


def add_note(*, session: Session, user_id: int, kind: str, text: str, now: datetime | None = None) -> MeetingNote:
    """An agreement reached, or a ritual planned for the coming week; part of the summary."""
    _, found = current_meeting(session, user_id)
    if kind not in NOTE_KINDS:
        raise ServiceError("Say whether this is an agreement or a plan.")
    if problem := item_text_problem(text):
        raise ServiceError(problem)
    assert found.id is not None
    note = MeetingNote(meeting_id=found.id, author_id=user_id, kind=kind, text=clean_item_text(text))
    note.created_at = now or utcnow()
    session.add(note)
    session.flush()
    return note


def remove_note(*, session: Session, user_id: int, note_id: int) -> None:
    _, found = current_meeting(session, user_id)
    note = session.get(MeetingNote, note_id)
    if note is None or note.meeting_id != found.id:
        raise NotAllowed("That note isn't part of your check-in.")
    if note.author_id != user_id:
        raise NotAllowed("Only the person who wrote this can remove it.")
    session.delete(note)
    session.flush()


def notes(session: Session, meeting_id: int) -> list[MeetingNote]:
    return list(
        session.exec(
            select(MeetingNote)
            .where(col(MeetingNote.meeting_id) == meeting_id)
            .order_by(col(MeetingNote.created_at), col(MeetingNote.id))
        ).all()
    )
