import pytest

from couple_dash.domain.wording import WordingIssue, check_wording, wording_nudge

HEDGE = WordingIssue.HEDGE
COMPARATIVE = WordingIssue.COMPARATIVE
NO_ACTION = WordingIssue.NO_ACTION
NO_MOMENT = WordingIssue.NO_MOMENT
TOO_SHORT = WordingIssue.TOO_SHORT

SPECIFIC = [
    "I will text you when I leave work and when I arrive",
    "Put my phone away during dinner every evening",
    "Call you on my lunch break on Tuesdays and Thursdays",
    "Tell you before plans change",
    "Be home by 18:00 on weekdays",
    "Text you if I'm running late",
    "Ask about your day when I get home each evening",
    "Leave work on time every Friday",
    "Cook dinner twice a week",
    "Go for a walk together on Sunday mornings",
    "Turn off my phone at 22:00 every night",
    "Share my calendar with you every Sunday evening",
    "Check in with you by text at lunchtime",
    "Tell you within an hour if plans change",
    "Send you a photo when I arrive at the hotel",
    "Kiss you goodbye every morning",
    "Plan a date night once a month",
    "Spend 20 more minutes with the kids each evening",
    "Have no more than two drinks on weekdays",
    "Do the dishes after dinner on weekdays",
    "Say thank you when you make dinner",
    "Walk the dog before breakfast daily",
    "Show you my phone whenever you ask",
    "Be in bed by 23:00 on weeknights",
    "Listen without interrupting when you talk about your day",
    "I'll text you every morning at 7",
    "Make breakfast on Saturdays",
    "I will never lie about where I am",
    "Text you when I'm leaving the country",
]

