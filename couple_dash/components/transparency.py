"""Proactive transparency on screen: the composer (one-tap presets and own words), the live feed with reactions,
and the person's own presets."""

from __future__ import annotations

from typing import Any

import reflex as rx

from couple_dash import routes
from couple_dash.components.forms import error_callout, inline_entry, move_buttons, partner_name
from couple_dash.domain.transparency import MAX_PRESET, MAX_UPDATE, REACTIONS
from couple_dash.state.auth import AuthState
from couple_dash.state.couple import CoupleState
from couple_dash.state.transparency import TransparencyState


def local_time(ms: Any, iso: Any = "") -> rx.Component:
    """A moment in the reader's own time zone (filled in by assets/timers.js)."""
    return rx.el.time(data_local_time=ms.to_string(), date_time=iso, class_name="cd-when")


# ---- composer ------------------------------------------------------------------------------------------------------


def _preset_button(preset: Any) -> rx.Component:
    return rx.button(
        preset.text,
        type="button",  # inside the composer's form: a tap shares the preset, it doesn't submit the box
        on_click=TransparencyState.share_preset(preset.id),
        variant="soft",
        size="2",
        class_name="cd-chip",
        data_testid="preset-share",
        title="Share this now",
    )


def composer(*, on_dashboard: bool = False) -> rx.Component:
    """Share an update before being asked: one tap on a preset, or a few words of your own."""
    presets = rx.cond(
        TransparencyState.presets.length() > 0,
        rx.flex(rx.foreach(TransparencyState.presets, _preset_button), wrap="wrap", spacing="2", id="preset-buttons"),
        rx.text(
            "Add a few one-tap presets for the things you often let them know",
            rx.cond(
                on_dashboard,
                rx.fragment(": ", rx.link("set them up", href=routes.UPDATES + "#presets")),
                rx.fragment(" (below)"),
            ),
            ".",
            size="2",
            color_scheme="gray",
        ),
    )
    return rx.form(
        rx.vstack(
            # The person's own presets, read for this tab only.
            rx.box(on_mount=TransparencyState.load_presets, display="none"),
            presets,
            inline_entry(
                "Or in your own words",
                "update-text",
                placeholder="e.g. Leaving work now",
                max_length=MAX_UPDATE,
                button="Share",
                button_id="update-share",
            ),
            error_callout(TransparencyState.update_error, id_="update-error"),
            spacing="2",
            width="100%",
        ),
        on_submit=TransparencyState.share,
        aria_label="Share an update",
        width="100%",
    )


# ---- the feed ------------------------------------------------------------------------------------------------------


def _reaction_face(icon: str, word: str) -> rx.Component | str:
    return rx.icon(icon, size=16, aria_hidden="true") if icon else word


def _reaction_buttons(update: Any) -> rx.Component:
    return rx.hstack(
        *[
            rx.button(
                _reaction_face(icon, word),
                on_click=TransparencyState.react(update.id, key),
                size="1",
                variant=rx.cond(update.reaction == key, "solid", "soft"),
                aria_label=label,
                aria_pressed=rx.cond(update.reaction == key, "true", "false"),
                title=label,
                class_name="cd-reaction",
                data_testid=f"react-{key}",
            )
            for key, (word, label, icon) in REACTIONS.items()
        ],
        spacing="2",
        wrap="wrap",
    )


