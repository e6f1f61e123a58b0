"""An acknowledgement of harm: its guided steps, and the gentle check for minimising and blame-shifting words.

Research on apologies that land (and on those that don't) is consistent: an acknowledgement helps when it names
what happened specifically, owns it without conditions ("if I hurt you"), leaves the partner's feelings to them
("I'm sorry you feel..."), doesn't shrink it ("it was just...") and doesn't turn into a counter-charge ("but you...").
This module finds those phrases so the app can point them out *while typing*. Like the commitment wording check
(``couple_dash.domain.wording``), it only suggests: nothing is ever blocked, and its words stay kind.

Phrases match case-insensitively on whole words, with curly apostrophes read as straight ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from couple_dash.domain.commitments import MAX_TEXT
from couple_dash.domain.wording import check_wording, whole_words

MAX_FIELD = 2000
MAX_REPLY = 1000
MAX_CHANGES = 5  # "what I will do differently": at most this many lines, each one a commitment
MIN_WHAT_HAPPENED_WORDS = 6


class AckStep(StrEnum):
    WHAT_HAPPENED = "what_happened"
    IMPACT = "impact"
    FEELINGS = "feelings"
    DIFFERENTLY = "differently"


@dataclass(frozen=True)
class StepGuide:
    step: AckStep
    title: str
    prompt: str
    placeholder: str


STEPS: tuple[StepGuide, ...] = (
    StepGuide(
        AckStep.WHAT_HAPPENED,
        "What happened",
        "Say what you did, specifically and in your own words: when, what, and that it was you.",
        "On Friday I told you I was working late. I was at the bar with Jo, and I hid it from you.",
    ),
    StepGuide(
        AckStep.IMPACT,
        "Its impact on you",
        "How do you think it affected your partner? Speak to their experience, without defending yours.",
        "You waited up and worried, and when you found out you felt lied to and foolish for trusting me.",
    ),
    StepGuide(
        AckStep.FEELINGS,
        "What I was feeling and needing",
        "What was going on in you at the time? This is context for understanding, not an excuse.",
        "I felt ashamed of how much I wanted a break, and I needed time to myself but didn't ask for it.",
    ),
    StepGuide(
        AckStep.DIFFERENTLY,
        "What I will do differently",
        "One change per line. Each line becomes a commitment when you send this, so make each one checkable.",
        "Tell you before plans change\nAsk for an evening to myself when I need one",
    ),
)
STEP_ORDER = tuple(guide.step for guide in STEPS)


class Minimising(StrEnum):
    PASSIVE = "passive"  # "mistakes were made": nobody did it
    CONDITIONAL = "conditional"  # "if I hurt you": maybe nothing happened
    THEIR_FEELINGS = "their_feelings"  # "I'm sorry you feel...": the problem is their reaction
    BLAME = "blame"  # "but you...", "you made me": a counter-charge
    SHRINKING = "shrinking"  # "it was just...", "no big deal"
    HURRYING = "hurrying"  # "let's move on": a timetable for their healing


_HURT = r"(?:hurt|upset|offended|offend|bothered|bother|wounded|disappointed|scared|worried|angered)"
_MAYBE = r"(?:has |have |had |may have |might have )?"
PATTERNS: dict[Minimising, re.Pattern[str]] = {
    Minimising.PASSIVE: whole_words(
        r"mistakes (?:were|have been|got) made",
        r"(?:things|words|stuff) (?:were|got) said",
        r"(?:things|stuff) (?:just )?happened",
        r"it (?:all )?just happened",
        r"things (?:got|went) (?:out of hand|too far|a bit far)",
        r"it (?:just )?got out of hand",
    ),
    Minimising.CONDITIONAL: whole_words(
        rf"if (?:i|what i did|anything i (?:did|said)|that|this|it) {_MAYBE}{_HURT}(?: you)?",
        rf"if you (?:were|got|felt|feel|are|have been) (?:\w+ )?{_HURT}",
        r"if (?:i|you) (?:did|said|felt|feel) anything",
        r"if you felt",
        r"sorry if",
        r"if (?:i|you) (?:was|were) (?:wrong|hurt)",
        r"to whatever extent",
    ),
    Minimising.THEIR_FEELINGS: whole_words(
        r"sorry (?:that )?you (?:feel|felt|are feeling|were feeling|took it|see it|were upset|are upset|got upset)",
        r"sorry (?:that )?you're (?:upset|hurt|feeling|angry)",
        r"sorry (?:about )?how you (?:feel|felt|took it)",
        r"you(?:'re| are| were) (?:being )?(?:too sensitive|oversensitive|overreacting|dramatic|paranoid)",
        r"you overreact(?:ed)?",
        r"you took it (?:the )?wrong(?: way)?",
    ),
    Minimising.BLAME: whole_words(
        r"but you",
        r"you made me",
        r"you (?:drove|pushed|forced|provoked) me",
        r"if you (?:hadn't|had not|had just|had only|didn't|did not|wouldn't|would just|would only)",
        r"(?:it was|it's|that's|that was) (?:partly |also |all )?your fault",
        r"your fault too",
        r"you started it",
        r"you (?:always|never) (?:do|did|let|listen|give|make)",
    ),
    Minimising.SHRINKING: whole_words(
        r"(?:it|that|this) (?:was|is)(?: really)? (?:just|only|merely)",
        r"it's (?:just|only)",
        r"that's (?:just|only)",
        r"(?:only|just) (?:happened )?once",
        r"(?:just|only) (?:a|one|some) (?:joke|text|texts|message|messages|drink|drinks|kiss|coffee|chat|bit of fun|"
        r"harmless|little|friend|night|lie|white lie)",
        r"(?:only|just) (?:joking|kidding|teasing)",
        r"(?:not|no) (?:such )?a? ?big deal",
        r"not (?:that|so|really) (?:bad|serious|important)",
        r"(?:didn't|did not|doesn't|does not) mean anything",
        r"meant nothing",
        r"nothing (?:really )?happened",
        r"(?:anyone|anybody|everyone|everybody) (?:would have done|would do|does|did) (?:it|that|the same)",
        r"it's not like",
        r"at least i",
    ),
    Minimising.HURRYING: whole_words(
        r"(?:let's|let us|we (?:should|need to|have to)|you (?:should|need to|have to)) (?:just )?move on",
        r"get over it",
        r"(?:it's|it is) (?:in the )?past",
        r"water under the bridge",
        r"put (?:it|this) behind us",
        r"(?:forgive|forget) and (?:forget|move on)",
    ),
}

_MESSAGES: dict[Minimising, tuple[str, str]] = {
    Minimising.PASSIVE: (
        '"{phrase}" leaves out who did it.',
        'Say it with "I": "I made a mistake when I…" lets your partner know you own it.',
    ),
    Minimising.CONDITIONAL: (
        '"{phrase}" can sound as if the hurt might not be real.',
        'Drop the "if": "I hurt you when I…" acknowledges what your partner lived through.',
    ),
    Minimising.THEIR_FEELINGS: (
        '"{phrase}" puts the focus on your partner\'s reaction rather than on what you did.',
        'Name your own action: "I\'m sorry I…".',
    ),
    Minimising.BLAME: (
        '"{phrase}" can turn an acknowledgement into a counter-charge.',
        "Keep this about your part. Your partner's part, if there is one, can have its own conversation later.",
    ),
    Minimising.SHRINKING: (
        '"{phrase}" makes it sound smaller than it may have felt to your partner.',
        "Let it be the size it was for them: describe what happened without softening it.",
    ),
    Minimising.HURRYING: (
        '"{phrase}" can feel like a deadline for your partner\'s healing.',
        "Leave the pace to your partner: repair takes the time it takes.",
    ),
}


@dataclass(frozen=True)
class Finding:
    kind: Minimising
    phrase: str  # as found, lower case, spaces normalised
    message: str
    suggestion: str


@dataclass(frozen=True)
class AcknowledgementCheck:
    findings: tuple[Finding, ...]
    too_short: bool = False

    @property
    def is_clear(self) -> bool:
        return not self.findings and not self.too_short

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(f.phrase for f in self.findings)

    @property
    def summary(self) -> str:
        """One gentle sentence for inline display; empty when nothing stands out."""
        if self.findings:
            quoted = ", ".join(f'"{p}"' for p in self.phrases[:3])
            return f"A gentle nudge: {quoted} may soften or shift what you're owning. It's your choice how to say it."
        if self.too_short:
            return "A few more specific words (when, what, that it was you) will help your partner feel it is seen."
        return ""

    @property
    def points(self) -> list[str]:
        """One line per finding: what it can sound like, and what to try instead."""
        return [f"{f.message} {f.suggestion}" for f in self.findings]


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def check_minimising(text: str, *, require_detail: bool = False) -> AcknowledgementCheck:
    """The minimising, conditional or blame-shifting phrases in ``text``, in order of appearance, each once.

    ``require_detail`` also notes a "what happened" too short to be specific.
    """
    text = _normalise(text)
    found: list[tuple[int, Finding]] = []
    seen: set[str] = set()
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            phrase = " ".join(match.group(0).lower().split())
            if phrase in seen:
                continue
            seen.add(phrase)
            message, suggestion = _MESSAGES[kind]
            found.append((match.start(), Finding(kind, phrase, message.format(phrase=phrase), suggestion)))
    found.sort(key=lambda pair: pair[0])
    too_short = require_detail and bool(text) and len(text.split()) < MIN_WHAT_HAPPENED_WORDS
    return AcknowledgementCheck(tuple(f for _, f in found), too_short)


def change_lines(text: str) -> list[str]:
    """The non-empty lines of "what I will do differently" (bullets and numbering stripped), each once."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s*", "", raw)
        line = " ".join(line.split())
        if line and line.lower() not in (seen.lower() for seen in lines):
            lines.append(line)
    return lines


def change_nudges(text: str) -> list[str]:
    """The commitment wording nudge for each line that would make a hard-to-check commitment."""
    nudges = []
    for line in change_lines(text):
        check = check_wording(line)
        if not check.is_specific:
            nudges.append(f"“{line}”: {check.summary[0].lower()}{check.summary[1:]}")
    return nudges


def send_problem(what_happened: str, impact: str, feelings: str, differently: str) -> str | None:
    """Why this acknowledgement can't be sent yet (lengths and the one required part), or None."""
    if not what_happened.strip():
        return "Start with what happened: it's the heart of an acknowledgement."
    for label, value in (
        ("What happened", what_happened),
        ("The impact", impact),
        ("What you were feeling and needing", feelings),
        ("What you will do differently", differently),
    ):
        if len(value) > MAX_FIELD:
            return f"{label} is over {MAX_FIELD} characters; a shorter version will be easier to take in."
    lines = change_lines(differently)
    if len(lines) > MAX_CHANGES:
        return f"Choose up to {MAX_CHANGES} changes, one per line: a few kept promises rebuild more than many."
    for line in lines:
        if len(line) > MAX_TEXT:
            return f"Keep each change under {MAX_TEXT} characters: “{line[:40]}…” is longer."
    return None
