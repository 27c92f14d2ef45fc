"""Run the reference server as a background child process on a loopback port.

``fieldapp demo`` uses this to give the desktop app a real server to sync with: the child
runs ``fieldapp server run``, prints the address it listens on, and is stopped (terminate,
then kill) when the app quits. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import logging
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from fieldapp.errors import FieldAppError

log = logging.getLogger(__name__)

START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
_LISTENING = re.compile(r"listening on (https?://[^\s]+)")


class ServerStartError(FieldAppError):
    """The background server did not start; the message says why."""


@dataclass
class BackgroundServer:
    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT)


def _fieldapp(*args: str) -> list[str]:
    return [sys.executable, "-m", "fieldapp", *args]


def seed_server(data_dir: Path, accounts: int, seed: int = 1) -> None:
    """``fieldapp server seed`` in a child process (its memory is returned when it ends)."""
    done = subprocess.run(
        _fieldapp("server", "seed", "--data", str(data_dir), "--accounts", str(accounts),
                  "--seed", str(seed)),
        capture_output=True, text=True, timeout=600, check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ServerStartError(f"Could not seed the demo server in {data_dir}: {last}")


def start_server(
    data_dir: Path,
    port: int = 0,
    log_file: Path | None = None,
    *,
    database_url: str | None = None,
    env: dict[str, str] | None = None,
    start_timeout: float = START_TIMEOUT,
) -> BackgroundServer:
    """Start ``fieldapp server run`` on 127.0.0.1 and wait until it answers its health check.

    Its output (the address line, then uvicorn's access log) goes to ``log_file``: a pipe
    would need a reader for the whole life of the server, or fill up and stall it.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_file or data_dir / "server.log"
    command = _fieldapp("server", "run", "--data", str(data_dir), "--port", str(port))
    if database_url:
        command += ["--database-url", database_url]
    with log_path.open("ab") as output:
        already = output.tell()  # earlier runs' lines stay; only ours are read
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    server = BackgroundServer("", process)
    deadline = time.monotonic() + start_timeout
    try:
        while not server.url:
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerStartError(f"The server did not start; see {log_path}.")
            with log_path.open("rb") as written:
                written.seek(already)
                match = _LISTENING.search(written.read().decode(errors="replace"))
            if match:
                server.url = match.group(1)
            else:
                time.sleep(0.05)
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{server.url}/v1/health", timeout=2).ok:
                    log.info("background server listening on %s", server.url)
                    return server
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerStartError(f"The server started but never answered; see {log_path}.")
            time.sleep(0.05)
    except BaseException:
        server.stop()
        raise
