"""Every table of a profile before and after some work, and whether a change set names
exactly the rows that differ: the proof that the store's writers leave no row unrecorded.

The database is read through its own SQLite connection (a copy, by SQLite's backup API),
never through what the store recorded, so the check cannot agree with itself by accident.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from fieldapp.store.change_set import ChangeSet, Kind
from fieldapp.store.database import Store

# Each table's key in a change set; a table missing here fails the check (a new table
# must say how its rows are named). The search index is derived from the records and is
# not a collection anyone shows; schema_migrations and the index's province words
# (search_provinces) are written by migrations, before any store (and any change set)
# exists.
KEYS = {
    "users": "id",
    "accounts": "id",
    "contacts": "id",
    "opportunities": "id",
    "visits": "id",
    "notes": "id",
    "follow_ups": "id",
    "reviews": "id",
    "sla_policies": "id",
    "leads": "id",
    "priorities": "id",
    "handoff_events": "id",
    "inbox_reads": "id",
    "outbox": "mutation_id",
    "conflicts": "id",
    "rejected_mutations": "id",
    "sync_runs": "id",
    "sync_state": "feed",
    "id_map": "local_id",
    "drafts": "key",
    "profile": "key",
}
DERIVED = ("search_docs", "search_fts", "search_provinces", "sqlite_", "schema_migrations")

Tables = dict[str, dict[str, tuple[Any, ...]]]


def read_tables(path: Path) -> Tables:
    """Every row of every table of the database at ``path``, by table and key."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(DERIVED)
        ]
        unknown = sorted(set(names) - set(KEYS))
        assert not unknown, f"tables with no key for change sets: {unknown}"
        tables: Tables = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            columns = [c[0] for c in cursor.description]
            key = columns.index(KEYS[name])
            tables[name] = {str(row[key]): tuple(row) for row in cursor}
        return tables
    finally:
        conn.close()


def snapshot(store: Store, folder: Path) -> Tables:
    """The store's committed state, through a connection of its own to a backup copy."""
    copy = folder / f"snapshot-{len(list(folder.glob('snapshot-*')))}.db"
    store.backup_to(copy)
    return read_tables(copy)


def differences(before: Tables, after: Tables) -> set[tuple[str, str, Kind]]:
    found = set()
    for table in set(before) | set(after):
        old, new = before.get(table, {}), after.get(table, {})
        found |= {(table, key, Kind.CREATED) for key in new.keys() - old.keys()}
        found |= {(table, key, Kind.DELETED) for key in old.keys() - new.keys()}
        found |= {
            (table, key, Kind.UPDATED) for key in old.keys() & new.keys() if old[key] != new[key]
        }
    return found


def unexplained(before: Tables, after: Tables, changes: ChangeSet) -> list[str]:
    """What the change set gets wrong about the work: rows changed that it does not name
    (or names with another kind), and rows it names that did not change."""
    diff = differences(before, after)
    problems = [
        f"{table} {key}: {kind.value}, not in the change set"
        for table, key, kind in sorted(diff, key=str)
        if table not in changes.whole and changes.kinds(table).get(key) is not kind
    ]
    changed = {(table, key) for table, key, _ in diff}
    for table, key, kind in changes.rows():
        if (table, key) in changed:
            continue
        # Touched yet the same in the end: an update that wrote the values already held,
        # or a row created and deleted again within the work.
        same = key in before.get(table, {}) and before[table].get(key) == after.get(table, {}).get(
            key
        )
        absent = key not in before.get(table, {}) and key not in after.get(table, {})
        if not (kind is Kind.UPDATED and same) and not (kind is Kind.DELETED and absent):
            problems.append(f"{table} {key}: announced {kind.value}, yet unchanged")
    return problems
