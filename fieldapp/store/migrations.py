"""Bring a database up to the current schema: back up the file, then migrate in one go."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from fieldapp.errors import BACKUPS_HINT, EXPORT_HINT, FutureSchemaError
from fieldapp.store.schema import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

# Backups are named "<db stem>.v<schema version>-<UTC time>.backup.db" beside the database;
# fieldapp.store.salvage lists and restores them by this name.
BACKUP_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
BACKUP_SUFFIX = ".backup.db"


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_file(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the live database (WAL included) next to it before it is changed."""
    stamp = datetime.now(UTC).strftime(BACKUP_STAMP_FORMAT)
    target = path.with_name(f"{path.stem}.v{version}-{stamp}{BACKUP_SUFFIX}")
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path | None, target: int | None = None) -> Path | None:
    """Apply the pending migrations up to ``target`` in one transaction.

    Returns the backup file taken first (None for a new, empty database). The connection
    must be in autocommit mode (``isolation_level=None``) so the transaction is ours.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise FutureSchemaError(
            "migrations.profile_was_written_by_newer_fieldapp",
            current=current,
            LATEST_VERSION=LATEST_VERSION,
            EXPORT_HINT=EXPORT_HINT,
            BACKUPS_HINT=BACKUPS_HINT,
        )
    target = LATEST_VERSION if target is None else target
    pending = [m for m in MIGRATIONS if current < m.version <= target]
    if not pending:
        return None
    backup = backup_file(conn, path, current) if current > 0 and path is not None else None
    conn.execute("BEGIN IMMEDIATE")
    try:
        if current == 0:
            conn.execute(
                "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)"
            )
        for migration in pending:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            conn.execute(f"PRAGMA user_version = {migration.version}")
            log.info("applied migration %s: %s", migration.version, migration.name)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup
