"""Acknowledgements of harm: a private draft, sent when its author chooses, then a thread both partners read.

- A draft is its author's alone: nothing about it (not even that it exists) is in the couple's shared view, and
  every function refuses a draft of someone else with the same words as a missing one.
- Sending is one unit of work: the acknowledgement is frozen (no edits after, only follow-ups), and each line of
  "what I will do differently" becomes the author's own commitment.
- Only the receiver responds ("I hear you", a reply, or "not ready to respond yet"); only the author follows up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.domain import acknowledgement as rules
from couple_dash.domain.cadence import CadenceKind
from couple_dash.domain.commitments import Category
from couple_dash.models import Acknowledgement, AcknowledgementReply, Commitment, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, commitments, couple_of, require_partner
from couple_dash.services.commitments import CommitmentInput

NOT_FOUND = "That acknowledgement isn't one you can open."
RESPONSES = {"heard": "I hear you", "reply": "Reply", "not_ready": "Not ready to respond yet"}
KIND_LABELS = {**RESPONSES, "follow_up": "Follow-up"}
SHOWN = 20  # sent acknowledgements in the live view (newest first)


@dataclass(frozen=True)
class AckFields:
    what_happened: str = ""
    impact: str = ""
    feelings: str = ""
    differently: str = ""


@dataclass(frozen=True)
class DraftView:
    """The author's own unsent draft (read into the author's tab only)."""

    id: int
    what_happened: str
    impact: str
    feelings: str
    differently: str


@dataclass(frozen=True)
class ReplyView:
    id: int
    author_id: int
    author_name: str
    kind: str
    kind_label: str
    text: str
    at_ms: int  # shown in each reader's own time zone by the browser


@dataclass(frozen=True)
class AcknowledgementView:
    """A sent acknowledgement with its thread, as both partners see it."""

    id: int
    author_id: int
    author_name: str
    receiver_id: int
    receiver_name: str
    what_happened: str
    impact: str
    feelings: str
    changes: list[str]
    commitment_ids: list[int]
    sent_ms: int  # shown in each reader's own time zone by the browser
    replies: list[ReplyView]


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def _draft(session: Session, user_id: int, draft_id: int) -> Acknowledgement:
    """The caller's own unsent draft; anything else is refused as if it did not exist."""
    _, couple_id = couple_of(session, user_id)
    found = session.get(Acknowledgement, draft_id)
    if found is None or found.couple_id != couple_id or found.author_id != user_id:
        raise NotAllowed(NOT_FOUND)
    if found.sent_at is not None:
        raise ServiceError("A sent acknowledgement stays as it was sent; you can add a follow-up to it instead.")
    return found


def _sent(session: Session, user_id: int, ack_id: int) -> Acknowledgement:
    """A sent acknowledgement of the caller's couple (an unsent one is refused as if it did not exist)."""
    _, couple_id = couple_of(session, user_id)
    found = session.get(Acknowledgement, ack_id)
    if found is None or found.couple_id != couple_id or found.sent_at is None:
        raise NotAllowed(NOT_FOUND)
    return found


def my_draft(*, session: Session, user_id: int) -> DraftView | None:
    """The caller's draft in progress, if any (only ever read for its author)."""
    _, couple_id = couple_of(session, user_id)
    found = session.exec(
        select(Acknowledgement)
        .where(
            col(Acknowledgement.couple_id) == couple_id,
            col(Acknowledgement.author_id) == user_id,
            col(Acknowledgement.sent_at).is_(None),
        )
        .order_by(col(Acknowledgement.updated_at).desc(), col(Acknowledgement.id).desc())
    ).first()
    if found is None or found.id is None:
        return None
    return DraftView(found.id, found.what_happened, found.impact, found.feelings, found.differently)


def _check_lengths(fields: AckFields) -> None:
    for value in (fields.what_happened, fields.impact, fields.feelings, fields.differently):
        if len(value) > rules.MAX_FIELD:
            raise ServiceError(f"Keep each part under {rules.MAX_FIELD} characters.")


def save_draft(
    *, session: Session, user_id: int, draft_id: int, fields: AckFields, now: datetime | None = None
) -> Acknowledgement:
    """Keep the draft (``draft_id`` 0 starts one, or continues the caller's existing draft). Private to its author;
    the last save wins (drafts have one author)."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    _check_lengths(fields)
    if not draft_id:
        existing = my_draft(session=session, user_id=user_id)
        draft_id = existing.id if existing else 0
    if draft_id:
        draft = _draft(session, user_id, draft_id)
    else:
        draft = Acknowledgement(couple_id=couple_id, author_id=user_id, created_at=now)
    draft.what_happened, draft.impact = fields.what_happened.strip(), fields.impact.strip()
    draft.feelings, draft.differently = fields.feelings.strip(), fields.differently.strip()
    draft.updated_at = now
    draft.version = (draft.version or 0) + 1 if draft.id else 1
    session.add(draft)
    session.flush()
    return draft


def discard_draft(*, session: Session, user_id: int, draft_id: int) -> None:
    session.delete(_draft(session, user_id, draft_id))
    session.flush()


def send(
    *, session: Session, user_id: int, draft_id: int, fields: AckFields, now: datetime | None = None
) -> tuple[Acknowledgement, list[Commitment]]:
    """Save the final words and share them; every change line becomes the author's commitment ("each time it
    happens"; its page lets them make it more specific). Only the author sends; a draft is sent once."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    if problem := rules.send_problem(fields.what_happened, fields.impact, fields.feelings, fields.differently):
        raise ServiceError(problem)
    partner = require_partner(session, couple_id, user_id, "An acknowledgement is for your partner: invite them first.")
    draft = save_draft(session=session, user_id=user_id, draft_id=draft_id, fields=fields, now=now)
    assert draft.id is not None
    # Conditional: a double tap (or two devices) sends it once.
    written = session.exec(
        update(Acknowledgement)
        .where(col(Acknowledgement.id) == draft.id, col(Acknowledgement.sent_at).is_(None))
        .values(sent_at=now, receiver_id=partner.id)
    )
    if not written.rowcount:
        raise ServiceError("This acknowledgement has already been sent.")
    made = [
        commitments.create(
            session=session,
            user_id=user_id,
            owner_id=user_id,
            data=CommitmentInput(
                text=line,
                why=f"Part of my acknowledgement to {partner.display_name}: what I will do differently.",
                category=Category.RELIABILITY.value,
                cadence_kind=CadenceKind.OCCASION.value,
            ),
            now=now,
        )
        for line in rules.change_lines(fields.differently)
    ]
    draft.commitment_ids = ",".join(str(c.id) for c in made)
    session.add(draft)
    session.flush()
    session.refresh(draft)
    return draft, made


