"""A real full disk under separate processes: the profile on a small tmpfs fills during a
sync (its pushes and a download), is freed, fills again while a writer's WAL grows.

Every process is a real one on real files, as on a laptop: ``fieldapp login``, ``sync``
and ``status``, a writer process that makes changes through the use cases (as the
window's store worker does), and a process of its own for each ``PRAGMA
integrity_check``; the reference server runs on loopback. The disk is a tmpfs mounted for
the test (root; see support.full_disk) and a filler file takes its space.

Checked at every step: no fresh connection sees a damaged database (while the disk is full
it may be refused, with the disk-full sentence, never with "malformed"); the sentence of a
sync the disk stopped says exactly what was sent and received before, and its --json the
same counts; after the space is freed and a last sync, the profile equals the server's
view of the user record by record, every change made is on the server once and the
outbox is empty.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.full_disk import FILLER, fill, small_disk, unfill
from support.replicas import ClientFactory, differences, fresh_snapshot, open_client, snapshot
from support.server import DEMO_PASSWORD, ServerProcess, child_env, run_fieldapp

from fieldapp.errors import DiskFullError
from fieldapp.store.database import database_path, open_store
from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user
from sync.engine import Progress, SyncEngine, SyncReport, disk_full_sentence
from sync.http_backend import HttpBackend

ROUNDS = 2
LONG_ROUNDS = 25
CHANGES = 3  # each round: a new account or an edit of it, and notes on it
OTHER_NOTES = 60  # what another laptop adds each round: a download for this one
# Left free when the disk fills during a sync: room for the -shm file (32 KiB) and the
# pushes' bookkeeping (start of the sync log, attempts, acknowledgements: 41 KiB of WAL for
# 5 changes, measured), not for the download that follows (a first download: 470 KiB of
# WAL; 60 notes: more than 200 KiB).
ROOM = 128 * 1024
NOTES_BEFORE_FILLING = 5  # the writer's WAL is growing when the disk fills
DAMAGE_WORDS = ("malformed", "corrupt", "damaged", "not a database")
ACCOUNT_NAME = "Quincaillerie du Rang 9"

# A process making changes through the use cases, one transaction each, as the window's
# store worker does. Prints one JSON line per change (record, mutation id, note body),
# and {"full": sentence} when the disk refuses one. "until-full" adds notes until then
# and keeps its connection (and its WAL) open until its standard input closes.
WRITER = r"""
import json, sys
from fieldapp.errors import DiskFullError
from fieldapp.store.database import open_store
from fieldapp.usecases import accounts, notes
from fieldapp.usecases.people import current_user

profile, tag, mode, count, account_name = sys.argv[1:6]
count = int(count)

def say(**fields):
    print(json.dumps(fields), flush=True)

store = open_store(profile)
def queued(record_id):
    return store.scalar("SELECT mutation_id FROM outbox WHERE record_id = ?"
                        " ORDER BY seq DESC LIMIT 1", (record_id,))
try:
    made = 0
    account = store.scalar("SELECT id FROM accounts WHERE name = ? AND owner_id = ?",
                           (account_name, current_user(store).id))
    if mode == "changes":
        if account is None:
            account = accounts.create_account(store, name=account_name, tier="B").id
        else:
            accounts.edit_account(store, account, phone=f"514-555-{tag[-4:]}")
        say(record=account, mutation=queued(account), body=None)
        made += 1
    while mode == "until-full" or made < count:
        body = f"{tag}: note {made} written on the road." + " aisle restocked;" * 20
        note = notes.add_note(store, account, body)
        say(record=note.id, mutation=queued(note.id), body=body)
        made += 1
        if made > 20000:
            break  # the disk never filled: the test says so
except DiskFullError as exc:
    say(full=str(exc))
    if mode == "until-full":
        sys.stdin.read()
finally:
    store.close()
"""

# ``fieldapp sync`` whose disk fills (a filler file in argv[1]) right after the server has
# answered its first push, before the laptop records the answer.
FILLS_AFTER_PUSH = r"""
import os, sys
from sync.http_backend import HttpBackend
filler = sys.argv.pop(1)
push = HttpBackend.push
def push_then_fill(self, device_id, mutations):
    results = push(self, device_id, mutations)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    for chunk in (1 << 20, 1 << 12, 1):
        try:
            while os.write(fd, b"\0" * chunk) == chunk:
                pass
        except OSError:
            pass
    os.close(fd)
    return results
HttpBackend.push = push_then_fill
from fieldapp.cli import main
raise SystemExit(main(sys.argv[1:]))
"""

# A connection of its own, in a process of its own.
INTEGRITY = r"""
import sqlite3, sys
try:
    conn = sqlite3.connect(sys.argv[1], timeout=10)
    print("; ".join(row[0] for row in conn.execute("PRAGMA integrity_check")))
