"""Start the real app (production build, one port) on a fresh database, for end-to-end tests and benchmarks."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from couple_dash.__main__ import ROOT, runtime_environment
from couple_dash.db import migrate

# Anything Reflex logs at ERROR (backend exceptions, and frontend exceptions it relays), or a traceback.
SERVER_ERROR = re.compile(r"\bERROR\b|Traceback \(most recent call last\)|Exception\]")
# A browser's event that arrives while the server is shutting down (its socket isn't closed yet): Reflex refuses
# it and logs the refusal with a traceback. The browser sends it again after reconnecting; nothing is lost.
STOPPING_REFUSAL = "QueueShutDown: Event processor is not running"


def _ends_in(lines: list[str], start: int, final: str) -> bool:
    """Whether the traceback starting at ``lines[start]`` ends in an exception line containing ``final``."""
    for line in lines[start + 1 :]:
        if line.startswith((" ", "\t")):
            continue
        return final in line
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class AppServer:
    """One running ``reflex run --env prod --single-port`` in its own process group."""

    workdir: Path
    db_url: str = ""
    port: int = 0
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    root: Path = ROOT  # the Reflex project to run (another one for the bare-framework benchmark)
    migrate_db: bool = True

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_url = self.db_url or f"sqlite:///{self.workdir / 'app.db'}"
        self.port = self.port or free_port()
        self.log_path = self.workdir / "server.log"

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}"

    @property
    def client_dir(self) -> Path:
        """Where this server's built frontend lies (it serves these files at request time)."""
        return (self._private_web_dir() or self.root / ".web") / "build" / "client"

    def environment(self) -> dict[str, str]:
        env = runtime_environment()
        env.update({"REFLEX_DB_URL": self.db_url, "PYTHONUNBUFFERED": "1", **self.extra_env})
        if (web := self._private_web_dir()) is not None:
            env["REFLEX_WEB_WORKDIR"] = str(web)
        return env

    def _private_web_dir(self) -> Path | None:
        """A frontend build directory of this server's own.

        A production server serves its frontend from the build directory at request time, so a second server
        building into the same directory would pull the files from under the first. Each server gets a copy of
        the project's prepared ``.web`` (node_modules hard-linked, so it costs a second or two), except the very
        first on a fresh machine, which prepares ``.web`` itself.
        """
        shared = self.root / ".web"
        if not (shared / "node_modules").is_dir():
            return None
        target = self.workdir / "web"
        if not target.exists():
            target.mkdir(parents=True)
            for entry in shared.iterdir():
                if entry.name in ("build", ".states"):
                    continue
                if entry.name == "node_modules":
                    subprocess.run(["cp", "-al", str(entry), str(target / entry.name)], check=True)
                elif entry.is_dir():
                    shutil.copytree(entry, target / entry.name, symlinks=True)
                else:
                    shutil.copy2(entry, target / entry.name)
        return target

    def start(self, timeout: float = 600) -> AppServer:
        if self.migrate_db:
            migrate(self.db_url)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            ["reflex", "run", "--env", "prod", "--single-port", "--frontend-port", str(self.port)],
            cwd=self.root,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so stopping kills the whole group (granian workers, node)
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited while starting:\n{self.log_text()[-4000:]}")
            if self._answers("/ping") and self._answers("/"):
                return self
            time.sleep(0.3)
        self.stop()
        raise TimeoutError(f"the app did not answer within {timeout:.0f} s:\n{self.log_text()[-4000:]}")

    def _answers(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.url + path, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def error_lines(self) -> list[str]:
        """Every line that reports an error, except Reflex refusing a browser's event while the server stops."""
        lines = self.log_text().splitlines()
        errors = []
        for i, line in enumerate(lines):
            if not SERVER_ERROR.search(line):
                continue
            if line.startswith("Traceback") and _ends_in(lines, i, STOPPING_REFUSAL):
                continue
            errors.append(line)
        return errors
