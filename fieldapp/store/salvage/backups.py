"""The copies of a profile's database kept beside it: list them, and put one back in place.

Migrations take a backup before they change the file (``fieldapp.store.migrations``);
``restore_backup`` checks a copy of the chosen one and only then sets the current database
aside, renamed, never deleted. The profile's database is never opened with SQLite here.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldapp.clock import Clock, utc_now
from fieldapp.errors import DatabaseLockedError, ProfileNotFoundError, RecoveryError
from fieldapp.store import live_files
from fieldapp.store.database import DB_FILENAME, SQLITE_MAGIC, database_path
from fieldapp.store.migrations import BACKUP_STAMP_FORMAT, BACKUP_SUFFIX
from fieldapp.store.schema import LATEST_VERSION

log = logging.getLogger(__name__)

# Committed changes may still be in -wal, and -journal undoes a half-written transaction, so
# both travel with the database. -shm is only an index that SQLite rebuilds from -wal.
JOURNALS = ("-wal", "-journal")
_STAMP = r"\d{8}T\d{6}Z"
_BACKUP_NAME = re.compile(rf"\.v(?P<version>\d+)-(?P<stamp>{_STAMP}){re.escape(BACKUP_SUFFIX)}$")
_SET_ASIDE_NAME = re.compile(rf"\.before-restore-(?P<stamp>{_STAMP})(-\d+)?\.db$")


@dataclass(frozen=True)
class Backup:
    """A copy of a profile's database kept beside it, and why it was kept."""

    path: Path
    taken_at: datetime
    schema_version: int | None
    size: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.path.name,
            "path": str(self.path),
            "taken_at": self.taken_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema_version": self.schema_version,
            "size": self.size,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Restored:
    """What ``restore_backup`` did: the backup now in place, and the files set aside."""

    backup: Path
    schema_version: int
    set_aside: tuple[Path, ...]


def header_schema_version(path: Path) -> int | None:
    """``PRAGMA user_version`` read from the file's header, without SQLite; None if no header."""
    header = live_files.read_header(path, 100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    return int.from_bytes(header[60:64], "big")


def list_backups(profile_dir: Path | str) -> list[Backup]:
    """The copies kept in a profile folder, newest first: those taken before a migration and
    those ``restore_backup`` set aside."""
    folder = Path(profile_dir).expanduser()
    if not folder.is_dir():
        raise ProfileNotFoundError("backups.no_fieldapp_profile_in", folder=folder)
    stem = Path(DB_FILENAME).stem
    found = []
    for path in folder.iterdir():
        match = _BACKUP_NAME.search(path.name) or _SET_ASIDE_NAME.search(path.name)
        if match is None or not path.name.startswith(f"{stem}.") or not path.is_file():
            continue
        taken = match.re is _BACKUP_NAME
        reason = "before an update of the schema" if taken else "set aside by restore-backup"
        found.append(
            Backup(
                path=path,
                taken_at=datetime.strptime(match["stamp"], BACKUP_STAMP_FORMAT).replace(tzinfo=UTC),
                schema_version=header_schema_version(path),
                size=path.stat().st_size,
                reason=reason,
            )
        )
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def restore_backup(
    profile_dir: Path | str, backup: Path | str, *, clock: Clock = utc_now
) -> Restored:
    """Put ``backup`` in place of the profile's database, after checking its integrity.

    ``backup`` is a path, or the name of a file in the profile folder. The current database
    and its journal files are renamed ``fieldapp.before-restore-<time>.db*``, never deleted,
    and only once a verified copy of the backup is ready beside them.
    """
    folder = Path(profile_dir).expanduser()
    db = database_path(folder)
    # Restoring swaps the files under SQLite: this process must have no connection to them,
    # and no other process may have one either.
    live_files.ensure_not_open_here(db)
    source = _find_backup(folder, Path(backup))
    if db.exists() and source.resolve() == db.resolve():
        raise RecoveryError("backups.current_database_choose_one_backups", source=source)
    if live_files.in_use_elsewhere(db):
        raise DatabaseLockedError("backups.fieldapp_database_in_use_by_another", db=db)
    stamp = clock().astimezone(UTC).strftime(BACKUP_STAMP_FORMAT)
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f"{db.stem}.restoring-{stamp}.db"
    try:
        _remove_staging(staging)  # a -wal left by an interrupted restore must not apply here
        _copy_with_journals(source, staging)
        version = _verified(staging, source)
        live_files.fsync_file(staging)  # the copy is on disk before the original moves
        moved = _set_aside(db, _free_name(folder, f"{db.stem}.before-restore-{stamp}", ".db"))
        try:
            live_files.rename_file(staging, db)
        except OSError:
            for original, aside in moved:
                live_files.rename_file(aside, original)
            raise
    finally:
        _remove_staging(staging)
    log.info("restored %s over %s; set aside %s", source, db, [str(a) for _, a in moved])
    return Restored(source, version, tuple(aside for _, aside in moved))


def _remove_staging(staging: Path) -> None:
    # Only ever FieldApp's own working copy, never a user's file.
    for path in live_files.with_companions(staging):
        live_files.remove_file(path)


def _find_backup(folder: Path, backup: Path) -> Path:
    # A bare name, as 'fieldapp backups' prints it, is looked for in the profile folder.
    for candidate in (folder / backup, backup.expanduser()):
        if candidate.is_file():
            return candidate
    raise RecoveryError("backups.no_backup_in_fieldapp_backups_lists", backup=backup, folder=folder)


def _copy_with_journals(source: Path, target: Path) -> None:
    for suffix in ("", *JOURNALS):
        origin = Path(f"{source}{suffix}")
        if origin.exists():
            live_files.copy_file(origin, Path(f"{target}{suffix}"))


def _verified(staging: Path, source: Path) -> int:
    """The staged copy's schema version, once SQLite found it whole and a FieldApp database."""
    if header_schema_version(staging) is None:
        raise RecoveryError("backups.not_sqlite_database_nothing_was_changed", source=source)
    conn = sqlite3.connect(staging, isolation_level=None)
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(5)")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        # Whatever a -wal held goes into the file itself: the restored file stands alone.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        problems = [str(exc)]
    finally:
        conn.close()
    if Path(f"{staging}-wal").exists() and Path(f"{staging}-wal").stat().st_size:
        problems = ["its changes could not be merged into one file"]
    if problems != ["ok"]:
        raise RecoveryError(
            "backups.backup_damaged_too_nothing_was_changed", source=source, value=problems[0]
        )
    if "outbox" not in tables:
        raise RecoveryError("backups.not_fieldapp_database_nothing_was_changed", source=source)
    if version > LATEST_VERSION:
        raise RecoveryError(
            "backups.backup_was_written_by_newer_fieldapp",
            source=source,
            version=version,
            LATEST_VERSION=LATEST_VERSION,
        )
    return version


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    candidate, n = folder / f"{stem}{suffix}", 1
    while any(Path(f"{candidate}{j}").exists() for j in ("", *JOURNALS, "-shm")):
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def _set_aside(db: Path, aside: Path) -> list[tuple[Path, Path]]:
    """Rename the database and its journal files to ``aside``; returns (original, new) pairs."""
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *JOURNALS, "-shm"):
            original = Path(f"{db}{suffix}")
            if original.exists():
                # -wal keeps its suffix: SQLite must find it beside the file it belongs to.
                live_files.rename_file(original, Path(f"{aside}{suffix}"))
                moved.append((original, Path(f"{aside}{suffix}")))
    except OSError:
        for original, new in reversed(moved):
            live_files.rename_file(new, original)
        raise
    return moved
