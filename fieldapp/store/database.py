"""Opening a profile's SQLite file, and the transactions every write runs in."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fieldapp.clock import Clock, utc_now
from fieldapp.errors import (
    BACKUPS_HINT,
    EXPORT_HINT,
    DamagedDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    ProfileNotFoundError,
    StoreError,
)
from fieldapp.store import live_files
from fieldapp.store.migrations import migrate, schema_version

log = logging.getLogger(__name__)

DB_FILENAME = "fieldapp.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000


def database_path(profile_dir: Path) -> Path:
    return Path(profile_dir) / DB_FILENAME


def translate_sqlite_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """Turn SQLite's terse errors into the sentence a user needs."""
    text = str(exc).lower()
    # The primary result code when SQLite gave one: a damaged search index says only
    # "vtable constructor failed", yet its code is SQLITE_CORRUPT.
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"The FieldApp database {path} is in use by another program; close it and retry."
            f" If it stays in use, {EXPORT_HINT}."
        )
    if (
        code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "not a database" in text
        or "malformed" in text
        or "corrupt" in text
    ):
        return DamagedDatabaseError(
            f"{path} is damaged or is not a FieldApp database ({exc}). It was left untouched."
            f" To recover: {EXPORT_HINT}; then {BACKUPS_HINT}."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(f"The FieldApp database {path} is read-only; nothing was changed.")
    if (
        code == sqlite3.SQLITE_FULL
        or "full" in text
        or (code == sqlite3.SQLITE_IOERR and _no_room_beside(path))
    ):
        return DiskFullError(f"The disk holding {path} is full; nothing was changed.", str(path))
    return StoreError(f"The FieldApp database {path} could not be used: {exc}")


def _no_room_beside(path: Path) -> bool:
    """True when the filesystem holding ``path`` is all but full.

    SQLITE_FULL is what a write that met ENOSPC answers. A connection opened on a full disk
    fails before any write, with only "disk I/O error" (SQLITE_IOERR_SHMSIZE): SQLite could
    not give its shared-memory file (-shm, 32 KiB) room. Said as it is, that reads like a
    failing disk; the free space tells which it is. statvfs asks the filesystem and opens
    no file: closing a descriptor of the database would drop this process's SQLite locks.
    """
    import os  # local: only this rare path of the error translation needs it

    try:
        stats = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # no statvfs on Windows: keep SQLite's own words
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


class Store:
    """One connection to one profile's database. Not shared between threads."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self._depth = 0
        self._closed = False
        live_files.connection_opened(path)

    # -- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls become savepoints so a failure undoes only them.

        The outer level takes the write lock up front (BEGIN IMMEDIATE) so that a busy
        database fails at the start rather than half-way through.
        """
        name = f"sp{self._depth}"
        try:
            self.conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.path) from exc
        self._depth += 1
        try:
            yield
        except BaseException as exc:
            self._depth -= 1
            # On a full disk SQLite has already rolled the whole transaction back: undoing
            # it again would fail ("no transaction is active") and hide the real error.
            if self._depth == 0:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    # Disk full, read-only file, lost lock: the user needs a sentence.
                    raise translate_sqlite_error(exc, self.path) from exc
            elif self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        try:
            self.conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except sqlite3.Error as exc:
            if self._depth == 0 and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise translate_sqlite_error(exc, self.path) from exc

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- reads ------------------------------------------------------------------------
    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        if cursor.description is None:  # a statement that returns no rows
            return []
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def query_one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    # -- profile facts (never secrets) -------------------------------------------------
    def profile_value(self, key: str) -> str | None:
        value = self.scalar("SELECT value FROM profile WHERE key = ?", (key,))
        return None if value is None else str(value)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        # SQLite's advice: let it refresh planner statistics before a connection closes.
        # analysis_limit keeps that to milliseconds even on a large profile.
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA analysis_limit = 400")
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        live_files.connection_closed(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_header(path: Path) -> None:
    """Refuse an empty file, or one that is not SQLite, before SQLite gets a chance to touch it.

    An empty ``fieldapp.db`` is a damaged profile, never a new one: SQLite would happily
    start a fresh database in it and the profile's data would be silently gone (FieldApp
    itself never leaves one: a new database gets its name only once it is complete).
    """
    if path.stat().st_size == 0:
        raise DamagedDatabaseError(
            f"{path} is empty (0 bytes): the profile's database is damaged. It was left"
            f" untouched. To recover: {EXPORT_HINT}; then {BACKUPS_HINT}."
        )
    if live_files.connections_here(path):
        # This process already reads it as a database; opening the file by hand here would
        # drop that connection's locks (see live_files).
        return
    header = live_files.read_header(path, len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotADatabaseError(
            f"{path} is not a FieldApp database (it is not an SQLite file). It was left"
            f" untouched; choose another profile folder. If it was a FieldApp profile,"
            f" {BACKUPS_HINT}."
        )


def _connect(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    return conn


def _create_database(profile_dir: Path, path: Path, busy_timeout_ms: int) -> None:
    """Build a new, migrated database under a temporary name, then give it its real name.

    A process killed half-way leaves only the temporary file, never an empty or partial
    ``fieldapp.db`` that would later read as a damaged profile; of two processes creating
    one profile at once, one database wins whole.
    """
    try:
        profile_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the profile folder {profile_dir}: {exc}") from exc
    building = profile_dir / f".{path.name}.new-{os.getpid()}"
    _clear_abandoned_builds(profile_dir, path.name)
    try:
        conn = _connect(building, busy_timeout_ms)
        try:
            migrate(conn, None)
        finally:
            conn.close()
        live_files.fsync_file(building)
        live_files.link_new(building, path)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from exc
    except OSError as exc:
        raise StoreError(f"Cannot create the FieldApp database {path}: {exc}") from exc
    finally:
        for leftover in live_files.with_companions(building):
            live_files.remove_file(leftover)


def _clear_abandoned_builds(profile_dir: Path, name: str) -> None:
    """Remove what a creating process that died left; a living one's file is its own."""
    for leftover in profile_dir.glob(f".{name}.new-*"):
        pid = leftover.name.split(".new-", 1)[1].split("-", 1)[0]  # "-journal" may follow
        if not pid.isdigit() or (int(pid) != os.getpid() and _process_alive(int(pid))):
            continue
        live_files.remove_file(leftover)


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # os.kill there terminates the process: never probe, keep its file
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def open_store(
    profile_dir: Path | str,
    *,
    create: bool = False,
    clock: Clock = utc_now,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Store:
    """Open (and migrate) a profile's database; ``create`` allows a new one."""
    profile_dir = Path(profile_dir).expanduser()
    path = database_path(profile_dir)
    if not path.exists():
        if not create:
            raise ProfileNotFoundError(
                f"No FieldApp profile in {profile_dir}: create one with "
                f"'fieldapp init --profile {profile_dir}'."
            )
        _create_database(profile_dir, path, busy_timeout_ms)
    elif path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a FieldApp database.")
    _check_header(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, busy_timeout_ms)
        # The first read fails here on a damaged file, before any pragma that writes.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives a power cut (a laptop battery dying), not
        # only a crash of the app; WAL keeps that cheap.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # SQLite's default page cache is 2 MiB; a territory's database is hundreds, and a
        # first download writes to a dozen indexes at once. 64 MiB is cheap on a laptop.
        conn.execute("PRAGMA cache_size = -65536")
        backup = migrate(conn, path)
        if backup is not None:
            log.info("database backed up to %s before migrating", backup)
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise translate_sqlite_error(exc, path) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return Store(conn, path, clock)
