"""How the follow-through views scale with history: a couple with 20 commitments and up to 3 years of ticks.

Times the dashboard's server-side computation (every commitment card: today's status, streaks, score, rates,
for both partners) and one commitment's detail (heat map, recent ticks, history), for 90 days, 1 year and
3 years of daily history, on a fresh SQLite database. Shows how the cost grows with the number of days.

    python bench/history.py
    python bench/history.py --repeats 20

Ends with one JSON line: {"bench": "history", "dashboard_ms": {...}, "detail_ms": {...}, ...}
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from couple_dash.db import engine_for, migrate, session_scope
from couple_dash.domain.cadence import Cadence, CadenceKind
from couple_dash.models import Commitment, Couple, Tick, User
from couple_dash.services.commitment_views import commitment_cards, commitment_detail

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
COMMITMENTS = 20
CADENCES = [
    Cadence(CadenceKind.DAILY),
    Cadence(CadenceKind.WEEKDAYS, frozenset({0, 2, 4})),
    Cadence(CadenceKind.TIMES_PER_WEEK, times_per_week=3),
    Cadence(CadenceKind.OCCASION),
]


def seed_couple(url: str, days: int, rng: random.Random) -> int:
    """Two partners, 20 commitments started ``days`` ago, ticked on about 80% of their due days."""
    start = TODAY - timedelta(days=days)
    with session_scope(engine_for(url)) as session:
        couple = Couple(created_by=0, member_count=2, created_at=NOW)
        session.add(couple)
        session.flush()
        assert couple.id is not None
        people = []
        for name, zone in (("Alex", "Europe/London"), ("Sam", "America/New_York")):
            user = User(
                email=f"{name}-{days}@bench.test",
                display_name=name,
                password_hash="x",
                time_zone=zone,
                couple_id=couple.id,
                created_at=NOW,
            )
            session.add(user)
            session.flush()
            people.append(user.id)
        ticks: list[dict[str, object]] = []
        for n in range(COMMITMENTS):
            cadence = CADENCES[n % len(CADENCES)]
            owner = people[n % 2]
            assert owner is not None
            commitment = Commitment(
                couple_id=couple.id,
                owner_id=owner,
                proposed_by=owner,
                text=f"Commitment {n} every evening",
                category="reliability",
                cadence_kind=cadence.kind.value,
                weekdays=",".join(str(d) for d in sorted(cadence.weekdays)),
                times_per_week=cadence.times_per_week,
                start_date=start,
                review_date=TODAY + timedelta(days=7),
                status="active",
                created_at=NOW,
                updated_at=NOW,
            )
            session.add(commitment)
            session.flush()
            day = start
            while day <= TODAY:
                due = cadence.is_due_on(day) or (cadence.kind is not CadenceKind.DAILY and rng.random() < 0.45)
                if due and rng.random() < 0.8:
                    ticks.append(
                        {
                            "commitment_id": commitment.id,
                            "day": day,
                            "occurrence": cadence.kind is CadenceKind.OCCASION,
                            "occurred_at": NOW,
                            "note": "",
                            "logged_by": owner,
                        }
                    )
                day += timedelta(days=1)
        session.execute(sa.insert(Tick), ticks)
        return couple.id


def median_ms(action: Callable[[], object], repeats: int) -> float:
    action()  # warm caches the way a running server would have them
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(7)
    lengths = {"90_days": 90, "1_year": 365, "3_years": 3 * 365}
    dashboard: dict[str, float] = {}
    detail: dict[str, float] = {}
    ticks: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="cd-history-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'history.db'}"
        migrate(url)
        engine = engine_for(url)
        for label, days in lengths.items():
            couple_id = seed_couple(url, days, rng)
            with session_scope(engine) as session:
                first_id = session.execute(
                    sa.select(sa.func.min(Commitment.id)).where(Commitment.couple_id == couple_id)  # type: ignore[arg-type]
                ).scalar_one()
                ticks[label] = session.execute(
                    sa.select(sa.func.count())
                    .select_from(Tick)
                    .join(Commitment)
                    .where(Commitment.couple_id == couple_id)  # type: ignore[arg-type]
                ).scalar_one()
            print(f"{label}: {ticks[label]} ticks over {COMMITMENTS} commitments", file=sys.stderr)

            def cards(couple_id: int = couple_id) -> object:
                with session_scope(engine) as session:
                    return commitment_cards(session=session, couple_id=couple_id, now=NOW)

            def one_detail(couple_id: int = couple_id, commitment_id: int = first_id) -> object:
                with session_scope(engine) as session:
                    return commitment_detail(session=session, couple_id=couple_id, commitment_id=commitment_id, now=NOW)

            dashboard[label] = median_ms(cards, args.repeats)
            detail[label] = median_ms(one_detail, args.repeats)
    per_year = {
        "dashboard": round((dashboard["3_years"] - dashboard["1_year"]) / 2, 2),
        "detail": round((detail["3_years"] - detail["1_year"]) / 2, 2),
    }
    print(
        json.dumps(
            {
                "bench": "history",
                "commitments": COMMITMENTS,
                "ticks": ticks,
                "dashboard_ms": dashboard,
                "detail_ms": detail,
                "added_ms_per_extra_year": per_year,
                "growth_dashboard_3y_over_1y": round(dashboard["3_years"] / dashboard["1_year"], 2),
                "days_ratio_3y_over_1y": 3.0,
                "target_ms": 50,
                "command": f"python bench/history.py --repeats {args.repeats}",
            }
        )
    )


if __name__ == "__main__":
    main()