def respond(
    *, session: Session, user_id: int, ack_id: int, kind: str, text: str = "", now: datetime | None = None
) -> AcknowledgementReply:
    """The receiver answers, in their own time: "I hear you", a reply, or "not ready to respond yet"."""
    found = _sent(session, user_id, ack_id)
    if kind not in RESPONSES:
        raise ServiceError("Choose how you'd like to respond.")
    if found.receiver_id != user_id:
        raise NotAllowed("Your partner responds to your acknowledgement; you can add a follow-up to it.")
    text = text.strip()
    if kind == "reply" and not text:
        raise ServiceError("Write your reply first, or choose “I hear you”.")
    return _add_reply(session, found, user_id, kind, text if kind == "reply" else "", now)


def follow_up(
    *, session: Session, user_id: int, ack_id: int, text: str, now: datetime | None = None
) -> AcknowledgementReply:
    """The author adds to what they sent (the sent words themselves never change)."""
    found = _sent(session, user_id, ack_id)
    if found.author_id != user_id:
        raise NotAllowed("Only the person who wrote this acknowledgement adds follow-ups; you can reply to it.")
    if not text.strip():
        raise ServiceError("Write your follow-up first.")
    return _add_reply(session, found, user_id, "follow_up", text.strip(), now)


def _add_reply(
    session: Session, found: Acknowledgement, user_id: int, kind: str, text: str, now: datetime | None
) -> AcknowledgementReply:
    if len(text) > rules.MAX_REPLY:
        raise ServiceError(f"Keep it under {rules.MAX_REPLY} characters.")
    assert found.id is not None
    reply = AcknowledgementReply(
        acknowledgement_id=found.id, author_id=user_id, kind=kind, text=text, created_at=now or utcnow()
    )
    session.add(reply)
    session.flush()
    return reply


def sent_views(*, session: Session, couple_id: int) -> list[AcknowledgementView]:
    """The couple's sent acknowledgements, newest first, with their threads. Drafts are never part of this."""
    sent = list(
        session.exec(
            select(Acknowledgement)
            .where(col(Acknowledgement.couple_id) == couple_id, col(Acknowledgement.sent_at).is_not(None))
            .order_by(col(Acknowledgement.sent_at).desc(), col(Acknowledgement.id).desc())
            .limit(SHOWN)
        ).all()
    )
    ids = [a.id for a in sent if a.id is not None]
    replies: dict[int, list[AcknowledgementReply]] = {i: [] for i in ids}
    if ids:
        for reply in session.exec(
            select(AcknowledgementReply)
            .where(col(AcknowledgementReply.acknowledgement_id).in_(ids))
            .order_by(col(AcknowledgementReply.created_at), col(AcknowledgementReply.id))
        ).all():
            replies[reply.acknowledgement_id].append(reply)
    user_ids = {a.author_id for a in sent} | {a.receiver_id for a in sent if a.receiver_id}
    user_ids |= {r.author_id for rs in replies.values() for r in rs}
    people = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(user_ids))).all()} if user_ids else {}

    def name(uid: int | None) -> str:
        person = people.get(uid)
        return person.display_name if person and person.couple_id == couple_id else "A former partner"

    views = []
    for ack in sent:
        assert ack.id is not None
        assert ack.sent_at is not None
        views.append(
            AcknowledgementView(
                id=ack.id,
                author_id=ack.author_id,
                author_name=name(ack.author_id),
                receiver_id=ack.receiver_id or 0,
                receiver_name=name(ack.receiver_id),
                what_happened=ack.what_happened,
                impact=ack.impact,
                feelings=ack.feelings,
                changes=rules.change_lines(ack.differently),
                commitment_ids=[int(i) for i in ack.commitment_ids.split(",") if i],
                sent_ms=_ms(ack.sent_at),
                replies=[
                    ReplyView(
                        r.id or 0,
                        r.author_id,
                        name(r.author_id),
                        r.kind,
                        KIND_LABELS.get(r.kind, ""),
                        r.text,
                        _ms(r.created_at),
                    )
                    for r in replies[ack.id]
                ],
            )
        )
    return views
