"""Run the reference server as a background child process on a loopback port.

``fieldapp demo`` uses this to give the desktop app a real server to sync with: the child
runs ``fieldapp server run``, prints the address it listens on, and is stopped (terminate,
then kill) when the app quits. Every wait is bounded.

``shared_server`` lets several demo windows use one server per data folder, and makes
sure none outlives the last of them, however they end (docs/decisions.md, "One demo
server per data folder"):

- ``fieldapp.server.lock`` in the data folder (an exclusive lock) is held while a
  process seeds, starts or joins the server, and while one decides to stop it, so two
  demos never start two servers on one database, and none joins a server being stopped.
- Each process using the server holds a *lease*: a file in ``clients/`` it keeps locked.
  The kernel drops the lock when the process ends, even by SIGKILL, so the server
  (started with ``--while-used``) watches the leases and stops itself when none is held
  any more. ``running.json`` says where the running server listens.
- The locks are ``filelock``'s (``flock`` on Unix, ``msvcrt.locking`` on Windows).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests
from filelock import FileLock, Timeout

from fieldapp.errors import FieldAppError

# Named, not __name__: in the server process this module runs as __main__.
log = logging.getLogger("sync.server.launcher")

START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
# Seeding the demo's 2,000 accounts under the folder lock takes a while on a slow laptop.
FOLDER_LOCK_TIMEOUT = 600.0
WATCH_SECONDS = 0.25
FOLDER_LOCK = "fieldapp.server.lock"
CLIENTS = "clients"
RUNNING = "running.json"
WHILE_USED = "--while-used"
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


def seed_server(
    data_dir: Path, accounts: int, seed: int = 1, *, env: dict[str, str] | None = None
) -> str:
    """``fieldapp server seed`` in a child process (its memory is returned when it ends);
    returns what it printed (the demo sign-ins)."""
    done = subprocess.run(
        _fieldapp(
            "server",
            "seed",
            "--data",
            str(data_dir),
            "--accounts",
            str(accounts),
            "--seed",
            str(seed),
        ),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ServerStartError("server.could_not_seed_demo_server_in", data_dir=data_dir, last=last)
    return done.stdout


def start_server(
    data_dir: Path,
    port: int = 0,
    log_file: Path | None = None,
    *,
    database_url: str | None = None,
    env: dict[str, str] | None = None,
    start_timeout: float = START_TIMEOUT,
    while_used: bool = False,
) -> BackgroundServer:
    """Start ``fieldapp server run`` on 127.0.0.1 and wait until it answers its health check.

    Its output (the address line, then uvicorn's access log) goes to ``log_file``: a pipe
    would need a reader for the whole life of the server, or fill up and stall it.

    ``while_used``: the server stops itself when no lease in ``data_dir/clients`` is held
    (see ``shared_server``), and runs in its own session, so a Ctrl-C meant for one demo
    window's terminal does not stop a server another window still uses.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_file or data_dir / "server.log"
    command = _fieldapp("server", "run", "--data", str(data_dir), "--port", str(port))
    if database_url:
        command += ["--database-url", database_url]
    if while_used:
        command = [
            sys.executable,
            "-m",
            "sync.server.launcher",
            WHILE_USED,
            str(data_dir),
            *command[3:],
        ]
    with log_path.open("ab") as output:
        already = output.tell()  # earlier runs' lines stay; only ours are read
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=while_used,
        )
    server = BackgroundServer("", process)
    deadline = time.monotonic() + start_timeout
    try:
        while not server.url:
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerStartError("server.server_did_not_start_see", log_path=log_path)
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
                raise ServerStartError(
                    "server.server_started_but_never_answered_see", log_path=log_path
                )
            time.sleep(0.05)
    except BaseException:
        server.stop()
        raise


