"""One-line fields: cleaned the same way everywhere, refused in each field's own words."""

from __future__ import annotations

from couple_dash.domain.lines import clean_line, line_problem


def test_a_line_keeps_single_spaces_only() -> None:
    assert clean_line("  Home \n by   six\t ") == "Home by six"


def test_a_line_is_refused_when_empty_or_too_long_in_the_fields_own_words() -> None:
    assert line_problem(" \n ", 10, "Write a few words.") == "Write a few words."
    assert line_problem("x" * 11, 10, "Write a few words.") == "Keep it under 10 characters."
    assert line_problem("x" * 11, 10, "Write a few words.", "Shorter, please.") == "Shorter, please."
    assert line_problem(" " + "x" * 10 + " ", 10, "Write a few words.") is None
