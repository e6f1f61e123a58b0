"""Partner-to-partner latency in real browsers: Couple Dash against a bare Reflex SharedState counter.

Two Chromium contexts (two partners). Partner A performs N actions; each is timed from the click in A's page
to the moment a MutationObserver in B's page sees the result in B's DOM. Both pages live in one browser, so
``performance.timeOrigin + performance.now()`` is one clock for both.

- Couple Dash: A adds an agenda item on the check-in page; B sees it appear. The agenda is kept at a realistic
  size (at most 10 items: beyond that A removes its oldest item, untimed, between actions).
- Bare floor: bench/bare_app, a one-counter ``rx.SharedState`` app; A clicks "Bump", B sees the new count.

Both run in production mode (``reflex run --env prod``), one after the other, on the embedded setup.

    python bench/sync_latency.py                 # 200 actions each (about two minutes)
    python bench/sync_latency.py --actions 50

Ends by printing one JSON line: {"bench": "sync_latency", "p50_ms": ..., "bare_p50_ms": ..., "ratio_p50": ...}
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Page, sync_playwright

from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.server import AppServer
from couple_dash.services import accounts, couples

BARE_APP = Path(__file__).resolve().parent / "bare_app"
CHROMIUM = "/usr/bin/chromium"
WARMUP = 10
AGENDA_CAP = 10

# Records, in B's page, when each "bench-<n>" text first appears (agenda) or each count is first shown (bare).
OBSERVER = """
() => {
  window.__seen = {};
  const now = () => performance.timeOrigin + performance.now();
  const scan = () => {
    const t = now();
    const list = document.getElementById('agenda-list');
    if (list) {
      for (const m of list.innerText.matchAll(/bench-(\\d+)/g)) {
        if (!(m[1] in window.__seen)) window.__seen[m[1]] = t;
      }
    }
    const count = document.getElementById('count');
    if (count && !(count.innerText in window.__seen)) window.__seen[count.innerText] = t;
  };
  new MutationObserver(scan).observe(document.body, {subtree: true, childList: true, characterData: true});
  scan();
}
"""
CLICK = """(selector) => {
  const t = performance.timeOrigin + performance.now();
  document.querySelector(selector).click();
  return t;
}"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(latencies: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
        "mean_ms": round(statistics.fmean(latencies), 1),
    }


def launch(playwright: Any) -> Browser:
    options: dict[str, Any] = {
        "args": ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
    }
    if os.path.exists(CHROMIUM):
        options["executable_path"] = CHROMIUM
    return playwright.chromium.launch(**options)


def signed_in_page(browser: Browser, url: str, token: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(f"localStorage.setItem('couple_dash_session', {json.dumps(token)})")
    page = context.new_page()
    page.goto(url)
    return page


def make_couple(db_url: str) -> tuple[str, str]:
    with session_scope(engine_for(db_url)) as session:
        alex = accounts.sign_up(
            session=session,
            display_name="Alex",
            email="alex@bench.test",
            password="a long walk home",
            time_zone="UTC",
        )
        sam = accounts.sign_up(
            session=session,
            display_name="Sam",
            email="sam@bench.test",
            password="a long walk home",
            time_zone="UTC",
        )
        code = couples.create_invite(session=session, user_id=alex.viewer.user_id).code
        couples.join_with_code(session=session, user_id=sam.viewer.user_id, code=code)
        return alex.token, sam.token


def measure_app(browser: Browser, actions: int, workdir: Path) -> list[float]:
    server = AppServer(workdir / "app").start()
    try:
        alex_token, sam_token = make_couple(server.db_url)
        a = signed_in_page(browser, server.url + "/check-in", alex_token)
        b = signed_in_page(browser, server.url + "/check-in", sam_token)
        for page in (a, b):
            page.locator("#agenda-empty").wait_for()
        b.evaluate(OBSERVER)
        latencies: list[float] = []
        for n in range(actions + WARMUP):
            a.fill("#agenda-text", f"bench-{n}")
            sent = a.evaluate(CLICK, "#agenda-add")
            b.wait_for_function("(n) => n in window.__seen", arg=str(n), timeout=10_000)
            if n >= WARMUP:
                latencies.append(b.evaluate("(n) => window.__seen[n]", str(n)) - sent)
            a.wait_for_function("() => document.querySelector('#agenda-text').value === ''")
            if n >= AGENDA_CAP:
                text = f"bench-{n - AGENDA_CAP}"
                oldest = a.get_by_test_id("agenda-item").filter(has=a.get_by_text(text, exact=True))
                oldest.get_by_role("button", name="Remove this item").click()
                b.get_by_text(text, exact=True).wait_for(state="detached")
        errors = server.error_lines()
        if errors:
            raise RuntimeError("the app logged errors:\n" + "\n".join(errors[:20]))
        return latencies
    finally:
        server.stop()


def measure_bare(browser: Browser, actions: int, workdir: Path) -> list[float]:
    server = AppServer(workdir / "bare", root=BARE_APP, migrate_db=False, db_url="sqlite://").start()
    try:
        a = browser.new_context().new_page()
        b = browser.new_context().new_page()
        for page in (a, b):
            page.goto(server.url + "/")
            page.wait_for_function("() => document.getElementById('count')?.innerText === '0'")
        b.evaluate(OBSERVER)
        latencies: list[float] = []
        for n in range(1, actions + WARMUP + 1):
            sent = a.evaluate(CLICK, "#bump")
            b.wait_for_function("(n) => n in window.__seen", arg=str(n), timeout=10_000)
            if n > WARMUP:
                latencies.append(b.evaluate("(n) => window.__seen[n]", str(n)) - sent)
            a.wait_for_function("(n) => document.getElementById('count').innerText === n", arg=str(n))
        return latencies
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cd-bench-") as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        print(f"measuring Couple Dash ({args.actions} agenda adds)...", file=sys.stderr)
        app = measure_app(browser, args.actions, Path(tmp))
        print(f"measuring the bare SharedState counter ({args.actions} bumps)...", file=sys.stderr)
        bare = measure_bare(browser, args.actions, Path(tmp))
        browser.close()
    app_figures, bare_figures = summary(app), summary(bare)
    result = {
        "bench": "sync_latency",
        "actions": args.actions,
        **app_figures,
        **{f"bare_{key}": value for key, value in bare_figures.items()},
        "ratio_p50": round(app_figures["p50_ms"] / bare_figures["p50_ms"], 2),
        "ratio_p99": round(app_figures["p99_ms"] / bare_figures["p99_ms"], 2),
        "targets": {"p50_ms": 30, "p99_ms": 100, "ratio_p50": 1.25},
        "seconds": round(time.monotonic() - started),
        "command": f"python bench/sync_latency.py --actions {args.actions}",
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
