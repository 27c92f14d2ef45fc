"""Opening a profile's SQLite file, and the transactions every write runs in."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fieldapp.clock import Clock, utc_now
from fieldapp.errors import (
    BACKUPS_HINT,
    EXPORT_HINT,
    ConstraintError,
    DamagedDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NotADatabaseError,
    ProfileNotFoundError,
    StoreError,
)
from fieldapp.store import live_files
from fieldapp.store.change_set import PROFILE, ChangeLog, ChangeSet, Kind
from fieldapp.store.migrations import migrate, schema_version
from fieldapp.store.schema import HELD_STAMP, NEW_STAMP, RECORDS_STAMP_KEY, STAMPED

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
            "store.in_use_by_another_program", path=path, EXPORT_HINT=EXPORT_HINT
        )
    if isinstance(exc, sqlite3.IntegrityError) or code == sqlite3.SQLITE_CONSTRAINT:
        return ConstraintError("store.refused_rows_that_break_rules", path=path, exc=exc)
    if (
        code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "not a database" in text
        or "malformed" in text
        or "corrupt" in text
    ):
        return DamagedDatabaseError(
            "store.damaged_or_not_fieldapp_database",
            path=path,
            exc=exc,
            EXPORT_HINT=EXPORT_HINT,
            BACKUPS_HINT=BACKUPS_HINT,
        )
    if "readonly" in text or "read-only" in text:
        return StoreError("store.read_only", path=str(path))
    if (
        code == sqlite3.SQLITE_FULL
        or "full" in text
        or (code == sqlite3.SQLITE_IOERR and _no_room_beside(path))
    ):
        return DiskFullError("store.disk_full", str(path))
    return StoreError("store.could_not_be_used", path=str(path), problem=str(exc))


# SQLite's primary result codes for a damaged file (extended codes start with these).
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the database file itself is damaged.

    The store refuses a damaged file at opening (``DamagedDatabaseError``); damage in the
    middle of the file shows later, as SQLite's own error on the first read that reaches
    it ("database disk image is malformed"), which only the store may look into.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DamagedDatabaseError):
            return True
        if isinstance(current, sqlite3.DatabaseError):
            name = getattr(current, "sqlite_errorname", "") or ""
            if name.startswith(_DAMAGE_CODES):
                return True
        current = current.__cause__ or current.__context__
    return False


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


class Transaction:
    """One level of ``Store.transaction()``: what it wrote, as a change set.

    ``changes`` is complete once the outermost level has committed; inside, it holds what
    this level recorded so far. A savepoint that is rolled back leaves nothing in it.
    """

    __slots__ = ("_final", "_log")

    def __init__(self, log: ChangeLog) -> None:
        self._log = log
        self._final: ChangeSet | None = None

    @property
    def changes(self) -> ChangeSet:
        return self._final if self._final is not None else self._log.freeze()


class Gathered:
    """Every change set committed while ``Store.gather_changes()`` was open, united."""

    __slots__ = ("_log",)

    def __init__(self) -> None:
        self._log = ChangeLog()

    def _committed(self, changes: ChangeSet) -> None:
        self._log.absorb_set(changes)

    def _lists(self, collection: str, more: int) -> bool:
        return self._log.lists(collection, more)

    @property
    def changes(self) -> ChangeSet:
        return self._log.freeze()


class Store:
    """One connection to one profile's database. Not shared between threads.

    The connection is the store's own: reads go through ``query``/``rows``/``scalar``;
    writes through the store's writers (``changes``, ``replica``, ``syncbook``,
    ``drafts``), which run ``execute`` inside a transaction and record every row they touch
    (``record``), so that each committed transaction yields its change set.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = utc_now) -> None:
        self._conn = conn
        self.path = path
        self.clock = clock
        self._depth = 0
        self._closed = False
        self._logs: list[ChangeLog] = []
        self._gatherers: list[Gathered] = []
        live_files.connection_opened(path)

    # -- transactions -----------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A write transaction; nested calls become savepoints so a failure undoes only them.

        The outer level takes the write lock up front (BEGIN IMMEDIATE) so that a busy
        database fails at the start rather than half-way through. The handle it yields
        holds the level's change set (``Transaction.changes``), complete after the commit.
        """
        name = f"sp{self._depth}"
        try:
            self._conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.path) from exc
        log = ChangeLog()
        handle = Transaction(log)
        self._logs.append(log)
        self._depth += 1
        try:
            yield handle
        except BaseException as exc:
            self._depth -= 1
            self._logs.pop()
            # On a full disk SQLite has already rolled the whole transaction back: undoing
            # it again would fail ("no transaction is active") and hide the real error.
            if self._depth == 0:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    # Disk full, read-only file, lost lock: the user needs a sentence.
                    raise translate_sqlite_error(exc, self.path) from exc
            elif self._conn.in_transaction:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self._logs.pop()
        try:
            if self._depth == 0 and log.touches_any(STAMPED):
                # The records changed: a new data stamp in the same commit, so what was
                # computed from them before is stale (fieldapp/store/schema.py); recorded
                # like any row written.
                held = self._conn.execute(HELD_STAMP, (RECORDS_STAMP_KEY,)).fetchone()
                self._conn.execute(NEW_STAMP, (RECORDS_STAMP_KEY,))
                log.add(
                    PROFILE, [RECORDS_STAMP_KEY], Kind.CREATED if held is None else Kind.UPDATED
                )
            self._conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
        except sqlite3.Error as exc:
            if self._depth == 0 and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise translate_sqlite_error(exc, self.path) from exc
        if self._depth > 0:
            self._logs[-1].absorb(log)  # the enclosing level commits it, or undoes it
            return
        handle._final = committed = log.freeze()
        if committed:
            for gathered in self._gatherers:
                gathered._committed(committed)

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """A read transaction: every read inside sees the same committed state, whatever
        another connection commits meanwhile (WAL), and nothing can be written in it.

        For a long computation over many tables (a dashboard) whose parts must agree. It
        takes no lock: writers on other connections go on. Writing inside is a programming
        error (``transaction()`` cannot begin in it).
        """
        if self._depth > 0 or self._conn.in_transaction:
            yield  # already inside a transaction, which sees one state already
            return
        try:
            self._conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc, self.path) from exc
        try:
            yield
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")  # nothing was written: this only ends it

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextlib.contextmanager
    def gather_changes(self) -> Iterator[Gathered]:
        """Unite the change sets of every transaction committed inside the block.

        For a caller that runs a use case of several transactions (the window's store
        worker, a sync cycle): what it announces is what was committed, also when the
        block ends in an error part-way.
        """
        gathered = Gathered()
        self._gatherers.append(gathered)
        try:
            yield gathered
        finally:
            self._gatherers.pop()  # blocks nest: the last one opened closes first

    # -- writes (the store's writers only) ----------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one statement inside the current transaction (a writer records what it did)."""
        self._require_transaction()
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        self._require_transaction()
        self._conn.executemany(sql, rows)

    def record(self, collection: str, record_ids: Iterable[str], kind: Kind) -> None:
        """Note rows a writer touched in the current transaction."""
        self._require_transaction()
        self._logs[-1].add(collection, record_ids, kind)

    def record_whole(self, collection: str) -> None:
        """Note that more rows of ``collection`` were touched than a change set lists."""
        self._require_transaction()
        self._logs[-1].add_whole(collection)

    def lists(self, collection: str, more: int) -> bool:
        """True while ``more`` rows of ``collection`` would still be listed one by one, so a
        writer knows whether telling created from updated rows is worth a look-up.

        A gathering already past the limit (a sync cycle's, after its first pages of a
        download) will name the collection as a whole anyway: no look-up then either.
        """
        return (
            bool(self._logs)
            and all(log.lists(collection, more) for log in self._logs)
            and all(g._lists(collection, more) for g in self._gatherers)
        )

    def _require_transaction(self) -> None:
        if self._depth == 0:  # a programming error: a write outside any change set
            raise RuntimeError("store writes run inside Store.transaction()")

    # -- reads ------------------------------------------------------------------------
    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        cursor = self._conn.execute(sql, params)
        if cursor.description is None:  # a statement that returns no rows
            return []
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def query_one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self._conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def rows(self, sql: str, params: Any = ()) -> Iterator[tuple[Any, ...]]:
        """Plain tuples, streamed: for reads of many rows where a dict per row costs."""
        return iter(self._conn.execute(sql, params))

    def backup_to(self, target: Path | str) -> None:
        """Copy the committed database into a new file ``target`` (SQLite's backup API)."""
        copy = sqlite3.connect(target)
        try:
            self._conn.backup(copy)
        finally:
            copy.close()

    def set_cache_size(self, setting: int) -> int:
        """Set SQLite's ``cache_size`` (negative: KiB); returns the previous setting."""
        previous = int(self._conn.execute("PRAGMA cache_size").fetchone()[0])
        self._conn.execute(f"PRAGMA cache_size = {int(setting)}")
        return previous

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

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
            self._conn.execute("PRAGMA analysis_limit = 400")
            self._conn.execute("PRAGMA optimize")
        self._conn.close()
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
            "database.empty_0_bytes_profiles_database_damaged",
            path=path,
            EXPORT_HINT=EXPORT_HINT,
            BACKUPS_HINT=BACKUPS_HINT,
        )
    if live_files.connections_here(path):
        # This process already reads it as a database; opening the file by hand here would
        # drop that connection's locks (see live_files).
        return
    header = live_files.read_header(path, len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotADatabaseError(
            "database.not_fieldapp_database_not_sqlite_file", path=path, BACKUPS_HINT=BACKUPS_HINT
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
        raise StoreError(
            "database.cannot_create_profile_folder", profile_dir=profile_dir, exc=exc
        ) from exc
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
        raise StoreError("database.cannot_create_fieldapp_database", path=path, exc=exc) from exc
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


_OPENING = threading.Lock()


def open_store(
    profile_dir: Path | str,
    *,
    create: bool = False,
    clock: Clock = utc_now,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
) -> Store:
    """Open (and migrate) a profile's database; ``create`` allows a new one."""
    # One opening at a time in this process: from the header read by hand to the new
    # connection counted in live_files, another thread opening the same profile (the store
    # worker and the dashboard's figures worker start together) would either be refused
    # the header (the file is open here by then) or, worse, read it while this connection
    # already holds SQLite's locks, and drop them on closing its descriptor.
    with _OPENING:
        return _open_store(Path(profile_dir).expanduser(), create, clock, busy_timeout_ms)


def _open_store(profile_dir: Path, create: bool, clock: Clock, busy_timeout_ms: int) -> Store:
    path = database_path(profile_dir)
    if not path.exists():
        if not create:
            raise ProfileNotFoundError(
                "database.no_fieldapp_profile_in_create_one",
                profile_dir=profile_dir,
                profile_dir2=profile_dir,
            )
        _create_database(profile_dir, path, busy_timeout_ms)
    elif path.is_dir():
        raise NotADatabaseError("database.folder_not_fieldapp_database", path=path)
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
