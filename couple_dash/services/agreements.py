"""Transparency agreements: what one partner offers to share, made and kept by consent.

- Only the sharer makes one (``offer``) or agrees to one the partner asked for (``accept``); the partner may
  only ask (``ask``), and the sharer may say "not for now" (``decline``) with no consequence.
- Both partners see every agreement. Each has a review date in the sharer's calendar (4 weeks unless chosen);
  from then on it shows as due for review, and only the sharer renews it.
- Either partner withdraws any agreement of theirs alone, at any moment (``withdraw``): it ends at once for
  both, with a neutral note to the other and no effect on anything else (no streak, no score).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select, update

from couple_dash.domain import transparency as rules
from couple_dash.domain.cadence import local_today
from couple_dash.domain.lines import clean_line
from couple_dash.domain.reminders import Due
from couple_dash.domain.transparency import AgreementStatus
from couple_dash.models import TransparencyAgreement, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of, notifications, partner_of, require_partner

NOT_YOURS = "That agreement isn't part of your couple."
CHANGED = "That agreement changed a moment ago on another screen; this is how it stands now."
NEEDS_PARTNER = "Pair with your partner first: agreements are between the two of you."
RECENTLY_ENDED = timedelta(days=30)  # ended agreements stay in view (with their neutral note) for a month
MAX_ENDED_SHOWN = 10


@dataclass(frozen=True)
class AgreementView:
    id: int
    sharer_id: int
    sharer_name: str
    text: str
    status: str
    asked_by: int  # 0 when the sharer offered it unasked
    asked_by_name: str
    review_weeks: int
    review_label: str  # "Review on 24 Dec 2026"
    review_due: bool
    ended_note: str  # "Alex withdrew “…” on 26 Nov 2026."


def _weeks(review_weeks: int | str) -> int:
    weeks = rules.parse_review_weeks(review_weeks)
    if weeks is None:
        raise ServiceError("Pick when you'd like to review it: in 1, 2, 4, 8 or 12 weeks.")
    return weeks


def _agreement(session: Session, user_id: int, agreement_id: int) -> tuple[User, TransparencyAgreement]:
    user, couple_id = couple_of(session, user_id)
    agreement = session.get(TransparencyAgreement, agreement_id)
    if agreement is None or agreement.couple_id != couple_id:
        raise NotAllowed(NOT_YOURS)
    return user, agreement


def offer(
    *,
    session: Session,
    user_id: int,
    text: str,
    review_weeks: int | str = rules.DEFAULT_REVIEW_WEEKS,
    now: datetime | None = None,
) -> TransparencyAgreement:
    """The caller offers to share something. It is active at once: nobody else's consent is needed to offer."""
    user, couple_id = couple_of(session, user_id)
    require_partner(session, couple_id, user_id, NEEDS_PARTNER)
    if problem := rules.agreement_problem(text):
        raise ServiceError(problem)
    weeks, now = _weeks(review_weeks), now or utcnow()
    agreement = TransparencyAgreement(
        couple_id=couple_id,
        sharer_id=user_id,
        text=clean_line(text),
        status=AgreementStatus.ACTIVE,
        review_weeks=weeks,
        created_at=now,
        agreed_at=now,
        review_on=rules.review_date(local_today(now, user.time_zone), weeks),
    )
    session.add(agreement)
    session.flush()
    return agreement


def ask(
    *,
    session: Session,
    user_id: int,
    text: str,
    review_weeks: int | str = rules.DEFAULT_REVIEW_WEEKS,
    now: datetime | None = None,
) -> TransparencyAgreement:
    """The caller asks their partner whether they'd share something. Nothing is agreed until the partner says so."""
    _, couple_id = couple_of(session, user_id)
    partner = require_partner(session, couple_id, user_id, NEEDS_PARTNER)
    if problem := rules.agreement_problem(text):
        raise ServiceError(problem)
    now = now or utcnow()
    agreement = TransparencyAgreement(
        couple_id=couple_id,
        sharer_id=partner.id or 0,
        text=clean_line(text),
        status=AgreementStatus.ASKED,
        asked_by=user_id,
        review_weeks=_weeks(review_weeks),
        created_at=now,
    )
    session.add(agreement)
    session.flush()
    return agreement


def _move(session: Session, agreement: TransparencyAgreement, current: str, **values: object) -> None:
    """One conditional UPDATE: two screens acting at once can't both win; the second gets a clear refusal."""
    written = session.exec(
        update(TransparencyAgreement)
        .where(col(TransparencyAgreement.id) == agreement.id, col(TransparencyAgreement.status) == current)
        .values(**values)
    )
    if not written.rowcount:
        raise ServiceError(CHANGED)
    session.refresh(agreement)


def accept(
    *,
    session: Session,
    user_id: int,
    agreement_id: int,
    text: str | None = None,
    review_weeks: int | str | None = None,
    now: datetime | None = None,
) -> TransparencyAgreement:
    """The sharer agrees to what they were asked, in their own words if they like."""
    user, agreement = _agreement(session, user_id, agreement_id)
    if agreement.sharer_id != user_id:
        raise NotAllowed("Only the person who would share can agree to this.")
    if agreement.status != AgreementStatus.ASKED:
        raise ServiceError(CHANGED)
    words = agreement.text if text is None else text
    if problem := rules.agreement_problem(words):
        raise ServiceError(problem)
    weeks = _weeks(agreement.review_weeks if review_weeks is None else review_weeks)
    now = now or utcnow()
    _move(
        session,
        agreement,
        AgreementStatus.ASKED,
        status=AgreementStatus.ACTIVE,
        text=clean_line(words),
        review_weeks=weeks,
        agreed_at=now,
        review_on=rules.review_date(local_today(now, user.time_zone), weeks),
    )
    return agreement


