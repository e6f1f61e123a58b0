"""Issue 2's end-to-end path: two partners in two browsers sign up, pair through an invite link, see each other."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from e2e.conftest import (
    DESKTOP,
    PASSWORD,
    PHONE,
    at,
    create_invite,
    log_in,
    paired_couple,
    screenshot,
    sign_up,
    sign_up_from_current,
    unique_email,
)


def test_partners_pair_through_an_invite_link_and_see_each_other(new_context: Any, base_url: str) -> None:
    alex = new_context(viewport=DESKTOP, timezone_id="Europe/Berlin").new_page()
    sam = new_context(viewport=PHONE, timezone_id="America/New_York", has_touch=True, is_mobile=True).new_page()

    alex.goto(base_url + "/signup")
    # The time zone is pre-filled from the browser.
    expect(alex.get_by_label("Time zone")).to_have_value("Europe/Berlin")
    screenshot(alex, "signup-desktop")
    sign_up(alex, base_url, "Alex", unique_email("alex"))
    expect(alex.locator("#dashboard-unpaired")).to_be_visible()
    expect(alex.locator("#couple-badge")).to_have_text("Invite your partner")
    screenshot(alex, "dashboard-unpaired-desktop")

    link = create_invite(alex, base_url)
    code = alex.locator("#invite-code").inner_text()
    assert link.endswith(code)
    screenshot(alex, "pair-desktop")

    sam.goto(link)
    expect(sam.locator("#join-heading")).to_have_text("Alex invited you to Couple Dash")
    screenshot(sam, "join-phone")
    sam.locator("#join-signup").click()
    expect(sam.get_by_label("Time zone")).to_have_value("America/New_York")
    sign_up_from_current(sam, base_url, "Sam", unique_email("sam"))

    # Both see each other's name; Alex's page updates live, without a reload.
    expect(sam.locator("#couple-badge")).to_have_text("You and Alex")
    expect(alex.locator("#couple-badge")).to_have_text("You and Sam")
    expect(alex.locator("#paired-notice")).to_be_visible()
    alex.goto(base_url + "/")
    expect(alex.locator("#dashboard-paired")).to_be_visible()
    screenshot(alex, "dashboard-paired-desktop")
    screenshot(sam, "dashboard-paired-phone")

    # The link was single use: a third person gets a clear refusal.
    jo = new_context().new_page()
    jo.goto(link)
    expect(jo.locator("#join-problem")).to_contain_text("already been used")


def test_a_signed_in_person_joins_with_one_tap_and_a_third_is_refused(new_context: Any, base_url: str) -> None:
    alex, sam = new_context().new_page(), new_context().new_page()
    sign_up(alex, base_url, "Alex", unique_email("alex"))
    sign_up(sam, base_url, "Sam", unique_email("sam"))
    link = create_invite(alex, base_url)
    sam.goto(link)
    sam.locator("#join-accept").click()
    expect(sam).to_have_url(at(base_url, "/"))
    expect(sam.locator("#couple-badge")).to_have_text("You and Alex")
    expect(alex.locator("#couple-badge")).to_have_text("You and Sam")

    # A third person with an account, trying the code by hand, is told why not.
    jo = new_context().new_page()
    sign_up(jo, base_url, "Jo", unique_email("jo"))
    jo.goto(base_url + "/pair")
    jo.get_by_label("Invite code").fill(link.rsplit("=", 1)[1])
    jo.get_by_role("button", name="Join", exact=True).click()
    expect(jo.get_by_role("alert")).to_contain_text("already been used")
    expect(jo.locator("#couple-badge")).to_have_text("Invite your partner")


def test_bad_input_gets_clear_messages(new_context: Any, base_url: str) -> None:
    page = new_context().new_page()
    email = unique_email("alex")
    page.goto(base_url + "/signup")
    page.get_by_label("Your name").fill("Alex")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("password123")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("too common")
    expect(page).to_have_url(at(base_url, "/signup"))

    sign_up(page, base_url, "Alex", email)
    page.goto(base_url + "/settings")
    page.get_by_role("button", name="Log out", exact=True).click()
    expect(page).to_have_url(at(base_url, "/login"))

    # Duplicate email.
    other = new_context().new_page()
    other.goto(base_url + "/signup")
    other.get_by_label("Your name").fill("Someone")
    other.get_by_label("Email").fill(email.upper())
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Create account").click()
    expect(other.get_by_role("alert")).to_contain_text("already exists")

    # Wrong password: the message doesn't say whether the email exists.
    log_in(page, base_url, email, "not my password")
    expect(page.get_by_role("alert")).to_contain_text("don't match an account")
    log_in(page, base_url, email)
    expect(page).to_have_url(at(base_url, "/"))


def test_protected_pages_send_signed_out_visitors_to_log_in_and_back(new_context: Any, base_url: str) -> None:
    page = new_context().new_page()
    email = unique_email("alex")
    sign_up(page, base_url, "Alex", email)
    page.goto(base_url + "/settings")
    page.get_by_role("button", name="Log out", exact=True).click()
    expect(page).to_have_url(at(base_url, "/login"))
    page.goto(base_url + "/rituals")
    expect(page).to_have_url(at(base_url, "/login?next=%2Frituals"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(at(base_url, "/rituals"))


def test_log_out_of_all_devices_ends_the_other_devices_sessions(new_context: Any, base_url: str) -> None:
    phone, laptop = new_context().new_page(), new_context().new_page()
    email = unique_email("alex")
    sign_up(phone, base_url, "Alex", email)
    log_in(laptop, base_url, email)
    expect(laptop).to_have_url(at(base_url, "/"))
    phone.goto(base_url + "/settings")
    phone.get_by_role("button", name="Log out of all devices").click()
    expect(phone).to_have_url(at(base_url, "/login"))
    laptop.goto(base_url + "/commitments")
    expect(laptop).to_have_url(at(base_url, "/login?next=%2Fcommitments"))


def test_leaving_the_couple_updates_the_partner_live(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + "/settings")
    sam.get_by_role("button", name="Leave couple").click()
    sam.get_by_role("button", name="Leave", exact=True).click()
    expect(sam.locator("#couple-badge")).to_have_text("Invite your partner")
    expect(alex.locator("#couple-badge")).to_have_text("Invite your partner")
    # Alex keeps the couple and can invite again.
    create_invite(alex, base_url)


def test_renaming_yourself_shows_up_for_the_partner(new_context: Any, base_url: str) -> None:
    alex, sam, _, _ = paired_couple(new_context, base_url)
    sam.goto(base_url + "/settings")
    name = sam.get_by_label("Your name")
    name.fill("Samantha")
    sam.get_by_role("button", name="Save profile").click()
    expect(sam.locator("#settings-notice")).to_have_text("Saved.")
    expect(alex.locator("#couple-badge")).to_have_text("You and Samantha")
