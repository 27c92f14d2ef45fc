"""The local schema and the catalogue: what the migrations build is what the catalogue
declares, and a new profile is byte for byte what it was before the catalogue existed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from support.schema_text import definition_items, table_items

from fieldapp.catalogue import CATALOGUE, field
from fieldapp.catalogue.sqlite import add_column, create_table
from fieldapp.catalogue.sqlite import table_items as derived_items
from fieldapp.store.migrations import migrate
from fieldapp.store.schema import LATEST_VERSION

FIXTURES = Path(__file__).parent.parent / "fixtures"
# sqlite_master of a new profile (schema 3) as the code before the catalogue made it.
SCHEMA_3 = FIXTURES / "profile_schema_v3_master.json"


def migrated(target: int | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, None, target)
    return conn


def master(conn: sqlite3.Connection) -> list[list[str | None]]:
    return [
        list(row)
        for row in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid"
        )
    ]


def test_a_new_profile_has_byte_for_byte_the_schema_it_had_before_the_catalogue() -> None:
    frozen = json.loads(SCHEMA_3.read_text(encoding="utf-8"))
    assert master(migrated(target=3)) == frozen


def test_every_table_the_migrations_build_is_the_one_the_catalogue_declares() -> None:
    """Column for column, CHECK for CHECK, foreign key for foreign key (in any order: a
    column added by a later migration comes last in the stored text)."""
    conn = migrated()
    for name, collection in CATALOGUE.items():
        built = sorted(table_items(conn, name))
        declared = sorted(" ".join(item.split()) for item in derived_items(collection))
        assert built == declared, name


def test_no_record_table_exists_that_the_catalogue_does_not_declare() -> None:
    conn = migrated()
    tables = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if "updated_at" in {c[1] for c in conn.execute(f"PRAGMA table_info({r[0]})")}
    }
    assert tables == set(CATALOGUE)


def columns(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """The columns of ``table`` without their position: a column added by a later
    migration comes after ``updated_at`` in the table SQLite built."""
    return sorted(row[1:] for row in conn.execute(f"PRAGMA table_xinfo({table})"))


def foreign_keys(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return sorted(row[2:] for row in conn.execute(f"PRAGMA foreign_key_list({table})"))


def test_the_derived_create_table_is_valid_sqlite_with_the_same_columns() -> None:
    conn = sqlite3.connect(":memory:")
    for collection in CATALOGUE.values():
        conn.execute(create_table(collection))
    built = migrated()
    for name in CATALOGUE:
        assert columns(conn, name) == columns(built, name), name
        assert foreign_keys(conn, name) == foreign_keys(built, name), name


def test_a_check_the_catalogue_derives_refuses_what_it_should() -> None:
    conn = migrated()
    conn.execute(
        "INSERT INTO accounts (id, name, tier, created_at, updated_at)"
        " VALUES ('a', 'Café', 'A', 'now', 'now')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute("UPDATE accounts SET tier = 'D' WHERE id = 'a'")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute("UPDATE accounts SET latitude = 91, longitude = 0 WHERE id = 'a'")


def test_add_column_gives_the_statement_a_migration_of_a_new_field_runs() -> None:
    assert add_column(field("accounts", "phone")) == "ALTER TABLE accounts ADD COLUMN phone TEXT"
    assert add_column(field("notes", "pinned")) == (
        "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))"
    )
    with pytest.raises(ValueError, match="required without a default"):
        add_column(field("accounts", "name"))
    # Appended by SQLite at the end of the stored text, it is still an item of the table.
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id TEXT)")
    conn.execute(
        "ALTER TABLE t ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))"
    )
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 't'").fetchone()[0]
    assert definition_items(sql)[-1] == "pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))"


def test_latest_version_is_the_last_migration() -> None:
    assert migrated().execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
