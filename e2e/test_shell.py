"""The app shell on a phone and a desktop, in light and dark mode."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from e2e.conftest import DESKTOP, PHONE, at, paired_couple, screenshot

PAGES = ["/", "/commitments", "/check-in", "/rituals", "/progress", "/settings", "/pair"]


def test_every_page_renders_without_horizontal_scroll_on_a_phone(new_context: Any, base_url: str) -> None:
    alex, _, _, _ = paired_couple(new_context, base_url)
    alex.set_viewport_size(PHONE)
    for path in PAGES:
        alex.goto(base_url + path)
        expect(alex.get_by_role("heading", level=1)).to_be_visible()
        expect(alex.get_by_role("navigation", name="Main (phone)")).to_be_visible()
        expect(alex.get_by_role("navigation", name="Main", exact=True)).to_be_hidden()
        overflow = alex.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
        screenshot(alex, f"phone{path.replace('/', '-') or '-dashboard'}")


def test_navigation_marks_the_current_page_and_works_by_keyboard(new_context: Any, base_url: str) -> None:
    alex, _, _, _ = paired_couple(new_context, base_url)
    alex.set_viewport_size(DESKTOP)
    alex.goto(base_url + "/")
    nav = alex.get_by_role("navigation", name="Main", exact=True)
    nav.get_by_role("link", name="Rituals").focus()
    alex.keyboard.press("Enter")
    expect(alex).to_have_url(at(base_url, "/rituals"))
    expect(nav.get_by_role("link", name="Rituals")).to_have_attribute("aria-current", "page")
    expect(alex.get_by_role("main")).to_be_visible()
    expect(alex.get_by_role("banner")).to_be_visible()


def test_dark_mode(new_context: Any, base_url: str) -> None:
    alex, _, _, _ = paired_couple(new_context, base_url)
    alex.goto(base_url + "/")
    alex.get_by_role("button", name="Switch light or dark mode").click()
    expect(alex.locator("html")).to_have_class(re.compile(r"\bdark\b"))
    screenshot(alex, "dashboard-dark-desktop")
