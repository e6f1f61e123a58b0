"""What the therapist report holds, as a ``Document``: only what both partners already share, and consented pulses.

In: commitments (text, cadence, status, streaks, consistency, 30/90-day follow-through, ticks the partner
acknowledged), each partner's kept-promises per week, past check-in summaries (length, what was talked through,
agreements, commitment changes, how many appreciations, time-outs, who answered the pulse), and the pulse line of
each partner who chose to include it.
Never in: private agenda items (only ever read from finished summaries, which hold revealed items only), private
notes, reflections, journal or workbook entries, the words of appreciations, a pulse line not included.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.domain import pulse as pulse_rules
from couple_dash.domain.cadence import week_start
from couple_dash.domain.document import Document, Section, Table
from couple_dash.domain.therapy import WeekKept
from couple_dash.models import (
    CheckInMeeting,
    Commitment,
    ReportConsent,
    TherapistReport,
    Tick,
    User,
)
from couple_dash.services import pulse
from couple_dash.services.commitment_views import commitment_cards
from couple_dash.services.therapy import time_outs_by_meeting, weeks_kept

WEEKS = 12
CHECK_INS = 26
NEVER_IN = (
    "This report never contains private notes, reflections, journal or forgiveness-workbook entries, agenda items "
    "a partner kept private, the words of appreciations, or a pulse line its owner chose not to include."
)


def _day(at: datetime | date) -> str:
    return f"{at:%d %b %Y}"


def _pct(value: int) -> str:
    return "—" if value < 0 else f"{value}%"


def _kept(week: WeekKept) -> str:
    return f"{week.kept} of {week.due} ({round(100 * week.kept / week.due)}%)" if week.due else "—"


def _commitments(session: Session, couple_id: int, now: datetime) -> Section:
    cards = [c for c in commitment_cards(session=session, couple_id=couple_id, now=now) if c.status != "proposed"]
    thanked = dict(
        session.execute(
            sa.select(col(Tick.commitment_id), sa.func.count())
            .join(Commitment, col(Commitment.id) == col(Tick.commitment_id))
            .where(col(Commitment.couple_id) == couple_id, col(Tick.acknowledged_at).is_not(None))
            .group_by(col(Tick.commitment_id))
        ).all()
    )
    rows = [
        [
            c.owner_name,
            c.text,
            c.cadence_label + (f", by {c.due_by}" if c.due_by else ""),
            _day(date.fromisoformat(c.start_date)),
            c.status_label,
            f"{c.streak_label or '—'} (best {c.best_streak})" if c.streak_label else "—",
            f"{c.score_pct}%" if c.cadence_kind != "occasion" else "—",
            _pct(c.rate_30_pct),
            _pct(c.rate_90_pct),
            str(thanked.get(c.id, 0)),
        ]
        for c in cards
    ]
    return Section(
        "commitments",
        "Commitments and follow-through",
        paragraphs=[
            "Each commitment is a specific promise one partner made to the other, ticked by its owner. The "
            "consistency score forgives single slips (Loop Habit Tracker's exponential score, 0–100%); follow-"
            "through is the share of due days (or weekly targets) kept. “Seen” counts ticks the partner "
            "acknowledged with “Seen, thank you”."
        ]
        if rows
        else ["No commitments yet."],
        tables=[
            Table(
                "Commitments",
                [
                    "Who",
                    "Commitment",
                    "How often",
                    "Since",
                    "Status",
                    "Streak",
                    "Consistency",
                    "30 days",
                    "90 days",
                    "Seen",
                ],
                rows,
            )
        ]
        if rows
        else [],
    )


def _weeks(session: Session, couple_id: int, members: list[User], now: datetime) -> Section:
    found = weeks_kept(session, couple_id, members, now, WEEKS)
    # Only weeks since the first promise: weeks before it would say nothing but "—".
    first = week_start(found.first_start) if found.first_start is not None else None
    rows = [
        [_day(monday), *(_kept(weeks[i]) for weeks in found.per_member)]
        for i, monday in enumerate(found.mondays)
        if first is not None and monday >= first
    ]
    if not rows:
        return Section(
            "weeks", "Promises kept, week by week", paragraphs=["No week has closed since the first promise."]
        )
    return Section(
        "weeks",
        "Promises kept, week by week",
        paragraphs=[
            f"Up to {WEEKS} closed weeks (Monday to Sunday), each partner on their own path: due promises kept "
            "out of those due. “—”: nothing was due that week."
        ],
        tables=[Table("Kept per week", ["Week of", *(p.display_name for p in members)], rows)],
    )


def _check_ins(session: Session, couple_id: int) -> Section:
    meetings = session.exec(
        select(CheckInMeeting)
        .where(col(CheckInMeeting.couple_id) == couple_id, col(CheckInMeeting.ended_at).is_not(None))
        .order_by(col(CheckInMeeting.started_at).desc())
        .limit(CHECK_INS)
    ).all()
    time_outs = time_outs_by_meeting(session, [m.id for m in meetings])
    rows = []
    for m in meetings:
        data = json.loads(m.summary or "{}")
        rows.append(
            [
                _day(m.started_at),
                f"{int(data.get('minutes', 0))} min",
                "; ".join(data.get("talked_through", [])) or "—",
                "; ".join(data.get("agreements", [])) or "—",
                "; ".join(data.get("commitments", [])) or "—",
                str(len(data.get("appreciations", []))),
                str(time_outs.get(m.id or 0, 0)),
                ", ".join(p["name"] for p in data.get("pulse", []) if p.get("done")) or "—",
            ]
        )
    return Section(
        "check-ins",
        "Weekly check-ins",
        paragraphs=[
            "Summaries the couple saved at the end of each check-in (newest first): what was talked through, what "
            "they agreed, commitments made or changed, how many appreciations were shared (not their words), how "
            "many time-outs were called, and who answered the pulse."
        ]
        if rows
        else ["No check-ins finished yet."],
        tables=[
            Table(
                "Check-ins",
                [
                    "Date",
                    "Length",
                    "Talked through",
                    "Agreed",
                    "Promises changed",
                    "Appreciations",
                    "Time-outs",
                    "Pulse from",
                ],
                rows,
            )
        ]
        if rows
        else [],
    )


def _pulses(session: Session, couple_id: int, members: list[User], given: dict[int, ReportConsent]) -> Section:
    paragraphs = [
        "The Couples Satisfaction Index (CSI-4; Funk & Rogge, 2007), answered privately at the end of each "
        "check-in: 0 to 21, below 13.5 signals notable relationship distress. Each line is one person's own."
    ]
    tables = []
    for person in members:
        consent = given.get(person.id or 0)
        if consent is None or not consent.include_pulse:
            paragraphs.append(f"{person.display_name}'s pulse is not part of this report.")
            continue
        rows = pulse.history(session, person.id or 0, couple_id)
        totals = [total for total, _ in rows]
        if not totals:
            paragraphs.append(f"{person.display_name}'s pulse: no answers yet.")
            continue
        below = sum(1 for t in totals if pulse_rules.is_distressed(t))
        running = " Below 13.5 at the last three check-ins." if pulse_rules.persistent_distress(totals) else ""
        tables.append(
            Table(
                f"{person.display_name}'s pulse: {len(totals)} answer{'s' if len(totals) != 1 else ''}, latest "
                f"{totals[-1]} of 21, {below} below 13.5.{running}",
                ["Check-in", "CSI-4 (0–21)"],
                [[_day(at), str(total)] for total, at in rows],
            )
        )
    return Section("pulse", "Pulse (CSI-4)", paragraphs=paragraphs, tables=tables)


def build_report(
    session: Session, report: TherapistReport, members: list[User], given: dict[int, ReportConsent], now: datetime
) -> Document:
    """The report of a couple whose ``members`` (in order of id) both gave consent (``given``)."""
    names = " and ".join(u.display_name for u in members)
    consented = ", ".join(
        f"{u.display_name} on {_day(given[u.id].consented_at)}" for u in members if u.id is not None and u.id in given
    )
    return Document(
        title=f"Progress report: {names}",
        lines=[
            f"Made with Couple Dash on {_day(now)}. Read-only.",
            f"Shared with the consent of both partners ({consented}). Either of them can withdraw it at any time, "
            "which turns this report and every link to it off at once.",
            NEVER_IN,
        ],
        sections=[
            _commitments(session, report.couple_id, now),
            _weeks(session, report.couple_id, members, now),
            _check_ins(session, report.couple_id),
            _pulses(session, report.couple_id, members, given),
        ],
    )