except sqlite3.Error as exc:
    print(f"error: {exc.sqlite_errorname}: {exc}")
"""


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


class Laptop:
    """The field rep's profile on the small disk, driven only through processes."""

    def __init__(self, profile: Path, logs: Path) -> None:
        self.profile = profile
        self.logs = logs
        self.db = database_path(profile)
        self.changes: list[dict[str, Any]] = []  # every change a writer reported saved
        self.looks: Counter[str] = Counter()  # what the fresh looks found, for the summary

    def fieldapp(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_fieldapp(
            *args,
            "--profile",
            str(self.profile),
            stdin=DEMO_PASSWORD + "\n",
            log_dir=self.logs,
            timeout=120,
        )

    def sync(self) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
        done = self.fieldapp("sync", "--json", "--password-stdin")
        assert "Traceback" not in done.stderr + done.stdout, done.stderr
        report = json.loads(done.stdout) if done.stdout.strip() else {}
        return done, report

    def write(self, tag: str, count: int) -> list[dict[str, Any]]:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                WRITER,
                str(self.profile),
                tag,
                "changes",
                str(count),
                ACCOUNT_NAME,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(self.logs),
            check=False,
        )
        assert done.returncode == 0, done.stderr
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        assert len(lines) == count and all("full" not in line for line in lines), lines
        self.changes += lines
        return lines

    def look(self, *, full: bool, pending: int | None = None) -> str:
        """A fresh connection (integrity_check) and ``fieldapp status``, each a process.

        Never a sign of damage. With space, both must work; on a full disk a new connection
        may be refused (SQLite cannot map its -shm file), then with the disk-full sentence.
        """
        checked = subprocess.run(
            [sys.executable, "-c", INTEGRITY, str(self.db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        verdict = checked.stdout.strip()
        status = self.fieldapp("status", "--json")
        seen = (verdict + status.stdout + status.stderr).lower()
        assert not [w for w in DAMAGE_WORDS if w in seen], (verdict, status.stderr)
        assert "Traceback" not in status.stderr
        if full and verdict != "ok":
            assert verdict.startswith("error: SQLITE_IOERR_SHMSIZE"), verdict
        else:
            assert verdict == "ok", verdict
        self.looks[f"{'full' if full else 'free'}: integrity {verdict.split(':')[0]}"] += 1
        if full and status.returncode != 0:
            self.looks["full: status refused"] += 1
            assert status.returncode == 1, status.stderr
            assert status.stderr.startswith("fieldapp: error: The disk holding"), status.stderr
            assert " is full" in status.stderr, status.stderr
        else:
            assert status.returncode == 0, status.stderr
            if pending is not None:
                assert json.loads(status.stdout)["pending_mutations"] == pending
        return verdict

    def pending(self) -> int:
        with open_store(self.profile) as store:
            return int(store.scalar("SELECT count(*) FROM outbox"))


def _server_mutations(server: ServerProcess) -> set[str]:
    conn = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True, timeout=30)
    try:
        return {r[0] for r in conn.execute("SELECT mutation_id FROM applied_mutations")}
    finally:
        conn.close()


def _other_laptop_adds_notes(make_client: ClientFactory, url: str, tag: str) -> None:
    other = make_client(url, "field", f"other-{tag}")
    other.sync()
    account_id = str(
        other.store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
            (current_user(other.store).id,),
        )
    )
    for i in range(OTHER_NOTES):
        notes.add_note(
            other.store,
            account_id,
            f"{tag}: note {i} from the other laptop." + " shelf counted;" * 60,
        )
    other.sync()
    assert other.outbox() == 0
    other.close()


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp: error: "), done.stderr
    return lines[0].removeprefix("fieldapp: error: ")


def _told(report: dict[str, Any], db: Path) -> str:
    """The sentence a cycle with these counts must print."""
    return disk_full_sentence(
        str(db),
        SyncReport(
            pushed=report["pushed"], pulled=report["pulled"], unconfirmed=report["unconfirmed"]
        ),
    )


def _round(
    laptop: Laptop,
    server: ServerProcess,
    make_client: ClientFactory,
    disk: Path,
    number: int,
    summary: Counter[str],
) -> None:
    # 1. Unsent changes; another laptop gives this one a download; the disk fills with
    #    room for the pushes only.
    made = laptop.write(f"round-{number:04d}", CHANGES)
    laptop.look(full=False, pending=CHANGES)
    _other_laptop_adds_notes(make_client, server.url, f"round-{number}")
    fill(disk, leave=ROOM)
    summary["fills"] += 1
    done, report = laptop.sync()
    assert done.returncode == 1, (done.stdout, done.stderr)
    sentence = _one_line(done)
    assert sentence == (
        f"The disk holding {laptop.db} is full: {CHANGES} changes were sent;"
        " the rest waits until there is space."
    )
    assert (report["pushed"], report["pulled"], report["unconfirmed"]) == (CHANGES, 0, 0), (
        "the pushes fit in the room left, the download does not"
    )
    assert report["error_code"] == "disk_full"
    assert report["error"] == sentence
    assert {c["mutation"] for c in made} <= _server_mutations(server)
    laptop.look(full=True, pending=0)

    # 2. Space again: the download goes through, nothing is sent twice.
    unfill(disk)
    laptop.look(full=False, pending=0)
    done, report = laptop.sync()
    assert done.returncode == 0, done.stderr
    assert report["pushed"] == 0 and report["pulled"] >= OTHER_NOTES, report
    summary["sent"] += CHANGES

    # 3. The disk fills while a writer's WAL grows: the writer keeps its connection open.
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(laptop.profile),
            f"wal-{number:04d}",
            "until-full",
            "0",
            ACCOUNT_NAME,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(laptop.logs),
    )
    try:
        assert writer.stdout is not None and writer.stdin is not None
        saved: list[dict[str, Any]] = []
        refused = None
        for line in writer.stdout:
            said = json.loads(line)
            if "full" in said:
                refused = said["full"]
                break
            saved.append(said)
            if len(saved) == NOTES_BEFORE_FILLING:
                fill(disk)
                summary["fills"] += 1
        assert refused is not None, f"the writer never met the full disk: {writer.stderr}"
        assert len(saved) >= NOTES_BEFORE_FILLING
        assert " is full" in refused and len(refused.splitlines()) == 1, refused
        laptop.changes += saved
        # The writer's connection holds the WAL-index: a fresh one must read it whole.
        assert laptop.look(full=True, pending=len(saved)) == "ok"
        # A sync on the full disk, beside the writer: what it says it did, it did.
        done, report = laptop.sync()
        if done.returncode != 0 and report:
            assert report["error_code"] == "disk_full"
            assert _one_line(done) == _told(report, laptop.db)
        elif done.returncode != 0:  # refused while opening the profile, before any cycle
            assert _one_line(done).endswith(" is full; nothing was changed."), done.stderr
        sent_beside = int(report.get("pushed", 0))
        summary["syncs on a full disk"] += 1
        summary[f"... of which failed: {done.returncode != 0}"] += 1
        laptop.look(full=True, pending=len(saved) - sent_beside)
        writer.stdin.close()
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    finally:
        with contextlib.suppress(Exception):
            writer.kill()
        writer.wait(timeout=30)
    laptop.look(full=True)

    # 4. Space again, a last sync: equal to the server.
    unfill(disk)
    laptop.look(full=False, pending=len(saved) - sent_beside)
    done, report = laptop.sync()
    assert done.returncode == 0, done.stderr
    summary["sent"] += len(saved)
    assert laptop.pending() == 0