VAGUE = [
    ("I'll try to be better", {HEDGE, COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("Be more present", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("I'll try to call you more", {HEDGE, COMPARATIVE, NO_MOMENT}),
    ("Maybe text you when I can", {HEDGE, NO_MOMENT}),
    ("Communicate better", {COMPARATIVE, NO_ACTION, NO_MOMENT, TOO_SHORT}),
    ("Love you more", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("Be kinder", {COMPARATIVE, NO_ACTION, NO_MOMENT, TOO_SHORT}),
    ("Work on my temper", {COMPARATIVE, NO_MOMENT}),
    ("Improve our communication", {COMPARATIVE, NO_MOMENT}),
    ("Hopefully be home earlier", {HEDGE, COMPARATIVE, NO_MOMENT}),
    ("Be a more patient listener", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("I will be more open with you", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("Try harder", {HEDGE, COMPARATIVE, NO_MOMENT, TOO_SHORT}),
    ("Spend less time on my phone", {COMPARATIVE, NO_MOMENT}),
    ("Stop being defensive", {NO_ACTION, NO_MOMENT}),
    ("Care more about your feelings", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("Do my best to help around the house", {HEDGE, NO_MOMENT}),
    ("Perhaps cook sometimes", {HEDGE, NO_MOMENT}),
    ("I'll see if I can come to dinner", {HEDGE}),
    ("Be there for you", {NO_ACTION, NO_MOMENT}),
    ("Respect your boundaries", {NO_ACTION, NO_MOMENT}),
    ("Trying to understand you better", {HEDGE, COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("Be honest", {NO_ACTION, NO_MOMENT, TOO_SHORT}),
    ("Call my mum", {NO_MOMENT}),
    ("Trust you", {NO_ACTION, NO_MOMENT, TOO_SHORT}),
    ("Be better", {COMPARATIVE, NO_ACTION, NO_MOMENT, TOO_SHORT}),
    ("Appreciate you more", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("I promise to be more considerate", {COMPARATIVE, NO_ACTION, NO_MOMENT}),
    ("I will text you when possible", {HEDGE, NO_MOMENT}),
    ("Attempt to cook as often as I can", {HEDGE, NO_MOMENT}),
    ("I might call you on Fridays", {HEDGE}),
    ("Possibly walk together on Sundays", {HEDGE}),
    ("Feel closer", {COMPARATIVE, NO_ACTION, NO_MOMENT, TOO_SHORT}),
]


def issues(text: str) -> set[WordingIssue]:
    return {finding.issue for finding in check_wording(text).findings}


def test_the_table_is_large_and_balanced() -> None:
    assert len(SPECIFIC) + len(VAGUE) >= 40
    assert len(SPECIFIC) >= 15
    assert len(VAGUE) >= 15


@pytest.mark.parametrize("text", SPECIFIC)
def test_specific_commitments_pass(text: str) -> None:
    check = check_wording(text)
    assert check.is_specific, check.findings
    assert check.summary == ""


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_vague_commitments_get_exactly_the_expected_nudges(text: str, expected: set[WordingIssue]) -> None:
    assert issues(text) == expected


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_every_nudge_comes_with_a_message_a_suggestion_and_a_summary(text: str, expected: set[WordingIssue]) -> None:
    check = check_wording(text)
    assert not check.is_specific
    summary = check.summary
    assert summary.startswith("To make this easy")
    assert summary.endswith(".")
    assert summary.count(".") == 1  # one sentence
    for finding in check.findings:
        assert finding.message.endswith(".")
        assert finding.suggestion.rstrip('"').endswith(".")
        assert "e.g." in finding.suggestion  # always a concrete example


def test_hedge_suggestion_names_the_word_and_shows_a_concrete_alternative() -> None:
    (hedge,) = [f for f in check_wording("I'll try to text you every evening").findings]
    assert hedge.issue is HEDGE
    assert hedge.words == ("try",)
    assert hedge.suggestion == 'Drop "try": say what you will do, e.g. "I will text you when I leave work."'
    assert check_wording("I'll try to text you every evening").summary == (
        'To make this easy for you both to check, drop "try".'
    )


def test_findings_list_the_offending_words_once_each_in_order() -> None:
    check = check_wording("Maybe, maybe I'll try to be better and kinder and better")
    by_issue = {f.issue: f.words for f in check.findings}
    assert by_issue[HEDGE] == ("maybe", "try")
    assert by_issue[COMPARATIVE] == ("better", "kinder")
    assert by_issue[NO_ACTION] == ("be",)
    assert by_issue[NO_MOMENT] == ()
    assert check_wording("I'll see if I can come to dinner").findings[0].words == ("I'll see", "if I can")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm trying to text you every evening", {HEDGE}),  # "trying" is a hedge
        ("I TRIED to text you every evening", {HEDGE}),  # case does not matter
        ("Call you every evening when I'm in the country", set()),  # "country" holds no "try"
        ("Make you a pastry every Sunday", set()),
        ("Walk the dog with you every morning", set()),  # "morning" holds no "more"
        ("Text you every morning and evening", set()),
        ("Text you when I leave work on time", set()),  # "work on" is only vague before "my", "us"...
        ("Cook dinner on Tuesdays unless I'm travelling", set()),  # "unless" holds no "less"
        ("Text you every evening, no more secrets", set()),  # "no more" is absolute, not a comparative
        ("Text you when I'm home, no later than 19:00", set()),  # a comparative with its measure
        ("Call you every evening regardless of my mood", set()),
        ("Text you when I\N{RIGHT SINGLE QUOTATION MARK}m leaving", set()),  # typographic apostrophes
    ],
)
def test_words_match_whole_words_only(text: str, expected: set[WordingIssue]) -> None:
    assert issues(text) == expected


def test_hedged_moments_do_not_count_as_moments() -> None:
    assert NO_MOMENT in issues("Text you whenever I can")
    assert NO_MOMENT in issues("Call you when I have time")
    assert NO_MOMENT not in issues("Call you whenever you ask")


def test_too_short_and_empty_text() -> None:
    assert issues("") == {TOO_SHORT}
    assert issues("   ") == {TOO_SHORT}
    assert TOO_SHORT in issues("Text daily")
    assert TOO_SHORT not in issues("Text you daily")


def test_the_nudge_under_a_box_is_quiet_while_it_is_empty_and_lists_one_suggestion_per_finding() -> None:
    assert wording_nudge("  \n ") == ("", [])
    check = check_wording("I'll try to be better")
    assert wording_nudge("I'll try to be better") == (check.summary, [f.suggestion for f in check.findings])
    assert wording_nudge("I will text you when I leave work") == ("", [])
