"""The app and the command line on one profile at once, as separate OS processes.

What a person does without thinking: leave the window open and run ``fieldapp status``,
``search``, ``export``, ``backups`` or ``sync`` in a terminal, or open the app twice. Each
round here has the app process write a note (and open and close a second store, as the
sync worker does every cycle), then a command-line process run one command on the same
files. After every round the app's WAL must still be there (the app holds it open: a
missing -wal means another process deleted it under a live connection, the corruption of
issue 9); at the end a fresh process runs ``PRAGMA integrity_check`` and compares every
record with what was there before plus exactly the notes the app wrote.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

import pytest
from support.server import DEMO_PASSWORD, child_env, running_server

from fieldapp.store.database import DB_FILENAME
from fieldapp.store.schema import RECORDS_STAMP_KEY

TESTS_DIR = Path(__file__).resolve().parents[1]
DEFAULT_ROUNDS = 200
LONG_ROUNDS = 2000
# Tables whose rows only the app's notes may add to; every other table must be unchanged.
GROWING = {"notes", "outbox", "search_docs"}
# FTS shadow tables and SQLite's own: integrity_check covers them.
DERIVED = ("search_fts", "sqlite_")


@dataclass
class Worker:
    """One ``support.profile_worker`` child, driven a line at a time."""

    process: subprocess.Popen[str]
    answers: list[dict[str, object]] = field(default_factory=list)

    def ask(self, line: str) -> dict[str, object]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            _, errors = self.process.communicate(timeout=30)
            raise AssertionError(f"worker died on {line!r}: {errors[-2000:]}")
        value: dict[str, object] = json.loads(answer)
        self.answers.append(value)
        return value

    def quit(self) -> None:
        _, errors = self.process.communicate("quit\n", timeout=60)
        assert self.process.returncode == 0, errors[-2000:]


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[object]:
    started: list[Worker] = []
    env = child_env(tmp_path / "logs")
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS_DIR), env.get("PYTHONPATH", "")])

    def start(role: str, profile: Path) -> Worker:
        process = subprocess.Popen(
            [sys.executable, "-m", "support.profile_worker", role, str(profile)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=TESTS_DIR,
        )
        started.append(Worker(process))
        return started[-1]

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
            worker.process.communicate(timeout=30)


def snapshot(database: Path) -> dict[str, set[tuple[object, ...]]]:
    """Every row of every table, read by this (third) process with a fresh connection."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith(DERIVED)
        ]
        return {name: set(conn.execute(f'SELECT * FROM "{name}"')) for name in tables}
    finally:
        conn.close()


def integrity(database: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _stamp(profile_rows: set[tuple[object, ...]]) -> object:
    return next(row[1] for row in profile_rows if row[0] == RECORDS_STAMP_KEY)


def demo_profile(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldapp",
            "init",
            "--profile",
            str(folder),
            "--demo",
            "--accounts",
            "40",
        ],
        check=True,
        capture_output=True,
        env=child_env(folder.parent / "logs"),
        timeout=120,
    )
    return folder


def assert_every_record_kept(
    database: Path, before: dict[str, set[tuple[object, ...]]], written: list[str]
) -> None:
    assert integrity(database) == ["ok"]
    after = snapshot(database)
    assert after.keys() == before.keys()
    # The records' stamp (fieldapp/store/schema.py) is replaced by every write to a record:
    # notes were written, so it moved; every other profile value is as it was.
    stamp_before, stamp_after = (_stamp(t["profile"]) for t in (before, after))
    assert stamp_after != stamp_before
    for tables in (before, after):
        tables["profile"] = {row for row in tables["profile"] if row[0] != RECORDS_STAMP_KEY}
    for table in before.keys() - GROWING:
        assert after[table] == before[table], f"{table} changed"
    for table in GROWING:
        assert before[table] <= after[table], f"rows of {table} were lost"
    new_notes = {row[0] for row in after["notes"] - before["notes"]}
    assert new_notes == set(written), "the notes on disk are not the notes the app wrote"
    assert len(written) == len(set(written))
    queued = [row for row in after["outbox"] - before["outbox"]]
    assert sorted(row[3] for row in queued) == sorted(written), "outbox lost or doubled a note"
    assert len(after["search_docs"]) - len(before["search_docs"]) == len(written)


