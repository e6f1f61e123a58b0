"""A demo couple with a lived-in history, so a visitor sees a real dashboard at once.

Eight weeks (by default) of two partners keeping specific promises imperfectly: most days ticked, a few
missed, many acknowledged, one agreed pause, a proposal waiting for an answer, past weekly check-ins with their
summaries and pulses, and this week's check-in agenda.
Everything goes through the same services the app uses, with the clock set back.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from couple_dash.models import utcnow
from couple_dash.services import (
    accounts,
    agenda,
    commitments,
    couples,
    followthrough,
    meeting,
    meeting_summary,
    pulse,
    rituals,
)
from couple_dash.services.commitments import CommitmentInput


@dataclass(frozen=True)
class DemoLogin:
    display_name: str
    email: str
    password: str


@dataclass(frozen=True)
class DemoCouple:
    couple_id: int
    logins: list[DemoLogin]


ZONE = "Europe/London"
APPRECIATIONS = [
    "You made soup when I was ill: you're so caring",
    "You told me straight away when your plans changed: that felt honest",
    "You listened without fixing: you're patient with me",
    "You planned Friday without being asked: thoughtful",
]
RITUAL_PLANS = ["Date night Friday, Alex plans it", "Sunday morning walk", "Phones off at 22:00, tea together"]
# (owner index, input, how reliably it is kept)
PROMISES: list[tuple[int, CommitmentInput, float]] = [
    (
        0,
        CommitmentInput(
            text="I will text you when I leave work and when I arrive home",
            why="So you never have to wonder where I am.",
            category="transparency",
        ),
        0.9,
    ),
    (
        0,
        CommitmentInput(
            text="Put my phone away during dinner every evening", why="You deserve my attention.", category="connection"
        ),
        0.75,
    ),
    (
        0,
        CommitmentInput(
            text="Tell you before plans change",
            why="Surprises were part of what hurt.",
            category="transparency",
            cadence_kind="occasion",
        ),
        0.3,
    ),
    (
        1,
        CommitmentInput(
            text="Ask about your day when we sit down to dinner",
            category="connection",
            cadence_kind="weekdays",
            weekdays=(0, 1, 2, 3, 4),
        ),
        0.85,
    ),
    (
        1,
        CommitmentInput(
            text="Go for a walk together 3 times a week",
            why="It's when we talk best.",
            category="connection",
            cadence_kind="times_per_week",
            times_per_week=3,
        ),
        0.5,
    ),
]
AGENDA = [
    (1, "appreciation", "Thank you for texting from the station on Thursday when the train was late."),
    (0, "went_well", "Phones away at dinner most nights this week. It felt different."),
    (1, "concern", "I still tense up when your phone buzzes late in the evening. Can we talk about it calmly?"),
    (0, "request", "Could we plan Saturday morning together, just the two of us?"),
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(ZONE))


def _past_check_ins(session: Session, user_ids: list[int], today: date, weeks: int, rng: random.Random) -> None:
    """A weekly check-in on each past Sunday evening, with an appreciation, a plan and both pulses (rising
    slowly, as trust returns). Both partners chose to share their pulse line."""
    rituals.set_check_in(
        session=session, user_id=user_ids[1], weekday=6, minute=19 * 60 + 30, today=today - timedelta(weeks=weeks)
    )
    sunday = today - timedelta(days=(today.weekday() + 1) % 7 or 7)
    for week in range(min(weeks - 1, 6), 0, -1):
        day = sunday - timedelta(weeks=week - 1)
        began = _at(day, 19, 30)
        agenda.add_item(
            session=session,
            user_id=user_ids[week % 2],
            kind="appreciation",
            text=rng.choice(APPRECIATIONS),
            now=began - timedelta(days=2),
        )
        meeting.start(session=session, user_id=user_ids[0], now=began)
        meeting.add_note(session=session, user_id=user_ids[1], kind="ritual", text=rng.choice(RITUAL_PLANS), now=began)
        for person, base in zip(user_ids, (14, 11), strict=True):
            level = min(5, (base + 6 - week) // 4)
            answers = [min(6, level + rng.randint(0, 1)), level, level, max(0, level - rng.randint(0, 1))]
            pulse.answer(session=session, user_id=person, answers=answers, share=True, now=began)
        meeting_summary.finish(session=session, user_id=user_ids[1], now=began + timedelta(minutes=rng.randint(35, 55)))


def create_demo_couple(
    *, session: Session, weeks: int = 8, now: datetime | None = None, seed: int | None = None
) -> DemoCouple:
    """Two partners who paired ``weeks`` ago. Emails are unique per run, so it can be run again safely."""
    now = now or utcnow()
    rng = random.Random(seed)
    began = now - timedelta(weeks=weeks)
    tag = secrets.token_hex(3)
    logins: list[DemoLogin] = []
    user_ids: list[int] = []
    for name in ("Alex", "Sam"):
        login = DemoLogin(name, f"{name.lower()}.{tag}@demo.couple-dash.test", f"demo-{secrets.token_hex(4)}-pass")
        signed_in = accounts.sign_up(
            session=session,
            display_name=name,
            email=login.email,
            password=login.password,
            time_zone=ZONE,
            ip="demo",
            now=began,
        )
        logins.append(login)
        user_ids.append(signed_in.viewer.user_id)
    invite = couples.create_invite(session=session, user_id=user_ids[0], now=began)
    couple = couples.join_with_code(
        session=session, user_id=user_ids[1], code=invite.code, now=began + timedelta(hours=2)
    )
    assert couple.id is not None

    start = began.astimezone(ZoneInfo(ZONE)).date() + timedelta(days=1)
    today = now.astimezone(ZoneInfo(ZONE)).date()
    away = today - timedelta(weeks=3)  # Alex's work trip: agreed as a pause below, so nothing is ticked then
    for number, (owner_index, data, reliability) in enumerate(PROMISES):
        owner = user_ids[owner_index]
        partner = user_ids[1 - owner_index]
        made = commitments.create(
            session=session,
            user_id=owner,
            owner_id=owner,
            data=replace(data, start=start, review=today + timedelta(days=2 + 3 * number)),
            now=_at(start, 9),
        )
        assert made.id is not None
        cadence = commitments.cadence_of(made)
        day = start
        while day < today:
            due = cadence.is_due_on(day) or cadence.kind.value in ("times_per_week", "occasion")
            travelling = owner_index == 0 and away <= day <= away + timedelta(days=4)
            if due and not travelling and rng.random() < reliability:
                evening = _at(day, 18, rng.randint(0, 59))
                tick = followthrough.tick(
                    session=session,
                    user_id=owner,
                    commitment_id=made.id,
                    day=day,
                    note=rng.choice(["", "", "Texted from the bus", "Back at 18:40"]),
                    now=evening,
                )
                if rng.random() < 0.7 and tick.id is not None:
                    followthrough.acknowledge(
                        session=session,
                        user_id=partner,
                        tick_id=tick.id,
                        now=evening + timedelta(minutes=rng.randint(3, 90)),
                    )
            day += timedelta(days=1)
    # A week away agreed three weeks ago: those days count as paused, not missed.
    first = commitments.commitment_ids(session=session, couple_id=couple.id)[0]
    pause = commitments.propose_pause(
        session=session,
        user_id=user_ids[0],
        commitment_id=first,
        start=away,
        end=away + timedelta(days=4),
        reason="Work trip to Leeds",
        now=_at(away - timedelta(days=2), 20),
    )
    assert pause.id is not None
    commitments.answer_pause(
        session=session, user_id=user_ids[1], pause_id=pause.id, agree=True, now=_at(away - timedelta(days=2), 21)
    )
    _past_check_ins(session, user_ids, today, weeks, rng)
    # A proposal waiting for Sam, and this week's agenda.
    commitments.create(
        session=session,
        user_id=user_ids[0],
        owner_id=user_ids[1],
        data=CommitmentInput(
            text="Tell me when something I do worries you, the same day", category="boundaries", cadence_kind="occasion"
        ),
        now=now - timedelta(days=1),
    )
    for author_index, kind, text in AGENDA:
        agenda.add_item(
            session=session,
            user_id=user_ids[author_index],
            kind=kind,
            text=text,
            now=now - timedelta(days=rng.randint(1, 5)),
        )
    return DemoCouple(couple.id, logins)
