"""The forgiveness workbook (REACH, after Everett Worthington): its steps, their guidance, and progress.

The workbook belongs to the person who was hurt and moves at their pace. A step is "done" only when its author says
so; steps can be visited in any order and left at any time. Nothing here counts days or suggests a deadline, and
the words never press: forgiving is a choice, not a duty, and it is not the same as reconciling or excusing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

MAX_ENTRY_LENGTH = 4000


class ReachStep(StrEnum):
    RECALL = "recall"
    EMPATHISE = "empathise"
    ALTRUISTIC_GIFT = "altruistic_gift"
    COMMIT = "commit"
    HOLD_ON = "hold_on"


STEPS: tuple[ReachStep, ...] = tuple(ReachStep)

STEP_TITLES: dict[ReachStep, str] = {
    ReachStep.RECALL: "Recall the hurt",
    ReachStep.EMPATHISE: "Empathise",
    ReachStep.ALTRUISTIC_GIFT: "Altruistic gift",
    ReachStep.COMMIT: "Commit",
    ReachStep.HOLD_ON: "Hold on",
}

STEP_GUIDANCE: dict[ReachStep, str] = {
    ReachStep.RECALL: (
        "Write down what happened, as plainly as you can: what was done or said, and how it hurt. You don't have "
        "to be fair or calm here, and you don't have to play it down. Go only as far into it as feels safe."
    ),
    ReachStep.EMPATHISE: (
        "If you feel able to, imagine what was going on for the other person at the time: their pressures, fears "
        "or needs. Understanding is not approving. It doesn't make what happened acceptable, and it's fine if this "
        "step isn't possible for you right now."
    ),
    ReachStep.ALTRUISTIC_GIFT: (
        "Think of a time you hurt someone and were forgiven, and how that felt. Forgiveness is a gift you may "
        "choose to give, not something anyone is owed, and you can decide not to give it."
    ),
    ReachStep.COMMIT: (
        "If and when you decide to forgive, you can put that decision into words for yourself: a sentence, or a "
        "letter you never send. Forgiving doesn't mean forgetting, trusting again straight away, or staying."
    ),
    ReachStep.HOLD_ON: (
        "Memories and hurt can come back. That doesn't mean your forgiveness failed or wasn't real. Read back what "
        "you wrote here whenever it helps, and be gentle with yourself."
    ),
}

STEP_PROMPTS: dict[ReachStep, str] = {
    ReachStep.RECALL: "What happened, and how it hurt me…",
    ReachStep.EMPATHISE: "What might have been going on for them…",
    ReachStep.ALTRUISTIC_GIFT: "A time I was forgiven, and how it felt…",
    ReachStep.COMMIT: "What I'm deciding, for myself…",
    ReachStep.HOLD_ON: "When the hurt comes back, I want to remember…",
}

INTRODUCTION = (
    "Take as long as you need. You can stop at any step and come back whenever you like, or not at all. "
    "Forgiving is not the same as reconciling or excusing, and it is never owed on a timetable, least of all "
    "without real change from the person who hurt you."
)


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    WRITING = "writing"  # at least one entry, not marked done
    DONE = "done"  # the author marked it done (entries or not)


STATUS_LABELS: dict[StepStatus, str] = {
    StepStatus.NOT_STARTED: "Not started",
    StepStatus.WRITING: "In progress",
    StepStatus.DONE: "Done",
}


@dataclass(frozen=True)
class StepProgress:
    step: str
    number: int  # 1..5, REACH order
    title: str
    entry_count: int
    status: str
    status_label: str


def parse_step(raw: str) -> ReachStep | None:
    try:
        return ReachStep(raw)
    except ValueError:
        return None


def progress(entry_counts: Mapping[str, int], done_steps: Collection[str]) -> list[StepProgress]:
    """Every step in REACH order with its number of entries and status (unknown step names are ignored)."""
    result = []
    for number, step in enumerate(STEPS, start=1):
        entries = max(0, entry_counts.get(step.value, 0))
        if step.value in done_steps:
            status = StepStatus.DONE
        elif entries:
            status = StepStatus.WRITING
        else:
            status = StepStatus.NOT_STARTED
        result.append(
            StepProgress(
                step.value,
                number,
                STEP_TITLES[step],
                entries,
                status.value,
                STATUS_LABELS[status],
            )
        )
    return result


def where_you_are(steps: list[StepProgress]) -> str:
    """A calm one-line summary: how many steps the author has marked done, never how far there is to go."""
    done = sum(1 for s in steps if s.status == StepStatus.DONE)
    if done == len(steps):
        return "You've marked every step as done. You can come back to any of them whenever you like."
    if done == 0:
        if any(s.status == StepStatus.WRITING for s in steps):
            return "You've started writing. There's no order to keep and no hurry."
        return "Start wherever feels right, or simply read. There's no order to keep and no hurry."
    step_word = "step" if done == 1 else "steps"
    return f"You've marked {done} {step_word} as done. There's no hurry for the rest."
