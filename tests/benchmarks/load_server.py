"""The server side of the load benchmark (``server_load``): seeding, the server process,
what it used and what it logged, and a reference: its write path alone. Every wait is
bounded; the server listens on loopback.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from fieldapp.ids import new_id
from sync.server.launcher import start_server
from sync.server.mutations import Caller, Mutation, apply_batch
from sync.server.scope import load_profile, scope_for
from sync.server.tables import open_database, records, users

START_TIMEOUT = 60.0
SEED_TIMEOUT = 900.0


def child_env(work: Path) -> dict[str, str]:
    """No real keyring, logs in the run's folder, and no database URL from the caller's
    environment (the run says which database it uses)."""
    env = dict(os.environ)
    env.pop("FIELDAPP_DATABASE_URL", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["FIELDAPP_LOG_DIR"] = str(work / "logs")
    return env


def seed(
    reps: int, accounts_per_rep: int, number: int, data: Path, url: str | None, work: Path
) -> tuple[float, str]:
    """``fieldapp server seed --field-reps``: returns its time and its first line."""
    command = [
        sys.executable,
        "-m",
        "fieldapp",
        "server",
        "seed",
        "--data",
        str(data),
        "--accounts",
        str(reps * accounts_per_rep),
        "--field-reps",
        str(reps),
        "--seed",
        str(number),
    ]
    if url:
        command += ["--database-url", url]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=SEED_TIMEOUT,
        env=child_env(work),
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{done.stderr}")
    return time.perf_counter() - start, done.stdout.splitlines()[0]


@contextlib.contextmanager
def running_server(data: Path, url: str | None, work: Path) -> Iterator[tuple[str, int]]:
    """``fieldapp server run`` on a free loopback port; yields (URL, pid)."""
    server = start_server(
        data,
        log_file=work / "server.log",
        database_url=url,
        env=child_env(work),
        start_timeout=START_TIMEOUT,
    )
    try:
        yield server.url, server.process.pid
    finally:
        server.stop()


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU of a running process (Linux; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def log_findings(log: Path) -> dict[str, int]:
    """The server's warnings and errors (a 503 for its database, a 500 for a bug), by
    message: why the errors happened. The access log lines are left out."""
    found: Counter[str] = Counter()
    for text in log.read_text(errors="replace").splitlines():
        if text.startswith(("fieldapp: warning", "fieldapp: error")):
            found[text[:90]] += 1
    return dict(found.most_common(5))


def load_average() -> float:
    """The machine's 1-minute load average: other work on it shows in the figures."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def write_ceiling(
    database_url: str, usernames: list[str], per_thread: int = 40
) -> tuple[float, list[float]]:
    """Reference: the server's write path alone, in this process, on the run's database
    after the run: one thread per username creates notes through ``apply_batch``, one
    mutation per call (a transaction each, as a push applies them), all at once. Returns
    mutations per second and each call's latency (ms): the most this database takes from
    this server's code on this machine now, with no HTTP and no laptop competing."""
    engine = open_database(database_url)
    work: list[tuple[Caller, str]] = []
    with engine.connect() as conn:
        for username in usernames:
            user_id = conn.execute(
                sa.select(users.c.id).where(users.c.username == username)
            ).scalar_one()
            person = load_profile(conn, user_id)
            assert person is not None
            scope = scope_for(conn, person)
            account = conn.execute(
                sa.select(records.c.id)
                .where(records.c.collection == "accounts", records.c.territory == person.territory)
                .limit(1)
            ).scalar()
            if account is not None:
                work.append((Caller(person, scope, f"ceiling-{username}"), account))
    latencies: list[float] = []
    go = threading.Barrier(len(work) + 1)

    def writer(caller: Caller, account: str) -> None:
        go.wait()
        for _ in range(per_thread):
            note = {
                "account_id": account,
                "author_id": caller.person.id,
                "kind": "for_field",
                "body": "Note de référence.",
                "pinned": False,
            }
            start = time.perf_counter()
            apply_batch(
                engine,
                caller,
                [Mutation(new_id(), "notes", new_id(), "create", note, None)],
                time.time(),
            )
            latencies.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=writer, args=item) for item in work]
    for thread in threads:
        thread.start()
    go.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join(timeout=600)
    seconds = time.perf_counter() - start
    engine.dispose()
    return len(latencies) / seconds, sorted(latencies)
