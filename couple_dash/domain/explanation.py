"""Clear communication of reasons: the guided explanation written by the partner who caused the hurt.

An explanation helps the hurt partner understand; an excuse asks them to stop hurting. The gentle check below flags
words that tend to land as an excuse (minimising, conditional apologies, blame shifting, "I had no choice",
hurrying the other's healing). Like the commitment wording nudge (``wording.py``) it only suggests: it never blocks
saving or sharing, and its words stay kind. Phrases match case-insensitively on whole words, with either
apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from couple_dash.domain.text import clean_text
from couple_dash.domain.wording import whole_words

MAX_FIELD_LENGTH = 2000
MAX_REPLY_LENGTH = 500


@dataclass(frozen=True)
class ExplanationField:
    name: str
    label: str
    placeholder: str
    needed_to_share: bool


FIELDS: tuple[ExplanationField, ...] = (
    ExplanationField(
        "context",
        "What was going on at the time",
        "The situation, what led up to it, what I was dealing with…",
        True,
    ),
    ExplanationField(
        "thinking",
        "What I was thinking and feeling",
        "In that moment I was thinking… I felt…",
        True,
    ),
    ExplanationField(
        "impact",
        "What I understand about the impact on you",
        "I understand that it left you feeling… and that it changed…",
        True,
    ),
    ExplanationField(
        "not_excuse",
        "Why this is an explanation, not an excuse",
        "None of this makes it OK. I'm telling you so you can understand what happened, not to excuse it.",
        False,
    ),
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)


def explanation_problem(fields: Mapping[str, str]) -> str | None:
    """Why these fields can't be saved (even as a private draft), or ``None``."""
    for spec in FIELDS:
        if len(clean_text(fields.get(spec.name, ""))) > MAX_FIELD_LENGTH:
            return f'"{spec.label}" can be up to {MAX_FIELD_LENGTH} characters.'
    if not any(clean_text(fields.get(name, "")) for name in FIELD_NAMES):
        return "Write at least a few words before saving; you can come back to the rest."
    return None


def share_problem(fields: Mapping[str, str]) -> str | None:
    """Why it isn't ready to share yet: the context, the thinking and the impact are all needed."""
    missing = [
        spec.label.lower() for spec in FIELDS if spec.needed_to_share and not clean_text(fields.get(spec.name, ""))
    ]
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
    return f"Before sharing, add {listed}. Your partner deserves the whole picture, in your own words."


def reply_problem(text: str) -> str | None:
    cleaned = clean_text(text)
    if not cleaned:
        return "Write a few words before sending your reply."
    if len(cleaned) > MAX_REPLY_LENGTH:
        return f"A reply can be up to {MAX_REPLY_LENGTH} characters."
    return None


class ExcuseIssue(StrEnum):
    MINIMISING = "minimising"
    CONDITIONAL = "conditional"
    BLAME_SHIFTING = "blame_shifting"
    NO_CHOICE = "no_choice"
    HURRYING = "hurrying"


@dataclass(frozen=True)
class ExcuseFinding:
    issue: ExcuseIssue
    words: tuple[str, ...]  # the phrases as found (lower case)
    message: str


