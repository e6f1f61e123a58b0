"""How fast a check-in step reaches the other screens: Alex's phone presses Next/Back, timed until Sam's phone
and the shared screen both show the new section.

Three Chromium contexts in one browser (one clock: ``performance.timeOrigin + performance.now()``), the app in
production mode on the embedded setup. Each step is a conditional write of the meeting row, a reload of the
couple's meeting view (with this week's follow-through) and a push to every linked tab.

    python bench/meeting_latency.py              # 200 steps (about a minute)
    python bench/meeting_latency.py --steps 50

Ends by printing one JSON line: {"bench": "meeting_latency", "p50_ms": ..., "p95_ms": ..., ...}
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from playwright.sync_api import sync_playwright
from sqlmodel import col, select
from sync_latency import CLICK, launch, make_couple, signed_in_page, summary

from couple_dash.db import engine_for, session_scope
from couple_dash.devtools.server import AppServer
from couple_dash.models import User
from couple_dash.services import agenda, commitments, meeting
from couple_dash.services.commitments import CommitmentInput

WARMUP = 10
# Records, in a watching page, when each section title is first shown after being reset.
OBSERVER = """
() => {
  window.__shown = {};
  const scan = () => {
    const el = document.getElementById('meeting-section');
    if (el && !(el.innerText in window.__shown)) {
      window.__shown[el.innerText] = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(scan).observe(document.body, {subtree: true, childList: true, characterData: true});
  scan();
}
"""


def prepare(db_url: str) -> None:
    """A lived-in couple: a few commitments and agenda items, and the check-in open."""
    with session_scope(engine_for(db_url)) as session:
        alex = session.exec(select(col(User.id)).where(col(User.email) == "alex@bench.test")).one()
        assert alex is not None
        for text in ("I will text you when I leave work", "Phones away during dinner", "Walk together on Sunday"):
            commitments.create(session=session, user_id=alex, owner_id=alex, data=CommitmentInput(text=text))
        for kind in ("appreciation", "concern", "request"):
            agenda.add_item(session=session, user_id=alex, kind=kind, text=f"A {kind} for the bench")
        meeting.start(session=session, user_id=alex)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        server = AppServer(Path(tmp) / "app").start()
        try:
            alex_token, sam_token = make_couple(server.db_url)
            prepare(server.db_url)
            url = server.url + "/check-in/meeting"
            alex, sam, tv = (signed_in_page(browser, url, t) for t in (alex_token, sam_token, alex_token))
            for page in (alex, sam, tv):
                page.locator("#meeting-section").wait_for()
            titles = {1: "What went well", 0: "Appreciations"}
            latencies: list[float] = []
            for n in range(args.steps + WARMUP):
                target = 1 if n % 2 == 0 else 0
                for page in (sam, tv):
                    page.evaluate(OBSERVER)
                sent = alex.evaluate(CLICK, "#meeting-next" if target == 1 else "#meeting-back")
                seen = []
                for page in (sam, tv):
                    page.wait_for_function("(t) => t in window.__shown", arg=titles[target], timeout=10_000)
                    seen.append(page.evaluate("(t) => window.__shown[t]", titles[target]))
                alex.locator("#meeting-section").filter(has_text=titles[target]).wait_for()
                if n >= WARMUP:
                    latencies.append(max(seen) - sent)
            errors = server.error_lines()
            if errors:
                raise RuntimeError("the app logged errors:\n" + "\n".join(errors[:20]))
        finally:
            server.stop()
            browser.close()
    print(json.dumps({"bench": "meeting_latency", "steps": len(latencies), "screens": 2, **summary(latencies)}))


if __name__ == "__main__":
    main()
