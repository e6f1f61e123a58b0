"""The wording nudge: does a commitment say something both partners will be able to check?

"I'll try to be better" can be neither kept nor broken, so it cannot rebuild trust; "I will text you when I leave
work" can. The check only suggests (it never blocks saving) and its words stay kind. Words match case-insensitively
on whole words: "trying" is a hedge but "country" holds no "try", and "every morning" holds no "more".

A missing action is flagged only when the text leans on being/feeling words ("be", "feel", "care"...) without any
concrete verb: a verb the lists below don't know is given the benefit of the doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MIN_WORDS = 3


class WordingIssue(StrEnum):
    HEDGE = "hedge"
    COMPARATIVE = "comparative"
    NO_ACTION = "no_action"
    NO_MOMENT = "no_moment"
    TOO_SHORT = "too_short"


@dataclass(frozen=True)
class WordingFinding:
    issue: WordingIssue
    message: str
    suggestion: str
    words: tuple[str, ...]  # the offending words as found (lower case), if any


@dataclass(frozen=True)
class WordingCheck:
    findings: tuple[WordingFinding, ...]

    @property
    def is_specific(self) -> bool:
        return not self.findings

    @property
    def summary(self) -> str:
        """One friendly sentence for inline display; empty when the wording is already specific."""
        if not self.findings:
            return ""
        parts = [_SUMMARY_PARTS[f.issue].format(word=_first(f)) for f in self.findings]
        listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
        return f"To make this easy for you both to check, {listed}."


def whole_words(*patterns: str) -> re.Pattern[str]:
    """Any of ``patterns`` as whole words, case-insensitively."""
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_WE = r"(?:i|we)"
HEDGES = whole_words(
    r"tr(?:y|ies|ied|ying)",
    r"attempt(?:s|ed|ing)?",
    "maybe|perhaps|hopefully|possibly|probably|ideally|might|should|sometimes|occasionally",
    r"hop(?:e|es|ing) to",
    rf"(?:if|when|whenever|as soon as) {_WE} (?:can|could|remember|feel like it|get the chance)",
    rf"(?:if|when|whenever) {_WE} (?:have|get|find) (?:the )?time",
    r"(?:if|when|whenever|where|wherever) possible",
    rf"as (?:much|often|soon) as (?:possible|{_WE} can)",
    rf"{_WE}(?:'ll| will) see",
    r"aim(?:s|ing)? to|do (?:my|our) best|now and (?:then|again)|from time to time",
)
COMPARATIVES = whole_words(
    "more|less|fewer|better|nicer|kinder|harder|calmer|gentler|softer|warmer|closer|stronger|healthier|earlier|sooner",
    r"improv(?:e|es|ed|ing|ement)",
    r"work(?:s|ing)? on(?= (?:my|me|myself|us|our|it|this|that|things|being|how|the way|not)\b)",
    r"step(?:s|ping)? up",
)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|once|twice)"
_NUMBER = rf"(?:{_COUNT}|an?|half an?)"
# "no more secrets" is absolute, "20 more minutes" and "no more than two" carry their own measure.
NOT_VAGUE = whole_words(
    r"no more|any ?more|once more",
    rf"(?:{_COUNT}|few|couple of) (?:more|less|fewer)",
    rf"\w+ than {_COUNT}",  # "no later than 7", "more than twice"
)
FEELINGS = whole_words(
    r"be|being|feel(?:s|ing)?|car(?:e|es|ing)|lov(?:e|es|ing)|appreciat(?:e|es|ing)|understand(?:s|ing)?",
    r"respect(?:s|ful|ing)?|support(?:s|ive|ing)?|trust(?:s|ing)?|value|cherish|communicat(?:e|ing)",
    r"connect(?:s|ing)?|prioriti[sz](?:e|ing)|focus(?:ed|ing)?|pay attention|open up",
)
_VERBS = (
    "text call ring message email tell ask say put leave cook walk share show send plan book schedule check "
    "turn switch mute silence unplug charge lock hug kiss hold thank write read listen reply respond answer update "
    "wash clean tidy vacuum hoover pay pick drop bring take give make buy order cancel meet eat sit sleep wake run "
    "drive join sign set log note journal meditate apologize apologise invite visit spend help cuddle massage greet "
    "cover delete unfollow hand offer warn remind stay"
)
_IRREGULAR = "told said sent left made took brought gave paid spent wrote held ate slept met sat woke ran drove bought"


def _inflected(verb: str) -> str:
    if verb.endswith("e"):
        return verb[:-1] + "(?:e|es|ed|ing)"
    return verb + "(?:s|es|ed|ing|[a-z](?:ing|ed))?"


ACTIONS = whole_words(
    *(_inflected(v) for v in _VERBS.split()),
    _IRREGULAR.replace(" ", "|"),
    r"go(?:es|ing)? (?:to|for|out|on)|come (?:home|back|to)|get (?:home|up)|do(?:es|ing)? the",
    r"be (?:home|back|on time|in bed|ready|off (?:my|the) phone)",  # states a partner can see
)
_DAY_NAMES = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
MOMENTS = whole_words(
    r"every|each|always|never|daily|nightly|weekly|fortnightly|monthly|weekdays?|weekends?|when|whenever|if|as soon as",
    r"before|after|during|until|till|once|twice|first thing|on time|o'clock|noon|midday|midnight|bedtime",
    r"mornings?|evenings?|(?:week)?nights?|tonight|today|tomorrow|lunch(?:time)?|dinner(?:time)?|breakfast|tea ?time",
    _DAY_NAMES,
    rf"{_NUMBER} times|(?:a|per) (?:day|week|month|night)|within {_NUMBER} (?:minutes?|hours?|days?)",
    r"\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}[:.h]\d{2}|(?:at|by) \d{1,2}",
)
_I = re.compile(r"\bi\b")
WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?", re.IGNORECASE)

_FINDINGS: dict[WordingIssue, tuple[str, str]] = {
    WordingIssue.HEDGE: (
        'Words like "{word}" leave room not to do it, which makes a promise hard to rely on.',
        'Drop "{word}": say what you will do, e.g. "I will text you when I leave work."',
    ),
    WordingIssue.COMPARATIVE: (
        "Without a measure, \"{word}\" can't be checked: neither of you can tell when it's kept.",
        'Swap "{word}" for something you can count or see, e.g. "Put my phone away during dinner every evening."',
    ),
    WordingIssue.NO_ACTION: (
        'Words like "{word}" describe an inner state your partner can\'t see.',
        'Name something your partner could see you do, e.g. "Ask about your day when I get home."',
    ),
    WordingIssue.NO_MOMENT: (
        "It doesn't say when or how often, so there's no moment to check it.",
        'Add a moment or a frequency, e.g. "every evening", "on Tuesdays" or "before 18:00".',
    ),
    WordingIssue.TOO_SHORT: (
        "A few more words will make this clear to you both.",
        'Say what you will do and when, e.g. "Call you on my lunch break on Tuesdays."',
    ),
}
_SUMMARY_PARTS = {
    WordingIssue.HEDGE: 'drop "{word}"',
    WordingIssue.COMPARATIVE: 'swap "{word}" for something you can count',
    WordingIssue.NO_ACTION: "name something your partner could see you do",
    WordingIssue.NO_MOMENT: "say when or how often",
    WordingIssue.TOO_SHORT: "add a few words",
}


def _first(finding: WordingFinding) -> str:
    return finding.words[0] if finding.words else ""


def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    """Matches in order of appearance, lower-cased (but "I"), each once."""
    found = (_I.sub("I", " ".join(m.group(0).lower().split())) for m in pattern.finditer(text))
    return tuple(dict.fromkeys(found))


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Blank out matches (keeping offsets) so later checks don't see them."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _finding(issue: WordingIssue, words: tuple[str, ...] = ()) -> WordingFinding:
    message, suggestion = _FINDINGS[issue]
    word = words[0] if words else ""
    return WordingFinding(issue, message.format(word=word), suggestion.format(word=word), words)


def check_wording(text: str) -> WordingCheck:
    """What would make ``text`` more specific, most important first; no findings means it is checkable as is."""
    text = " ".join(text.replace("’", "'").split())
    words = WORDS.findall(text)
    if not words:
        return WordingCheck((_finding(WordingIssue.TOO_SHORT),))
    findings: list[WordingFinding] = []
    hedges = _found(HEDGES, text)
    if hedges:
        findings.append(_finding(WordingIssue.HEDGE, hedges))
    without_hedges = _blank(HEDGES, text)  # "when I can" is a hedge, not a moment
    comparatives = _found(COMPARATIVES, _blank(NOT_VAGUE, without_hedges))
    if comparatives:
        findings.append(_finding(WordingIssue.COMPARATIVE, comparatives))
    feelings = _found(FEELINGS, text)
    if feelings and not ACTIONS.search(without_hedges):
        findings.append(_finding(WordingIssue.NO_ACTION, feelings))
    if not MOMENTS.search(without_hedges):
        findings.append(_finding(WordingIssue.NO_MOMENT))
    if len(words) < MIN_WORDS:
        findings.append(_finding(WordingIssue.TOO_SHORT))
    return WordingCheck(tuple(findings))


def wording_nudge(text: str) -> tuple[str, list[str]]:
    """The nudge shown under a box as the person types: its summary and one suggestion per finding (nothing at
    all while the box is empty)."""
    if not text.strip():
        return "", []
    check = check_wording(text)
    return check.summary, [finding.suggestion for finding in check.findings]
