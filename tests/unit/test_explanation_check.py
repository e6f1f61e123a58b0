"""The gentle excuse check on explanations, and what an explanation needs to be saved and shared."""

import pytest

from couple_dash.domain.explanation import (
    SUMMARY,
    ExcuseIssue,
    check_explanation,
    check_fields,
    explanation_problem,
    reply_problem,
    share_problem,
)
from couple_dash.domain.why_reflection import NOT_SURE, QUESTIONS, Question, answer_label, clean_answer

MIN = ExcuseIssue.MINIMISING
COND = ExcuseIssue.CONDITIONAL
BLAME = ExcuseIssue.BLAME_SHIFTING
NO_CHOICE = ExcuseIssue.NO_CHOICE
HURRY = ExcuseIssue.HURRYING

EXCUSES = [
    ("It was no big deal, just a drink with an old friend", {MIN}),
    ("Honestly it wasn't that bad", {MIN}),
    ("It meant nothing to me", {MIN}),
    ("It didn't mean anything", {MIN}),
    ("It was only a kiss", {MIN}),
    ("You're overreacting", {MIN}),
    ("Mistakes were made on both sides", {MIN}),
    ("I'm sorry if I hurt you", {COND}),
    ("I'm sorry you feel that way", {COND}),
    ("If you were upset, I apologise", {COND}),
    ("You made me feel invisible, so I looked elsewhere", {BLAME}),
    ("I did it because you were never home", {BLAME}),
    ("If you hadn't gone through my phone this would be fine", {BLAME}),
    ("You always find something to criticise", {BLAME}),
    ("What about when you lied to me?", {BLAME}),
    ("I couldn’t help myself", {NO_CHOICE}),
    ("I had no choice", {NO_CHOICE}),
    ("Anyone would have done the same", {NO_CHOICE}),
    ("It just happened", {NO_CHOICE}),
    ("That's just who I am", {NO_CHOICE}),
    ("It wasn't really my fault", {NO_CHOICE}),
    ("I hope we can move on now", {HURRY}),
    ("You need to get over it", {HURRY}),
    ("Let's put this behind us", {HURRY}),
    ("It's in the past", {HURRY}),
    ("Can we forgive and forget?", {HURRY}),
    ("Sorry if it upset you, but it was no big deal and we should move on", {COND, MIN, HURRY}),
]

OWNING = [
    "I lied to you about where I was on Friday, and I chose to keep lying for three weeks.",
    "I was scared of losing my job and I stopped talking to you instead of telling you.",
    "I know it was a big deal: it broke your trust and you stopped sleeping.",
    "It wasn't your fault. Nothing you did made me do this.",
    "I'm telling you this because you deserve to know the whole truth.",
    "You never deserved to find out that way.",
    "I was just so ashamed that I hid it.",
    "I understand it was so bad for you that you couldn't eat.",
    "None of this makes it OK. I'm explaining, not excusing.",
    "Take all the time you need.",
]


@pytest.mark.parametrize(("text", "expected"), EXCUSES)
def test_excuse_and_minimising_wording_is_flagged(text: str, expected: set[ExcuseIssue]) -> None:
    assert {f.issue for f in check_explanation(text)} == expected


@pytest.mark.parametrize("text", OWNING)
def test_owning_wording_passes(text: str) -> None:
    assert check_explanation(text) == ()


def test_findings_name_the_words_and_stay_kind() -> None:
    (finding,) = check_explanation("Honestly, it was NO BIG DEAL.")
    assert finding.words == ("no big deal",)
    assert '"no big deal"' in finding.message
    for word in ("wrong", "bad person", "liar", "must"):
        assert word not in finding.message.lower()
    assert "still save and share" in SUMMARY


def test_each_field_is_checked_on_its_own_and_findings_merge() -> None:
    fields = {"context": "It just happened at the party", "thinking": "I had no choice", "impact": "you're upset"}
    (finding,) = check_fields(fields)
    assert finding.issue == NO_CHOICE
    assert finding.words == ("it just happened", "had no choice")
    # A phrase split across two fields is not one phrase.
    assert check_fields({"context": "I was feeling like it was no big", "thinking": "deal"}) == ()


def test_a_draft_needs_some_words_and_stays_within_limits() -> None:
    assert explanation_problem({}) is not None
    assert explanation_problem({"context": "   "}) is not None
    assert explanation_problem({"impact": "You stopped trusting me."}) is None
    assert "up to 2000" in (explanation_problem({"context": "x" * 2001}) or "")


def test_sharing_needs_context_thinking_and_impact() -> None:
    full = {"context": "Work was falling apart.", "thinking": "I felt ashamed.", "impact": "You felt alone."}
    assert share_problem(full) is None
    problem = share_problem({"context": "Work was falling apart."})
    assert problem is not None
    assert "what i was thinking and feeling and what i understand about the impact on you" in problem
    assert share_problem({**full, "not_excuse": ""}) is None


def test_replies_are_short_and_not_empty() -> None:
    assert reply_problem("  ") is not None
    assert reply_problem("Thank you for telling me.") is None
    assert reply_problem("x" * 501) is not None


def test_reflection_answers_are_known_choices_or_unanswered() -> None:
    assert clean_answer(Question.REPEATED, "repeated") == "repeated"
    assert clean_answer(Question.REPEATED, "partly") == ""  # not a choice for this question
    assert clean_answer(Question.FORGIVE, " in_time ") == "in_time"
    assert answer_label(Question.FORGIVE, "no") == "I don't think so"
    for spec in QUESTIONS:
        assert NOT_SURE in dict(spec.choices)
        assert "" not in dict(spec.choices)
