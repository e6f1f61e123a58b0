"""The private space end to end: what Alex writes there never shows anywhere on Sam's side, and what Alex chooses to
share appears for Sam live, and disappears live when Alex takes it back.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from couple_dash import routes
from e2e.conftest import PHONE_DEVICE, paired_couple, screenshot
from e2e.test_phone import check_fits

NOTE = "Private note: the hard week at my sister's"
WHY_NOTE = "Private why: it happened more than once"
RECALL = "Private recall: the night of the party"
FOR_SAM = "What I'd like you to know about that night"
PRIVATE_WORDS = (NOTE, WHY_NOTE, RECALL, "the night of the party")
CONTEXT = "I was overwhelmed at work and hid it from you."
THINKING = "I felt ashamed, and scared you'd think less of me."
IMPACT = "You felt lied to and alone, and you stopped trusting what I say."


def _tab(page: Page, name: str) -> None:
    page.locator(f"#tab-{name}").click()
    expect(page.locator(f"#tab-{name}")).to_have_attribute("data-state", "active")


def _confirm(page: Page, scope: Any, test_id: str) -> None:
    scope.get_by_test_id(test_id).click()
    page.get_by_test_id(f"{test_id}-confirm").click()


def _everything_sam_can_see(sam: Page, base_url: str) -> str:
    """The text and markup of every page and every tab of the private space, as Sam's browser has them."""
    seen = []
    for path in (routes.DASHBOARD, routes.CHECK_IN, routes.COMMITMENTS, routes.PROGRESS):
        sam.goto(base_url + path)
        expect(sam.locator("#main")).to_be_visible()
        sam.wait_for_load_state("networkidle")
        seen += [sam.locator("body").inner_text(), sam.content()]
    sam.goto(base_url + routes.PRIVATE)
    expect(sam.locator("#private-notice")).to_be_visible()
    for tab in routes.PRIVATE_TABS:
        _tab(sam, tab)
        sam.wait_for_load_state("networkidle")
        seen += [sam.locator("body").inner_text(), sam.content()]
    return "\n".join(seen)


def _alex_writes_privately(alex: Page, base_url: str) -> None:
    alex.goto(base_url + routes.PRIVATE)
    expect(alex.locator("#private-notice")).to_contain_text("Only you can see this")
    # A note.
    alex.locator("#private-note-text").fill(NOTE)
    alex.locator("#private-note-save").click()
    expect(alex.get_by_test_id("private-note-text")).to_have_text(NOTE)
    # Understanding the why.
    _tab(alex, "why")
    alex.locator("label", has=alex.locator("#why-repeated-repeated")).click()
    alex.locator("#why-repeated-note").fill(WHY_NOTE)
    alex.locator("#why-forgive-not_sure").check()
    alex.locator("#why-save").click()
    expect(alex.locator("#why-saved")).to_contain_text("Last saved")
    # The workbook: two entries in "Recall the hurt", the step marked done by choice.
    _tab(alex, "workbook")
    expect(alex.locator("#workbook-step-title")).to_have_text("1. Recall the hurt")
    expect(alex.locator("#workbook-guidance")).to_be_visible()
    for text in (RECALL, FOR_SAM):
        alex.locator("#workbook-text").fill(text)
        alex.locator("#workbook-save").click()
        expect(alex.get_by_test_id("workbook-entry-text").filter(has_text=text)).to_be_visible()
    recall = alex.locator('[data-testid=workbook-step][data-step="recall"]')
    expect(recall).to_have_attribute("data-status", "writing")
    alex.locator("#step-done").click()
    expect(recall).to_have_attribute("data-status", "done")
    expect(alex.locator("#workbook-summary")).to_contain_text("You've marked 1 step as done")


