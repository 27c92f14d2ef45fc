"""The reference server as a real process on a free loopback port.

``seed_server`` fills a data folder with the demo organisation (``fieldapp server seed``);
``running_server`` starts ``fieldapp server run --port 0``, reads the URL it prints, waits
for ``/v1/health`` and stops it afterwards (terminate, then kill). Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from sync.server import launcher

DEMO_PASSWORD = "demo"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0
_URL = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")


def child_env(log_dir: Path | None = None) -> dict[str, str]:
    """Environment for a FieldApp child process: no real keyring, logs in a test folder."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("FIELDAPP_DATABASE_URL", None)
    if log_dir is not None:
        env["FIELDAPP_LOG_DIR"] = str(log_dir)
    return env


def fieldapp_command(*args: str) -> list[str]:
    """The command line that runs ``fieldapp ARGS`` with this interpreter."""
    return [sys.executable, "-m", "fieldapp", *args]


def seed_server(data_dir: Path, accounts: int = 30, seed: int = 7) -> str:
    """``fieldapp server seed``; returns what it printed (the demo sign-ins)."""
    return launcher.seed_server(data_dir, accounts, seed, env=child_env(data_dir / "logs"))


@dataclass
class ServerProcess:
    """A running ``fieldapp server run``."""

    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    @property
    def database(self) -> Path:
        return self.data_dir / "server.db"

    def stop(self) -> None:
        """Terminate, and kill if it does not stop in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT)


def _pump(stream: object, lines: queue.Queue[str], keep: list[str]) -> None:
    for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
        keep.append(line)
        lines.put(line)


def start_server(data_dir: Path) -> ServerProcess:
    """Start the server on a free loopback port and wait until it answers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        fieldapp_command("server", "run", "--data", str(data_dir), "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=child_env(data_dir / "logs"),
    )
    log.close()
    lines: queue.Queue[str] = queue.Queue()
    keep: list[str] = []
    threading.Thread(target=_pump, args=(process.stdout, lines, keep), daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT
    url = None
    server = ServerProcess("", data_dir, process, keep)
    try:
        while url is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or process.poll() is not None:
                raise RuntimeError(f"the server did not start: {''.join(keep)}")
            with contextlib.suppress(queue.Empty):
                match = _URL.search(lines.get(timeout=min(remaining, 0.5)))
                if match:
                    url = match.group(1)
        server.url = url
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(url + "/v1/health", timeout=1).status_code == 200:
                    return server
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the server never answered /v1/health")
            time.sleep(0.05)
    except BaseException:
        server.stop()
        raise


@contextlib.contextmanager
def running_server(
    data_dir: Path, *, accounts: int | None = 30, seed: int = 7
) -> Iterator[ServerProcess]:
    """A seeded (unless ``accounts`` is None) server process, stopped afterwards."""
    if accounts is not None:
        seed_server(data_dir, accounts, seed)
    server = start_server(data_dir)
    try:
        yield server
    finally:
        server.stop()


def run_fieldapp(
    *args: str, stdin: str = "", log_dir: Path | None = None, timeout: float = 60.0
) -> subprocess.CompletedProcess[str]:
    """Run ``fieldapp ARGS`` in a child process (no real keyring), bounded by ``timeout``."""
    return subprocess.run(
        fieldapp_command(*args),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(log_dir),
        check=False,
    )
