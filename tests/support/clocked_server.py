"""The reference server as a real process whose clock a test sets: the SLA tests need a
Friday afternoon, a weekend and a Monday morning by the server's own clock.

``python -m support.clocked_server --data DIR --clock-file FILE`` serves the sync protocol
on a free loopback port like ``fieldapp server run --port 0`` (same app, same database
code, same printed line), except that the server's now is the number of seconds since the
epoch written in FILE, read at every request. ``start_clocked_server`` starts it and
returns a handle whose ``set_time`` moves the clock.
"""

from __future__ import annotations

import argparse
import contextlib
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import requests

from support.server import START_TIMEOUT, ServerProcess, _pump, child_env, seed_server

TESTS = Path(__file__).resolve().parents[1]


class FileClock:
    """Now, as the test wrote it in the file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> float:
        return float(self.path.read_text(encoding="ascii").strip())


def main() -> None:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.config import ServerConfig, database_url
    from sync.server.tables import open_database

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--clock-file", type=Path, required=True)
    args = parser.parse_args()
    config = ServerConfig(database_url=database_url(args.data), clock=FileClock(args.clock_file))
    engine = open_database(config.database_url)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    print(f"FieldApp sync server listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(uvicorn.Config(create_app(config, engine), log_level="warning")).run(
        sockets=[sock]
    )


@dataclass
class ClockedServer:
    server: ServerProcess
    clock_file: Path

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def database_url(self) -> str:
        return f"sqlite:///{(self.server.data_dir / 'server.db').as_posix()}"

    def set_time(self, moment: datetime) -> None:
        self.clock_file.write_text(f"{moment.timestamp():.3f}", encoding="ascii")


@contextlib.contextmanager
def clocked_server(data_dir: Path, start: datetime, accounts: int = 30) -> Iterator[ClockedServer]:
    """A seeded server process on the clock of a file, starting at ``start``."""
    seed_server(data_dir, accounts)
    clock_file = data_dir / "clock.txt"
    clock_file.write_text(f"{start.timestamp():.3f}", encoding="ascii")
    log = (data_dir / "server.log").open("w")
    env = child_env(data_dir / "logs")
    env["PYTHONPATH"] = str(TESTS)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "support.clocked_server",
            "--data",
            str(data_dir),
            "--clock-file",
            str(clock_file),
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=env,
    )
    log.close()
    server = ServerProcess("", data_dir, process)
    lines: queue.Queue[str] = queue.Queue()
    keep: list[str] = []
    threading.Thread(target=_pump, args=(process.stdout, lines, keep), daemon=True).start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.url:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the clocked server did not start: {''.join(keep)}")
            with contextlib.suppress(queue.Empty):
                line = lines.get(timeout=0.5)
                if "listening on " in line:
                    server.url = line.rsplit(" ", 1)[-1].strip()
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(server.url + "/v1/health", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the clocked server never answered /v1/health")
            time.sleep(0.05)
        yield ClockedServer(server, clock_file)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
