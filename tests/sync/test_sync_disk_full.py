"""The laptop's database stops taking writes: the disk is full, or the file is read-only.

It happens in the middle of a person's change and in the middle of a sync's download. The
person gets one readable sentence (a FieldAppError; ``fieldapp sync`` prints one line and
exits 1), what was saved before is intact and sound, and once the condition clears the
change can be made again and sync converges.

How the condition is made. A full disk is a real one: the profile lives on a small tmpfs
(``support.full_disk``, mounted as root) and a filler file takes every free block at the
moment chosen (after the first page of a download has been committed, say), after a
checkpoint has emptied the WAL, so the next commit needs new blocks and cannot have them.
``PRAGMA max_page_count``, used before, failed at random: it stops at the file's size,
and the pages of the file's freelist still took the next page of the download.
A read-only file: ``chmod`` cannot do it here, because these tests run as root and root
writes through any file mode. SQLite can: ``PRAGMA query_only`` makes every write fail
with SQLITE_READONLY ("attempt to write a readonly database"), the answer for a read-only
file, on the connection the code under test uses. For the command line, a child process
sets it on every connection it opens before it runs the real ``fieldapp`` entry point.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.full_disk import fill, small_disk, unfill
from support.replicas import (
    Client,
    ClientFactory,
    differences,
    fresh_snapshot,
    integrity,
    open_client,
    snapshot,
)
from support.server import DEMO_PASSWORD, ServerProcess, child_env

from fieldapp.errors import FieldAppError, StoreError
from fieldapp.store.database import Store, open_store
from fieldapp.store.syncbook import feed_cursor
from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user
from sync.engine import Progress, SyncEngine

# A note long enough to need pages of its own (overflow pages), whatever room is left in
# the pages the database already has, and short enough for a note (MAX_TEXT).
LONG_BODY = "Inventory count, aisle by aisle:" + " shelf 12 restocked;" * 900
OTHER_NOTES = 40  # what another laptop adds, for a download of several pages
PAGE = 10
# Room for a transaction that changes one row or two (a cursor: 2 WAL frames of 4 KiB),
# not for a page of PAGE notes (95 to 160 KiB of WAL, measured): a download that saved
# its cursor apart from its records would move past records it never kept.
SMALL_ROOM = 32 * 1024

CONDITIONS: dict[str, str] = {
    # name: words the user's sentence must contain (the path may hold "full" already)
    "disk-full": "is full",  # a real full disk: the profile on a tmpfs, a filler file
    "read-only": "is read-only",  # PRAGMA query_only on the connection under test
}
READ_ONLY = "PRAGMA query_only = ON"

# Runs the real command line in a child process whose every SQLite connection is opened
# read-only (argv[1] is the PRAGMA).
LAUNCHER = """
import sqlite3, sys
pragma = sys.argv.pop(1)
connect = sqlite3.connect
def constrained(*args, **kwargs):
    conn = connect(*args, **kwargs)
    conn.execute(pragma)
    return conn
sqlite3.connect = constrained
from fieldapp.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of this test's own, where the laptop under test keeps its profile."""
    with small_disk(tmp_path / "disk") as mounted:
        yield mounted


@pytest.fixture
def laptop_on_disk(disk: Path, shared_server: ServerProcess) -> Iterator[ClientFactory]:
    """``make(name, **options)``: a signed-in laptop of the field rep whose profile is on
    the small disk; closed before the disk is unmounted."""
    made: list[Client] = []

    def make(name: str, **options: object) -> Client:
        client = open_client(
            disk / f"laptop-{name}", shared_server.url, "field", name=name, **options
        )  # type: ignore[arg-type]
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def _set(store: Store, condition: str, disk: Path, leave: int = 0) -> None:
    """Bring the condition about; a full disk keeps ``leave`` bytes free."""
    if condition == "read-only":
        store._conn.execute(READ_ONLY)
        return
    # Empty the WAL first (its blocks go back to the disk): the next commit then has to
    # allocate, whatever the earlier commits left in the WAL's file.
    busy, _, _ = store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0, "nothing else uses this profile"
    fill(disk, leave)


def _clear(store: Store, disk: Path) -> None:
    unfill(disk)
    store._conn.execute("PRAGMA query_only = OFF")


def _check_sentence(exc: BaseException, condition: str) -> None:
    message = str(exc)
    assert isinstance(exc, FieldAppError), f"{type(exc).__name__}: {message}"
    assert len(message.splitlines()) == 1 and "Traceback" not in message, message
    assert CONDITIONS[condition] in message, message


def _my_account(client: Client) -> str:
    return str(
        client.store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
            (current_user(client.store).id,),
        )
    )


def _outbox(client: Client) -> list[dict[str, object]]:
    return client.store.query("SELECT * FROM outbox ORDER BY seq")


