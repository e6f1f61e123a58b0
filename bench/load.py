"""Load benchmark: many couples on one live dashboard, measured at the protocol level.

N couples x 2 partners, each partner one websocket speaking Reflex's event protocol (couple_dash.devtools.protocol),
open on the check-in page. Every partner acts once per ``--interval`` seconds (random phase): it adds an agenda
item, or, once it has 5 items of its own, removes its oldest one. So every couple's agenda stays at a realistic
<= 10 items however long the window, and every action is one real user event. Measured per action, "fan-out
latency": from the sender's emit to the moment the partner's socket receives the delta showing the change (both
clocks are this process's perf_counter).

Each setup starts the real app (``reflex run --env prod``, devtools.server.AppServer) on a fresh database seeded
directly with users, couples and sessions (no Argon2 per account), ramps the sockets up ``--ramp-batch`` at a time,
warms up, then measures for ``--seconds``:

- memory: 1 granian worker, in-memory state manager, SQLite (the embedded default).
- redis:  3 granian workers sharing state through Redis (``--redis-url``; its database is flushed before and after), on
  PostgreSQL (a fresh schema at ``--postgres-url``; pass "" to use SQLite instead).

Errors: sockets that fail to connect or link to their couple, actions whose fan-out does not arrive within 10 s,
sockets dropped during the run, and ERROR lines in the server log. CPU is in percent of one core (200 = this
whole 2-core machine), sampled every second in the window for the backend's process tree, for this load generator
and for the machine ("other" = PostgreSQL, Redis, anything else); RSS is the backend tree's peak. The load generator
shares the cores: ``loadgen_lag_p99_ms`` is its event-loop lag (when high, it inflates the latencies), its own
garbage collector is off during the window, and ``background_cpu_percent`` is what the machine did before each run.

    .venv/bin/python bench/load.py                                 # 500 couples, both setups (~3 minutes)
    .venv/bin/python bench/load.py --couples 100 --seconds 30 --setups memory

Progress goes to stderr; stdout gets one JSON line: {"bench": "load", "couples": ..., "runs": [...]}.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import re
import resource
import secrets
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil
import redis
import sqlalchemy as sa
from sqlmodel import Session

from couple_dash.db import engine_for
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.devtools.server import AppServer
from couple_dash.models import AuthSession, Couple, User, utcnow
from couple_dash.services import accounts
from couple_dash.state.auth import AuthState
from couple_dash.state.check_in import CheckInState
from couple_dash.state.couple import CoupleState
from couple_dash.state.shell import ShellState

TOKEN_KEY = f"{state_name(AuthState)}.session_token_rx_state_"
COUPLE = state_name(CoupleState)
ADD = handler_name(CheckInState, "add")
REMOVE = handler_name(CheckInState, "remove")
ENTER = handler_name(ShellState, "enter")
OWN_ITEMS = 5  # per partner, so at most 10 on a couple's agenda
FANOUT_TIMEOUT = 10.0
WARMUP = 5.0
TEXTS = ["Thank you for making dinner on Tuesday", "I loved our walk by the river", "Can we plan Sunday together?"]
# REFLEX_NOTES, bare one-counter rx.SharedState app, same load shape (rooms x 2 sockets, one bump/room/10 s).
FLOOR = {
    "memory": {"200_rooms": {"p50_ms": 4.6, "p99_ms": 18.5}, "500_rooms": {"p50_ms": 5.3, "p99_ms": 204, "errors": 0}},
    "redis": {"200_rooms": {"p50_ms": 20.8, "p99_ms": 1862}, "500_rooms": "connections dropped"},
}


# The last line of a traceback in the server log, e.g. "reflex.utils.exceptions.LockExpiredError: Lock expired ...".
EXCEPTION_LINE = re.compile(r"^\s*([A-Za-z_][\w.]*(?:Error|Exception|Exit|Timeout)\b.*)$")


def say(message: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float | None:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else None


@dataclass
class Action:
    kind: str  # "add" or "remove"
    key: Any  # the added text, or the removed item's id
    sent_at: float
    latency: float | None = None


@dataclass
class Tab:
    couple: int
    user_id: int
    token: str
    client: ReflexClient | None = None
    partner: Tab | None = None
    awaiting: list[Action] = field(default_factory=list)  # the partner's actions this tab has yet to see
    removing: set[int] = field(default_factory=set)
    sent: int = 0

    def seen(self, delta: dict[str, Any], received_at: float) -> None:
        items = delta.get(COUPLE, {}).get("agenda_rx_state_")
        if items is None:
            return
        texts, ids = {item["text"] for item in items}, {item["id"] for item in items}
        for action in list(self.awaiting):
            if (action.key in texts) if action.kind == "add" else (action.key not in ids):
                action.latency = received_at - action.sent_at
                self.awaiting.remove(action)


def seed(db_url: str, couples: int) -> list[Tab]:
    """Users, couples and live sessions, inserted directly (one shared password hash: Argon2 is slow on purpose)."""
    password_hash, now, run = accounts.hash_password("a long walk home"), utcnow(), uuid.uuid4().hex[:6]
    with Session(engine_for(db_url)) as session:
        users = [
            User(email=f"p{n}-{run}@bench.test", display_name=("Alex", "Sam")[n % 2], password_hash=password_hash)
            for n in range(2 * couples)
        ]
        session.add_all(users)
        session.flush()
        pairs = [Couple(created_by=users[2 * c].id or 0, member_count=2) for c in range(couples)]
        session.add_all(pairs)
        session.flush()
        tabs = []
        for n, user in enumerate(users):
            assert user.id is not None
            user.couple_id = pairs[n // 2].id
            tabs.append(Tab(couple=n // 2, user_id=user.id, token=secrets.token_urlsafe(32)))
        session.add_all(
            AuthSession(token_hash=accounts.hash_token(t.token), user_id=t.user_id, expires_at=now + timedelta(days=1))
            for t in tabs
        )
        session.commit()
    for a, b in zip(tabs[::2], tabs[1::2], strict=True):
        a.partner, b.partner = b, a
    return tabs


async def open_tab(url: str, tab: Tab) -> None:
    """Like a browser opening /check-in: hydrate (which runs the page's on_load, ShellState.enter), then linked."""
    client = ReflexClient(url, local_storage={TOKEN_KEY: tab.token}, path="/check-in")
    client.on_update(tab.seen)
    tab.client = client
    await client.connect(within=30)
    if not client.var(CoupleState, "couple_id", 0):
        await client.emit(ENTER)
    await client.wait_for(lambda: client.var(CoupleState, "couple_id", 0) != 0, within=30)


async def act(tab: Tab, interval: float, stop_at: float, actions: list[Action]) -> None:
    assert tab.client is not None
    assert tab.partner is not None
    next_at = time.perf_counter() + random.uniform(0, interval)
    while next_at < stop_at:
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        next_at += interval
        agenda = tab.client.var(CoupleState, "agenda", [])
        mine = [i["id"] for i in agenda if i["author_id"] == tab.user_id and i["id"] not in tab.removing]
        tab.sent += 1
        if len(mine) >= OWN_ITEMS:
            tab.removing.add(mine[0])
            action = Action("remove", mine[0], time.perf_counter())
            payload: dict[str, Any] = {"item_id": mine[0]}
        else:
            action = Action("add", f"{random.choice(TEXTS)} (#{tab.user_id}.{tab.sent})", time.perf_counter())
            payload = {"form": {"text": action.key}}
        tab.partner.awaiting.append(action)
        actions.append(action)
        action.sent_at = await tab.client.emit(REMOVE if action.kind == "remove" else ADD, payload)


class Sampler:
    """CPU% and RSS of the backend's process tree, this process and the machine, once a second."""

    def __init__(self, root_pid: int) -> None:
        self.root, self.me = psutil.Process(root_pid), psutil.Process()
        self.procs: dict[int, psutil.Process] = {}  # kept, so each one's cpu_percent counts from the last sample
        self.backend: list[float] = []
        self.loadgen: list[float] = []
        self.machine: list[float] = []
        self.rss: list[float] = []
        self.other: list[float] = []
        self.workers = 0

    def sample(self, record: bool) -> None:
        cpu = rss = 0.0
        tree = [self.root, *self.root.children(recursive=True)]
        self.workers = max(self.workers, len(tree) - 1)  # the root is granian's main process; its children serve
        for proc in tree:
            known = self.procs.setdefault(proc.pid, proc)
            try:
                cpu += known.cpu_percent(None)
                rss += known.memory_info().rss
            except psutil.Error:
                continue
        mine, machine = self.me.cpu_percent(None), psutil.cpu_percent(None) * (psutil.cpu_count() or 1)
        if record:
            self.backend.append(cpu)
            self.loadgen.append(mine)
            self.machine.append(machine)
            self.rss.append(rss / 2**20)
            self.other.append(machine - cpu - mine)


async def measure(server: AppServer, tabs: list[Tab], args: argparse.Namespace) -> dict[str, Any]:
    assert server.process is not None
    errors_before, log_before = len(server.error_lines()), len(server.log_text())
    sampler = Sampler(server.process.pid)
    sampler.sample(record=False)
    started = time.perf_counter()
    failed = 0
    for first in range(0, len(tabs), args.ramp_batch):
        results = await asyncio.gather(
            *(open_tab(server.url, t) for t in tabs[first : first + args.ramp_batch]), return_exceptions=True
        )
        failed += sum(isinstance(r, BaseException) for r in results)
    ramp = time.perf_counter() - started
    say(f"ramp: {len(tabs) - failed}/{len(tabs)} sockets linked in {ramp:.1f} s")
    live = [t for t in tabs if t.client and t.client.var(CoupleState, "couple_id", 0)]
    actors = [t for t in live if t.partner in live]

    # This process is the measuring instrument: keep its own garbage collector from pausing it mid-window.
    gc.collect()
    gc.freeze()
    gc.disable()
    actions: list[Action] = []
    window_start = time.perf_counter() + WARMUP
    window_end = window_start + args.seconds
    tasks = [asyncio.create_task(act(t, args.interval, window_end, actions)) for t in actors]
    await asyncio.sleep(WARMUP)
    sampler.sample(record=False)
    lags: list[float] = []  # how late this process's event loop wakes up (0 when the load generator keeps up)
    while (now := time.perf_counter()) < window_end:
        await asyncio.sleep(0.1)
        lags.append(time.perf_counter() - now - 0.1)
        if len(lags) % 10 == 0:
            sampler.sample(record=True)
        if len(lags) % 100 == 0:
            sent = [a for a in actions if a.sent_at >= window_start]
            done = sum(a.latency is not None for a in sent)
            say(f"  {len(lags) // 10:>4} s: {len(sent)} actions sent, {done} seen by the partner")
    await asyncio.gather(*tasks, return_exceptions=True)
    for _ in range(int(FANOUT_TIMEOUT / 0.2)):  # the last actions' fan-out
        if not any(t.awaiting for t in actors):
            break
        await asyncio.sleep(0.2)
    gc.enable()

    measured = [a for a in actions if window_start <= a.sent_at < window_end]
    latencies = [a.latency * 1000 for a in measured if a.latency is not None and a.latency <= FANOUT_TIMEOUT]
    # A socket whose reader has ended was closed by the server (or the network); we close none before this.
    dropped = sum(1 for t in live if t.client and t.client._reader and t.client._reader.done())
    # Everyone closes their tab (presence cleanup then runs on the server); each close waits at most 10 s.
    await asyncio.gather(*(t.client.close() for t in tabs if t.client))
    await asyncio.sleep(3)
    server_errors = server.error_lines()[errors_before:]
    lines = server.log_text()[log_before:].splitlines()
    exceptions = Counter(m.group(1)[:160] for line in lines if (m := EXCEPTION_LINE.match(line)))
    for line, count in exceptions.most_common(5):
        say(f"  server logged {count} x {line}")
    detail = {
        "connect_failures": failed,
        "fanout_timeouts": len(measured) - len(latencies),
        "dropped_sockets": dropped,
        "server_error_lines": len(server_errors),
    }

    def avg(values: list[float]) -> float | None:
        return round(sum(values) / len(values), 1) if values else None

    def ms(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "p50_ms": ms(percentile(latencies, 50)),
        "p99_ms": ms(percentile(latencies, 99)),
        "max_ms": ms(max(latencies, default=None)),
        "errors": sum(detail.values()),
        "error_detail": detail,
        "server_exceptions": dict(exceptions.most_common(3)),
        "cpu_percent_avg": avg(sampler.backend),
        "rss_mb_max": round(max(sampler.rss), 1) if sampler.rss else None,
        "actions": len(measured),
        "adds": sum(a.kind == "add" for a in measured),
        "removes": sum(a.kind == "remove" for a in measured),
        "actions_per_s": round(len(measured) / args.seconds, 1),
        "sockets": len(live),
        "workers": sampler.workers,
        "ramp_s": round(ramp, 1),
        "loadgen_cpu_percent_avg": avg(sampler.loadgen),
        "machine_cpu_percent_avg": avg(sampler.machine),
        "other_cpu_percent_avg": avg(sampler.other),  # PostgreSQL, Redis, anything else on the machine
        "loadgen_lag_p99_ms": ms((percentile(lags, 99) or 0) * 1000),
    }


def run_setup(setup: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    db_url, schema, extra = "", "", {}
    if setup == "redis":
        redis.Redis.from_url(args.redis_url).flushdb()
        extra = {"REFLEX_REDIS_URL": args.redis_url, "GRANIAN_WORKERS": "3"}
        if args.postgres_url:
            schema = f"cd_load_{uuid.uuid4().hex[:8]}"
            with sa.create_engine(args.postgres_url).begin() as connection:
                connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
            db_url = f"{args.postgres_url}{'&' if '?' in args.postgres_url else '?'}options=-csearch_path%3D{schema}"
    database = "postgresql" if db_url else "sqlite"
    name = f"1 worker, memory, {database}" if setup == "memory" else f"3 workers, redis, {database}"
    # Anything else busy on the machine (it shares the cores with the backend and this load generator).
    background = round(psutil.cpu_percent(interval=3) * (psutil.cpu_count() or 1), 1)
    say(f"{name}: starting the app (machine CPU before: {background}% of one core)")
    server = AppServer(workdir / setup, db_url=db_url, extra_env=extra).start()
    try:
        tabs = seed(server.db_url, args.couples)
        say(f"{name}: {args.couples} couples seeded; ramping {len(tabs)} sockets, {args.ramp_batch} at a time")
        figures = asyncio.run(measure(server, tabs, args))
    finally:
        server.stop()
        if setup == "redis":
            redis.Redis.from_url(args.redis_url).flushdb()
        if schema:
            with sa.create_engine(args.postgres_url).begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    say(f"{name}: " + json.dumps(figures))
    if (other := figures["other_cpu_percent_avg"] or 0) > 40:
        say(f"{name}: NOTE: other processes (PostgreSQL, Redis, anything else) used {other}% of one core meanwhile")
    return {"setup": name, **figures, "background_cpu_percent": background, "floor": FLOOR[setup]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--couples", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=60, help="measurement window per setup")
    parser.add_argument("--interval", type=float, default=10, help="seconds between one partner's actions")
    parser.add_argument("--setups", default="memory,redis", help="comma-separated: memory, redis")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/4", help="flushed before and after")
    parser.add_argument(
        "--postgres-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/test",
        help='database of the redis setup (a fresh schema, dropped afterwards); "" for SQLite',
    )
    parser.add_argument("--ramp-batch", type=int, default=50, help="sockets opened at a time")
    args = parser.parse_args()
    setups = [s.strip() for s in args.setups.split(",") if s.strip()]
    if unknown := set(setups) - {"memory", "redis"}:
        parser.error(f"unknown setups: {', '.join(sorted(unknown))}")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # 2 sockets per partner, here and in the backend
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cd-load-") as tmp:
        runs = [run_setup(setup, args, Path(tmp)) for setup in setups]
    command = " ".join(["python", "bench/load.py", *sys.argv[1:]])
    print(
        json.dumps(
            {
                "bench": "load",
                "couples": args.couples,
                "seconds": args.seconds,
                "interval": args.interval,
                "runs": runs,
                "target": {"couples": 500, "p99_ms": 150, "errors": 0},
                "cores": psutil.cpu_count(),
                "elapsed_s": round(time.monotonic() - started),
                "command": command,
            }
        )
    )


if __name__ == "__main__":
    main()
