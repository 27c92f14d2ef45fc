"""The local SQLite tables, derived from the catalogue.

Shipped migrations are never edited (docs/decisions.md), so schema 1 stays the text it
shipped as; ``tests/catalogue/test_local_schema.py`` proves that what the migrations build
is, column for column and CHECK for CHECK, what this module derives, and a new
migration takes its statements from here (``add_column``).
"""

from __future__ import annotations

from fieldapp.catalogue.kinds import Link
from fieldapp.catalogue.model import Collection, FieldSpec


def column_sql(spec: FieldSpec) -> str:
    """The column definition of a field, e.g. ``tier TEXT NOT NULL CHECK (tier IN (...))``."""
    kind = spec.kind
    parts = [spec.name, kind.sqlite_type]
    if spec.required:
        parts.append("NOT NULL")
    default = kind.sqlite_default()
    if default is not None:
        parts.append(f"DEFAULT {default}")
    check = kind.check_sql(spec.name, spec.required)
    if check is not None:
        parts.append(f"CHECK ({check})")
    if isinstance(kind, Link) and kind.foreign_key:
        # Deferred: a page of pulled changes is checked at commit, in any order.
        parts.append(f"REFERENCES {kind.to}(id) DEFERRABLE INITIALLY DEFERRED")
    return " ".join(parts)


def table_items(collection: Collection) -> list[str]:
    """The column definitions and table constraints of a collection's table, in order."""
    return [
        "id TEXT PRIMARY KEY NOT NULL",
        *(column_sql(spec) for spec in collection.fields),
        "version INTEGER",
        "created_at TEXT NOT NULL",
        "updated_at TEXT NOT NULL",
        *(f"CHECK ({c})" for rule in collection.rules if (c := rule.table_check())),
    ]


def create_table(collection: Collection) -> str:
    body = ",\n    ".join(table_items(collection))
    return f"CREATE TABLE {collection.name} (\n    {body}\n)"


def add_column(spec: FieldSpec) -> str:
    """The statement of a migration that adds a newly declared field.

    SQLite adds a NOT NULL column only with a default, and a foreign key only with a NULL
    default: a required field without a default needs a table rebuild instead.
    """
    if spec.required and spec.kind.sqlite_default() is None:
        raise ValueError(
            f"{spec.collection}.{spec.name} is required without a default: "
            "give it one, or rebuild the table in the migration"
        )
    return f"ALTER TABLE {spec.collection} ADD COLUMN {column_sql(spec)}"
