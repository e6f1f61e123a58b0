"""Transparency updates, presets and agreements: validation, review dates, and the neutral note when one ends."""

from __future__ import annotations

from datetime import date

import pytest

from couple_dash.domain.lines import clean_line
from couple_dash.domain.transparency import (
    DEFAULT_REVIEW_WEEKS,
    MAX_PRESETS,
    NO_SURVEILLANCE,
    REACTIONS,
    STARTER_PRESETS,
    AgreementStatus,
    agreement_problem,
    ended_message,
    parse_reaction,
    parse_review_weeks,
    preset_problem,
    review_date,
    review_due,
    update_problem,
)

TODAY = date(2026, 11, 26)


def test_an_update_is_one_tidy_line_of_at_most_200_characters() -> None:
    assert clean_line("  Leaving   work\n now ") == "Leaving work now"
    assert update_problem("Leaving work now") is None
    assert update_problem("x" * 200) is None
    assert "under 200" in (update_problem("x" * 201) or "")
    assert update_problem("   ") is not None


def test_presets_are_unique_short_and_limited_in_number() -> None:
    assert preset_problem("Home soon", ["Leaving work now"]) is None
    assert preset_problem("home SOON", ["Home soon"]) == "You already have that one."
    assert "under 80" in (preset_problem("x" * 81, []) or "")
    assert preset_problem("", []) is not None
    full = [f"Preset {i}" for i in range(MAX_PRESETS)]
    assert "up to 12" in (preset_problem("One more", full) or "")


def test_starter_presets_are_offered_and_short_enough_to_adopt() -> None:
    assert "Leaving work now" in STARTER_PRESETS
    assert all(preset_problem(text, []) is None for text in STARTER_PRESETS)


def test_reactions_are_a_small_warm_set() -> None:
    assert set(REACTIONS) == {"heart", "grateful", "thanks"}
    assert parse_reaction("heart") == "heart"
    assert parse_reaction("thumbs-down") is None


def test_review_is_four_weeks_out_unless_chosen() -> None:
    assert DEFAULT_REVIEW_WEEKS == 4
    assert review_date(TODAY) == date(2026, 12, 24)
    assert review_date(TODAY, 1) == date(2026, 12, 3)
    assert parse_review_weeks("8") == 8
    assert parse_review_weeks(12) == 12
    for bad in ("3", "0", "-4", "many", ""):
        assert parse_review_weeks(bad) is None


def test_an_active_agreement_is_due_for_review_from_its_review_date() -> None:
    on = date(2026, 12, 24)
    assert not review_due(AgreementStatus.ACTIVE, on, date(2026, 12, 23))
    assert review_due(AgreementStatus.ACTIVE, on, on)
    assert review_due(AgreementStatus.ACTIVE, on, date(2027, 1, 30))
    # Asked, withdrawn and declined agreements are never "due".
    for other in (AgreementStatus.ASKED, AgreementStatus.WITHDRAWN, AgreementStatus.DECLINED):
        assert not review_due(other, on, date(2027, 1, 30))
    assert not review_due(AgreementStatus.ACTIVE, None, TODAY)


def test_the_note_when_an_agreement_ends_is_neutral() -> None:
    withdrawn = ended_message(AgreementStatus.WITHDRAWN, "Alex", "Tell you when plans change", TODAY)
    assert withdrawn == "Alex withdrew “Tell you when plans change” on 26 Nov 2026."
    declined = ended_message(AgreementStatus.DECLINED, "Sam", "Share my calendar", TODAY)
    assert declined == "Sam chose not to take on “Share my calendar” for now (26 Nov 2026)."
    for note in (withdrawn, declined):
        assert not any(word in note.lower() for word in ("broke", "failed", "refused", "penalty", "streak"))


@pytest.mark.parametrize("text", ["", "  ", "x" * 201])
def test_an_agreement_needs_words_and_stays_short(text: str) -> None:
    assert agreement_problem(text) is not None


def test_the_no_surveillance_promise_names_location_and_devices() -> None:
    assert "no location tracking" in NO_SURVEILLANCE
    assert "phone" in NO_SURVEILLANCE
