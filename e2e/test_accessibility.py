"""Every page passes axe-core with no serious or critical violations, in light and in dark mode.

The pages come from ``PAGES`` (what the app registers), so a new page is covered without touching this file.
Signed-in pages are seen by a partner of a lived-in couple (the demo history: commitments, ticks, a pause, past
check-ins and pulses, this week's agenda with a private item, a ritual with an idea, an unread reminder); the
meeting is walked through section by section; the popover, the dialog and a few states after a click are checked
too. axe-core comes from the npm registry (``e2e/package.json``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, StorageState, expect
from sqlmodel import Session, select

import couple_dash.pages  # noqa: F401  (importing the page modules fills PAGES)
from couple_dash import routes
from couple_dash.components.layout import PAGES
from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.axe import blocking, describe, ensure_axe
from couple_dash.devtools.server import AppServer
from couple_dash.models import Notification, User, utcnow
from couple_dash.services import accounts, agenda, commitments, couples, meeting, rituals
from couple_dash.services.demo import DemoLogin, create_demo_couple
from couple_dash.services.rituals import RitualInput
from e2e.conftest import ARTIFACTS, DESKTOP, PASSWORD, at, log_in, unique_email

Mode = Literal["light", "dark"]
MODES: tuple[Mode, ...] = ("light", "dark")
SIGNED_IN = [spec.route for spec in PAGES if not spec.public]
PUBLIC = [spec.route for spec in PAGES if spec.public]

# Resolves once the page has stopped changing for 400 ms (a live page keeps its socket open, so there is no
# "network idle"); the meeting's clocks tick once a second, which leaves room for that quiet spell.
SETTLED = """() => new Promise((resolve) => {
  let quiet;
  const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 400); });
  function done() { observer.disconnect(); resolve(); }
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  quiet = setTimeout(done, 400);
  setTimeout(done, 6000);
})"""
AXE_RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
# axe can't tell the colour behind text that a pseudo-element paints, and a Radix card paints its panel colour with
# ::before: left alone, every text inside a card comes back "incomplete", i.e. its contrast unchecked (most of
# this app is in cards). For the audit the same colour moves from ::before onto the card itself, which looks the
# same and lets axe measure the contrast of that text like any other.
CARD_BACKGROUND_ON_THE_CARD = (
    ".rt-BaseCard { background-color: var(--card-background-color, transparent); }"
    " .rt-BaseCard::before { background-color: transparent !important; }"
)


@dataclass(frozen=True)
class World:
    partner: StorageState  # Alex, of a paired couple with weeks of history
    other_partner: StorageState  # Sam, his partner, who has a proposal of Alex's to answer
    commitment_id: int  # one of Alex's commitments
    newcomer: StorageState  # signed in, not paired yet, with an open invite
    invite_code: str  # the newcomer's invite, for the signed-out /join page
    in_meeting: dict[str, StorageState]  # per mode: a partner of a couple whose check-in has just started


def _id(route: str) -> str:
    return route.strip("/") or "dashboard"


def _user_id(session: Session, email: str) -> int:
    user = session.exec(select(User).where(User.email == email)).one()
    assert user.id is not None
    return user.id


def _signed_in_state(browser: Browser, base_url: str, email: str, password: str) -> StorageState:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    log_in(page, base_url, email, password)
    expect(page).to_have_url(at(base_url, "/"))
    state = context.storage_state()
    context.close()
    return state


def _lived_in_couple(session: Session) -> tuple[list[DemoLogin], int]:
    """The demo couple, plus what the demo leaves out: a ritual with an idea, a private item, an unread reminder."""
    demo = create_demo_couple(session=session, weeks=4, seed=7)
    alex, sam = (_user_id(session, login.email) for login in demo.logins)
    ritual = rituals.create(
        session=session,
        user_id=alex,
        data=RitualInput(
            title="Sunday morning walk",
            recurrence="weekly",
            time="09:30",
            start=utcnow().date() - timedelta(days=10),
            description="Coffee on the way back",
            weekdays=(6,),
        ),
    )
    assert ritual.id is not None
    rituals.add_idea(session=session, user_id=sam, ritual_id=ritual.id, text="The path along the river")
    agenda.add_item(session=session, user_id=sam, kind="appreciation", text="Kept for Sunday", private=True)
    session.add(
        Notification(
            user_id=alex,
            kind="ritual",
            title="Sunday morning walk in 1 hour",
            body="Coffee on the way back",
            link=routes.RITUALS,
            due_at=utcnow(),
            dedupe_key=f"a11y-{alex}",
        )
    )
    mine = commitments.commitment_ids(session=session, couple_id=demo.couple_id)[0]
    return demo.logins, mine


@pytest.fixture(scope="module")
def world(app_server: AppServer, browser: Browser) -> World:
    with session_scope(engine_for(app_server.db_url)) as session:
        (alex, sam), commitment_id = _lived_in_couple(session)
        meeting_logins: dict[str, DemoLogin] = {}
        for mode in MODES:
            demo = create_demo_couple(session=session, weeks=2, seed=11)
            meeting.start(session=session, user_id=_user_id(session, demo.logins[0].email))
            meeting_logins[mode] = demo.logins[0]
        newcomer_email = unique_email("robin")
        newcomer = accounts.sign_up(
            session=session, display_name="Robin", email=newcomer_email, password=PASSWORD, time_zone="Europe/Paris"
        )
        invite = couples.create_invite(session=session, user_id=newcomer.viewer.user_id)
    url = app_server.url
    return World(
        partner=_signed_in_state(browser, url, alex.email, alex.password),
        other_partner=_signed_in_state(browser, url, sam.email, sam.password),
        commitment_id=commitment_id,
        newcomer=_signed_in_state(browser, url, newcomer_email, PASSWORD),
        invite_code=invite.code,
        in_meeting={
            mode: _signed_in_state(browser, url, login.email, login.password) for mode, login in meeting_logins.items()
        },
    )


@pytest.fixture(scope="module")
def axe_script() -> str:
    return str(ensure_axe())


def path_to(route: str, world: World) -> str:
    """Where to open ``route``: pages that need a parameter get a real one."""
    return {
        routes.COMMITMENT: f"{routes.COMMITMENT}?id={world.commitment_id}",
        routes.JOIN: routes.join_url(world.invite_code),
    }.get(route, route)


@pytest.fixture
def open_in(browser: Browser) -> Iterator[Any]:
    """A fresh context in the given colour mode: the system preference and the app's stored choice both say so."""
    contexts: list[BrowserContext] = []

    def make(mode: Mode, storage_state: StorageState | None = None) -> Page:
        context = browser.new_context(
            viewport=DESKTOP, color_scheme=mode, reduced_motion="reduce", storage_state=storage_state
        )
        context.add_init_script(f"localStorage.setItem('theme', {json.dumps(mode)})")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def visit(page: Page, url: str, mode: str) -> None:
    page.goto(url)
    main = page.locator("main#main")
    expect(main.locator("h1").first).to_be_visible()
    expect(main.locator(".rt-Spinner")).to_have_count(0)
    expect(page.locator("html")).to_have_class(re.compile(rf"\b{mode}\b"))
    expect(page.locator(".radix-themes[data-is-root-theme='true']")).to_have_class(re.compile(rf"\b{mode}\b"))
    page.evaluate(SETTLED)
    background = page.evaluate("getComputedStyle(document.querySelector('.radix-themes')).backgroundColor")
    channels = [int(c) for c in re.findall(r"\d+", background)[:3]]
    assert (sum(channels) < 200) == (mode == "dark"), f"a {mode} page should not have a {background} background"