def decline(*, session: Session, user_id: int, agreement_id: int, now: datetime | None = None) -> TransparencyAgreement:
    """The sharer says "not for now" to an ask. A plain no, with nothing attached to it."""
    user, agreement = _agreement(session, user_id, agreement_id)
    if agreement.sharer_id != user_id:
        raise NotAllowed("Only the person who was asked can answer this.")
    return _end(session, user, agreement, AgreementStatus.DECLINED, now or utcnow())


def withdraw(
    *, session: Session, user_id: int, agreement_id: int, now: datetime | None = None
) -> TransparencyAgreement:
    """Either partner ends an agreement (or takes back an ask) alone, at once. The other gets a neutral note."""
    user, agreement = _agreement(session, user_id, agreement_id)
    if agreement.status == AgreementStatus.ASKED and agreement.sharer_id == user_id:
        return decline(session=session, user_id=user_id, agreement_id=agreement_id, now=now)
    return _end(session, user, agreement, AgreementStatus.WITHDRAWN, now or utcnow())


def _end(
    session: Session, user: User, agreement: TransparencyAgreement, status: AgreementStatus, now: datetime
) -> TransparencyAgreement:
    current = agreement.status
    if current not in (AgreementStatus.ASKED, AgreementStatus.ACTIVE):
        raise ServiceError("That agreement has already ended.")
    if status == AgreementStatus.DECLINED and current != AgreementStatus.ASKED:
        raise ServiceError(CHANGED)
    day = local_today(now, user.time_zone)
    _move(session, agreement, current, status=status, ended_at=now, ended_by=user.id, ended_on=day)
    assert user.id is not None
    other = partner_of(session, agreement.couple_id, user.id)
    if other is not None and other.id is not None:
        if status == AgreementStatus.DECLINED:
            title = f"{user.display_name} answered your ask"
        elif current == AgreementStatus.ASKED:
            title = f"{user.display_name} took back an ask"
        else:
            title = f"{user.display_name} withdrew a transparency agreement"
        notifications.deliver(
            session,
            Due(
                key=f"agreement-ended:{agreement.id}",
                user_id=other.id,
                kind="agreement",
                title=title,
                body=rules.ended_message(status, user.display_name, agreement.text, day) + " Nothing else changes.",
                link="/updates#agreements",
                fire_at=now,
            ),
            now,
        )
    return agreement


def renew(
    *, session: Session, user_id: int, agreement_id: int, review_weeks: int | str, now: datetime | None = None
) -> TransparencyAgreement:
    """The sharer keeps an agreement going after a review, with a new review date. Only they can re-consent."""
    user, agreement = _agreement(session, user_id, agreement_id)
    if agreement.sharer_id != user_id:
        raise NotAllowed("Only the person who shares can keep this agreement going.")
    if agreement.status != AgreementStatus.ACTIVE:
        raise ServiceError("That agreement has already ended.")
    weeks = _weeks(review_weeks)
    today = local_today(now or utcnow(), user.time_zone)
    _move(
        session,
        agreement,
        AgreementStatus.ACTIVE,
        review_weeks=weeks,
        review_on=rules.review_date(today, weeks),
    )
    return agreement


def views(*, session: Session, couple_id: int, now: datetime | None = None) -> list[AgreementView]:
    """Every agreement both partners see: asked and active ones, then those ended in the last month."""
    now = now or utcnow()
    current = session.exec(
        select(TransparencyAgreement)
        .where(
            col(TransparencyAgreement.couple_id) == couple_id,
            col(TransparencyAgreement.status).in_([AgreementStatus.ASKED, AgreementStatus.ACTIVE]),
        )
        .order_by(col(TransparencyAgreement.created_at), col(TransparencyAgreement.id))
    ).all()
    ended = session.exec(
        select(TransparencyAgreement)
        .where(
            col(TransparencyAgreement.couple_id) == couple_id,
            col(TransparencyAgreement.status).in_([AgreementStatus.WITHDRAWN, AgreementStatus.DECLINED]),
            col(TransparencyAgreement.ended_at) >= now - RECENTLY_ENDED,
        )
        .order_by(col(TransparencyAgreement.ended_at).desc(), col(TransparencyAgreement.id).desc())
        .limit(MAX_ENDED_SHOWN)
    ).all()
    shown = [*current, *ended]
    ids = (
        {a.sharer_id for a in shown}
        | {a.asked_by for a in shown if a.asked_by}
        | {a.ended_by for a in shown if a.ended_by}
    )
    people = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(ids)))} if ids else {}

    def name(user_id: int | None) -> str:
        person = people.get(user_id) if user_id else None
        return person.display_name if person else ""

    result = []
    for a in shown:
        sharer = people.get(a.sharer_id)
        today = local_today(now, sharer.time_zone if sharer else "UTC")
        result.append(
            AgreementView(
                id=a.id or 0,
                sharer_id=a.sharer_id,
                sharer_name=name(a.sharer_id),
                text=a.text,
                status=a.status,
                asked_by=a.asked_by or 0,
                asked_by_name=name(a.asked_by),
                review_weeks=a.review_weeks,
                review_label=f"Review on {rules.day_label(a.review_on)}" if a.review_on else "",
                review_due=rules.review_due(a.status, a.review_on, today),
                ended_note=rules.ended_message(a.status, name(a.ended_by), a.text, a.ended_on) if a.ended_on else "",
            )
        )
    return result