def test_a_profile_on_a_disk_that_fills_during_syncs_and_writes_ends_equal_to_the_server(
    server: ServerProcess,
    make_client: ClientFactory,
    disk: Path,
    tmp_path: Path,
    long_run: bool,
) -> None:
    laptop = Laptop(disk / "profile", tmp_path / "logs")
    signed = laptop.fieldapp(
        "login", "--server", server.url, "--username", "field", "--password-stdin"
    )
    assert signed.returncode == 0, signed.stderr
    summary: Counter[str] = Counter()
    rounds = LONG_ROUNDS if long_run else ROUNDS
    for number in range(1, rounds + 1):
        _round(laptop, server, make_client, disk, number, summary)

    fresh = fresh_snapshot(tmp_path, server.url, "field")
    with open_store(laptop.profile) as store:
        assert differences(snapshot(store), fresh) == []
    on_server = Counter(n["body"] for n in fresh["notes"])
    bodies = [c["body"] for c in laptop.changes if c["body"] is not None]
    assert [b for b in bodies if on_server[b] != 1] == [], "every note once on the server"
    assert {c["mutation"] for c in laptop.changes} <= _server_mutations(server)
    print(
        f"\n{rounds} rounds, {summary['fills']} fills, {summary['sent']} changes sent,"
        f" {summary['syncs on a full disk']} syncs beside a writer on a full disk"
        f" ({summary['... of which failed: True']} refused); fresh looks: {dict(laptop.looks)}"
    )


class _FillsAfterPush(HttpBackend):
    """The real backend; the disk fills after the server answered the first push, before
    the laptop records the answer (the one window where a change is sent and not known)."""

    disk: Path

    def push(self, device_id: str, mutations: Any) -> Any:
        results = super().push(device_id, mutations)
        fill(self.disk)
        return results


