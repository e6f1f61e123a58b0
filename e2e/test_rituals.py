"""Rituals planned and lived by two partners live, and a reminder fired by the scheduler arriving without reload."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from e2e.conftest import ARTIFACTS, PHONE, paired_couple, screenshot

# The browser's own zone (the partners' zone, prefilled at sign-up): a date and time a given number of minutes
# from now, rounded up to the next whole minute, as the date and time inputs want them.
LOCAL_IN = """(minutes) => {
  const at = new Date(Date.now() + minutes * 60000);
  at.setSeconds(0, 0);
  at.setMinutes(at.getMinutes() + 1);
  const pad = (n) => String(n).padStart(2, "0");
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return [day, `${pad(at.getHours())}:${pad(at.getMinutes())}`];
}"""


def plan(page: Page, title: str, *, days: list[int], start: str, time: str) -> None:
    page.locator("#ritual-title").fill(title)
    for day in days:
        page.locator(f"#ritual-day-{day}").check()
    page.locator("#ritual-start").fill(start)
    page.locator("#ritual-time").fill(time)
    page.locator("#ritual-save").click()
    expect(page.locator("#ritual-title")).to_have_value("")


def test_rituals_are_planned_and_lived_together(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.set_viewport_size(PHONE)
    alex.goto(base_url + "/rituals")
    sam.goto(base_url + "/rituals")
    expect(sam.locator("#rituals-empty")).to_be_visible()
    # Bad input: a clear message, nothing saved.
    alex.locator("#ritual-title").fill("Morning coffee")
    alex.locator("#ritual-save").click()
    expect(alex.locator("#ritual-error")).to_contain_text("Choose at least one day")
    expect(sam.locator("#rituals-empty")).to_be_visible()

    three_days_ago = alex.evaluate(LOCAL_IN, -3 * 24 * 60)[0]
    plan(alex, "Morning coffee", days=list(range(7)), start=three_days_ago, time="07:30")
    card = sam.get_by_test_id("ritual").filter(has_text="Morning coffee")
    expect(card).to_contain_text("Mondays, Tuesdays, Wednesdays, Thursdays, Fridays, Saturdays and Sundays at 07:30")
    # Ideas are shared live.
    card.get_by_label("A new idea").fill("Try the new Thai place")
    card.get_by_role("button", name="Add idea").click()
    expect(alex.get_by_test_id("idea")).to_contain_text("Try the new Thai place")
    # Both confirm the next one.
    next_one = alex.get_by_test_id("occurrence").first
    next_one.get_by_role("button", name="I'll be there").click()
    expect(card.get_by_test_id("occurrence").first).to_contain_text("Alex confirmed")
    card.get_by_test_id("occurrence").first.get_by_role("button", name="I'll be there").click()
    expect(next_one).to_contain_text("You're both in")
    # Yesterday's, marked done by Sam with a reflection; Alex sees it.
    card.locator("summary").click()
    yesterday = card.get_by_test_id("occurrence").filter(has_text="Planned").last
    yesterday.get_by_role("button", name="We did it").click()
    sam.locator("#ritual-reflection").fill("The sunrise from the balcony")
    sam.locator("#ritual-done-save").click()
    alex.get_by_test_id("ritual").locator("summary").click()
    expect(alex.get_by_test_id("ritual").get_by_test_id("occurrence").filter(has_text="Done")).to_contain_text(
        "The sunrise from the balcony"
    )
    # Alex moves the next one to later; Sam sees it moved.
    tomorrow = alex.evaluate(LOCAL_IN, 24 * 60)[0]
    next_one.get_by_role("button", name="Move").click()
    alex.locator("#ritual-move-day").fill(tomorrow)
    alex.locator("#ritual-move-time").fill("09:15")
    alex.locator("#ritual-move-save").click()
    expect(card.get_by_test_id("occurrence").filter(has_text="Moved")).to_contain_text("09:15")
    # The month view and the dashboard show it.
    expect(alex.get_by_test_id("month-day").filter(has_text="Morning coffee").first).to_be_visible()
    # A private calendar link: a calendar app's parser gets the ritual with its RRULE; turned off, it's gone.
    alex.locator("#calendar-create").click()
    link = alex.locator("#calendar-url")
    expect(link).to_have_value(re.compile(r"/calendar/[\w-]+\.ics$"))
    feed = alex.request.get(link.input_value())
    assert feed.status == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Morning coffee" in feed.text()
    assert "RRULE:FREQ=WEEKLY" in feed.text()
    url = link.input_value()
    alex.locator("#calendar-revoke").click()
    expect(alex.locator("#calendar-url")).to_have_count(0)
    assert alex.request.get(url).status == 404
    screenshot(alex, "rituals-desktop")
    screenshot(sam, "rituals-phone")
    sam.goto(base_url + "/")
    expect(sam.get_by_test_id("coming-up").first).to_contain_text("Morning coffee")


def test_a_reminder_from_the_scheduler_appears_live_for_the_partner(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    # Sam turns quiet hours off (so this test passes at any hour) and keeps the one-hour lead.
    sam.goto(base_url + "/settings")
    expect(sam.locator("#reminder-quiet_enabled")).to_be_checked()
    sam.locator("#reminder-quiet_enabled").uncheck()
    sam.locator("#reminders-save").click()
    expect(sam.locator("#reminders-notice")).to_contain_text("Saved")
    sam.goto(base_url + "/")
    expect(sam.locator("#bell")).to_be_visible()
    expect(sam.locator("#bell-count")).to_have_count(0)

    # Alex plans a one-off walk starting in just over an hour: the one-hour reminder falls due within a minute.
    alex.goto(base_url + "/rituals")
    alex.locator("#ritual-recurrence").select_option("once")
    day, time = alex.evaluate(LOCAL_IN, 60)
    alex.locator("#ritual-title").fill("Evening walk")
    alex.locator("#ritual-start").fill(day)
    alex.locator("#ritual-time").fill(time)
    alex.locator("#ritual-save").click()
    expect(alex.get_by_test_id("ritual")).to_contain_text("Evening walk")

    # Sam's open dashboard gets it without a reload.
    expect(sam.locator("#bell-count")).to_have_text("1", timeout=90_000)
    sam.locator("#bell").click()
    expect(sam.get_by_test_id("notification").first).to_contain_text("Evening walk in 1 hour")
    expect(sam.get_by_test_id("notification").first).to_contain_text(re.compile(r"starts at \d\d:\d\d"))
    screenshot(sam, "reminder-bell")
    sam.locator("#bell-read").click()
    expect(sam.locator("#bell-count")).to_have_count(0)


def test_a_partner_edits_a_ritual_and_the_other_sees_it_live(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.set_viewport_size(PHONE)
    # The weekly check-in is a ritual too, changed on the Check-in page: its card offers no Edit.
    alex.goto(base_url + "/check-in")
    alex.locator("#schedule-weekday").select_option("6")
    alex.locator("#schedule-time").fill("19:30")
    alex.locator("#schedule-save").click()
    expect(alex.locator("#schedule-label")).to_contain_text("Sundays at 19:30")
    alex.goto(base_url + "/rituals")
    sam.goto(base_url + "/rituals")
    today = alex.evaluate(LOCAL_IN, 0)[0]
    plan(alex, "Morning coffee", days=[0, 2, 4], start=today, time="07:30")
    check_in = sam.get_by_test_id("ritual").filter(has_text="Weekly check-in")
    expect(check_in).to_contain_text("Sundays at 19:30")
    expect(check_in.get_by_role("button", name=re.compile(r"^Edit"))).to_have_count(0)
    alex_card = alex.get_by_test_id("ritual").filter(has_text="Morning coffee")
    expect(alex_card).to_contain_text("Mondays, Wednesdays and Fridays at 07:30")

    # Sam opens the form on her phone: it starts from the saved plan.
    sam_card = sam.get_by_test_id("ritual").filter(has_text="Morning coffee")
    sam_card.get_by_role("button", name="Edit Morning coffee").click()
    expect(sam.locator("#ritual-edit-title")).to_have_value("Morning coffee")
    expect(sam.locator("#ritual-edit-recurrence")).to_have_value("weekly")
    for day in range(7):
        expect(sam.locator(f"#ritual-edit-day-{day}")).to_be_checked(checked=day in (0, 2, 4))
    expect(sam.locator("#ritual-edit-interval")).to_have_value("1")
    expect(sam.locator("#ritual-edit-start")).to_have_value(today)
    expect(sam.locator("#ritual-edit-time")).to_have_value("07:30")
    expect(sam.locator("#ritual-edit-duration")).to_have_value("90")
    expect(sam.locator("#ritual-edit-planner")).to_have_value("alternate")
    screenshot(sam, "ritual-edit-phone")
    # What the phone shows: the form's top under the header, then its end above the bottom bar.
    sam.locator("#ritual-edit-form").evaluate("(f) => { f.scrollIntoView(); window.scrollBy(0, -72); }")
    sam.screenshot(path=str(ARTIFACTS / "ritual-edit-phone-top.png"))
    sam.locator("#ritual-edit-form").evaluate("(f) => f.scrollIntoView({block: 'end'})")
    sam.evaluate("window.scrollBy(0, 80)")
    sam.screenshot(path=str(ARTIFACTS / "ritual-edit-phone-end.png"))
    # A bad edit: the message in the form, nothing changes for Alex.
    sam.locator("#ritual-edit-title").fill(" ")
    sam.locator("#ritual-edit-save").click()
    expect(sam.locator("#ritual-edit-error")).to_contain_text("Give the ritual a name")
    # Sam renames it, swaps Monday for Saturday and makes it later; Alex sees it without a reload.
    sam.locator("#ritual-edit-title").fill("Slow breakfast")
    sam.locator("#ritual-edit-day-0").uncheck()
    sam.locator("#ritual-edit-day-5").check()
    sam.locator("#ritual-edit-time").fill("08:15")
    sam.locator("#ritual-edit-save").click()
    expect(sam.locator("#ritual-edit-form")).to_have_count(0)
    alex_card = alex.get_by_test_id("ritual").filter(has_text="Slow breakfast")
    expect(alex_card).to_contain_text("Wednesdays, Fridays and Saturdays at 08:15")
    expect(alex_card.get_by_test_id("occurrence").first).to_contain_text("08:15")
    expect(alex.get_by_test_id("ritual").filter(has_text="Morning coffee")).to_have_count(0)
    expect(alex.get_by_test_id("month-day").filter(has_text="Slow breakfast").first).to_be_visible()

    # Both edit at once. Alex saves first; Sam's typed name stays in her form, her save is refused naming Alex's
    # plan, and saving again keeps hers deliberately.
    sam_card = sam.get_by_test_id("ritual").filter(has_text="Slow breakfast")
    sam_card.get_by_role("button", name="Edit Slow breakfast").click()
    sam.locator("#ritual-edit-title").fill("Breakfast in bed")
    alex_card.get_by_role("button", name="Edit Slow breakfast").click()
    alex.locator("#ritual-edit-time").fill("09:00")
    alex.locator("#ritual-edit-save").click()
    expect(sam_card).to_have_attribute("data-version", "3")
    expect(sam.locator("#ritual-edit-title")).to_have_value("Breakfast in bed")
    sam.locator("#ritual-edit-save").click()
    expect(sam.locator("#ritual-edit-error")).to_contain_text("changed elsewhere")
    expect(sam.locator("#ritual-edit-error")).to_contain_text("at 09:00")
    sam.locator("#ritual-edit-save").click()
    expect(alex.get_by_test_id("ritual").filter(has_text="Breakfast in bed")).to_contain_text("at 08:15")
    # Cancel closes the form and changes nothing.
    alex_card = alex.get_by_test_id("ritual").filter(has_text="Breakfast in bed")
    alex_card.get_by_role("button", name="Edit Breakfast in bed").click()
    alex.locator("#ritual-edit-title").fill("Never mind")
    alex.locator("#ritual-edit-cancel").click()
    expect(alex.locator("#ritual-edit-form")).to_have_count(0)
    expect(alex_card).to_have_attribute("data-version", "4")
