"""Issue 8 end to end: proactive transparency and bids for connection, live for both partners.

Alex is on a phone, Sam at a desktop: an update shared with one tap from a preset reaches Sam, whose reaction
reaches Alex; an agreement Alex offers is withdrawn by Sam and ends on both screens at once; a bid is answered
and the week's responsiveness moves for both.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from couple_dash import routes
from e2e.conftest import DESKTOP, PHONE_DEVICE, create_invite, screenshot, sign_up, sign_up_from_current, unique_email


def phone_and_desktop(new_context: Any, base_url: str) -> tuple[Page, Page]:
    """Alex on a phone, Sam at a desktop, signed up and paired by invite."""
    alex = new_context(**PHONE_DEVICE).new_page()
    sam = new_context(viewport=DESKTOP).new_page()
    sign_up(alex, base_url, "Alex", unique_email("alex"))
    link = create_invite(alex, base_url)
    sam.goto(link)
    sam.locator("#join-signup").click()
    sign_up_from_current(sam, base_url, "Sam", unique_email("sam"))
    expect(alex.locator("#couple-badge")).to_contain_text("You and Sam")
    return alex, sam


def test_an_update_from_a_preset_reaches_the_partner_who_reacts_live(new_context: Any, base_url: str) -> None:
    alex, sam = phone_and_desktop(new_context, base_url)
    sam.goto(base_url + routes.DASHBOARD)
    expect(sam.locator("#update-feed-empty")).to_be_visible()

    # Alex follows the phone's "Share an update" shortcut and adopts one starter preset (none is forced on them).
    alex.goto(base_url + "/updates#update-text")
    expect(alex.get_by_test_id("starter")).to_have_count(6)
    expect(alex.get_by_test_id("preset-row")).to_have_count(0)
    alex.get_by_role("button", name="Add preset: Leaving work now").tap()
    expect(alex.get_by_test_id("preset-row")).to_have_text(["Leaving work now"])
    expect(alex.get_by_role("button", name="Added: Leaving work now")).to_be_disabled()
    expect(alex.get_by_test_id("starter")).to_have_count(6)  # it stays in place, ticked
    screenshot(alex, "updates-presets-phone-alex")

    # On the dashboard, one tap shares it.
    alex.goto(base_url + routes.DASHBOARD)
    alex.get_by_test_id("preset-share").filter(has_text="Leaving work now").tap()
    sams_update = sam.get_by_test_id("update").filter(has_text="Leaving work now")
    expect(sams_update).to_be_visible()
    expect(sams_update).to_contain_text("Alex")
    expect(sams_update.locator("time")).to_have_text(re.compile(r"just now|\d+ min ago"))

    # Sam reacts; Alex sees it at once.
    sams_update.get_by_role("button", name="Sending love").click()
    expect(sams_update.get_by_role("button", name="Sending love")).to_have_attribute("aria-pressed", "true")
    alexs_update = alex.get_by_test_id("update").filter(has_text="Leaving work now")
    expect(alexs_update.get_by_test_id("update-reaction")).to_have_text(re.compile(r"Sam:\s*Love"))
    expect(alexs_update.get_by_test_id("update-reaction")).to_have_attribute("data-reaction", "heart")
    # Alex can't react to their own update, and Sam can't remove Alex's.
    expect(alexs_update.get_by_role("button", name="Sending love")).to_have_count(0)
    expect(sams_update.get_by_role("button", name="Remove this update")).to_have_count(0)

    # Own words, too.
    alex.locator("#update-text").fill("At the shop, home by 7")
    alex.locator("#update-share").tap()
    expect(alex.locator("#update-text")).to_have_value("")
    expect(sam.get_by_test_id("update").first).to_contain_text("At the shop, home by 7")
    screenshot(alex, "updates-dashboard-phone-alex")
    screenshot(sam, "updates-dashboard-desktop-sam")


def test_an_agreement_withdrawn_by_the_other_partner_ends_on_both_screens_at_once(
    new_context: Any, base_url: str
) -> None:
    alex, sam = phone_and_desktop(new_context, base_url)
    alex.goto(base_url + routes.UPDATES)
    sam.goto(base_url + routes.UPDATES)
    # Where agreements are made, the app says what it will never do.
    expect(alex.locator("#no-surveillance")).to_contain_text("no location tracking")

    alex.locator("#agreement-text").fill("I'll tell you when plans change")
    alex.locator("#agreement-save").tap()
    alexs = alex.get_by_test_id("agreement").filter(has_text="I'll tell you when plans change")
    sams = sam.get_by_test_id("agreement").filter(has_text="I'll tell you when plans change")
    expect(alexs).to_contain_text("You offer this")
    expect(sams).to_contain_text("Alex offers this")
    expect(sams).to_contain_text("Review on")
    expect(sams).to_have_attribute("data-status", "active")
    screenshot(sam, "agreement-active-desktop-sam")

    # Sam, who doesn't share it, withdraws it alone (two steps, no reason asked).
    sams.get_by_test_id("agreement-withdraw").click()
    screenshot(sam, "agreement-confirm-desktop-sam")
    sams.get_by_test_id("agreement-withdraw-confirm").click()
    for page in (alex, sam):
        expect(page.get_by_test_id("agreement")).to_have_count(0)
        expect(page.locator("#agreement-list-empty")).to_be_visible()
        expect(page.get_by_test_id("agreement-ended")).to_have_text(
            re.compile(r"Sam withdrew “I'll tell you when plans change” on \d+ \w+ \d{4}\.")
        )
    # Alex hears it in a neutral note in the bell.
    expect(alex.locator("#bell-count")).to_have_text("1")
    screenshot(alex, "agreement-withdrawn-phone-alex")

    # Sam may ask, but only Alex can agree; Alex words it their own way.
    sam.locator("#agreement-mode").select_option("ask")
    sam.locator("#agreement-text").fill("Would you text me when you leave work?")
    sam.locator("#agreement-save").click()
    asked = alex.get_by_test_id("agreement").filter(has_text="Would you text me")
    expect(asked).to_contain_text("Sam asked if you'd share this")
    expect(sam.get_by_test_id("agreement-agree")).to_have_count(0)
    asked.get_by_test_id("agreement-agree").tap()
    alex.locator("#answer-text").fill("I'll text you when I leave work")
    alex.locator("#answer-weeks").select_option("2")
    alex.locator("#answer-accept").tap()
    expect(sam.get_by_test_id("agreement").filter(has_text="I'll text you when I leave work")).to_have_attribute(
        "data-status", "active"
    )
    screenshot(alex, "agreement-agreed-phone-alex")


def test_a_bid_is_answered_live_and_the_weeks_responsiveness_moves(new_context: Any, base_url: str) -> None:
    alex, sam = phone_and_desktop(new_context, base_url)
    alex.goto(base_url + routes.DASHBOARD)
    sam.goto(base_url + routes.DASHBOARD)
    expect(sam.locator("#bids-together")).to_contain_text("No bids between you yet this week")

    sam.get_by_test_id("bid-preset").filter(has_text="Can we talk tonight?").click()
    incoming = alex.get_by_test_id("bid-incoming")
    expect(incoming).to_contain_text("Sam: Can we talk tonight?")
    expect(sam.get_by_test_id("week-partner")).to_contain_text("Alex turned toward 0 of your 1 bid this week")
    expect(sam.get_by_test_id("bid").first).to_contain_text("Waiting for a reply, no rush.")
    screenshot(alex, "bid-incoming-phone-alex")

    # "Not now, but later" is a gentle answer, and it counts.
    incoming.get_by_test_id("bid-reply-later").tap()
    expect(incoming).to_have_count(0)
    expect(sam.get_by_test_id("bid").first).to_contain_text("Alex replied: Not now, but later, I promise")
    expect(sam.get_by_test_id("week-partner")).to_contain_text("Alex turned toward 1 of your 1 bid this week.")
    expect(alex.get_by_test_id("week-mine")).to_contain_text("You turned toward 1 of 1 bid this week.")
    expect(sam.locator("#bids-together")).to_have_text("Together you turned toward 1 of 1 bid this week.")

    # Alex reaches back in their own words; Sam answers with one tap.
    alex.locator("#bid-text").fill("Walk after dinner?")
    alex.locator("#bid-send").tap()
    sam.get_by_test_id("bid-incoming").get_by_test_id("bid-reply-yes").click()
    expect(alex.get_by_test_id("bid").first).to_contain_text("Sam replied: Yes, I'd love that")
    expect(alex.locator("#bids-together")).to_have_text("Together you turned toward 2 of 2 bids this week.")
    screenshot(alex, "bid-answered-phone-alex")
    screenshot(sam, "bid-answered-desktop-sam")
