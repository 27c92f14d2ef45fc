"""Server state: the other write path, for records as the central CRM holds them.

The sync engine's pull and the demo loader write here. These writes are not local
changes, so they never touch the outbox: they record what the server already has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from fieldapp.store.change_set import PROFILE, Kind
from fieldapp.store.codec import to_column
from fieldapp.store.database import Store
from fieldapp.store.schema import (
    BOOL_FIELDS,
    FIELDS,
    JSON_FIELDS,
    SEARCH_TEXT,
    search_triggers,
)

# From this many records at once, the search index is rebuilt for them in bulk rather than
# row by row through its triggers (about 40% of a first download's time).
BULK_INDEX_THRESHOLD = 200


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def upsert_server_records(
    store: Store, collection: str, records: Iterable[dict[str, Any]], chunk_size: int = 5000
) -> int:
    """Insert or replace records exactly as the server sent them (JSON values, with
    ``id``, ``version``, ``created_at`` and ``updated_at``). Returns how many were written.

    Runs inside the caller's transaction when there is one, so a pulled page and its
    cursor commit together.
    """
    fields = FIELDS[collection]
    columns = ["id", *fields, "version", "created_at", "updated_at"]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    sql = (
        f"INSERT INTO {collection} ({', '.join(columns)})"
        f" VALUES ({', '.join('?' for _ in columns)})"
        f" ON CONFLICT(id) DO UPDATE SET {updates}"
    )
    converted = [
        (1 + i, f)
        for i, f in enumerate(fields)
        if f in JSON_FIELDS.get(collection, ()) or f in BOOL_FIELDS.get(collection, ())
    ]
    count = 0
    with store.transaction():
        for chunk in _chunks(records, chunk_size):
            rows = [
                [
                    record["id"],
                    *[record.get(f) for f in fields],
                    record.get("version"),
                    record["created_at"],
                    record.get("updated_at", record["created_at"]),
                ]
                for record in chunk
            ]
            for position, field in converted:  # JSON and boolean fields only
                for row in rows:
                    row[position] = to_column(collection, field, row[position])
            chunk_ids = [r["id"] for r in chunk]
            _record_upserts(store, collection, chunk_ids)
            if collection in SEARCH_TEXT and len(chunk) >= BULK_INDEX_THRESHOLD:
                _upsert_and_index_in_bulk(store, collection, sql, rows, chunk_ids)
            else:
                store.executemany(sql, rows)
            count += len(chunk)
    return count


def _record_upserts(store: Store, collection: str, record_ids: list[str]) -> None:
    """Record rows about to be upserted, created or updated as they will be.

    Telling the two apart costs a look-up by key, done only while the change set still
    lists this collection's rows; a large page just marks the collection as a whole.
    """
    if not store.lists(collection, len(record_ids)):
        store.record_whole(collection)
        return
    held = set(_existing(store, collection, record_ids))
    store.record(collection, (i for i in record_ids if i in held), Kind.UPDATED)
    store.record(collection, (i for i in record_ids if i not in held), Kind.CREATED)


def _existing(store: Store, collection: str, record_ids: list[str]) -> Iterator[str]:
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for (found,) in store.rows(f"SELECT id FROM {collection} WHERE id IN ({marks})", chunk):
            yield found


def _upsert_and_index_in_bulk(
    store: Store, collection: str, sql: str, rows: Iterable[list[Any]], ids: list[str]
) -> None:
    """Write a chunk with the search triggers off, then (re)index exactly those records.

    Dropping and recreating the triggers is DDL inside the caller's transaction: a crash
    rolls it back with the rest, so the triggers are never lost.
    """
    insert_trigger, update_trigger, _ = search_triggers(collection)
    store.execute(f"DROP TRIGGER {collection}_search_insert")
    store.execute(f"DROP TRIGGER {collection}_search_update")
    store.executemany(sql, rows)
    store.execute("CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id TEXT PRIMARY KEY)")
    store.execute("DELETE FROM temp.bulk_ids")
    store.executemany("INSERT OR IGNORE INTO temp.bulk_ids VALUES (?)", ((i,) for i in ids))
    store.execute(
        "DELETE FROM search_fts WHERE rowid IN (SELECT d.docid FROM search_docs d"
        " JOIN temp.bulk_ids t ON t.id = d.record_id)"
    )
    store.execute(
        "INSERT OR IGNORE INTO search_docs (collection, record_id)"
        f" SELECT '{collection}', id FROM temp.bulk_ids"
    )
    title, body, _ = SEARCH_TEXT[collection]
    store.execute(
        f"INSERT INTO search_fts (rowid, title, body)"
        f" SELECT d.docid, {title.format(row='r')}, {body.format(row='r')}"
        f" FROM temp.bulk_ids t JOIN search_docs d ON d.record_id = t.id"
        f" JOIN {collection} r ON r.id = t.id"
    )
    store.execute(insert_trigger)
    store.execute(update_trigger)


# Records that cannot exist without their parent: when the parent leaves this laptop
# (deleted, or out of scope), they leave with it, as they do on the server.
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "accounts": (
        ("contacts", "account_id"),
        ("opportunities", "account_id"),
        ("visits", "account_id"),
        ("notes", "account_id"),
        ("follow_ups", "account_id"),
        ("leads", "account_id"),
        ("priorities", "account_id"),
        ("handoff_events", "account_id"),
    ),
    # The server never deletes a visit planned for a lead (it cancels it); a lead that
    # left with its visit's account went with the account.
    "visits": (("notes", "visit_id"), ("follow_ups", "origin_visit_id"), ("leads", "visit_id")),
    "notes": (("notes", "reply_to_id"), ("reviews", "note_id"), ("follow_ups", "origin_note_id")),
    "follow_ups": (("handoff_events", "follow_up_id"),),
    "leads": (("handoff_events", "lead_id"),),
}


def delete_server_records(store: Store, collection: str, record_ids: Iterable[str]) -> None:
    """Apply tombstones: the server deleted these, or they left this user's scope.
    Their children go too, so no local row is left pointing at nothing."""
    ids = list(record_ids)
    if not ids:
        return
    with store.transaction():
        for child, column in _CHILDREN.get(collection, ()):
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                orphans = [
                    r[0]
                    for r in store.rows(
                        f"SELECT id FROM {child} WHERE {column} IN ({marks})", chunk
                    )
                ]
                delete_server_records(store, child, orphans)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            # Only the rows this laptop held: a tombstone for a record never received
            # deletes nothing here, and no view needs to hear of it.
            gone = store.execute(
                f"DELETE FROM {collection} WHERE id IN ({marks}) RETURNING id", chunk
            ).fetchall()
            store.record(collection, (r[0] for r in gone), Kind.DELETED)


def set_profile_value(store: Store, key: str, value: str | None) -> None:
    """Profile facts (signed-in user id, server URL) are local settings, not records."""
    with store.transaction():
        held = store.scalar("SELECT 1 FROM profile WHERE key = ?", (key,)) is not None
        store.execute(
            "INSERT INTO profile (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        store.record(PROFILE, [key], Kind.UPDATED if held else Kind.CREATED)
