"""The therapist report: both partners consent, either withdraws alone, links expire and die with consent, and
nothing private ever reaches the page, the PDF or a link."""

from __future__ import annotations

import io
from datetime import timedelta
from html import unescape

import httpx
import pytest
from pypdf import PdfReader
from sqlmodel import Session, select

from couple_dash import routes
from couple_dash.api import api_app
from couple_dash.config import Settings
from couple_dash.domain.document import plain_text, to_html
from couple_dash.models import ReportLink
from couple_dash.pdf import to_pdf
from couple_dash.services import NotAllowed, ServiceError, couples, report
from couple_dash.services.accounts import hash_token
from tests.integration import lived_in as planted
from tests.integration.helpers import pair
from tests.integration.lived_in import NOW, lived_in

PRIVATE_WORDS = (planted.ALEX_PRIVATE, planted.SAM_PRIVATE, planted.APPRECIATION, "Zebrafinch", "Marmalade", "Quokka")


def pdf_text(data: bytes) -> str:
    """The PDF's words, whitespace collapsed (table cells wrap long text over lines; words are never split)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_the_report_needs_both_consents(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r1")
    lived_in(session, alex, sam)

    # Nothing to consent to yet; Sam can't agree to a report nobody asked for.
    with pytest.raises(ServiceError, match="no report waiting"):
        report.consent(session=session, user_id=sam, include_pulse=True, now=NOW)
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    for person in (alex, sam):
        with pytest.raises(NotAllowed, match="both agreed"):
            report.document_for(session=session, user_id=person, now=NOW)
        with pytest.raises(NotAllowed):
            report.create_link(session=session, user_id=person, now=NOW)
    waiting = report.status(session=session, user_id=sam, now=NOW)
    assert (waiting.requested_by_name, waiting.i_consented, waiting.partner_consented, waiting.live) == (
        "Alex",
        False,
        True,
        False,
    )

    report.consent(session=session, user_id=sam, include_pulse=True, now=NOW)
    assert report.status(session=session, user_id=alex, now=NOW).live
    for person in (alex, sam):
        text = plain_text(report.document_for(session=session, user_id=person, now=NOW))
        assert planted.ALEX_PROMISE in text
        assert planted.SAM_PROMISE in text
        assert planted.CONCERN in text
        assert planted.AGREEMENT in text


def test_someone_alone_or_outside_the_couple_gets_nothing(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r2")
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    token = report.create_link(session=session, user_id=alex, now=NOW)
    other, _ = pair(session, settings, "r2-other")
    with pytest.raises(NotAllowed):
        report.document_for(session=session, user_id=other, now=NOW)
    link_id = session.exec(select(ReportLink.id).where(ReportLink.token_hash == hash_token(token))).one()
    assert link_id is not None
    with pytest.raises(NotAllowed):
        report.revoke_link(session=session, user_id=other, link_id=link_id, now=NOW)
    assert report.document_for_token(session=session, token=token, now=NOW) is not None


def test_withdrawing_consent_revokes_the_report_and_every_link_at_once(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r3")
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    first = report.create_link(session=session, user_id=alex, now=NOW)
    second = report.create_link(session=session, user_id=sam, days=30, now=NOW)
    stored = session.exec(select(ReportLink.token_hash)).all()
    assert first not in stored
    assert hash_token(first) in stored
    assert report.document_for_token(session=session, token=second, now=NOW) is not None

    assert report.withdraw(session=session, user_id=sam, now=NOW) is True
    for token in (first, second):
        assert report.document_for_token(session=session, token=token, now=NOW) is None
    with pytest.raises(NotAllowed):
        report.document_for(session=session, user_id=alex, now=NOW)
    assert report.status(session=session, user_id=alex, now=NOW).report_id == 0

    # A new report needs both consents again, and the old links stay dead even once it is live.
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    assert report.document_for_token(session=session, token=first, now=NOW) is None


def test_leaving_the_couple_withdraws_the_report(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r4")
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    token = report.create_link(session=session, user_id=sam, now=NOW)
    couples.leave_couple(session=session, user_id=alex, now=NOW)
    assert report.document_for_token(session=session, token=token, now=NOW) is None


def test_links_expire_can_be_turned_off_and_only_offer_set_lengths(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r5")
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    with pytest.raises(ServiceError, match="how long"):
        report.create_link(session=session, user_id=alex, days=365, now=NOW)
    default = report.create_link(session=session, user_id=alex, now=NOW)
    assert report.document_for_token(session=session, token=default, now=NOW + timedelta(days=13, hours=23))
    assert report.document_for_token(session=session, token=default, now=NOW + timedelta(days=14)) is None
    day = report.create_link(session=session, user_id=alex, days=1, now=NOW)
    assert report.document_for_token(session=session, token=day, now=NOW + timedelta(days=2)) is None
    kept = report.create_link(session=session, user_id=alex, days=7, now=NOW)
    [view] = [v for v in report.status(session=session, user_id=sam, now=NOW).links if not v.expired][-1:]
    link_id = session.exec(select(ReportLink.id).where(ReportLink.token_hash == hash_token(kept))).one()
    assert link_id is not None
    report.revoke_link(session=session, user_id=sam, link_id=link_id, now=NOW)
    assert report.document_for_token(session=session, token=kept, now=NOW) is None
    assert report.document_for_token(session=session, token="not-a-token", now=NOW) is None
    assert report.document_for_token(session=session, token="", now=NOW) is None
    assert view.created_by_name == "Alex"


def test_nothing_private_reaches_the_page_the_pdf_or_a_link(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "r6")
    lived_in(session, alex, sam)
    # Alex keeps their pulse out of the report; Sam puts theirs in.
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=True, now=NOW)
    document = report.document_for(session=session, user_id=alex, now=NOW)
    html = unescape(to_html(document))
    pdf = pdf_text(to_pdf(document))
    for words in (plain_text(document), html, pdf):
        for private in PRIVATE_WORDS:
            assert private not in words
        assert "Alex's pulse is not part of this report." in words
        assert "Sam's pulse" in words
    assert planted.ALEX_PROMISE in pdf
    [sam_pulse] = [t for s in document.sections for t in s.tables if t.caption.startswith("Sam's pulse")]
    assert sam_pulse.rows == [["22 Nov 2026", "16"]]
    # Alex's total (7) appears nowhere as a pulse: no table of it at all.
    assert not [t for s in document.sections for t in s.tables if t.caption.startswith("Alex's pulse")]
    [check_ins] = [s for s in document.sections if s.key == "check-ins"]
    [row] = check_ins.tables[0].rows
    assert row[2] == planted.CONCERN
    assert row[3] == planted.AGREEMENT
    assert (row[5], row[6]) == ("1", "1")  # one appreciation (counted, not quoted), one time-out


async def test_the_share_link_serves_a_page_and_a_pdf_and_404s_once_withdrawn(
    session: Session, settings: Settings, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLEX_DB_URL", database_url)
    alex, sam = pair(session, settings, "r7")
    lived_in(session, alex, sam)
    report.request(session=session, user_id=alex, include_pulse=False, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    token = report.create_link(session=session, user_id=sam)
    session.commit()
    transport = httpx.ASGITransport(app=api_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://couple-dash.test") as client:
        page = await client.get(routes.report_shared_path(token))
        pdf = await client.get(routes.report_shared_pdf_path(token))
        unknown = await client.get(routes.report_shared_path("nobody-has-this"))
        report.withdraw(session=session, user_id=alex)
        session.commit()
        after_page = await client.get(routes.report_shared_path(token))
        after_pdf = await client.get(routes.report_shared_pdf_path(token))

    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "noindex" in page.headers["x-robots-tag"]
    assert planted.ALEX_PROMISE in page.text
    assert "Progress report: Alex and Sam" in page.text
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert planted.SAM_PROMISE in pdf_text(pdf.content)
    for private in PRIVATE_WORDS:
        assert private not in page.text
        assert private not in pdf_text(pdf.content)
    for refused in (unknown, after_page, after_pdf):
        assert (refused.status_code, refused.text) == (404, "Not found")