_SMALL_THINGS = r"(?:kiss|drink|text|message|chat|joke|flirt|lunch|coffee|fling|bit of fun|one[- ]off|white lie|slip)"
PATTERNS: dict[ExcuseIssue, re.Pattern[str]] = {
    ExcuseIssue.MINIMISING: whole_words(
        r"(?:no|not (?:a|that|such a)|(?:wasn't|isn't) (?:a|that|such a)) big deal",
        r"(?:not|wasn't|isn't|was not|is not) (?:that|so|really|all that) bad",
        r"(?:it|that) (?:was|is|meant) nothing",
        r"(?:didn't|did not|doesn't|does not) mean (?:anything|a thing)",
        r"(?:(?:it|that|this) (?:was|is|were)|it's|that's) (?:only|just|merely)(?! (?:who|how|the way|what))",
        rf"(?:just|only|merely) (?:a|one) (?:little |small |harmless |silly |stupid )?{_SMALL_THINGS}",
        r"harmless|blown out of proportion|making too much of",
        r"over-?react(?:s|ed|ing)?|too sensitive",
        r"mistakes were made|things (?:got|were) said",
    ),
    ExcuseIssue.CONDITIONAL: whole_words(
        r"if (?:i|that|it|this|what i did) (?:hurt|upset|offended|bothered) you",
        r"if you (?:were|felt|feel|got) (?:hurt|upset|offended|bothered)",
        r"sorry (?:if|that you feel|you feel|you felt|that you felt)",
    ),
    ExcuseIssue.BLAME_SHIFTING: whole_words(
        r"you made me",
        r"because you(?! (?:deserve|asked|matter|have a right|have the right|need|want|ask))",
        r"if you (?:had|hadn't|had not|would|wouldn't|weren't|did|didn't|just)",
        r"you (?:drove|pushed|forced|left) me",
        r"(?<!not )(?<!n't )your (?:own )?fault",
        r"you (?:always|never)(?! (?:deserved?|did anything|asked for))",
        r"what about (?:you|when you)",
        r"you started (?:it|this)",
    ),
    ExcuseIssue.NO_CHOICE: whole_words(
        r"(?:couldn't|could not|can't|cannot) help (?:it|myself)",
        r"(?:had|have) no (?:other )?(?:choice|option)",
        r"(?:didn't|did not) have (?:a|any|another) (?:choice|option)",
        r"(?:anyone|anybody|everyone|everybody) (?:would have|would've|does|did|else does)",
        r"(?:it )?just happened",
        r"(?:that's|that is) (?:just )?(?:who|how|the way) i am",
        r"(?:not|wasn't|isn't|was not|is not) (?:really |entirely |all )?my fault",
        r"made me do it",
    ),
    ExcuseIssue.HURRYING: whole_words(
        r"mov(?:e|ing) on",
        r"get(?:ting)? over (?:it|this|that)",
        r"let(?:ting)? (?:it|this|that) go",
        r"put(?:ting)? (?:it|this|that) behind us",
        r"forgive and forget",
        r"water under the bridge",
        r"draw a line under",
        r"(?:it's|it is|that's|that is) in the past",
    ),
}

MESSAGES: dict[ExcuseIssue, str] = {
    ExcuseIssue.MINIMISING: (
        '"{word}" can sound as if the hurt was small. Naming what it meant to your partner lands better, e.g. '
        '"I know this hurt you deeply."'
    ),
    ExcuseIssue.CONDITIONAL: ('"{word}" can sound as if you doubt the hurt. Say it plainly, e.g. "I hurt you when I…"'),
    ExcuseIssue.BLAME_SHIFTING: (
        '"{word}" moves the focus onto your partner. Keep it about your own choices, e.g. "I chose to…"'
    ),
    ExcuseIssue.NO_CHOICE: (
        '"{word}" can sound as if you had no say. Own the choice you made, e.g. "I decided to, and that was my choice."'
    ),
    ExcuseIssue.HURRYING: (
        '"{word}" can feel like pressure to heal on your timetable. You might say "Take all the time you need."'
    ),
}

SUMMARY = (
    "A gentle check: some words here might land as an excuse rather than an explanation. You can still save and "
    "share; it's your choice."
)


def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in pattern.finditer(text)))


def check_explanation(text: str) -> tuple[ExcuseFinding, ...]:
    """What might read as an excuse or as minimising in ``text``; empty when nothing does."""
    text = " ".join(text.replace("’", "'").replace("‘", "'").split())
    findings = []
    for issue, pattern in PATTERNS.items():
        words = _found(pattern, text)
        if words:
            findings.append(ExcuseFinding(issue, words, MESSAGES[issue].format(word=words[0])))
    return tuple(findings)


def check_fields(fields: Mapping[str, str]) -> tuple[ExcuseFinding, ...]:
    """The check over every part of an explanation at once (each field on its own, so no phrase spans two)."""
    merged: dict[ExcuseIssue, list[str]] = {}
    for name in FIELD_NAMES:
        for finding in check_explanation(fields.get(name, "")):
            merged.setdefault(finding.issue, []).extend(finding.words)
    return tuple(
        ExcuseFinding(issue, words, MESSAGES[issue].format(word=words[0]))
        for issue in ExcuseIssue
        if (words := tuple(dict.fromkeys(merged.get(issue, []))))
    )