def run_rounds(
    app: list[Worker], cli: Worker, commands: list[str], rounds: int, database: Path
) -> list[str]:
    """Alternate: an app process writes, then the command line runs the next command."""
    written: list[str] = []
    wal = Path(f"{database}-wal")
    apps, lines = cycle(app), cycle(commands)
    for number in range(rounds):
        written.append(str(next(apps).ask("write")["id"]))
        command = next(lines).replace("{n}", str(number))
        answer = cli.ask(command)
        assert answer["code"] == 0, (number, command, answer)
        # The app still holds the database: its WAL must still be there.
        assert wal.exists(), f"round {number}: {command!r} left the app writing to a deleted WAL"
    return written


@pytest.fixture
def rounds(long_run: bool) -> int:
    return LONG_ROUNDS if long_run else DEFAULT_ROUNDS


def test_the_command_line_beside_the_open_app_loses_nothing(
    tmp_path: Path, start_worker: object, rounds: int
) -> None:
    profile = demo_profile(tmp_path / "profile")
    database = profile / DB_FILENAME
    before = snapshot(database)
    app = start_worker("app", profile)  # type: ignore[operator]
    cli = start_worker("cli", profile)  # type: ignore[operator]
    commands = [
        "status",
        "search visit note",
        f"export --to {tmp_path}/export-{{n}} --json",
        "backups --json",
        "status --json",
    ]
    written = run_rounds([app], cli, commands, rounds, database)
    app.quit()
    cli.quit()
    assert_every_record_kept(database, before, written)


def test_two_app_processes_and_the_command_line_on_one_profile_lose_nothing(
    tmp_path: Path, start_worker: object, rounds: int
) -> None:
    # The window refuses a second copy of itself on a profile; these are the store's own
    # guarantees beneath that guard (a second window through another path, an old version).
    profile = demo_profile(tmp_path / "profile")
    database = profile / DB_FILENAME
    before = snapshot(database)
    first = start_worker("app", profile)  # type: ignore[operator]
    second = start_worker("app", profile)  # type: ignore[operator]
    cli = start_worker("cli", profile)  # type: ignore[operator]
    written = run_rounds([first, second], cli, ["status", "search note"], rounds, database)
    first.quit()
    second.quit()
    cli.quit()
    assert_every_record_kept(database, before, written)


def test_syncing_from_the_command_line_beside_the_open_app_loses_nothing(
    tmp_path: Path, start_worker: object, rounds: int
) -> None:
    with running_server(tmp_path / "server", accounts=40) as server:
        profile = tmp_path / "profile"
        login = subprocess.run(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "login",
                "--profile",
                str(profile),
                "--server",
                server.url,
                "--username",
                "field",
                "--password-stdin",
            ],
            input=DEMO_PASSWORD,
            capture_output=True,
            text=True,
            env=child_env(tmp_path / "logs"),
            timeout=60,
            check=False,
        )
        assert login.returncode == 0, login.stderr
        cli = start_worker("cli", profile)  # type: ignore[operator]
        cli.ask(f"signin {server.url} field {DEMO_PASSWORD}")
        assert cli.ask("sync --json")["code"] == 0  # the first download
        database = profile / DB_FILENAME
        app = start_worker("app", profile)  # type: ignore[operator]
        written = run_rounds([app], cli, ["sync --json", "status"], rounds // 2, database)
        app.quit()
        assert cli.ask("sync --json")["code"] == 0
        cli.quit()
        assert integrity(database) == ["ok"]
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            unsent = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            local = {row[0] for row in conn.execute("SELECT id FROM notes")}
        finally:
            conn.close()
        assert unsent == 0
        assert set(written) <= local
        stored = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True)
        try:
            on_server = {row[0] for row in stored.execute("SELECT id FROM records")}
        finally:
            stored.close()
        assert set(written) <= on_server, "a note the app wrote never reached the server"