# -- one shared server per data folder -----------------------------------------------------
def _held_elsewhere(path: Path) -> FileLock | None:
    """The lock of ``path``, taken at once; None when another process holds it."""
    lock = FileLock(path, mode=0o600, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return None
    return lock


@contextlib.contextmanager
def folder_lock(data_dir: Path, timeout: float = FOLDER_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold ``fieldapp.server.lock`` of a server data folder (waits at most ``timeout``)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(data_dir / FOLDER_LOCK, mode=0o600, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.info("waiting for another FieldApp starting or stopping the demo server")
        try:
            lock.acquire(timeout=timeout, poll_interval=0.05)
        except Timeout:
            raise ServerStartError(
                "server.another_fieldapp_still_starting_or_stopping", data_dir=data_dir
            ) from None
    try:
        yield
    finally:
        lock.release()


class Lease:
    """This process's use of a shared server: a lease file it keeps locked until ``release``."""

    def __init__(self, data_dir: Path) -> None:
        clients = data_dir / CLIENTS
        clients.mkdir(parents=True, exist_ok=True)
        name = f"{os.getpid()}-{secrets.token_hex(4)}"
        # Locked under a name the watchers skip, then renamed: a watcher never sees an
        # unlocked lease file and takes it for the leftover of a process that ended.
        pending = clients / f"{name}.tmp"
        self._lock = _held_elsewhere(pending)
        if self._lock is None:
            raise ServerStartError("server.cannot_lock", pending=pending)
        self.path = clients / f"{name}.lease"
        # The lock belongs to the open file, so it follows the file to its new name.
        os.replace(pending, self.path)

    def release(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._lock.release()
            self._lock = None


def live_leases(data_dir: Path) -> int:
    """How many processes hold a lease on the server; leftovers of ended ones are removed."""
    clients = data_dir / CLIENTS
    live = 0
    for path in clients.glob("*.lease") if clients.is_dir() else ():
        taken = _held_elsewhere(path)
        if taken is None:
            live += 1
            continue
        # Its process ended without releasing it (SIGKILL, crash), or released it just now
        # (then taking the lock made the file again): either way, gone.
        with contextlib.suppress(OSError):
            path.unlink()
        taken.release()
    return live


def _pid_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _answers(url: str) -> bool:
    with contextlib.suppress(requests.RequestException):
        return requests.get(f"{url}/v1/health", timeout=2).ok
    return False


@dataclass
class SharedServer:
    """A background server this process uses; ``process`` is set when it started it."""

    url: str
    pid: int
    data_dir: Path
    lease: Lease
    process: subprocess.Popen[bytes] | None = None
    released: bool = field(default=False)

    def release(self) -> None:
        """Stop using the server; the last process using it stops it (and waits for it)."""
        if self.released:
            return
        self.released = True
        try:
            with folder_lock(self.data_dir, timeout=STOP_TIMEOUT * 2):
                self._release_locked()
        except ServerStartError:
            # The folder stays locked by someone else: dropping the lease is enough, the
            # server's watcher stops it once no lease is held.
            self.lease.release()

    def _release_locked(self) -> None:
        self.lease.release()
        others = live_leases(self.data_dir)
        if others:
            log.info("the demo server stays up: %s other window(s) use it", others)
            return
        _forget_running(self.data_dir, self.pid)
        if self.process is not None:
            BackgroundServer(self.url, self.process).stop()  # our child: stop and reap
            log.info("the demo server stopped")
            return
        # Another process started it: terminate it ourselves rather than wait for its
        # watcher, and see it gone before the folder lock lets anyone start a new one.
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while _pid_running(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        log.info("the demo server stopped")


def _read_running(data_dir: Path) -> tuple[str, int] | None:
    try:
        running = json.loads((data_dir / RUNNING).read_text())
        return str(running["url"]), int(running["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _forget_running(data_dir: Path, pid: int) -> None:
    running = _read_running(data_dir)
    if running is not None and running[1] == pid:
        with contextlib.suppress(OSError):
            (data_dir / RUNNING).unlink()


def shared_server(
    data_dir: Path,
    start: Callable[[], BackgroundServer],
    before_start: Callable[[], None] | None = None,
) -> SharedServer:
    """Join the server running on ``data_dir``, or start it with ``start``.

    ``start`` must pass ``while_used=True`` to ``start_server``. ``before_start`` (seeding)
    runs under the folder lock too, so two first starts never seed one folder twice.
    """
    with folder_lock(data_dir):
        lease = Lease(data_dir)
        try:
            running = _read_running(data_dir)
            if running is not None and _pid_running(running[1]) and _answers(running[0]):
                log.info("joining the demo server already running on %s", running[0])
                return SharedServer(running[0], running[1], data_dir, lease)
            if before_start is not None:
                before_start()
            server = start()
            (data_dir / RUNNING).write_text(
                json.dumps({"url": server.url, "pid": server.process.pid})
            )
            return SharedServer(server.url, server.process.pid, data_dir, lease, server.process)
        except BaseException:
            lease.release()
            raise


def _stop_when_unused(data_dir: Path) -> None:
    """In the server process: stop it once no process holds a lease any more.

    Watching the leases rather than the parent (``PR_SET_PDEATHSIG``) is what lets a server
    outlive the window that started it while another window uses it, and still stop after
    a SIGKILL of the last one; it also works beyond Linux.
    """
    while True:
        time.sleep(WATCH_SECONDS)
        if live_leases(data_dir):
            continue
        stopping = _held_elsewhere(data_dir / FOLDER_LOCK)
        if stopping is None:  # someone is joining or stopping it: look again later
            continue
        if live_leases(data_dir):
            stopping.release()
            continue
        # The lock stays held until this process ends: nobody joins a stopping server.
        _forget_running(data_dir, os.getpid())
        log.info("no FieldApp uses this server any more: stopping it")
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down gracefully on SIGTERM
        time.sleep(STOP_TIMEOUT)
        os._exit(0)


def _main(argv: list[str]) -> int:
    """``python -m sync.server.launcher --while-used DIR server run ...``."""
    if len(argv) < 2 or argv[0] != WHILE_USED:
        print(
            f"usage: python -m sync.server.launcher {WHILE_USED} DIR server run ...",
            file=sys.stderr,
        )
        return 2
    from fieldapp.cli import main

    data_dir = Path(argv[1])
    threading.Thread(target=_stop_when_unused, args=(data_dir,), daemon=True).start()
    return main(argv[2:])


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
