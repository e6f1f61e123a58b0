"""Issue 8 end to end: the repair menu, an acknowledgement and a hard-moment talk, live between two partners."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from couple_dash import routes
from couple_dash.pages.repair import TOOLS
from e2e.conftest import PHONE_DEVICE, paired_couple, screenshot


def _open(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    expect(page.locator("#main")).to_be_visible()


def test_a_repair_menu_item_becomes_the_partners_commitment_in_one_tap(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    _open(alex, base_url, routes.REPAIR)
    expect(alex.get_by_test_id("repair-tool")).to_have_count(len(TOOLS))
    alex.locator("#tool-menu").click()
    expect(alex.get_by_role("heading", name="Sam's menu")).to_be_visible()
    expect(alex.locator("#partner-repair-empty")).to_be_visible()

    # Sam lists what helps Sam; Alex sees it at once.
    _open(sam, base_url, routes.REPAIR_MENU)
    sam.get_by_label("Something that helps me feel repaired").fill("Tell me before plans change")
    sam.locator("#repair-add").click()
    expect(sam.get_by_test_id("my-repair-item")).to_contain_text("Tell me before plans change")
    partner_item = alex.get_by_test_id("partner-repair-item")
    expect(partner_item).to_contain_text("Tell me before plans change")

    # One tap: Alex's own commitment, seen on both sides.
    partner_item.get_by_test_id("make-commitment").click()
    expect(partner_item.get_by_test_id("repair-committed")).to_have_text("You made this a commitment")
    expect(sam.get_by_test_id("repair-committed")).to_have_text("Alex made this a commitment")
    expect(partner_item.get_by_test_id("make-commitment")).to_have_count(0)
    screenshot(alex, "repair-menu-giver-desktop")
    screenshot(sam, "repair-menu-receiver-desktop")

    # It is in Alex's commitments, owned by Alex, in Alex's words.
    _open(alex, base_url, routes.COMMITMENTS)
    row = alex.get_by_test_id("commitment-row").filter(has_text="Tell you before plans change")
    expect(row).to_contain_text("You")
    expect(row).to_contain_text("Active")
    expect(row).to_contain_text("Each time it happens")

    # A small win, celebrated quietly: the first time it's kept shows on Sam's item.
    row.click()
    alex.locator("#tick-submit").click()
    expect(sam.get_by_test_id("repair-win")).to_have_text("First time kept")

    # Sam rewords and reorders Sam's own menu; Alex follows live.
    sam.get_by_label("Something that helps me feel repaired").fill("Sit with me without fixing")
    sam.locator("#repair-add").click()
    expect(sam.get_by_test_id("my-repair-item")).to_have_count(2)
    sam.get_by_test_id("my-repair-item").nth(1).get_by_role("button", name="Move up").click()
    _open(alex, base_url, routes.REPAIR_MENU)
    expect(alex.get_by_test_id("partner-repair-item").first).to_contain_text("Sit with me without fixing")


def test_an_acknowledgement_is_private_until_sent_then_answered_live(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    _open(sam, base_url, routes.ACKNOWLEDGE)
    _open(alex, base_url, routes.ACKNOWLEDGE)
    expect(alex.locator("#ack-private-note")).to_contain_text("Sam doesn't see your draft")

    # The gentle nudge while typing: it names the minimising words and blocks nothing.
    what = alex.locator("#ack-what_happened")
    what.fill("I'm sorry if I hurt you. It was just a few messages.")
    nudge = alex.locator("#ack-what_happened-nudge")
    expect(nudge).to_contain_text("sorry if")
    expect(nudge).to_contain_text("it was just")
    screenshot(alex, "acknowledgement-nudge-desktop")
    what.fill("For three weeks I messaged Jo every night and deleted the messages so you wouldn't see them.")
    expect(nudge).to_have_count(0)
    alex.locator("#ack-what_happened-next").click()
    alex.locator("#ack-impact").fill("You felt lied to, and you started doubting what you saw with your own eyes.")
    alex.locator("#ack-impact-next").click()
    alex.locator("#ack-feelings").fill("I felt lonely and wanted attention, and I was afraid to tell you so.")
    alex.locator("#ack-feelings-next").click()
    alex.locator("#ack-differently").fill("Tell you before plans change\nShow you my phone whenever you ask")
    alex.locator("#ack-differently-next").click()
    expect(alex.locator("#ack-saved")).to_contain_text("Only you can see it")
    # Still a draft: nothing of it on Sam's screen.
    expect(sam.locator("#ack-none")).to_be_visible()
    expect(sam.locator("#main")).not_to_contain_text("messaged Jo")
    screenshot(alex, "acknowledgement-review-desktop")
    alex.locator("#ack-send").click()

    # Sam sees it live and answers in Sam's own time.
    card = sam.get_by_test_id("acknowledgement")
    expect(card).to_contain_text("Alex's acknowledgement to you")
    expect(card).to_contain_text("messaged Jo every night")
    expect(card).to_contain_text("Show you my phone whenever you ask")
    card.get_by_test_id("ack-heard").click()
    card.get_by_label("Reply").fill("Thank you for saying it plainly.")
    card.get_by_role("button", name="Send reply").click()
    alex_card = alex.get_by_test_id("acknowledgement")
    expect(alex_card.get_by_test_id("ack-reply")).to_have_count(2)
    expect(alex_card).to_contain_text("I hear you")
    expect(alex_card).to_contain_text("Thank you for saying it plainly.")
    expect(card.get_by_label("Reply")).to_have_value("")
    # The author can't answer their own; they can follow up.
    expect(alex_card.get_by_test_id("ack-heard")).to_have_count(0)
    alex_card.get_by_label("Add a follow-up").fill("I've also told Jo we won't be in touch.")
    alex_card.get_by_role("button", name="Add follow-up").click()
    expect(card.get_by_test_id("ack-reply")).to_have_count(3)
    screenshot(sam, "acknowledgement-thread-desktop")

    # "What I will do differently" became Alex's commitments.
    _open(alex, base_url, routes.COMMITMENTS)
    for text in ("Tell you before plans change", "Show you my phone whenever you ask"):
        expect(alex.get_by_test_id("commitment-row").filter(has_text=text)).to_contain_text("Active")


def test_the_hard_moment_guide_is_filled_by_both_live(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url, **PHONE_DEVICE)
    _open(alex, base_url, routes.HARD_MOMENT)
    _open(sam, base_url, routes.HARD_MOMENT)
    alex.locator("#moment-start").tap()
    expect(sam.locator("#moment-step-title")).to_have_text("Feelings")

    def share(page: Page, step: str, text: str) -> None:
        page.locator(f"#moment-mine-{step}").fill(text)
        page.locator(f"#moment-share-{step}").tap()

    share(alex, "feelings", "Hurt, and tired")
    share(sam, "feelings", "Lonely, and on edge")
    expect(sam.locator("#moment-partner-feelings")).to_contain_text("Hurt, and tired")
    expect(alex.locator("#moment-partner-feelings")).to_contain_text("Lonely, and on edge")
    screenshot(sam, "hard-moment-phone-sam")

    sam.locator("#moment-next").tap()
    expect(alex.locator("#moment-step-title")).to_have_text("Each one's reality")
    share(alex, "reality", "I heard your tone as blame")
    expect(sam.locator("#moment-partner-reality")).to_contain_text("I heard your tone as blame")
    alex.locator("#moment-next").tap()
    expect(sam.locator("#moment-step-title")).to_have_text("Triggers")
    sam.locator("#moment-next").tap()

    # Own part: only your own. A counter-charge is gently pointed out.
    expect(alex.locator("#moment-step-title")).to_have_text("My own part")
    alex.locator("#moment-mine-own_part").fill("I raised my voice, but you started it")
    expect(alex.locator("#moment-own-part-nudge")).to_contain_text("but you")
    share(alex, "own_part", "I raised my voice and walked out")
    expect(alex.locator("#moment-own-part-nudge")).to_have_count(0)
    alex.locator("#moment-next").tap()

    expect(sam.locator("#moment-step-title")).to_have_text("Next time")
    share(sam, "plan", "Ask for a 20-minute break when I notice I'm raising my voice")
    sam.locator("#moment-plan-commit").tap()
    expect(sam.locator("#moment-plan-committed")).to_be_visible()
    expect(alex.locator("#moment-partner-plan")).to_contain_text("20-minute break")
    expect(alex.locator("#moment-partner-plan")).to_contain_text("Sam made this a commitment")
    screenshot(alex, "hard-moment-phone-alex")

    alex.locator("#moment-finish").tap()
    for page in (alex, sam):
        expect(page.locator("#moment-start")).to_be_visible()
        summary = page.get_by_test_id("moment-summary").first
        summary.locator("summary").tap()
        expect(summary).to_contain_text("Hurt, and tired")
        expect(summary).to_contain_text("raising my voice (now a commitment)")
    screenshot(sam, "hard-moment-summary-phone")
    _open(sam, base_url, routes.COMMITMENTS)
    expect(sam.get_by_test_id("commitment-row").filter(has_text="20-minute break")).to_be_visible()
