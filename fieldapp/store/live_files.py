"""The one place that touches a profile's database files outside SQLite, and the rule it keeps.

SQLite coordinates processes with POSIX advisory locks, and POSIX drops *every* lock a
process holds on a file when *any* descriptor of that file is closed — even one opened by
an unrelated ``open()`` to read a header. After that, another process that closes its
connection believes it is the last user, checkpoints and deletes the WAL while this
process still writes into it: the profile is corrupt (sqlite.org, "How To Corrupt An
SQLite Database File", §2.2). So the rule is:

    No code opens, reads, copies, renames or removes a profile's database, -wal, -shm or
    -journal file outside SQLite while this process has a connection to that database.

``open_store`` records each connection here; every byte-level helper below first checks
that this process has none on the file it touches, and raises ``LiveFileError`` (a bug,
never a user mistake) if it does. tests/core/test_live_files.py scans the code so that no
other module does such things by hand.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections import Counter
from pathlib import Path

# The files SQLite keeps beside a database: the write-ahead log, its shared-memory index,
# and the rollback journal.
COMPANIONS = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
_connections: Counter[str] = Counter()


class LiveFileError(RuntimeError):
    """Code tried to touch a database file that this process has open: a programming error."""


def _key(path: Path | str) -> str:
    """The database a file belongs to, as one spelling (a -wal belongs to its database)."""
    text = os.path.realpath(path)
    for suffix in COMPANIONS:
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def connection_opened(database: Path) -> None:
    with _lock:
        _connections[_key(database)] += 1


def connection_closed(database: Path) -> None:
    with _lock:
        key = _key(database)
        _connections[key] -= 1
        if _connections[key] <= 0:
            del _connections[key]


def connections_here(path: Path | str) -> int:
    """How many connections this process has open on the database ``path`` belongs to."""
    with _lock:
        return _connections.get(_key(path), 0)


def ensure_not_open_here(*paths: Path | str) -> None:
    for path in paths:
        if connections_here(path):
            raise LiveFileError(
                f"{path} belongs to a database this process has open; touching it outside"
                " SQLite would drop SQLite's locks (see fieldapp/store/live_files.py)."
            )


def with_companions(database: Path) -> list[Path]:
    return [database, *(Path(f"{database}{suffix}") for suffix in COMPANIONS)]


def read_header(path: Path, size: int = 100) -> bytes:
    """The first ``size`` bytes of a database file nobody in this process has open."""
    ensure_not_open_here(path)
    with path.open("rb") as handle:
        return handle.read(size)


def copy_file(source: Path, target: Path) -> None:
    ensure_not_open_here(source, target)
    shutil.copyfile(source, target)


def fsync_file(path: Path) -> None:
    ensure_not_open_here(path)
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def rename_file(source: Path, target: Path) -> None:
    ensure_not_open_here(source, target)
    os.replace(source, target)


def remove_file(path: Path) -> bool:
    """Delete ``path`` if it exists; True when it did."""
    ensure_not_open_here(path)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def link_new(source: Path, target: Path) -> bool:
    """Give ``source`` the name ``target`` only if nothing has that name yet; True if done.

    A hard link is atomic and never replaces: of two processes creating one profile at
    once, exactly one database wins and the other is discarded unseen.
    """
    ensure_not_open_here(source, target)
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    return True


# SQLite's unix VFS read-locks this byte range while a connection reads (in WAL mode, for as
# long as it is open) and write-locks it for an exclusive transaction.
_SHARED_FIRST, _SHARED_SIZE = 0x40000000 + 2, 510


def in_use_elsewhere(database: Path) -> bool:
    """True when another process holds the database open (SQLite's POSIX advisory locks).

    Probing opens and closes a descriptor, which would drop this process's own locks: hence
    the guard. Windows has no such probe, and needs none: there, a database that is open
    cannot be renamed or deleted.
    """
    ensure_not_open_here(database)
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(database, os.O_RDWR)
    except (FileNotFoundError, PermissionError):
        return False  # nothing to probe; renaming needs the folder's permission, not the file's
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, _SHARED_SIZE, _SHARED_FIRST)
        return False
    finally:
        os.close(fd)
