"""Safety and data rights in a real browser: the therapist report needs both partners' consent (page, PDF, a share link
that dies with consent), export my data, delete my account, the quick exit and the safety page."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, Route, expect
from pypdf import PdfReader
from sqlmodel import col, select

from couple_dash import routes
from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.server import AppServer
from couple_dash.models import User
from couple_dash.services import meeting, meeting_summary, pulse
from e2e.conftest import PASSWORD, PHONE, at, log_in, paired_couple, screenshot

NEUTRAL = re.compile(r"^https://www\.bbc\.com/weather")
ALEX_PROMISE = "I will text you when I leave work and when I arrive"
SAM_PROMISE = "I will make us coffee on weekday mornings"
PRIVATE = "Zebrafinch private agenda words"


def add_commitment(page: Page, base_url: str, text: str) -> None:
    page.goto(base_url + routes.COMMITMENTS)
    page.locator("#commitment-text").fill(text)
    page.get_by_label("Why this matters").fill("So you never have to wonder.")
    page.locator("#commitment-save").click()
    expect(page.get_by_test_id("commitment-row").filter(has_text=text)).to_be_visible()


def add_private_item(page: Page, base_url: str, text: str) -> None:
    page.goto(base_url + routes.CHECK_IN)
    page.locator("#agenda-kind").select_option("concern")
    page.locator("#agenda-text").fill(text)
    page.locator("#agenda-private").check()
    page.locator("#agenda-add").click()
    expect(page.locator("#private-items")).to_contain_text(text)


def pdf_words(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def stub_neutral_site(page: Page) -> None:
    """No internet here: the neutral site is answered by a local stub, so the navigation itself is what's tested."""

    def fulfill(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather stub</h1>")

    page.context.route("https://www.bbc.com/**", fulfill)


def test_the_report_needs_both_consents_and_a_withdrawal_kills_its_link(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    add_commitment(alex, base_url, ALEX_PROMISE)
    add_commitment(sam, base_url, SAM_PROMISE)
    add_private_item(sam, base_url, PRIVATE)

    alex.goto(base_url + routes.PROGRESS)
    alex.locator("#progress-report-link").click()
    expect(alex).to_have_url(at(base_url, routes.REPORT))
    sam.goto(base_url + routes.REPORT)
    alex.locator("#report-request").click()
    expect(alex.locator("#report-waiting")).to_contain_text("Waiting for Sam")
    expect(alex.locator("#report-document")).to_have_count(0)
    # Sam sees the request live, and the report only opens once Sam agrees.
    expect(sam.locator("#report-asked")).to_contain_text("Alex would like a progress report")
    expect(sam.locator("#report-document")).to_have_count(0)
    screenshot(sam, "report-asked-sam")
    sam.locator("#report-include-pulse").click()
    sam.locator("#report-consent").click()
    for page in (alex, sam):
        expect(page.locator("#report-live")).to_be_visible()
        expect(page.locator("#report-document")).to_contain_text(ALEX_PROMISE)
        expect(page.locator("#report-document")).to_contain_text(SAM_PROMISE)
        expect(page.locator("#report-document")).not_to_contain_text(PRIVATE)
    expect(alex.locator("#report-document")).to_contain_text("Alex's pulse is not part of this report.")
    screenshot(alex, "report-live-alex")

    # The PDF, made on the server.
    with alex.expect_download() as download_info:
        alex.locator("#report-pdf").click()
    download = download_info.value
    assert download.suggested_filename == "couple-dash-progress-report.pdf"
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert ALEX_PROMISE in pdf_words(pdf)
    assert "Zebrafinch" not in pdf_words(pdf)

    # A link for the therapist, who has no account.
    alex.locator("#report-link-days").select_option("7")
    alex.locator("#report-link-create").click()
    link = alex.locator("#report-link-url")
    expect(link).to_have_value(re.compile(re.escape(base_url + routes.REPORT_SHARED + "/") + r"[\w-]{20,}$"))
    url = link.input_value()
    expect(sam.get_by_test_id("report-link")).to_contain_text("Link made by Alex")
    therapist = new_context().new_page()
    therapist.goto(url)
    expect(therapist.locator("h1")).to_have_text("Progress report: Alex and Sam")
    expect(therapist.locator("body")).to_contain_text(SAM_PROMISE)
    expect(therapist.locator("body")).not_to_contain_text(PRIVATE)
    screenshot(therapist, "report-shared-therapist")
    shared_pdf = httpx.get(url + ".pdf")
    assert shared_pdf.status_code == 200
    assert SAM_PROMISE in pdf_words(shared_pdf.content)

    # Sam withdraws, alone: the link is dead at once, and both screens go back to asking.
    sam.locator("#report-withdraw").click()
    sam.locator("#report-withdraw-confirm").click()
    expect(alex.locator("#report-request")).to_be_visible()
    expect(alex.locator("#report-document")).to_have_count(0)
    response = therapist.goto(url)
    assert response is not None
    assert response.status == 404
    assert httpx.get(url + ".pdf").status_code == 404

    # The page at phone size (asking again).
    alex.set_viewport_size(PHONE)
    screenshot(alex, "report-phone-alex")


def test_export_my_data_and_delete_my_account(new_context: Any, base_url: str) -> None:
    alex, sam, alex_email, _ = paired_couple(new_context, base_url)
    add_commitment(alex, base_url, ALEX_PROMISE)
    add_commitment(sam, base_url, SAM_PROMISE)
    add_private_item(alex, base_url, PRIVATE)
    add_private_item(sam, base_url, "Marmalade private agenda words")

    alex.goto(base_url + routes.SETTINGS)
    with alex.expect_download() as json_info:
        alex.locator("#export-json").click()
    assert json_info.value.suggested_filename == "couple-dash-my-data.json"
    exported = json.loads(Path(json_info.value.path()).read_text(encoding="utf-8"))
    dump = json.dumps(exported, ensure_ascii=False)
    assert ALEX_PROMISE in dump
    assert PRIVATE in dump  # Alex's own private item is Alex's to export
    assert "Marmalade" not in dump  # Sam's never is
    assert [u["display_name"] for u in exported["tables"]["user"]] == ["Alex"]
    with alex.expect_download() as html_info:
        alex.locator("#export-html").click()
    readable = Path(html_info.value.path()).read_text(encoding="utf-8")
    assert "Your Couple Dash data: Alex" in readable
    assert ALEX_PROMISE in readable

    # Deleting asks for the password and a typed confirmation.
    alex.locator("#delete-open").click()
    alex.locator("#field-password").fill("not my password")
    alex.locator("#field-confirmation").fill("delete my account")
    alex.locator("#delete-confirm").click()
    expect(alex.locator("#delete-error")).to_contain_text("doesn't match")
    screenshot(alex, "delete-account-dialog")
    alex.locator("#field-password").fill(PASSWORD)
    alex.locator("#delete-confirm").click()
    expect(alex).to_have_url(at(base_url, routes.LOGIN))

    # Sam keeps everything of his own; Alex's promise is gone; Sam is on his own now.
    sam.goto(base_url + routes.DASHBOARD)
    expect(sam.locator("#couple-badge")).to_contain_text("Invite your partner")
    expect(sam.locator("#today-mine")).to_contain_text(SAM_PROMISE)
    expect(sam.locator("#main")).not_to_contain_text(ALEX_PROMISE)
    screenshot(sam, "after-delete-sam")
    log_in(alex, base_url, alex_email)
    expect(alex.locator("#form-error")).to_contain_text("don't match an account")


def test_quick_exit_button_and_shortcut_leave_for_a_neutral_site(new_context: Any, base_url: str) -> None:
    # Signed out, from the sign-in page: the button.
    visitor = new_context().new_page()
    stub_neutral_site(visitor)
    visitor.goto(base_url + routes.LOGIN)
    expect(visitor.locator("#quick-exit")).to_be_visible()
    visitor.locator("#quick-exit").click()
    expect(visitor).to_have_url(NEUTRAL)
    expect(visitor.locator("h1")).to_have_text("Weather stub")
    # location.replace: Back doesn't land on the page that was left.
    visitor.go_back()
    assert not visitor.url.startswith(base_url + routes.LOGIN)

    # Before the app has loaded (its scripts held back, so only the prerendered page is there), the button already
    # leaves the same way: the quick exit is inline in the page's head.
    early = new_context().new_page()
    stub_neutral_site(early)
    early.route(re.compile(r".*/assets/.*\.js$"), lambda route: route.abort())
    early.goto(base_url + routes.LOGIN)
    assert early.evaluate("typeof window.coupleDashQuickExit") == "function"
    assert early.evaluate("document.querySelectorAll('[data-quick-exit]').length") >= 1
    early.locator("#quick-exit").click()
    expect(early).to_have_url(NEUTRAL)
    early.go_back()
    assert not early.url.startswith(base_url + routes.LOGIN)

    # Signed in, anywhere: Esc three times (one or two presses do nothing).
    alex, _, _, _ = paired_couple(new_context, base_url)
    stub_neutral_site(alex)
    alex.goto(base_url + routes.PROGRESS)
    expect(alex.locator("#main")).to_be_visible()
    alex.keyboard.press("Escape")
    alex.keyboard.press("Escape")
    alex.wait_for_timeout(1600)  # the presses must come close together
    alex.keyboard.press("Escape")
    expect(alex).to_have_url(at(base_url, routes.PROGRESS))
    alex.keyboard.press("Escape")
    alex.keyboard.press("Escape")
    expect(alex).to_have_url(NEUTRAL)
    # The phone header has it too, as a 44 px door button.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    stub_neutral_site(phone)
    log_in(phone, base_url, _email_of(alex, base_url))
    expect(phone).to_have_url(at(base_url, routes.DASHBOARD))
    expect(phone.locator("#quick-exit")).to_be_visible()
    box = phone.locator("#quick-exit").bounding_box()
    assert box is not None
    assert box["width"] >= 44
    assert box["height"] >= 44
    screenshot(phone, "quick-exit-phone-header")
    phone.locator("#quick-exit").tap()
    expect(phone).to_have_url(NEUTRAL)


def _email_of(page: Page, base_url: str) -> str:
    """The signed-in person's email, as Settings shows it (the page is left on Settings)."""
    page.goto(base_url + routes.SETTINGS)
    return page.locator("strong").filter(has_text="@").first.inner_text()


def test_the_safety_page_is_one_click_away_signed_in_or_not(new_context: Any, base_url: str) -> None:
    visitor = new_context().new_page()
    visitor.goto(base_url + routes.LOGIN)
    visitor.locator("#safety-link").click()
    expect(visitor).to_have_url(at(base_url, routes.SAFETY))
    expect(visitor.locator("#safety-resources")).to_contain_text("1-800-799-7233")
    expect(visitor.locator("#safety-resources")).to_contain_text("0808 2000 247")
    expect(visitor.locator("#quick-exit-does-not")).to_contain_text("doesn't erase your browser history")
    expect(visitor.locator("#repair-is-not")).to_contain_text("No covert monitoring")
    screenshot(visitor, "safety-desktop")
    visitor.set_viewport_size(PHONE)
    screenshot(visitor, "safety-phone")

    alex, _, _, _ = paired_couple(new_context, base_url)
    alex.goto(base_url + routes.SETTINGS)
    alex.locator("#settings-safety-link").click()
    expect(alex).to_have_url(at(base_url, routes.SAFETY))
    expect(alex.locator("#safety-emergency")).to_contain_text("emergency number")


def test_the_therapist_suggestion_reads_only_my_own_pulse(
    new_context: Any, base_url: str, app_server: AppServer
) -> None:
    """Three check-ins with time-outs, Alex's own pulse low each time and Sam's not (written straight to the app's
    database, as three real meetings would leave it): both see the time-outs; only Alex sees the pulse reason."""
    alex, sam, alex_email, sam_email = paired_couple(new_context, base_url)
    with session_scope(engine_for(app_server.db_url)) as session:
        ids = {
            email: session.exec(select(User.id).where(col(User.email) == email)).one()
            for email in (alex_email, sam_email)
        }
        alex_id, sam_id = ids[alex_email], ids[sam_email]
        assert alex_id is not None
        assert sam_id is not None
        sunday = datetime.now(UTC) - timedelta(weeks=3)
        for week in range(3):
            began = sunday + timedelta(weeks=week)
            meeting.start(session=session, user_id=alex_id, now=began)
            meeting.call_time_out(session=session, user_id=sam_id, now=began + timedelta(minutes=5))
            meeting.resume(session=session, user_id=sam_id, now=began + timedelta(minutes=15))
            pulse.answer(session=session, user_id=alex_id, answers=[1, 2, 2, 2], share=False, now=began)
            pulse.answer(session=session, user_id=sam_id, answers=[4, 4, 4, 4], share=False, now=began)
            meeting_summary.finish(session=session, user_id=alex_id, now=began + timedelta(minutes=40))
    for page in (alex, sam):
        page.goto(base_url + routes.PROGRESS)
        expect(page.locator("#therapy-suggestion")).to_contain_text("A couple therapist could help now")
        expect(page.locator("#therapy-suggestion")).to_contain_text("time-out was needed")
        expect(page.locator("#therapy-suggestion")).to_contain_text("Emotionally Focused Therapy (EFT)")
    expect(alex.locator("#therapy-suggestion")).to_contain_text("Your own last 3 pulses were below 13.5")
    expect(sam.locator("#therapy-suggestion")).not_to_contain_text("pulses")
    screenshot(alex, "therapy-suggestion-alex")
    sam.set_viewport_size(PHONE)
    screenshot(sam, "therapy-suggestion-sam-phone")
