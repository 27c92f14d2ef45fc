"""The laptop's database stops taking writes: the disk is full, or the file is read-only.

It happens in the middle of a person's change and in the middle of a sync's download. The
person gets one readable sentence (a FieldAppError; ``fieldapp sync`` prints one line and
exits 1), what was saved before is intact and sound, and once the condition clears the
change can be made again and sync converges.

How the condition is made: ``chmod`` cannot do it here, because these tests may run as
root (the development machine does), and root writes through any file mode. SQLite itself
can: ``PRAGMA max_page_count`` at the file's current size makes every write that needs
one more page fail with SQLITE_FULL ("database or disk is full"), exactly the answer of a
full disk; ``PRAGMA query_only`` makes every write fail with SQLITE_READONLY ("attempt to
write a readonly database"), the answer for a read-only file. Both act on one connection:
the one the code under test uses, set at the moment chosen (after the first page of a
download has been committed, say). For the command line, a child process sets them on
every connection it opens before it runs the real ``fieldapp`` entry point.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.replicas import (
    Client,
    ClientFactory,
    differences,
    fresh_snapshot,
    integrity,
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

CONDITIONS: dict[str, tuple[str, str]] = {
    # name: (PRAGMA that brings it about, a word the user's sentence must contain)
    "disk-full": ("PRAGMA max_page_count = 1", "full"),  # SQLite keeps it at the file's size
    "read-only": ("PRAGMA query_only = ON", "read-only"),
}
NORMAL = ("PRAGMA max_page_count = 1073741823", "PRAGMA query_only = OFF")

# Runs the real command line in a child process whose every SQLite connection is opened
# under the condition (argv[1] is the PRAGMA).
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


def _set(store: Store, condition: str) -> None:
    store.conn.execute(CONDITIONS[condition][0])


def _clear(store: Store) -> None:
    for pragma in NORMAL:
        store.conn.execute(pragma)


def _check_sentence(exc: BaseException, condition: str) -> None:
    message = str(exc)
    assert isinstance(exc, FieldAppError), f"{type(exc).__name__}: {message}"
    assert len(message.splitlines()) == 1 and "Traceback" not in message, message
    assert CONDITIONS[condition][1] in message, message


def _my_account(client: Client) -> str:
    return str(client.store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
        (current_user(client.store).id,)))


def _outbox(client: Client) -> list[dict[str, object]]:
    return client.store.query("SELECT * FROM outbox ORDER BY seq")


def _other_laptop_adds_notes(make_client: ClientFactory, url: str, tag: str) -> list[str]:
    """Another laptop of the same rep adds notes and syncs them: a download of several
    pages for everyone else."""
    other = make_client(url, "field", f"other-{tag}")
    other.sync()
    account_id = _my_account(other)
    bodies = [f"{tag}: note {i} from the other laptop." + " details" * 40
              for i in range(OTHER_NOTES)]
    for body in bodies:
        notes.add_note(other.store, account_id, body)
    other.sync()
    assert other.outbox() == 0
    return bodies


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_a_change_made_while_the_database_cannot_grow_or_be_written_is_refused_cleanly(
    condition: str, shared_server: ServerProcess, make_client: ClientFactory, tmp_path: Path,
) -> None:
    client = make_client(shared_server.url, "field", f"writer-{condition}")
    client.sync()
    account_id = _my_account(client)
    notes.add_note(client.store, account_id, f"{condition}: queued before, kept.")
    before, queued = client.snapshot(), _outbox(client)

    _set(client.store, condition)
    with pytest.raises(StoreError) as raised:
        notes.add_note(client.store, account_id, f"{condition}: {LONG_BODY}")
    _check_sentence(raised.value, condition)
    assert not client.store.in_transaction and not client.store.conn.in_transaction
    assert client.snapshot() == before
    assert _outbox(client) == queued
    assert integrity(client.store.path.parent) == "ok"

    _clear(client.store)
    note = notes.add_note(client.store, account_id, f"{condition}: {LONG_BODY}")
    client.sync()
    assert client.outbox() == 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert [n["id"] for n in fresh["notes"] if n["body"] == note.body] == [note.id]
    assert differences(client.snapshot(), fresh) == []


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_a_download_interrupted_by_a_full_or_read_only_database_keeps_its_pages_and_resumes(
    condition: str, shared_server: ServerProcess, make_client: ClientFactory, tmp_path: Path,
) -> None:
    reader = make_client(shared_server.url, "field", f"reader-{condition}", page_size=PAGE)
    reader.sync()
    bodies = _other_laptop_adds_notes(make_client, shared_server.url, f"pull-{condition}")

    # After the first page of the download is committed, the condition sets in.
    kept: dict[str, object] = {}

    def first_page_then_condition(progress: Progress) -> None:
        if progress.phase == "pull" and not kept:
            kept["snapshot"], kept["cursor"] = reader.snapshot(), feed_cursor(reader.store)
            kept["pulled"] = progress.done
            _set(reader.store, condition)

    engine = SyncEngine(reader.store, reader.backend, page_size=PAGE,
                        progress=first_page_then_condition)
    # The local database's own sentence: not a complaint about the server's records.
    with pytest.raises(StoreError) as raised:
        engine.run()
    _check_sentence(raised.value, condition)
    assert kept["pulled"] == PAGE, "the first page of several was committed"
    assert not reader.store.conn.in_transaction
    assert reader.snapshot() == kept["snapshot"]  # nothing of the refused page
    assert feed_cursor(reader.store) == kept["cursor"]
    assert integrity(reader.store.path.parent) == "ok"

    _clear(reader.store)
    report = reader.sync()
    assert report.pulled > 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert differences(reader.snapshot(), fresh) == []
    held = [n["body"] for n in reader.snapshot()["notes"]]
    assert all(held.count(body) == 1 for body in bodies)


def _cli_sync(profile: Path, logs: Path, condition: str | None) -> subprocess.CompletedProcess[str]:
    """``fieldapp sync`` in a child process; under ``condition`` when one is given."""
    args = ["sync", "--password-stdin", "--profile", str(profile)]
    command = ([sys.executable, "-c", LAUNCHER, CONDITIONS[condition][0], *args]
               if condition else [sys.executable, "-m", "fieldapp", *args])
    return subprocess.run(command, input=DEMO_PASSWORD + "\n", capture_output=True, text=True,
                          timeout=120, env=child_env(logs), check=False)


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_fieldapp_sync_on_a_full_or_read_only_database_says_so_in_one_line_and_exits_1(
    condition: str, shared_server: ServerProcess, make_client: ClientFactory, tmp_path: Path,
) -> None:
    laptop = make_client(shared_server.url, "field", f"cli-{condition}")
    laptop.sync()
    profile = laptop.store.path.parent
    _other_laptop_adds_notes(make_client, shared_server.url, f"cli-{condition}")
    before = laptop.snapshot()
    laptop.close()  # the child process is the only one using the profile now

    done = _cli_sync(profile, tmp_path / "logs", condition)
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp: error: "), done.stderr
    assert CONDITIONS[condition][1] in lines[0] and "server" not in lines[0], lines[0]
    assert "Traceback" not in done.stderr + done.stdout
    assert integrity(profile) == "ok"

    with open_store(profile) as store:
        assert snapshot(store) == before

    again = _cli_sync(profile, tmp_path / "logs", None)
    assert again.returncode == 0, again.stderr
    with open_store(profile) as store:
        assert differences(snapshot(store),
                           fresh_snapshot(tmp_path, shared_server.url, "field")) == []
