"""Safety and support: open to anyone, signed in or not. Resources on abuse and coercive control, what the quick exit
does and doesn't do, and what trust repair is not."""

from __future__ import annotations

import reflex as rx

from couple_dash import routes
from couple_dash.components.layout import public_page

# Long-lived national services and directories. Numbers differ by country and can change: each entry names the
# website where the current number is kept.
RESOURCES: tuple[tuple[str, str, str, str], ...] = (
    (
        "United States",
        "National Domestic Violence Hotline",
        "Call 1-800-799-7233, text START to 88788, or chat online. Free, confidential, 24 hours.",
        "https://www.thehotline.org/",
    ),
    (
        "United Kingdom",
        "National Domestic Abuse Helpline, run by Refuge",
        "Call 0808 2000 247, free, 24 hours, or use the live chat.",
        "https://www.nationaldahelpline.org.uk/",
    ),
    (
        "United Kingdom",
        "Women's Aid",
        "Information, a live chat and a directory of local services.",
        "https://www.womensaid.org.uk/",
    ),
    (
        "United Kingdom",
        "Men's Advice Line (Respect)",
        "Call 0808 801 0327, for men experiencing domestic abuse.",
        "https://mensadviceline.org.uk/",
    ),
    (
        "Australia",
        "1800RESPECT",
        "Call 1800 737 732, 24 hours, or chat online.",
        "https://www.1800respect.org.au/",
    ),
    (
        "Anywhere",
        "NO MORE Global Directory",
        "Domestic and sexual violence services, country by country.",
        "https://nomore.org/global-directory/",
    ),
)
COERCIVE_CONTROL_EXPLAINER = "https://www.thehotline.org/resources/what-is-coercive-control/"

# From DESIGN.md, "What trust repair is not": the rules this app keeps.
REPAIR_IS_NOT: tuple[str, ...] = (
    "No pressure to “get over it” on a timetable, and no forgiveness without change.",
    "No covert monitoring: no location tracking, no reading the other's device. Transparency is something a "
    "partner offers; every transparency agreement is opt-in, visible to both, time-limited with a review date, and "
    "either partner can withdraw alone.",
    "Private notes and the forgiveness workbook are visible only to their author unless the author shares them.",
    "Either partner can leave the couple, export their own data and delete their account. Safety resources are one "
    "click away, and a quick exit is on every page.",
)

QUICK_EXIT_DOES: tuple[str, ...] = (
    "Replaces this page at once with a neutral weather page, and hides this one while it goes.",
    "Replaces this page in the tab's history, so pressing Back once doesn't bring Couple Dash straight back.",
    "Works from every page, signed in or not: the door button at the top right, or Esc pressed three times quickly.",
)
QUICK_EXIT_DOES_NOT: tuple[str, ...] = (
    "It doesn't erase your browser history: pages you visited earlier in this tab can still be reached by pressing "
    "Back several times, and they are listed in the browser's history. A private (incognito) window keeps none.",
    "It doesn't close other tabs or windows where Couple Dash is open, or the installed app.",
    "It doesn't sign you out. Anyone who opens Couple Dash on this device sees your account: use “Log out” in "
    "Settings (or “Log out of all devices”) when that matters.",
    "It can't reach the other person's phone or computer, anything already sent to them, or reminders and "
    "notifications that arrive on a device they can see.",
    "It can't protect you from someone watching your screen, or from monitoring software on your device. If you "
    "think your device is watched, look for help from a device the other person can't use.",
)


def _resource(country: str, name: str, how: str, url: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(country, size="1", color_scheme="gray", weight="medium"),
            rx.link(name, href=url, is_external=True, weight="bold", size="3", class_name="cd-tap"),
            rx.text(how, size="2"),
            spacing="1",
        ),
        data_testid="safety-resource",
    )


def _list(items: tuple[str, ...], id_: str) -> rx.Component:
    return rx.el.ul(*[rx.el.li(rx.text(item, size="2")) for item in items], id=id_, class_name="cd-safety-list")


@public_page(routes.SAFETY, "Safety and support")
def safety_page() -> rx.Component:
    return rx.vstack(
        rx.heading("Safety and support", as_="h1", size="7"),
        rx.callout(
            "If you are in danger now, call your local emergency number: 911 in the US and Canada, 999 in the UK, "
            "112 across the European Union, 000 in Australia.",
            icon="siren",
            color_scheme="red",
            role="note",
            id="safety-emergency",
            width="100%",
        ),
        rx.heading("Abuse and coercive control", as_="h2", size="5"),
        rx.text(
            "Coercive control is a pattern: checking someone's phone or whereabouts, cutting them off from friends "
            "or money, threats, or rules they must follow. It takes away a person's freedom, and it is abuse even "
            "when there is no violence. Rebuilding trust never means accepting that. If “transparency” in your "
            "relationship is demanded rather than offered, or you feel afraid of your partner, this app is not "
            "the right tool: please talk to one of the services below. Specialist services also advise on whether "
            "couple therapy is safe, which it usually isn't while there is abuse.",
            size="3",
        ),
        rx.link(
            "What is coercive control? (National Domestic Violence Hotline)",
            href=COERCIVE_CONTROL_EXPLAINER,
            is_external=True,
            id="coercive-control-explainer",
            class_name="cd-tap",
        ),
        rx.grid(
            *[_resource(*entry) for entry in RESOURCES],
            columns=rx.breakpoints(initial="1", sm="2"),
            spacing="3",
            width="100%",
            id="safety-resources",
        ),
        rx.text(
            "Numbers and services differ from country to country and sometimes change; each website above keeps "
            "its current number. Calls to these lines are free and you don't need to give your name.",
            size="2",
            color_scheme="gray",
        ),
        rx.heading("Quick exit", as_="h2", size="5", id="quick-exit-help"),
        rx.text("What it does:", weight="medium", size="2"),
        _list(QUICK_EXIT_DOES, "quick-exit-does"),
        rx.text("What it does not do:", weight="medium", size="2"),
        _list(QUICK_EXIT_DOES_NOT, "quick-exit-does-not"),
        rx.heading("What trust repair is not", as_="h2", size="5"),
        rx.text(
            "Couple Dash is built on these rules. If your relationship asks you to break them, that is worth "
            "talking about with someone you trust, or with one of the services above.",
            size="2",
        ),
        _list(REPAIR_IS_NOT, "repair-is-not"),
        rx.link("Back to Couple Dash", href=routes.DASHBOARD, id="safety-back", class_name="cd-tap"),
        spacing="4",
        width="100%",
        max_width="820px",
        margin_x="auto",
        id="safety",
    )
