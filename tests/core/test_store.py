"""The profile database: how it is opened, migrated, and protected from harm."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.errors import (
    DatabaseLockedError,
    FutureSchemaError,
    NotADatabaseError,
    ProfileNotFoundError,
    StoreError,
)
from fieldapp.search import search
from fieldapp.store import database_path, open_store
from fieldapp.store import schema as schema_module
from fieldapp.store.migrations import migrate
from fieldapp.store.schema import LATEST_VERSION, Migration

FIXTURES = Path(__file__).parent.parent / "fixtures"


def write_v1_profile(profile: Path) -> Path:
    profile.mkdir(parents=True)
    path = database_path(profile)
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "profile_schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_new_profile_is_wal_with_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    with open_store(tmp_path / "p", create=True) as store:
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1
        assert store.scalar("PRAGMA busy_timeout") == 5000
        assert store.scalar("PRAGMA synchronous") == 2  # FULL
        assert store.schema_version == LATEST_VERSION
        assert store.scalar("SELECT count(*) FROM schema_migrations") == LATEST_VERSION


def test_missing_profile_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(ProfileNotFoundError, match="fieldapp init"):
        open_store(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


def test_old_schema_is_migrated_with_its_data_and_a_backup(tmp_path: Path) -> None:
    path = write_v1_profile(tmp_path / "old")
    with open_store(tmp_path / "old") as store:
        assert store.schema_version == LATEST_VERSION
        assert store.scalar("SELECT name FROM accounts") == "Café du Plateau"
        assert store.scalar("SELECT count(*) FROM outbox") == 1  # pending work survives
        # The search index was back-filled with what version 1 already held.
        assert [h.title for h in search(store, "cafe plat")] == ["Café du Plateau"]
        assert [h.collection for h in search(store, "heloise")] == ["contacts"]
        assert [h.collection for h in search(store, "gerante")] == ["notes"]
    backups = list(path.parent.glob("fieldapp.v1-*.backup.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT name FROM accounts").fetchone()[0] == "Café du Plateau"
    copy.close()


def test_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_v1_profile(tmp_path / "old")
    broken = (
        *schema_module.MIGRATIONS,
        Migration(LATEST_VERSION + 1, "broken", ("CREATE TABLE extra (x)", "NOT SQL AT ALL")),
    )
    monkeypatch.setattr("fieldapp.store.migrations.MIGRATIONS", broken)
    monkeypatch.setattr("fieldapp.store.migrations.LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(StoreError):
        open_store(tmp_path / "old")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "search_fts" not in tables and "extra" not in tables
    conn.close()


def test_future_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    with open_store(tmp_path / "p", create=True):
        pass
    path = database_path(tmp_path / "p")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(FutureSchemaError, match="newer FieldApp"):
        open_store(tmp_path / "p")
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    path = database_path(profile)
    path.write_bytes(b"my tax return, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        open_store(profile, create=True)
    assert path.read_bytes() == before
    assert not list(profile.glob("*-wal"))


def test_a_corrupted_database_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    with open_store(tmp_path / "p", create=True):
        pass
    path = database_path(tmp_path / "p")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # header intact, schema page destroyed
    path.write_bytes(bytes(data))
    with pytest.raises(NotADatabaseError, match="damaged"):
        open_store(tmp_path / "p")
    assert path.read_bytes() == bytes(data)


def test_a_database_locked_by_another_program_gives_a_clear_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "p", create=True):
        pass
    holder = sqlite3.connect(database_path(tmp_path / "p"), isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    try:
        with pytest.raises(DatabaseLockedError, match="in use by another program"):
            open_store(tmp_path / "p", busy_timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_migrate_refuses_a_database_from_the_future_before_touching_it() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(FutureSchemaError):
        migrate(conn, None)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