def update_card(update: Any) -> rx.Component:
    mine = update.author_id == AuthState.user_id
    return rx.box(
        rx.text(update.text, size="3", class_name="cd-update-text"),
        rx.hstack(
            rx.text(rx.cond(mine, "You", update.author_name), size="1", weight="bold"),
            rx.text(local_time(update.at_ms, update.at_iso), size="1", color_scheme="gray"),
            rx.cond(
                mine & (update.reaction != ""),
                rx.badge(
                    rx.text.span(partner_name(), ":"),
                    rx.match(
                        update.reaction,
                        *[(key, _reaction_face(icon, "")) for key, (_, _, icon) in REACTIONS.items() if icon],
                        rx.fragment(),
                    ),
                    update.reaction_label,
                    size="2",
                    variant="soft",
                    radius="full",
                    data_testid="update-reaction",
                    data_reaction=update.reaction,
                ),
                rx.fragment(),
            ),
            rx.spacer(),
            rx.cond(
                mine,
                rx.button(
                    "Remove",
                    on_click=TransparencyState.remove_update(update.id),
                    size="1",
                    variant="ghost",
                    color_scheme="gray",
                    aria_label="Remove this update",
                ),
                _reaction_buttons(update),
            ),
            align="center",
            width="100%",
            wrap="wrap",
            spacing="2",
        ),
        class_name="cd-agenda-item",
        data_testid="update",
        data_mine=rx.cond(mine, "true", "false"),
    )


def feed(limit: int = 0) -> rx.Component:
    """The couple's updates, newest first (``limit`` of them on the dashboard)."""
    shown = CoupleState.updates[:limit] if limit else CoupleState.updates
    return rx.cond(
        CoupleState.updates.length() > 0,
        rx.vstack(rx.foreach(shown, update_card), spacing="2", width="100%", id="update-feed"),
        rx.text(
            "No updates yet. A quick “leaving work now” before anyone asks is one of the small things that "
            "rebuilds trust.",
            size="2",
            color_scheme="gray",
            id="update-feed-empty",
        ),
    )


# ---- the person's own presets ----------------------------------------------------------------------------------------


def _preset_row(preset: Any) -> rx.Component:
    return rx.hstack(
        rx.text(preset.text, size="2", flex="1", min_width="0", class_name="cd-update-text"),
        move_buttons(lambda step: TransparencyState.move_preset(preset.id, step)),
        rx.icon_button(
            rx.icon("x", size=14),
            on_click=TransparencyState.remove_preset(preset.id),
            size="1",
            variant="ghost",
            color_scheme="gray",
            aria_label="Remove this preset",
        ),
        align="center",
        width="100%",
        spacing="1",
        data_testid="preset-row",
    )


def _starter(starter: Any) -> rx.Component:
    """Adopted ones stay in place, ticked: the list never moves under a finger."""
    return rx.button(
        rx.cond(
            starter.added,
            rx.icon("check", size=14, aria_hidden="true"),
            rx.icon("plus", size=14, aria_hidden="true"),
        ),
        starter.text,
        on_click=TransparencyState.adopt_starter(starter.text),
        disabled=starter.added,
        size="2",
        variant="outline",
        class_name="cd-chip",
        data_testid="starter",
        data_added=rx.cond(starter.added, "true", "false"),
        aria_label=rx.cond(starter.added, "Added: ", "Add preset: ") + starter.text,
    )


def presets_manager() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Your one-tap presets", as_="h2", size="4"),
            rx.text(
                "Words you often send, ready to share in one tap. They're yours: only you see this list.",
                size="2",
                color_scheme="gray",
            ),
            rx.vstack(rx.foreach(TransparencyState.presets, _preset_row), spacing="1", width="100%", id="preset-list"),
            rx.form(
                rx.vstack(
                    inline_entry(
                        "A new preset",
                        "preset-text",
                        placeholder="e.g. Picking up the kids",
                        max_length=MAX_PRESET,
                        button="Add",
                        button_id="preset-add",
                        button_variant="soft",
                    ),
                    error_callout(TransparencyState.preset_error, id_="preset-error"),
                    spacing="1",
                    width="100%",
                ),
                on_submit=TransparencyState.add_preset,
                aria_label="Add a preset",
                width="100%",
            ),
            rx.cond(
                TransparencyState.starters.length() > 0,
                rx.vstack(
                    rx.text("Ideas to start with (add only the ones that fit):", size="2", color_scheme="gray"),
                    rx.flex(rx.foreach(TransparencyState.starters, _starter), wrap="wrap", spacing="2"),
                    spacing="2",
                    width="100%",
                    id="preset-starters",
                ),
                rx.fragment(),
            ),
            spacing="3",
            width="100%",
        ),
        size="3",
        id="presets",
    )
