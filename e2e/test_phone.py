"""The app on phones: two partners on 390×844 touch screens, and every page at 360–430 px wide.

Every page must fit (no sideways scrolling), show the bottom navigation, and keep every control at least 44×44 px
(links inside running text excepted, as WCAG 2.5.8 does).
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from couple_dash import routes
from e2e.conftest import PHONE_DEVICE, paired_couple, screenshot
from e2e.test_rituals import LOCAL_IN

MIN_TARGET = 44
WIDTHS = (360, 390, 430)

# Visible controls smaller than 44×44 px, as "tag#id.class 'text' w×h". A control counts with its label: a
# checkbox wrapped in a 44 px tall label is a 44 px target. Links inside running text don't count.
SMALL_TARGETS = """(min) => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, "
    + "[role=button], [role=checkbox], [role=switch], [role=tab], [role=combobox]";
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest("[aria-hidden=true], .cd-skip-link, [hidden]")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    let box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const label = el.closest("label");
    if (label) box = label.getBoundingClientRect();
    const parent = el.parentElement;
    if (el.tagName === "A" && style.display === "inline" && parent && /^(P|SPAN|LI|TD)$/.test(parent.tagName)
        && parent.textContent.trim() !== el.textContent.trim()) continue;
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim();
      const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
      small.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} '${name.slice(0, 30)}' ${size}`);
    }
  }
  return small;
}"""

OVERFLOW = """() => {
  const doc = document.documentElement;
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && getComputedStyle(el).position !== "fixed")
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}`.slice(0, 80));
  return { scroll: doc.scrollWidth, width: doc.clientWidth, wide };
}"""


def fill_the_couples_week(alex: Page, sam: Page, base_url: str) -> None:
    """A commitment each, an agenda item, a ritual: so every page shows its real controls."""
    for page, text in ((alex, "I will text you when I leave work"), (sam, "I will make us coffee on weekdays")):
        page.goto(base_url + routes.COMMITMENTS)
        page.locator("#commitment-text").fill(text)
        page.get_by_label("Why this matters").fill("So you never have to wonder.")
        page.locator("#commitment-save").click()
        expect(page.get_by_test_id("commitment-row").first).to_be_visible()
    alex.goto(base_url + routes.CHECK_IN)
    alex.locator("#agenda-text").fill("Plan the weekend at your parents'")
    alex.locator("#agenda-add").tap()
    expect(alex.get_by_test_id("agenda-item").first).to_be_visible()
    alex.goto(base_url + routes.RITUALS)
    day, at = alex.evaluate(LOCAL_IN, 24 * 60)
    alex.locator("#ritual-title").fill("Date night")
    alex.locator("#ritual-recurrence").select_option("once")
    alex.locator("#ritual-start").fill(day)
    alex.locator("#ritual-time").fill(at)
    alex.locator("#ritual-save").tap()
    expect(alex.get_by_test_id("ritual").first).to_be_visible()


def check_fits(page: Page, path: str) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        page.wait_for_timeout(150)
        overflow = page.evaluate(OVERFLOW)
        if overflow["scroll"] > overflow["width"]:
            problems.append(f"{path} at {width}px scrolls sideways ({overflow['scroll']}px): {overflow['wide']}")
        small = page.evaluate(SMALL_TARGETS, MIN_TARGET)
        if small:
            problems.append(f"{path} at {width}px has targets under {MIN_TARGET}px: {small}")
    page.set_viewport_size(PHONE_DEVICE["viewport"])
    return problems


def test_two_partners_on_phones_tick_and_see_it_live(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url, **PHONE_DEVICE)
    fill_the_couples_week(alex, sam, base_url)
    alex.goto(base_url + routes.DASHBOARD)
    sam.goto(base_url + routes.DASHBOARD)
    expect(alex.locator("#nav-bottom-home")).to_be_visible()
    expect(alex.locator("#nav-side-dashboard")).to_be_hidden()
    partner_side = sam.locator("#today-partner").get_by_test_id("today-item")
    expect(partner_side).to_have_attribute("data-status", "open")

    # The most common thing on a phone: one tap on today's promise, seen by the partner at once.
    alex.locator("#today-mine").get_by_test_id("tick").tap()
    expect(partner_side).to_have_attribute("data-status", "done")
    partner_side.get_by_test_id("acknowledge").tap()
    expect(alex.locator("#today-mine").get_by_test_id("today-item")).to_contain_text("Seen")
    screenshot(alex, "phone-dashboard-alex")
    screenshot(sam, "phone-dashboard-sam")


def test_every_page_fits_a_phone_with_big_enough_targets(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url, **PHONE_DEVICE)
    fill_the_couples_week(alex, sam, base_url)
    problems: list[str] = []
    alex.goto(base_url + routes.COMMITMENTS)
    alex.get_by_test_id("commitment-row").first.tap()
    expect(alex.locator("#commitment-title")).to_be_visible()
    pages = [(alex.url.removeprefix(base_url), "commitment")]
    for path in (
        routes.DASHBOARD,
        routes.COMMITMENTS,
        routes.CHECK_IN,
        routes.RITUALS,
        routes.PROGRESS,
        routes.SETTINGS,
        routes.PAIR,
        routes.PRIVATE,
        routes.UPDATES,
        routes.REPAIR,
        routes.REPAIR_MENU,
        routes.ACKNOWLEDGE,
        routes.HARD_MOMENT,
        routes.MORE,
        routes.REPORT,
    ):
        pages.append((path, path.strip("/").replace("/", "-") or "dashboard"))
    for path, name in pages:
        alex.goto(base_url + path)
        expect(alex.locator("#main")).to_be_visible()
        alex.wait_for_load_state("networkidle")
        problems += check_fits(alex, path)
        screenshot(alex, f"phone-{name}")
    # The meeting screen, once a check-in is under way.
    alex.goto(base_url + routes.CHECK_IN)
    alex.locator("#meeting-start").tap()
    alex.wait_for_url("**" + routes.MEETING + "**")
    problems += check_fits(alex, routes.MEETING)
    screenshot(alex, "phone-meeting")
    # Signed-out pages.
    visitor = new_context(**PHONE_DEVICE).new_page()
    for path in (routes.LOGIN, routes.SIGNUP, routes.JOIN, routes.SAFETY):
        visitor.goto(base_url + path)
        visitor.wait_for_load_state("networkidle")
        problems += check_fits(visitor, path)
        screenshot(visitor, f"phone-{path.strip('/')}")
    assert not problems, "\n".join(problems)
