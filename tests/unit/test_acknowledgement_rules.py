"""The acknowledgement's gentle check: minimising, conditional and blame-shifting phrases, and the change lines."""

import pytest

from couple_dash.domain.acknowledgement import (
    MAX_CHANGES,
    Minimising,
    change_lines,
    change_nudges,
    check_minimising,
    send_problem,
)

MUST_FLAG = [
    ("Mistakes were made on Friday night.", Minimising.PASSIVE, "mistakes were made"),
    ("Some things were said that shouldn't have been.", Minimising.PASSIVE, "things were said"),
    ("It just happened, I didn't plan it.", Minimising.PASSIVE, "it just happened"),
    ("I'm sorry if I hurt you.", Minimising.CONDITIONAL, "sorry if"),
    ("If I hurt you, I apologise.", Minimising.CONDITIONAL, "if i hurt you"),
    ("If you were upset by it, that wasn't my aim.", Minimising.CONDITIONAL, "if you were upset"),
    ("If what I did upset you I'm sorry", Minimising.CONDITIONAL, "if what i did upset you"),
    ("I'm sorry you feel that way.", Minimising.THEIR_FEELINGS, "sorry you feel"),
    ("I’m sorry that you felt ignored.", Minimising.THEIR_FEELINGS, "sorry that you felt"),
    ("You're being too sensitive about the texts.", Minimising.THEIR_FEELINGS, "you're being too sensitive"),
    ("I lied, but you were never home either.", Minimising.BLAME, "but you"),
    ("You made me feel like I couldn't tell you.", Minimising.BLAME, "you made me"),
    ("If you hadn't checked my phone it wouldn't have come out.", Minimising.BLAME, "if you hadn't"),
    ("It was partly your fault.", Minimising.BLAME, "it was partly your fault"),
    ("It was just a few messages.", Minimising.SHRINKING, "it was just"),
    ("It was only a drink with an old friend.", Minimising.SHRINKING, "it was only"),
    ("It only happened once.", Minimising.SHRINKING, "only happened once"),
    ("Honestly it's not a big deal.", Minimising.SHRINKING, "not a big deal"),
    ("The kiss meant nothing.", Minimising.SHRINKING, "meant nothing"),
    ("I was only joking when I said it.", Minimising.SHRINKING, "only joking"),
    ("Everyone does that at work parties.", Minimising.SHRINKING, "everyone does that"),
    ("Let's move on now.", Minimising.HURRYING, "let's move on"),
    ("You need to get over it.", Minimising.HURRYING, "get over it"),
    ("It's in the past.", Minimising.HURRYING, "it's in the past"),
]

MUST_NOT_FLAG = [
    "On Friday I told you I was working late. I was at the bar with Jo, and I hid it from you.",
    "I lied to you about where I was three times last month.",
    "I read your messages without asking, twice, and I denied it when you asked.",
    "You waited up for me and worried, and when you found out you felt lied to.",
    "I hurt you when I hid the messages.",
    "You were scared because you couldn't reach me all night.",
    "I felt ashamed and I needed time to myself, but I didn't ask for it.",
    "I made a mistake when I chose to keep it from you.",
    "I'm sorry I broke my promise to be home by seven.",
    "You trusted me and I let you down.",
    "Thank you for listening to this.",
    "I will tell you before plans change.",
    "It was my fault, and it happened more than once.",
    "I just didn't want to face it, and that was wrong.",
]


@pytest.mark.parametrize(("text", "kind", "phrase"), MUST_FLAG)
def test_minimising_phrases_are_flagged(text: str, kind: Minimising, phrase: str) -> None:
    check = check_minimising(text)
    assert (kind, phrase) in [(f.kind, f.phrase) for f in check.findings], check.findings
    assert not check.is_clear
    assert phrase in check.summary
    assert check.points  # each finding says what it can sound like and what to try instead


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_accountable_wording_is_not_flagged(text: str) -> None:
    check = check_minimising(text, require_detail=True)
    assert check.findings == (), check.findings
    assert check.is_clear
    assert check.summary == ""


def test_findings_come_in_order_of_appearance_each_once() -> None:
    check = check_minimising("Mistakes were made, but you know it was just once. You started it.")
    assert check.phrases == ("mistakes were made", "but you", "it was just", "you started it")


def test_the_nudge_is_gentle_and_leaves_the_choice() -> None:
    summary = check_minimising("I'm sorry if I hurt you").summary
    assert summary.startswith("A gentle nudge")
    assert "your choice" in summary
    for word in ("wrong", "must", "bad"):
        assert word not in summary.lower().split()


def test_a_vague_what_happened_asks_for_detail_only_when_asked() -> None:
    assert check_minimising("I messed up.", require_detail=True).too_short
    assert "specific" in check_minimising("I messed up.", require_detail=True).summary
    assert check_minimising("I messed up.").is_clear
    assert check_minimising("", require_detail=True).is_clear  # nothing typed yet: nothing to say


def test_change_lines_strip_bullets_blank_lines_and_repeats() -> None:
    text = "- Tell you before plans change\n\n2) Share my calendar every Sunday\n• tell you before plans change\n  "
    assert change_lines(text) == ["Tell you before plans change", "Share my calendar every Sunday"]


def test_change_nudges_reuse_the_commitment_wording_check() -> None:
    nudges = change_nudges("Tell you before plans change\nTry to be better")
    assert len(nudges) == 1
    assert nudges[0].startswith("“Try to be better”")
    assert "try" in nudges[0]
    assert "better" in nudges[0]


def test_send_needs_what_happened_and_few_short_changes() -> None:
    assert send_problem("", "x", "y", "") is not None
    assert send_problem("I lied about Friday night and hid it from you", "", "", "") is None
    too_many = "\n".join(f"Change number {i} every day" for i in range(MAX_CHANGES + 1))
    assert "up to" in (send_problem("I lied about Friday", "", "", too_many) or "")
    assert "characters" in (send_problem("I lied about Friday", "", "", "x" * 300) or "")