def test_changes_the_server_took_before_the_disk_filled_are_confirmed_once_later(
    server: ServerProcess,
    disk: Path,
    tmp_path: Path,
) -> None:
    laptop = open_client(disk / "profile", server.url, "field")
    try:
        laptop.sync()
        account_id = str(
            laptop.store.scalar(
                "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
                (current_user(laptop.store).id,),
            )
        )
        for i in range(CHANGES):
            notes.add_note(laptop.store, account_id, f"unconfirmed {i}: counted twice?")
        queued = {r["mutation_id"] for r in laptop.store.query("SELECT mutation_id FROM outbox")}
        backend = _FillsAfterPush(server.url)
        backend.disk = disk
        backend.authenticate("field", DEMO_PASSWORD)
        engine = SyncEngine(laptop.store, backend)
        with pytest.raises(DiskFullError) as raised:
            engine.run()
        report = engine.last_report
        assert report is not None
        assert (report.pushed, report.unconfirmed, report.error_code) == (0, CHANGES, "disk_full")
        assert str(raised.value) == disk_full_sentence(str(laptop.store.path), report)
        assert f": {CHANGES} changes reached the server" in str(raised.value)
        applied = _server_mutations(server)
        assert queued <= applied

        unfill(disk)
        again = laptop.sync()
        assert again.pushed == CHANGES and laptop.outbox() == 0
        assert _server_mutations(server) == applied, "sent again, applied once"
        fresh = fresh_snapshot(tmp_path, server.url, "field")
        on_server = Counter(n["body"] for n in fresh["notes"])
        assert [on_server[f"unconfirmed {i}: counted twice?"] for i in range(CHANGES)] == [
            1
        ] * CHANGES
        assert differences(laptop.snapshot(), fresh) == []
    finally:
        laptop.close()


def test_fieldapp_sync_says_in_one_line_which_changes_reached_the_server_unrecorded(
    server: ServerProcess,
    disk: Path,
    tmp_path: Path,
) -> None:
    laptop = Laptop(disk / "profile", tmp_path / "logs")
    signed = laptop.fieldapp(
        "login", "--server", server.url, "--username", "field", "--password-stdin"
    )
    assert signed.returncode == 0, signed.stderr
    assert laptop.sync()[0].returncode == 0
    made = laptop.write("cli-unrecorded", CHANGES)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FILLS_AFTER_PUSH,
            str(disk / FILLER),
            "sync",
            "--json",
            "--password-stdin",
            "--profile",
            str(laptop.profile),
        ],
        input=DEMO_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(laptop.logs),
        check=False,
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    report = json.loads(done.stdout)
    assert (report["pushed"], report["unconfirmed"]) == (0, CHANGES), report
    assert _one_line(done) == _told(report, laptop.db) == report["error"]
    assert {c["mutation"] for c in made} <= _server_mutations(server)
    laptop.look(full=True, pending=CHANGES)

    unfill(disk)
    laptop.look(full=False, pending=CHANGES)
    done, report = laptop.sync()
    assert done.returncode == 0 and report["pushed"] == CHANGES, done.stderr
    laptop.look(full=False, pending=0)


def test_a_cycle_that_exchanged_everything_but_cannot_log_it_says_so(
    server: ServerProcess,
    disk: Path,
    tmp_path: Path,
) -> None:
    laptop = open_client(disk / "profile", server.url, "field")
    try:

        def full_after_the_last_page(progress: Progress) -> None:
            if progress.phase == "pull":
                busy, _, _ = laptop.store._conn.execute(
                    "PRAGMA wal_checkpoint(TRUNCATE)"
                ).fetchone()
                assert busy == 0
                fill(disk)

        engine = SyncEngine(laptop.store, laptop.backend, progress=full_after_the_last_page)
        with pytest.raises(DiskFullError) as raised:
            engine.run()
        report = engine.last_report
        assert report is not None and report.pulled > 0 and report.error_code == "disk_full"
        assert str(raised.value) == disk_full_sentence(str(laptop.store.path), report)
        assert f": {report.pulled} records were received;" in str(raised.value)
        unfill(disk)
        # What was received is kept; "last sync" was not claimed, and the next cycle is one.
        assert differences(laptop.snapshot(), fresh_snapshot(tmp_path, server.url, "field")) == []
        assert (
            laptop.store.scalar(
                "SELECT count(*) FROM sync_runs WHERE error IS NULL AND finished_at IS NOT NULL"
            )
            == 0
        )
        assert laptop.sync().pulled == 0
    finally:
        laptop.close()
