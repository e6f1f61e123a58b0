from datetime import date, timedelta

import pytest

from couple_dash.domain.commitments import (
    Status,
    dates_problem,
    default_review_date,
    parse_category,
    parse_due_by,
    text_problem,
    tick_day_problem,
    transition_problem,
)

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("current", "wanted", "owner", "proposer", "allowed"),
    [
        (Status.PROPOSED, Status.ACTIVE, True, False, True),  # the owner accepts
        (Status.PROPOSED, Status.ACTIVE, False, True, False),  # the proposer cannot accept for them
        (Status.PROPOSED, Status.RETIRED, False, True, True),  # but may withdraw the proposal
        (Status.ACTIVE, Status.PAUSED, True, False, True),
        (Status.ACTIVE, Status.PAUSED, False, True, False),  # the partner cannot pause someone else's promise
        (Status.ACTIVE, Status.COMPLETED, True, False, True),
        (Status.COMPLETED, Status.PAUSED, True, False, False),
        (Status.RETIRED, Status.ACTIVE, True, False, True),
        (Status.ACTIVE, Status.ACTIVE, False, False, True),  # no change is always fine
    ],
)
def test_who_may_change_a_status(current: Status, wanted: Status, owner: bool, proposer: bool, allowed: bool) -> None:
    problem = transition_problem(current, wanted, is_owner=owner, is_proposer=proposer)
    assert (problem is None) is allowed
    if not allowed:
        assert problem is not None
        assert problem.endswith(".")


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (TODAY, None),
        (TODAY - timedelta(days=3), None),
        (TODAY - timedelta(days=4), "3 days back"),
        (TODAY + timedelta(days=1), "hasn't happened"),
        (date(2026, 11, 22), "before this commitment started"),
    ],
)
def test_tick_days(day: date, problem: str | None) -> None:
    found = tick_day_problem(
        day, today=TODAY, start=date(2026, 11, 23) if problem and "before" in problem else date(2026, 11, 1), end=None
    )
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_ticks_after_the_end_are_refused() -> None:
    assert tick_day_problem(TODAY, today=TODAY, start=date(2026, 1, 1), end=TODAY - timedelta(days=1))


def test_due_by_times_are_normalised_or_explained() -> None:
    assert parse_due_by("7:05") == ("07:05", None)
    assert parse_due_by("") == (None, None)
    for bad in ("25:00", "18", "six pm", "12:60"):
        value, problem = parse_due_by(bad)
        assert value is None
        assert problem is not None


def test_texts_dates_and_categories() -> None:
    assert text_problem("  ", "") is not None
    assert text_problem("x" * 281, "") is not None
    assert text_problem("Text you when I leave work", "y" * 501) is not None
    assert text_problem("Text you when I leave work", "So you don't wonder") is None
    assert default_review_date(TODAY) == TODAY + timedelta(weeks=4)
    assert dates_problem(TODAY, TODAY) is not None
    assert parse_category("boundaries") is not None
    assert parse_category("Boundaries") is None
