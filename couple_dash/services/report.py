"""The consented, read-only progress report for a couple therapist, and its share links.

Consent rules
- Either partner asks for a report; asking is their consent. The other consents separately, on their own device.
- The report exists for reading (page, PDF, links) only while BOTH current members consent and it isn't revoked.
- Either partner withdraws alone, at any time: the report is revoked at once, and with it every share link (a link
  is checked against its report on every request). Leaving the couple or deleting the account withdraws too.
- Each partner decides, when consenting, whether their own pulse (CSI-4) line goes in. Both partners can read the
  report, so including it shows it to the partner too; the consent form says so.

What it holds is decided in ``report_builder``: commitments and follow-through, check-in summaries, included pulse
lines; never private notes, journal or workbook entries, private agenda items or a pulse not included.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.domain.document import Document
from couple_dash.models import ReportConsent, ReportLink, TherapistReport, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of
from couple_dash.services.accounts import hash_token
from couple_dash.services.report_builder import build_report

LINK_DAYS = (1, 7, 14, 30)
DEFAULT_LINK_DAYS = 14
NOT_LIVE = "The report opens once you have both agreed to it."
NEED_PARTNER = "A report is about the two of you: pair with your partner first."


@dataclass(frozen=True)
class LinkView:
    id: int
    created_by_name: str
    expires_label: str
    expired: bool


@dataclass(frozen=True)
class ReportStatus:
    """What one partner sees of the couple's report: who asked, who agreed, the links. ``report_id`` 0: none."""

    report_id: int = 0
    requested_by_me: bool = False
    requested_by_name: str = ""
    i_consented: bool = False
    my_pulse_included: bool = False
    partner_consented: bool = False
    partner_name: str = ""
    live: bool = False
    links: list[LinkView] = field(default_factory=list)


def _members(session: Session, couple_id: int) -> list[User]:
    return list(session.exec(select(User).where(col(User.couple_id) == couple_id).order_by(col(User.id))).all())


def open_report(session: Session, couple_id: int) -> TherapistReport | None:
    """The couple's report that hasn't been withdrawn (at most one), whether or not both have agreed yet."""
    return session.exec(
        select(TherapistReport)
        .where(col(TherapistReport.couple_id) == couple_id, col(TherapistReport.revoked_at).is_(None))
        .order_by(col(TherapistReport.id).desc())
    ).first()


def consents(session: Session, report_id: int) -> dict[int, ReportConsent]:
    rows = session.exec(select(ReportConsent).where(col(ReportConsent.report_id) == report_id)).all()
    return {c.user_id: c for c in rows}


def is_live(report: TherapistReport, members: Sequence[User], given: Mapping[int, ReportConsent]) -> bool:
    """Not withdrawn, the couple has two members (``members``), and both of them consented (``given``)."""
    if report.revoked_at is not None or report.id is None:
        return False
    ids = {u.id for u in members}
    return len(ids) == 2 and ids <= given.keys()


@dataclass(frozen=True)
class _Couple:
    """A couple's members, its open report (if any) and the consents to it, read once per call."""

    members: list[User]
    report: TherapistReport | None
    given: dict[int, ReportConsent]

    @property
    def live(self) -> bool:
        return self.report is not None and is_live(self.report, self.members, self.given)


def _couple(session: Session, couple_id: int) -> _Couple:
    report = open_report(session, couple_id)
    given = consents(session, report.id) if report is not None and report.id is not None else {}
    return _Couple(_members(session, couple_id), report, given)


def _paired(session: Session, user_id: int) -> tuple[User, int]:
    user, couple_id = couple_of(session, user_id)
    if len(_members(session, couple_id)) < 2:
        raise ServiceError(NEED_PARTNER)
    return user, couple_id


def request(*, session: Session, user_id: int, include_pulse: bool, now: datetime | None = None) -> TherapistReport:
    """Ask for a report (and consent to it). If one is already waiting, asking is consenting to it."""
    now = now or utcnow()
    _, couple_id = _paired(session, user_id)
    report = open_report(session, couple_id)
    if report is None:
        report = TherapistReport(couple_id=couple_id, requested_by=user_id, requested_at=now)
        session.add(report)
        session.flush()
    return _consent(session, report, user_id, include_pulse, now)


def consent(*, session: Session, user_id: int, include_pulse: bool, now: datetime | None = None) -> TherapistReport:
    """Agree to the report the partner asked for (or change whether my pulse is in it)."""
    now = now or utcnow()
    _, couple_id = _paired(session, user_id)
    report = open_report(session, couple_id)
    if report is None:
        raise ServiceError("There's no report waiting for your consent. You can ask for one.")
    return _consent(session, report, user_id, include_pulse, now)


def _consent(
    session: Session, report: TherapistReport, user_id: int, include_pulse: bool, now: datetime
) -> TherapistReport:
    assert report.id is not None
    mine = consents(session, report.id).get(user_id)
    if mine is None:
        session.add(ReportConsent(report_id=report.id, user_id=user_id, consented_at=now, include_pulse=include_pulse))
    else:
        mine.include_pulse = bool(include_pulse)
        session.add(mine)
    session.flush()
    return report


def withdraw(*, session: Session, user_id: int, now: datetime | None = None) -> bool:
    """Either partner, alone: the report and every link to it stop working now. False if there was none."""
    _, couple_id = couple_of(session, user_id)
    return revoke_for_couple(session=session, couple_id=couple_id, user_id=user_id, now=now)


