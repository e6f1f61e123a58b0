"""Understanding the why: the hurt partner's private reflection on whether and how to go on.

The questions are the ones the research names (once or repeated, circumstances, control, forgivable). Each has a
few calm answers, "not sure yet" always among them, and room to write. It is a thinking tool: only its author ever
reads it, and nothing here weighs the answers or draws a conclusion for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MAX_NOTE_LENGTH = 2000
NOT_SURE = "not_sure"


class Question(StrEnum):
    REPEATED = "repeated"
    CIRCUMSTANCES = "circumstances"
    CONTROL = "control"
    FORGIVE = "forgive"


@dataclass(frozen=True)
class QuestionSpec:
    question: Question
    text: str
    hint: str
    choices: tuple[tuple[str, str], ...]  # (value, label); "" is never a choice: unanswered stays unanswered


QUESTIONS: tuple[QuestionSpec, ...] = (
    QuestionSpec(
        Question.REPEATED,
        "Was it once, or has it happened more than once?",
        "A single moment and a pattern can call for different things.",
        (("once", "Once"), ("repeated", "More than once"), (NOT_SURE, "I'm not sure yet")),
    ),
    QuestionSpec(
        Question.CIRCUMSTANCES,
        "Did circumstances outside their control play a part?",
        "Pressures, illness, other people, timing: whatever was going on around it.",
        (("yes", "Yes"), ("partly", "Partly"), ("no", "No"), (NOT_SURE, "I'm not sure yet")),
    ),
    QuestionSpec(
        Question.CONTROL,
        "Was it within their control?",
        "Could they have chosen differently at the time?",
        (("yes", "Yes"), ("partly", "Partly"), ("no", "No"), (NOT_SURE, "I'm not sure yet")),
    ),
    QuestionSpec(
        Question.FORGIVE,
        "Is this something I can forgive?",
        "There is no right answer, and it can change. Deciding not to is allowed too.",
        (
            ("yes", "I think so"),
            ("in_time", "Maybe, with time and change"),
            ("no", "I don't think so"),
            (NOT_SURE, "I don't know yet"),
        ),
    ),
)

QUESTION_SPECS: dict[Question, QuestionSpec] = {spec.question: spec for spec in QUESTIONS}


def clean_answer(question: Question, raw: str) -> str:
    """A known choice for ``question``, or "" (unanswered) for anything else."""
    value = raw.strip()
    return value if value in {v for v, _ in QUESTION_SPECS[question].choices} else ""


def answer_label(question: Question, value: str) -> str:
    return dict(QUESTION_SPECS[question].choices).get(value, "")


def note_problem(text: str) -> str | None:
    if len(text.strip()) > MAX_NOTE_LENGTH:
        return f"Each note can be up to {MAX_NOTE_LENGTH} characters."
    return None
