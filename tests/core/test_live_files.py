"""Only SQLite touches a database this process has open (docs/decisions.md, "Local files").

Closing any descriptor of a file drops every POSIX lock the process holds on it, so one
``open()``/``close()`` of ``fieldapp.db`` beside a live connection lets another process
delete the WAL under it. Two proofs: every byte-level helper refuses a file this process
has open, and a scan of the code finds no byte-level access to a database's files outside
``fieldapp/store/live_files.py``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import fieldapp
import sync
import ui
from fieldapp.profiles import remove_local_copy
from fieldapp.store import live_files
from fieldapp.store.database import DB_FILENAME, Store, open_store
from fieldapp.store.salvage.backups import header_schema_version, restore_backup
from fieldapp.store.salvage.export import export_readable

PACKAGES = [Path(package.__file__).parent for package in (fieldapp, sync, ui)]
# Calls that open, copy, rename or remove a file by its name outside SQLite.
RAW_FUNCTIONS = {"open"}
RAW_METHODS = {
    "open",
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
    "unlink",
    "rename",
    "replace",
    "copyfile",
    "copy",
    "copy2",
    "copyfileobj",
    "move",
    "remove",
    "rmtree",
    "link",
    "truncate",
    "touch",
}
# What names a database's own files: the file name, the helper that builds its path, the
# companion suffixes SQLite keeps beside it.
DATABASE_NAMES = {"DB_FILENAME", "database_path", "COMPANIONS", "JOURNALS", "with_companions"}
DATABASE_TEXT = ("fieldapp.db", "-wal", "-shm", "-journal")
# The files those modules also write that are NOT a database: export's CSV output and
# sqlite3's .recover output in the export folder, the copies' folder. Receiver names only.
NOT_A_DATABASE = {
    "fieldapp/store/salvage/export.py": {"path", "output", "sql_file", "target / SUMMARY_FILE"},
    # /proc/<pid>/cmdline: whether a lock's process is FieldApp.
    "ui/single_instance.py": {"cmdline"},
}


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for package in PACKAGES:
        for path in sorted(package.rglob("*.py")):
            name = f"{package.name}/{path.relative_to(package).as_posix()}"
            found.append((name, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _names_database_files(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in DATABASE_NAMES:
            return True
        if isinstance(node, ast.Attribute) and node.attr in DATABASE_NAMES:
            return True
        if isinstance(node, ast.alias) and node.name in DATABASE_NAMES:
            return True
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and any(text in node.value for text in DATABASE_TEXT)
        ):
            return True
    return False


def _raw_calls(tree: ast.Module) -> list[tuple[int, str, str]]:
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id in RAW_FUNCTIONS:
            calls.append((node.lineno, node.func.id, ""))
        elif isinstance(node.func, ast.Attribute) and node.func.attr in RAW_METHODS:
            receiver = node.func.value
            who = receiver.id if isinstance(receiver, ast.Name) else ast.unparse(receiver)
            calls.append((node.lineno, node.func.attr, who))
    return calls


def test_no_module_touches_a_database_file_outside_sqlite_but_live_files() -> None:
    offenders = []
    for name, tree in _modules():
        if name == "fieldapp/store/live_files.py" or not _names_database_files(tree):
            continue
        allowed = NOT_A_DATABASE.get(name, set())
        offenders += [
            (name, line, call, who)
            for line, call, who in _raw_calls(tree)
            # str.replace and the like on text are not file access.
            if who not in allowed
            and not who.startswith(("'", '"', "f'", 'f"'))
            and who not in {"live_files", "text", "name", "message", "value"}
            and not who.startswith(("datetime", "str("))
            # A list of the single-instance guard's client sockets, not a file.
            and who != "self._sockets"
        ]
    assert offenders == []


def test_the_scan_sees_a_header_read_by_hand() -> None:
    # The scan is not vacuous: the very check that corrupted profiles is found.
    bad = ast.parse(
        "from fieldapp.store.database import DB_FILENAME\n"
        "def header(folder):\n"
        "    with (folder / DB_FILENAME).open('rb') as handle:\n"
        "        return handle.read(16)\n"
    )
    assert _names_database_files(bad)
    assert [(line, call) for line, call, _ in _raw_calls(bad)] == [(3, "open")]


def test_every_byte_level_helper_refuses_a_database_this_process_has_open(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    database = profile / DB_FILENAME
    with open_store(profile, create=True):
        for attempt in (
            lambda: live_files.read_header(database),
            lambda: live_files.copy_file(database, tmp_path / "copy.db"),
            lambda: live_files.remove_file(Path(f"{database}-wal")),
            lambda: live_files.rename_file(Path(f"{database}-shm"), tmp_path / "x"),
            lambda: header_schema_version(database),
            lambda: export_readable(database, tmp_path / "export"),
            lambda: restore_backup(profile, tmp_path / "backup.db"),
            lambda: remove_local_copy(profile),
        ):
            with pytest.raises(live_files.LiveFileError):
                attempt()
        assert Path(f"{database}-wal").exists()
        assert not (tmp_path / "export").exists()
    # Once closed, the same calls work: the guard counts connections, it is not a ban.
    assert live_files.connections_here(database) == 0
    assert header_schema_version(database) is not None
    assert export_readable(database, tmp_path / "export").complete


def test_a_second_store_in_the_same_process_keeps_the_first_ones_locks(tmp_path: Path) -> None:
    # What the sync worker does at each cycle beside the window's store worker.
    profile = tmp_path / "profile"
    with open_store(profile, create=True) as first:
        with open_store(profile) as second:
            assert live_files.connections_here(profile / DB_FILENAME) == 2
            second.scalar("SELECT count(*) FROM outbox")
        assert live_files.connections_here(profile / DB_FILENAME) == 1
        # Another process still sees the database in use: it will not checkpoint and delete
        # the WAL under the first store when it closes its own connection.
        assert _seen_in_use_by_another_process(profile / DB_FILENAME)
        assert first.scalar("SELECT count(*) FROM outbox") == 0
    assert live_files.connections_here(profile / DB_FILENAME) == 0
    assert not _seen_in_use_by_another_process(profile / DB_FILENAME)


def _seen_in_use_by_another_process(database: Path) -> bool:
    probe = (
        "import sys; from pathlib import Path; from fieldapp.store.live_files import"
        " in_use_elsewhere; print(in_use_elsewhere(Path(sys.argv[1])))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(database)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip() == "True"


def test_threads_opening_one_profile_at_once_are_never_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window's store worker and its figures worker open the profile together. The
    # first opening is held up just before it reads the header (where a busy laptop can
    # pause a thread): the second must wait for it, not slip in and count its connection,
    # which refused the first its header (seen on CI) or let it read the file by hand
    # while SQLite held locks on it.
    open_store(tmp_path, create=True).close()
    real_read_header = live_files.read_header
    paused = threading.Event()

    def slow_first(path: Path, size: int = 100) -> bytes:
        if not paused.is_set():
            paused.set()
            time.sleep(0.3)
        return real_read_header(path, size)

    monkeypatch.setattr(live_files, "read_header", slow_first)
    stores: list[Store] = []
    failures: list[BaseException] = []

    def open_one() -> None:
        try:
            stores.append(open_store(tmp_path))
        except BaseException as exc:
            failures.append(exc)

    first = threading.Thread(target=open_one)
    first.start()
    assert paused.wait(10)
    second = threading.Thread(target=open_one)
    second.start()
    for thread in (first, second):
        thread.join(30)
    for store in stores:
        store.close()
    assert failures == [] and len(stores) == 2
    assert live_files.connections_here(tmp_path / DB_FILENAME) == 0