def revoke_for_couple(*, session: Session, couple_id: int, user_id: int, now: datetime | None = None) -> bool:
    """Turn off the couple's report and its links (withdrawing, leaving the couple, deleting the account)."""
    now = now or utcnow()
    report = open_report(session, couple_id)
    if report is None or report.id is None:
        return False
    report.revoked_at, report.revoked_by = now, user_id
    session.add(report)
    session.exec(
        update(ReportLink)
        .where(col(ReportLink.report_id) == report.id, col(ReportLink.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    session.flush()
    return True


def _live_report(session: Session, user_id: int) -> _Couple:
    _, couple_id = couple_of(session, user_id)
    found = _couple(session, couple_id)
    if not found.live:
        raise NotAllowed(NOT_LIVE)
    return found


def create_link(*, session: Session, user_id: int, days: int = DEFAULT_LINK_DAYS, now: datetime | None = None) -> str:
    """A new share link for the therapist (returned once; only its hash is kept), valid for ``days``."""
    now = now or utcnow()
    if days not in LINK_DAYS:
        raise ServiceError("Choose how long the link works: 1, 7, 14 or 30 days.")
    report = _live_report(session, user_id).report
    assert report is not None
    assert report.id is not None
    token = secrets.token_urlsafe(32)
    session.add(
        ReportLink(
            report_id=report.id,
            created_by=user_id,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
    )
    session.flush()
    return token


def revoke_link(*, session: Session, user_id: int, link_id: int, now: datetime | None = None) -> None:
    """Either partner turns off one link of their couple's report."""
    _, couple_id = couple_of(session, user_id)
    link = session.get(ReportLink, link_id)
    report = session.get(TherapistReport, link.report_id) if link is not None else None
    if link is None or report is None or report.couple_id != couple_id:
        raise NotAllowed("That link isn't one of yours.")
    if link.revoked_at is None:
        link.revoked_at = now or utcnow()
        session.add(link)
        session.flush()


def status(*, session: Session, user_id: int, now: datetime | None = None) -> ReportStatus:
    _, couple_id = couple_of(session, user_id)
    return _status(session, user_id, _couple(session, couple_id), now or utcnow())


def _status(session: Session, user_id: int, found: _Couple, now: datetime) -> ReportStatus:
    members, report, given = found.members, found.report, found.given
    partner = next((u for u in members if u.id != user_id), None)
    if report is None or report.id is None:
        return ReportStatus(partner_name=partner.display_name if partner else "")
    names = {u.id: u.display_name for u in members}
    links = session.exec(
        select(ReportLink)
        .where(col(ReportLink.report_id) == report.id, col(ReportLink.revoked_at).is_(None))
        .order_by(col(ReportLink.created_at).desc())
    ).all()
    return ReportStatus(
        report_id=report.id,
        requested_by_me=report.requested_by == user_id,
        requested_by_name=names.get(report.requested_by, "A former partner"),
        i_consented=user_id in given,
        my_pulse_included=user_id in given and given[user_id].include_pulse,
        partner_consented=partner is not None and partner.id in given,
        partner_name=partner.display_name if partner else "",
        live=found.live,
        links=[
            LinkView(
                link.id or 0,
                names.get(link.created_by, "A former partner"),
                f"until {link.expires_at:%d %b %Y, %H:%M} UTC",
                link.expires_at <= now,
            )
            for link in links
        ],
    )


def view(*, session: Session, user_id: int, now: datetime | None = None) -> tuple[ReportStatus, Document | None]:
    """What the report page shows a partner: the status, and the report itself once both consent (else ``None``)."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    found = _couple(session, couple_id)
    document = _build(session, found, now) if found.live else None
    return _status(session, user_id, found, now), document


def _build(session: Session, found: _Couple, now: datetime) -> Document:
    assert found.report is not None
    return build_report(session, found.report, found.members, found.given, now)


def document_for(*, session: Session, user_id: int, now: datetime | None = None) -> Document:
    """The report for a partner of the couple; refused unless both consent."""
    return _build(session, _live_report(session, user_id), now or utcnow())


def document_for_token(*, session: Session, token: str, now: datetime | None = None) -> Document | None:
    """The report behind a share link; ``None`` for an unknown, revoked or expired link, or a withdrawn report."""
    now = now or utcnow()
    if not token:
        return None
    link = session.exec(select(ReportLink).where(col(ReportLink.token_hash) == hash_token(token))).first()
    if link is None or link.revoked_at is not None or link.expires_at <= now:
        return None
    report = session.get(TherapistReport, link.report_id)
    if report is None:
        return None
    found = _Couple(_members(session, report.couple_id), report, consents(session, link.report_id))
    return _build(session, found, now) if found.live else None


def signature(session: Session, couple_id: int) -> str:
    """Changes whenever consent or links change (for the live view; holds no content)."""
    found = open_report(session, couple_id)
    if found is None or found.id is None:
        return ""
    agreed = ",".join(
        f"{uid}{'+' if c.include_pulse else ''}" for uid, c in sorted(consents(session, found.id).items())
    )
    links = session.exec(
        select(col(ReportLink.id)).where(col(ReportLink.report_id) == found.id, col(ReportLink.revoked_at).is_(None))
    ).all()
    return f"{found.id}:{agreed}:{','.join(str(i) for i in links)}"