def test_alex_writes_privately_sam_sees_nothing_until_alex_shares(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + routes.PRIVATE)  # Sam is connected the whole time Alex writes
    expect(sam.locator("#private-notice")).to_be_visible()
    _alex_writes_privately(alex, base_url)

    # The explanation: the gentle check flags excuse wording while Alex types; Alex rewords it.
    _tab(alex, "explain")
    alex.locator("#explanation-new").click()
    alex.locator("#explanation-context").fill("It was no big deal, it just happened.")
    expect(alex.locator("#explanation-check")).to_contain_text('"no big deal" can sound as if the hurt was small')
    expect(alex.locator("#explanation-check")).to_contain_text('"it just happened"')
    screenshot(alex, "private-explanation-check")
    alex.locator("#explanation-context").fill(CONTEXT)
    alex.locator("#explanation-thinking").fill(THINKING)
    alex.locator("#explanation-impact").fill(IMPACT)
    expect(alex.locator("#explanation-check")).to_have_count(0)
    alex.locator("#explanation-save").click()
    explanation = alex.get_by_test_id("explanation")
    expect(explanation).to_have_attribute("data-shared", "no")
    screenshot(alex, "private-explain-alex")

    # Nothing of it anywhere on Sam's side: every page, every tab, text and markup.
    seen = _everything_sam_can_see(sam, base_url)
    for words in (*PRIVATE_WORDS, FOR_SAM, CONTEXT, IMPACT):
        assert words not in seen, words
    expect(sam.locator("#shared-empty")).to_be_visible()
    screenshot(sam, "private-sam-nothing-shared")

    # Alex shares one workbook entry: it appears on Sam's open page, live.
    _tab(sam, "shared")
    _tab(alex, "workbook")
    entry = alex.get_by_test_id("workbook-entry").filter(has_text=FOR_SAM)
    _confirm(alex, entry, "workbook-share")
    expect(entry).to_have_attribute("data-shared", "yes")
    expect(sam.get_by_test_id("shared-entry-text")).to_have_text(FOR_SAM)
    expect(sam.get_by_test_id("shared-entry")).to_contain_text("From Alex's forgiveness workbook · Recall the hurt")
    expect(sam.get_by_test_id("shared-count").first).to_have_text("1")
    screenshot(alex, "private-workbook-alex")
    assert RECALL not in sam.content()

    # And the explanation; Sam replies, Alex sees the reply live.
    _tab(alex, "explain")
    _confirm(alex, explanation, "explanation-share")
    expect(explanation).to_have_attribute("data-shared", "yes")
    shared = sam.get_by_test_id("shared-explanation")
    expect(shared).to_contain_text(IMPACT)
    expect(shared).to_contain_text("Alex's explanation")
    sam.locator("[id^=reply-]").fill("Thank you for telling me. I need time.")
    sam.get_by_test_id("reply-send").click()
    expect(sam.get_by_test_id("shared-reply")).to_contain_text("I need time.")
    expect(alex.get_by_test_id("explanation-reply")).to_contain_text("Thank you for telling me. I need time.")
    screenshot(sam, "private-sam-shared")
    screenshot(alex, "private-alex-shared-explanation")

    # Alex makes both private again: they disappear from Sam's page live.
    _confirm(alex, explanation, "explanation-unshare")
    expect(shared).to_have_count(0)
    _tab(alex, "workbook")
    _confirm(alex, entry, "workbook-unshare")
    expect(sam.get_by_test_id("shared-entry")).to_have_count(0)
    expect(sam.locator("#shared-empty")).to_be_visible()
    for words in (FOR_SAM, IMPACT, CONTEXT):
        assert words not in sam.content(), words
    # Alex's own view keeps everything, and Sam's reply.
    expect(alex.get_by_test_id("workbook-entry")).to_have_count(2)
    _tab(alex, "notes")
    screenshot(alex, "private-notes-alex")
    _tab(alex, "explain")
    expect(alex.get_by_test_id("explanation-reply")).to_contain_text("I need time.")


def test_the_private_space_on_phones(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url, **PHONE_DEVICE)
    _alex_writes_privately(alex, base_url)
    problems: list[str] = []
    alex.goto(base_url + routes.PRIVATE)
    for tab in routes.PRIVATE_TABS:
        _tab(alex, tab)
        alex.wait_for_load_state("networkidle")
        if tab == "explain":
            alex.locator("#explanation-new").tap()
            alex.locator("#explanation-context").fill("I had no choice, you always push me.")
            expect(alex.locator("#explanation-check")).to_be_visible()
        problems += check_fits(alex, f"{routes.PRIVATE}?tab={tab}")
        screenshot(alex, f"phone-private-{tab}")
    # The partner's presence line never names the private space.
    sam.goto(base_url + routes.DASHBOARD)
    expect(sam.locator("#partner-presence")).to_be_visible()
    expect(sam.locator("#partner-presence")).not_to_contain_text(re.compile("private", re.IGNORECASE))
    # A link straight to a tab opens it.
    alex.goto(base_url + routes.private_url("workbook"))
    expect(alex.locator("#tab-workbook")).to_have_attribute("data-state", "active")
    assert not problems, "\n".join(problems)
