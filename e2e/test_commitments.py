"""Issue 4 end to end: commitments made, proposed, ticked and seen, live for both partners."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from playwright.sync_api import Page, expect
from sqlmodel import select

from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.server import AppServer
from couple_dash.domain.cadence import local_today
from couple_dash.models import User, utcnow
from couple_dash.services import commitments
from couple_dash.services.commitments import CommitmentInput
from e2e.conftest import PHONE, paired_couple, screenshot


def _make(page: Page, base_url: str, text: str, **choices: str) -> None:
    page.goto(base_url + "/commitments")
    for label, value in choices.items():
        page.get_by_label(label).select_option(value)
    page.locator("#commitment-text").fill(text)
    page.get_by_label("Why this matters").fill("So you never have to wonder where I am.")
    page.locator("#commitment-save").click()


def test_the_wording_nudge_shows_while_typing(new_context: Any, base_url: str) -> None:
    alex, _, _, _ = paired_couple(new_context, base_url)
    alex.goto(base_url + "/commitments")
    alex.locator("#commitment-text").fill("I'll try to be better")
    nudge = alex.locator("#wording-nudge")
    expect(nudge).to_contain_text("try")
    expect(nudge).to_contain_text("better")
    screenshot(alex, "commitments-nudge-desktop")
    alex.locator("#commitment-text").fill("I will text you when I leave work and when I arrive")
    expect(alex.locator("#wording-ok")).to_be_visible()
    expect(nudge).to_have_count(0)


def test_a_tick_and_its_acknowledgement_are_live_for_both(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + "/")
    _make(alex, base_url, "I will text you when I leave work and when I arrive")
    # Sam's dashboard shows Alex's new commitment without a reload.
    partner_side = sam.locator("#today-partner").get_by_test_id("today-item")
    expect(partner_side).to_contain_text("I will text you when I leave work")
    expect(partner_side).to_have_attribute("data-status", "open")

    alex.goto(base_url + "/")
    mine = alex.locator("#today-mine").get_by_test_id("today-item")
    mine.get_by_test_id("tick").click()
    expect(mine).to_have_attribute("data-status", "done")
    expect(partner_side).to_have_attribute("data-status", "done")
    expect(partner_side).to_contain_text("1 day")
    expect(mine).to_contain_text("Not seen yet")

    partner_side.get_by_test_id("acknowledge").click()
    expect(partner_side).to_contain_text("You said thanks")
    expect(mine).to_contain_text("Seen ♥")
    screenshot(alex, "dashboard-today-desktop")

    # Undo works, for both.
    mine.get_by_role("button", name="Undo today's tick").click()
    expect(partner_side).to_have_attribute("data-status", "open")


def test_a_proposal_is_accepted_by_its_owner_only(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + "/")
    _make(
        alex,
        base_url,
        "Call me on your lunch break on Tuesdays and Thursdays",
        **{"Who makes this commitment?": "2"} if False else {},
    )
    # (Alex proposes one to Sam through the owner choice.)
    alex.goto(base_url + "/commitments")
    alex.get_by_label("Who makes this commitment?").select_option(index=1)
    alex.locator("#commitment-text").fill("Put your phone away during dinner every evening")
    alex.locator("#commitment-save").click()
    proposal = sam.locator("#today-mine").get_by_test_id("today-item").filter(has_text="phone away")
    expect(proposal).to_have_attribute("data-status", "proposed")
    expect(alex.locator("#commitment-list")).to_contain_text("Proposed")
    proposal.get_by_test_id("accept").click()
    expect(proposal).to_have_attribute("data-status", "open")
    expect(alex.get_by_test_id("commitment-row").filter(has_text="phone away")).to_contain_text("Active")


def test_detail_shows_heat_map_history_and_back_dated_ticks(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    _make(alex, base_url, "Tell you before plans change", **{"How often?": "occasion"})
    alex.get_by_test_id("commitment-row").filter(has_text="before plans change").click()
    expect(alex).to_have_url(re.compile(re.escape(base_url) + r"/commitment/?\?id=\d+$"))
    expect(alex.locator("#commitment-title")).to_have_text("Tell you before plans change")
    expect(alex.locator("#heat-map")).to_be_visible()
    alex.get_by_label("Note (optional)").fill("Dinner moved to 8")
    alex.locator("#tick-submit").click()
    expect(alex.get_by_test_id("tick-row").first).to_contain_text("Dinner moved to 8")
    expect(alex.get_by_test_id("history-row").first).to_contain_text("made this commitment")
    # Sam sees the logged occurrence live on the dashboard.
    sam.goto(base_url + "/")
    expect(sam.locator("#today-partner").get_by_test_id("today-item")).to_contain_text("Dinner moved to 8")
    # The owner edits it (the same nudge while typing); the change is in the history, live for the partner.
    alex.locator("#edit-open").click()
    alex.locator("#edit-commitment-text").fill("Maybe tell you more")
    expect(alex.locator("#edit-wording-nudge")).to_contain_text("maybe")
    alex.locator("#edit-commitment-text").fill("Tell you before plans change, the same day")
    expect(alex.locator("#edit-wording-ok")).to_be_visible()
    alex.locator("#edit-save").click()
    expect(alex.locator("#commitment-title")).to_have_text("Tell you before plans change, the same day")
    expect(alex.get_by_test_id("history-row").first).to_contain_text("changed text")
    expect(sam.locator("#today-partner")).to_contain_text("the same day")
    screenshot(alex, "commitment-detail-desktop")
    alex.set_viewport_size(PHONE)
    overflow = alex.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(alex, "commitment-detail-phone")


def _user_id(server: AppServer, email: str) -> int:
    with session_scope(engine_for(server.db_url)) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        assert user.id is not None
        return user.id


def test_progress_shows_each_partner_and_reviews_come_up_at_the_check_in(
    new_context: Any, app_server: AppServer
) -> None:
    base_url = app_server.url
    alex, sam, alex_email, _ = paired_couple(new_context, base_url)
    # A commitment made five weeks ago (written through the service with the clock set back): due for review.
    alex_id = _user_id(app_server, alex_email)
    with session_scope(engine_for(app_server.db_url)) as session:
        commitments.create(
            session=session,
            user_id=alex_id,
            owner_id=alex_id,
            data=CommitmentInput(text="Cook dinner on Sundays"),
            now=utcnow() - timedelta(weeks=5),
        )
    sam.goto(base_url + "/progress")
    alex.goto(base_url + "/check-in")
    review = alex.get_by_test_id("review-due")
    expect(review).to_contain_text("Cook dinner on Sundays")
    expect(sam.get_by_test_id("partner-progress")).to_have_count(2)
    screenshot(sam, "progress-desktop")
    review.get_by_role("button", name="We reviewed it").click()
    expect(alex.locator("#reviews-due")).to_have_count(0)

    # Sam's progress page follows Alex's tick live.
    alex.goto(base_url + "/")
    alex.locator("#today-mine").get_by_test_id("tick").click()
    alex_card = sam.get_by_test_id("partner-progress").filter(has=sam.get_by_role("heading", name="Alex"))
    expect(sam.get_by_test_id("partner-progress").first.get_by_role("heading")).to_have_text("You")  # you first
    today_cell = alex_card.locator(f"[data-day='{local_today(utcnow(), 'UTC')}']")
    expect(today_cell).to_have_attribute("data-status", "done")


def test_a_pause_is_proposed_by_one_and_agreed_by_the_other(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + "/")
    _make(alex, base_url, "Cook dinner together every evening")
    alex.get_by_test_id("commitment-row").first.click()
    today = local_today(utcnow(), "UTC")
    alex.get_by_label("From").fill(today.isoformat())
    alex.get_by_label("Until").fill((today + timedelta(days=2)).isoformat())
    alex.get_by_label("Reason").fill("Flu")
    alex.locator("#pause-submit").click()
    item = sam.locator("#today-partner").get_by_test_id("today-item")
    expect(item).to_contain_text("Pause proposed")
    item.get_by_role("button", name="Agree").click()
    expect(item).to_have_attribute("data-status", "paused")
    expect(item).not_to_contain_text("Pause proposed")
    expect(alex.get_by_test_id("history-row").first).to_contain_text("agreed to the pause")
