"""How long one scheduler sweep takes as the deployment grows: N couples, each with two rituals (one the weekly
check-in), two timed commitments and default reminder settings, swept over a 30-second window and over a
2-hour catch-up window (after an outage). SQLite in a temporary directory, one process.

    python bench/scheduler_sweep.py                  # 50, 200 and 500 couples
    python bench/scheduler_sweep.py --couples 100

Ends by printing one JSON line: {"bench": "scheduler_sweep", "results": [{"couples": ..., "sweep_30s_ms": ...}]}
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from couple_dash import scheduler
from couple_dash.db import engine_for, migrate, session_scope
from couple_dash.models import SchedulerLease
from couple_dash.services import accounts, commitments, couples, rituals
from couple_dash.services.commitments import CommitmentInput
from couple_dash.services.rituals import RitualInput

NOW = datetime(2026, 11, 27, 17, 59, 45, tzinfo=UTC)  # the 18:00 reminders of 19:00 rituals fall in the window


def populate(url: str, count: int) -> None:
    with session_scope(engine_for(url)) as session:
        for n in range(count):
            ids = [
                accounts.sign_up(
                    session=session,
                    display_name=name,
                    email=f"{name}{n}@bench.test",
                    password="a long walk home",
                    time_zone="Europe/London",
                ).viewer.user_id
                for name in ("alex", "sam")
            ]
            code = couples.create_invite(session=session, user_id=ids[0]).code
            couples.join_with_code(session=session, user_id=ids[1], code=code)
            rituals.create(
                session=session,
                user_id=ids[0],
                data=RitualInput("Date night", "weekly", "19:00", date(2026, 11, 1), weekdays=(4,)),
            )
            rituals.set_check_in(session=session, user_id=ids[1], weekday=6, minute=19 * 60, today=date(2026, 11, 1))
            for owner in ids:
                commitments.create(
                    session=session,
                    user_id=owner,
                    owner_id=owner,
                    data=CommitmentInput(text="I will text you when I leave work", due_by="18:30"),
                )


def timed_sweep(url: str, since: datetime) -> tuple[float, int]:
    engine = engine_for(url)
    with session_scope(engine) as session:
        assert scheduler.take_lease(session, "bench", NOW)
        lease = session.get_one(SchedulerLease, scheduler.LEASE)
        lease.swept_until = since
        session.add(lease)
    started = time.perf_counter()
    result = scheduler.run_once("bench", NOW, engine)
    return (time.perf_counter() - started) * 1000, len(result.delivered)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--couples", type=int, nargs="*", default=[50, 200, 500])
    args = parser.parse_args()
    results = []
    for count in args.couples:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            migrate(url)
            populate(url, count)
            short_ms, delivered = timed_sweep(url, NOW - timedelta(seconds=30))
            long_ms, _ = timed_sweep(url, NOW - timedelta(hours=2))
            results.append(
                {
                    "couples": count,
                    "sweep_30s_ms": round(short_ms, 1),
                    "catch_up_2h_ms": round(long_ms, 1),
                    "delivered_in_30s": delivered,
                }
            )
    print(json.dumps({"bench": "scheduler_sweep", "results": results}))


if __name__ == "__main__":
    main()
