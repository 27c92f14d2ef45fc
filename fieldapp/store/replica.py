"""Server state: the other write path, for records as the central CRM holds them.

The sync engine's pull and the demo loader write here. These writes are not local
changes, so they never touch the outbox: they record what the server already has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from fieldapp.store.codec import to_column
from fieldapp.store.database import Store
from fieldapp.store.schema import FIELDS


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
    count = 0
    with store.transaction():
        for chunk in _chunks(records, chunk_size):
            store.conn.executemany(
                sql,
                (
                    [
                        record["id"],
                        *(to_column(collection, f, record.get(f)) for f in fields),
                        record.get("version"),
                        record["created_at"],
                        record.get("updated_at", record["created_at"]),
                    ]
                    for record in chunk
                ),
            )
            count += len(chunk)
    return count


# Records that cannot exist without their parent: when the parent leaves this laptop
# (deleted, or out of scope), they leave with it, as they do on the server.
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "accounts": (
        ("contacts", "account_id"),
        ("opportunities", "account_id"),
        ("visits", "account_id"),
        ("notes", "account_id"),
        ("follow_ups", "account_id"),
    ),
    "visits": (("notes", "visit_id"), ("follow_ups", "origin_visit_id")),
    "notes": (("notes", "reply_to_id"), ("reviews", "note_id"), ("follow_ups", "origin_note_id")),
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
                    for r in store.conn.execute(
                        f"SELECT id FROM {child} WHERE {column} IN ({marks})", chunk
                    )
                ]
                delete_server_records(store, child, orphans)
        store.conn.executemany(f"DELETE FROM {collection} WHERE id = ?", ((rid,) for rid in ids))


def set_profile_value(store: Store, key: str, value: str | None) -> None:
    """Profile facts (signed-in user id, server URL) are local settings, not records."""
    with store.transaction():
        store.conn.execute(
            "INSERT INTO profile (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