def problems(page: Page, axe_script: str, what: str) -> str:
    """Run axe on the page as it is now: its serious and critical violations, spelled out ("" when none)."""
    page.evaluate(SETTLED)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_style_tag(content=CARD_BACKGROUND_ON_THE_CARD)
        page.add_script_tag(path=axe_script)
    violations: list[dict[str, Any]] = page.evaluate(AXE_RUN)
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (re.sub(r"[^\w.-]+", "_", what).strip("_") + ".json")).write_text(json.dumps(violations, indent=1))
    bad = blocking(violations)
    return f"axe: serious or critical violations on {what}:\n{describe(bad)}" if bad else ""


def check(page: Page, axe_script: str, what: str) -> None:
    found = problems(page, axe_script, what)
    assert not found, found


def _params(pages: list[str]) -> list[Any]:
    return [pytest.param(route, mode, id=f"{_id(route)}-{mode}") for route in pages for mode in MODES]


@pytest.mark.parametrize(("route", "mode"), _params(SIGNED_IN))
def test_signed_in_page(route: str, mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    page = open_in(mode, world.partner)
    visit(page, app_server.url + path_to(route, world), mode)
    check(page, axe_script, f"{_id(route)}: {path_to(route, world)} ({mode})")


@pytest.mark.parametrize(("route", "mode"), _params(PUBLIC))
def test_signed_out_page(route: str, mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    page = open_in(mode)
    visit(page, app_server.url + path_to(route, world), mode)
    check(page, axe_script, f"{_id(route)}: {path_to(route, world)}, signed out ({mode})")


@pytest.mark.parametrize(("route", "mode"), _params([routes.DASHBOARD, routes.PAIR]))
def test_before_pairing(route: str, mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    page = open_in(mode, world.newcomer)
    visit(page, app_server.url + route, mode)
    check(page, axe_script, f"{_id(route)}: {route}, before pairing ({mode})")


@pytest.mark.parametrize("mode", MODES)
def test_the_meeting_section_by_section(mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    page = open_in(mode, world.in_meeting[mode])
    visit(page, app_server.url + routes.MEETING, mode)
    page.locator("#meeting-time-out").click()
    expect(page.locator("#time-out-panel")).to_be_visible()
    check(page, axe_script, f"the meeting's time-out ({mode})")
    page.locator("#meeting-resume").click()
    found: list[str] = []
    while True:
        title = page.locator("#meeting-section").inner_text()
        found.append(problems(page, axe_script, f"the meeting, {title} ({mode})"))
        if page.locator("#meeting-next").count() == 0:
            break
        page.locator("#meeting-next").click()
        expect(page.locator("#meeting-section")).not_to_have_text(title)
    assert not any(found), "\n".join(f for f in found if f)


@pytest.mark.parametrize("mode", MODES)
def test_overlays(mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    """What opens on top of a page: the reminders popover and the leave-couple confirmation."""
    page = open_in(mode, world.partner)
    visit(page, app_server.url + routes.DASHBOARD, mode)
    # The bell is named by its contents, the visible count included.
    expect(page.get_by_role("button", name=re.compile(r"^Notifications \d+ unread$"))).to_have_id("bell")
    page.locator("#bell").click()
    expect(page.get_by_role("dialog", name="Reminders")).to_be_visible()
    check(page, axe_script, f"the reminders popover ({mode})")
    visit(page, app_server.url + routes.SETTINGS, mode)
    page.get_by_role("button", name=re.compile("Leave")).first.click()
    expect(page.get_by_role("alertdialog")).to_be_visible()
    check(page, axe_script, f"the leave-couple confirmation ({mode})")


@pytest.mark.parametrize("mode", MODES)
def test_states_after_a_click(mode: str, world: World, open_in: Any, app_server: AppServer, axe_script: str):
    """What a page shows once someone acts: a form's error, a tick, the wording nudge, the inline editors."""
    url, found = app_server.url, []
    page = open_in(mode)
    visit(page, url + routes.SIGNUP, mode)
    page.get_by_label("Your name").fill("Kim")
    page.get_by_label("Email").fill(unique_email("kim"))
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#form-error")).to_be_visible()
    found.append(problems(page, axe_script, f"a sign-up error ({mode})"))

    sam = open_in(mode, world.other_partner)
    visit(sam, url + routes.DASHBOARD, mode)
    expect(sam.get_by_test_id("accept").first).to_be_visible()
    found.append(problems(sam, axe_script, f"the dashboard with a proposal to answer ({mode})"))

    alex = open_in(mode, world.partner)
    visit(alex, url + routes.DASHBOARD, mode)
    mine = alex.locator("#today-mine")
    if mine.get_by_test_id("tick").count():  # the light run ticks; the dark run finds it ticked
        mine.get_by_test_id("tick").first.click()
    expect(mine.get_by_role("button", name=re.compile("Undo")).first).to_be_visible()
    found.append(problems(alex, axe_script, f"the dashboard after a tick ({mode})"))

    visit(alex, url + routes.COMMITMENTS, mode)
    alex.locator("#commitment-text").fill("I'll try to be better")
    expect(alex.locator("#wording-nudge")).to_be_visible()
    found.append(problems(alex, axe_script, f"the wording nudge ({mode})"))

    visit(alex, url + path_to(routes.COMMITMENT, world), mode)
    alex.locator("#edit-open").click()
    expect(alex.locator("#edit-save")).to_be_visible()
    found.append(problems(alex, axe_script, f"a commitment being edited ({mode})"))

    visit(alex, url + routes.CHECK_IN, mode)
    alex.locator("#agenda-list").get_by_role("button", name=re.compile("^Edit")).first.click()
    expect(alex.locator("#agenda-edit-text")).to_be_visible()
    found.append(problems(alex, axe_script, f"an agenda item being edited ({mode})"))

    visit(alex, url + routes.RITUALS, mode)
    alex.get_by_test_id("occurrence").first.get_by_role("button", name="Move").click()
    expect(alex.locator("#ritual-move-day")).to_be_visible()
    found.append(problems(alex, axe_script, f"a ritual being moved ({mode})"))
    assert not any(found), "\n".join(f for f in found if f)
