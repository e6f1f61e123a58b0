import pytest

from couple_dash.domain.agenda import (
    KIND_LABELS,
    KIND_PROMPTS,
    MAX_ITEM_LENGTH,
    AgendaKind,
    clean_item_text,
    item_text_problem,
    parse_kind,
)


def test_every_kind_has_a_label_and_a_prompt_and_appreciations_come_first() -> None:
    assert set(KIND_LABELS) == set(KIND_PROMPTS) == set(AgendaKind)
    assert next(iter(AgendaKind)) is AgendaKind.APPRECIATION


def test_kinds_parse_from_their_values_only() -> None:
    assert parse_kind("concern") is AgendaKind.CONCERN
    assert parse_kind("Concern") is None
    assert parse_kind("'; drop table") is None


def test_text_is_tidied_but_line_breaks_survive() -> None:
    assert clean_item_text("  Thank   you\n\n  for   the tea  ") == "Thank you\nfor the tea"


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_is_refused(text: str) -> None:
    assert item_text_problem(text) == "Write a few words first."


def test_overlong_text_is_refused_with_the_limit_named() -> None:
    assert str(MAX_ITEM_LENGTH) in (item_text_problem("x" * (MAX_ITEM_LENGTH + 1)) or "")
    assert item_text_problem("x" * MAX_ITEM_LENGTH) is None
