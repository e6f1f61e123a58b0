"""The repair menu: acts of repair that are meaningful to the person receiving them, and the quiet small wins.

Repair lands when it is what the *receiver* needs, not what feels right to the giver, so each partner writes their
own menu ("tell me before plans change", "sit with me without fixing") and the other may turn an item into a
commitment of their own. The item is written from the receiver's side; the commitment from the giver's, so
``as_promise`` turns "me" into "you" (and "you" into "I"/"me").

Small wins are celebrated quietly: a short note on the item once follow-through reaches a milestone, never a
score, a ranking or a nudge about what is still missing. ``small_wins`` decides which apply, from the same facts
as the follow-through figures (``couple_dash.domain.followthrough``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from couple_dash.domain.cadence import CadenceKind
from couple_dash.domain.followthrough import CommitmentFacts, DayStatus, day_statuses, follow_through, weekly_results
from couple_dash.domain.lines import clean_line

MAX_ITEM = 200
MIN_ITEM = 3
MAX_ITEMS = 20  # per person: a menu, not a list of demands


def item_problem(text: str) -> str | None:
    cleaned = clean_line(text)
    if len(cleaned) < MIN_ITEM:
        return "Write what would help, e.g. “Tell me before plans change”."
    if len(cleaned) > MAX_ITEM:
        return f"Keep it under {MAX_ITEM} characters: short items are easier to act on."
    return None


# ---- the giver's wording of a receiver's item ------------------------------------------------------------------

_CLAUSE_START = {
    "when", "whenever", "if", "before", "after", "until", "till", "that", "and", "or", "so", "because", "while",
    "once", "as", "but",
}  # fmt: skip
_FIRST_TO_SECOND = {
    "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i": "you", "i'm": "you're", "i've": "you've",
    "i'd": "you'd", "i'll": "you'll",
}  # fmt: skip
_SECOND_TO_FIRST = {
    "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm", "you've": "I've", "you'd": "I'd",
    "you'll": "I'll",
}  # fmt: skip
_BE_AFTER_I = {"am": "are", "was": "were"}
_BE_AFTER_YOU = {"are": "am", "were": "was"}
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[^A-Za-z]+")


def _cased(word: str, like: str, *, sentence_start: bool) -> str:
    if word == "I" or word.startswith("I'"):
        return word  # "I", "I'm": always a capital
    was_i = like.lower() in _FIRST_TO_SECOND and like[:1] == "I"
    if sentence_start or (like[:1].isupper() and not was_i):
        return word[:1].upper() + word[1:]
    return word


def as_promise(text: str) -> str:
    """The receiver's item in the giver's words: "Tell me when you're running late" -> "Tell you when I'm running
    late". A heuristic for a pre-filled commitment the giver can still edit; "thank you" is left as it is."""
    tokens = _TOKEN.findall(text.replace("’", "'"))
    words = [i for i, t in enumerate(tokens) if t[:1].isalpha()]
    out = list(tokens)
    previous_word = ""
    swapped_subject = ""  # "i" or "you" when the last word swapped was a subject pronoun
    for position, i in enumerate(words):
        token = tokens[i]
        lower = token.lower()
        start = position == 0 or bool(re.search(r"[.!?]\s*$", tokens[i - 1] if i else ""))
        clause = start or previous_word in _CLAUSE_START or bool(re.search(r"[,;:]\s*$", tokens[i - 1] if i else ""))
        replacement: str | None = None
        if swapped_subject == "i" and lower in _BE_AFTER_I:
            replacement = _BE_AFTER_I[lower]
        elif swapped_subject == "you" and lower in _BE_AFTER_YOU:
            replacement = _BE_AFTER_YOU[lower]
        swapped_subject = ""
        if replacement is None:
            if lower == "you" and previous_word == "thank":
                replacement = None
            elif lower in _FIRST_TO_SECOND:
                replacement = _FIRST_TO_SECOND[lower]
                swapped_subject = "i" if lower == "i" else ""
            elif lower in _SECOND_TO_FIRST:
                replacement = _SECOND_TO_FIRST[lower]
            elif lower == "you":
                replacement = "I" if clause else "me"
                swapped_subject = "you" if clause else ""
        if replacement is not None:
            out[i] = _cased(replacement, token, sentence_start=start)
        previous_word = lower
    result = "".join(out)
    return result[:1].upper() + result[1:] if result else result


# ---- small wins -------------------------------------------------------------------------------------------------


class Win(IntEnum):
    """Milestones, least to most notable (the most notable one reached is the quiet note)."""

    FIRST_KEPT = 1
    FIRST_WEEK = 2
    TEN_KEPT = 3
    TEN_SEEN = 4
    MONTH = 5


WIN_LABELS = {
    Win.FIRST_KEPT: "First time kept",
    Win.FIRST_WEEK: "First week kept",
    Win.TEN_KEPT: "Kept ten times",
    Win.TEN_SEEN: "Ten acknowledged ticks",
    Win.MONTH: "A month of follow-through",
}
TEN = 10
MONTH_DAYS = 30
MONTH_WEEKS = 4


@dataclass(frozen=True)
class WinFacts:
    """What the wins are decided from: the commitment, its ticked and paused days, and the thanks it got."""

    commitment: CommitmentFacts
    done_days: Collection[date]
    paused_days: Collection[date]
    today: date  # the owner's local date
    acknowledged: int  # ticks the partner said "seen, thank you" to


def _first_week_kept(facts: WinFacts) -> bool:
    """The first seven days have all closed, at least one due day in them was done and none was missed."""
    c = facts.commitment
    kind = c.cadence.kind
    last_of_week = c.start + timedelta(days=6)
    if kind is CadenceKind.OCCASION or last_of_week >= facts.today:
        return False
    if c.end is not None and c.end < last_of_week:
        return False
    if kind is CadenceKind.TIMES_PER_WEEK:
        weeks = weekly_results(c, facts.done_days, facts.paused_days, facts.today)
        # The first week counted from the start (a partial calendar week asks proportionally less).
        return bool(weeks) and weeks[0].closed and weeks[0].met and weeks[0].done > 0
    statuses = day_statuses(c, facts.done_days, facts.paused_days, facts.today, c.start, last_of_week).values()
    return DayStatus.DONE in statuses and DayStatus.MISSED not in statuses


def small_wins(facts: WinFacts) -> list[Win]:
    """Every milestone this commitment has reached, least notable first. Pure: the same facts, the same wins."""
    result = follow_through(facts.commitment, facts.done_days, facts.paused_days, facts.today)
    wins: list[Win] = []
    if result.done_count >= 1:
        wins.append(Win.FIRST_KEPT)
    if _first_week_kept(facts):
        wins.append(Win.FIRST_WEEK)
    if result.done_count >= TEN:
        wins.append(Win.TEN_KEPT)
    if facts.acknowledged >= TEN:
        wins.append(Win.TEN_SEEN)
    if (result.streak_unit == "day" and result.best_streak >= MONTH_DAYS) or (
        result.streak_unit == "week" and result.best_streak >= MONTH_WEEKS
    ):
        wins.append(Win.MONTH)
    return sorted(wins)


def quiet_note(wins: list[Win]) -> str:
    """The one note shown: the most notable win, or nothing."""
    return WIN_LABELS[max(wins)] if wins else ""