def _other_laptop_adds_notes(make_client: ClientFactory, url: str, tag: str) -> list[str]:
    """Another laptop of the same rep adds notes and syncs them: a download of several
    pages for everyone else."""
    other = make_client(url, "field", f"other-{tag}")
    other.sync()
    account_id = _my_account(other)
    bodies = [
        f"{tag}: note {i} from the other laptop." + " details" * 40 for i in range(OTHER_NOTES)
    ]
    for body in bodies:
        notes.add_note(other.store, account_id, body)
    other.sync()
    assert other.outbox() == 0
    return bodies


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_a_change_made_while_the_database_cannot_grow_or_be_written_is_refused_cleanly(
    condition: str,
    shared_server: ServerProcess,
    laptop_on_disk: ClientFactory,
    disk: Path,
    tmp_path: Path,
) -> None:
    client = laptop_on_disk(f"writer-{condition}")
    client.sync()
    account_id = _my_account(client)
    notes.add_note(client.store, account_id, f"{condition}: queued before, kept.")
    before, queued = client.snapshot(), _outbox(client)

    _set(client.store, condition, disk)
    with pytest.raises(StoreError) as raised:
        notes.add_note(client.store, account_id, f"{condition}: {LONG_BODY}")
    _check_sentence(raised.value, condition)
    assert not client.store.in_transaction and not client.store._conn.in_transaction
    assert client.snapshot() == before
    assert _outbox(client) == queued
    # A connection of its own, while the disk is still full.
    assert integrity(client.store.path.parent) == "ok"

    _clear(client.store, disk)
    note = notes.add_note(client.store, account_id, f"{condition}: {LONG_BODY}")
    client.sync()
    assert client.outbox() == 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert [n["id"] for n in fresh["notes"] if n["body"] == note.body] == [note.id]
    assert differences(client.snapshot(), fresh) == []


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_a_download_interrupted_by_a_full_or_read_only_database_keeps_its_pages_and_resumes(
    condition: str,
    shared_server: ServerProcess,
    make_client: ClientFactory,
    laptop_on_disk: ClientFactory,
    disk: Path,
    tmp_path: Path,
) -> None:
    reader = laptop_on_disk(f"reader-{condition}", page_size=PAGE)
    reader.sync()
    bodies = _other_laptop_adds_notes(make_client, shared_server.url, f"pull-{condition}")

    # After the first page of the download is committed, the condition sets in.
    kept: dict[str, object] = {}

    def first_page_then_condition(progress: Progress) -> None:
        if progress.phase == "pull" and not kept:
            kept["snapshot"], kept["cursor"] = reader.snapshot(), feed_cursor(reader.store)
            kept["pulled"] = progress.done
            _set(reader.store, condition, disk, leave=SMALL_ROOM)

    engine = SyncEngine(
        reader.store, reader.backend, page_size=PAGE, progress=first_page_then_condition
    )
    # The local database's own sentence: not a complaint about the server's records.
    with pytest.raises(StoreError) as raised:
        engine.run()
    _check_sentence(raised.value, condition)
    assert kept["pulled"] == PAGE, "the first page of several was committed"
    assert not reader.store._conn.in_transaction
    assert reader.snapshot() == kept["snapshot"]  # nothing of the refused page
    assert feed_cursor(reader.store) == kept["cursor"]
    assert integrity(reader.store.path.parent) == "ok"

    _clear(reader.store, disk)
    report = reader.sync()
    assert report.pulled > 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert differences(reader.snapshot(), fresh) == []
    held = [n["body"] for n in reader.snapshot()["notes"]]
    assert all(held.count(body) == 1 for body in bodies)


def _cli_sync(profile: Path, logs: Path, read_only: bool) -> subprocess.CompletedProcess[str]:
    """``fieldapp sync`` in a child process; on a read-only database when asked."""
    args = ["sync", "--password-stdin", "--profile", str(profile)]
    command = (
        [sys.executable, "-c", LAUNCHER, READ_ONLY, *args]
        if read_only
        else [sys.executable, "-m", "fieldapp", *args]
    )
    return subprocess.run(
        command,
        input=DEMO_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(logs),
        check=False,
    )


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_fieldapp_sync_on_a_full_or_read_only_database_says_so_in_one_line_and_exits_1(
    condition: str,
    shared_server: ServerProcess,
    make_client: ClientFactory,
    laptop_on_disk: ClientFactory,
    disk: Path,
    tmp_path: Path,
) -> None:
    laptop = laptop_on_disk(f"cli-{condition}")
    laptop.sync()
    profile = laptop.store.path.parent
    _other_laptop_adds_notes(make_client, shared_server.url, f"cli-{condition}")
    before = laptop.snapshot()
    laptop.close()  # the child process is the only one using the profile now
    if condition == "disk-full":
        fill(disk)

    done = _cli_sync(profile, tmp_path / "logs", read_only=condition == "read-only")
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp: error: "), done.stderr
    assert CONDITIONS[condition] in lines[0] and "server" not in lines[0], lines[0]
    assert "Traceback" not in done.stderr + done.stdout
    unfill(disk)
    assert integrity(profile) == "ok"

    with open_store(profile) as store:
        assert snapshot(store) == before

    again = _cli_sync(profile, tmp_path / "logs", read_only=False)
    assert again.returncode == 0, again.stderr
    with open_store(profile) as store:
        assert (
            differences(snapshot(store), fresh_snapshot(tmp_path, shared_server.url, "field")) == []
        )
