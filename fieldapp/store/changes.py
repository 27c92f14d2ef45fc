"""Local changes: the one write path for what a person does on this laptop.

Each function changes a record *and* appends the matching mutation to the outbox inside
one savepoint, so a change can never be saved without being queued for the central CRM,
nor queued without being saved. Use cases call these and nothing else to write records.
Every row written is recorded in the transaction's change set (the record and its outbox
entry).
"""

from __future__ import annotations

from typing import Any

from fieldapp import ids
from fieldapp.catalogue import MutationOp
from fieldapp.clock import to_text
from fieldapp.errors import NotFoundError
from fieldapp.store.change_set import OUTBOX, Kind
from fieldapp.store.codec import decode_row, dumps, to_column
from fieldapp.store.database import Store
from fieldapp.store.schema import FIELDS


def _check_fields(collection: str, values: dict[str, Any]) -> None:
    unknown = set(values) - set(FIELDS[collection])
    if unknown:  # a programming error, not a user's: fail loudly
        raise KeyError(f"{collection} has no field(s) {sorted(unknown)}")


def _append_mutation(
    store: Store,
    collection: str,
    record_id: str,
    op: MutationOp,
    fields: dict[str, Any],
    previous: dict[str, Any],
    base_version: int | None,
    now: str,
) -> str:
    mutation_id = ids.new_id()
    store.execute(
        "INSERT INTO outbox (mutation_id, collection, record_id, op, fields, previous,"
        " base_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (mutation_id, collection, record_id, op, dumps(fields), dumps(previous), base_version, now),
    )
    store.record(OUTBOX, [mutation_id], Kind.CREATED)
    return mutation_id


def get_record(store: Store, collection: str, record_id: str) -> dict[str, Any]:
    """The record as JSON values; NotFoundError if this laptop does not hold it."""
    row = store.query_one(f"SELECT * FROM {collection} WHERE id = ?", (record_id,))
    if row is None:
        raise NotFoundError(collection, record_id)
    return decode_row(collection, row)


def create_record(
    store: Store, collection: str, values: dict[str, Any], record_id: str | None = None
) -> dict[str, Any]:
    """Insert a new record (fields absent from ``values`` are NULL) and queue its creation."""
    _check_fields(collection, values)
    record_id = record_id or ids.new_id()
    now = to_text(store.clock())
    fields = {name: values.get(name) for name in FIELDS[collection] if name in values}
    columns = ["id", *fields, "version", "created_at", "updated_at"]
    row = [record_id, *(to_column(collection, k, v) for k, v in fields.items()), None, now, now]
    with store.transaction():
        store.execute(
            f"INSERT INTO {collection} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            row,
        )
        store.record(collection, [record_id], Kind.CREATED)
        _append_mutation(
            store,
            collection,
            record_id,
            MutationOp.CREATE,
            {**fields, "created_at": now},
            {},
            None,
            now,
        )
    return get_record(store, collection, record_id)


def update_record(
    store: Store, collection: str, record_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Change some fields of a record and queue only the fields whose value really changed."""
    _check_fields(collection, changes)
    with store.transaction():
        current = get_record(store, collection, record_id)
        changed = {k: v for k, v in changes.items() if current.get(k) != v}
        if not changed:
            return current
        now = to_text(store.clock())
        assignments = ", ".join(f"{name} = ?" for name in changed)
        store.execute(
            f"UPDATE {collection} SET {assignments}, updated_at = ? WHERE id = ?",
            [*(to_column(collection, k, v) for k, v in changed.items()), now, record_id],
        )
        store.record(collection, [record_id], Kind.UPDATED)
        previous = {k: current.get(k) for k in changed}
        _append_mutation(
            store,
            collection,
            record_id,
            MutationOp.UPDATE,
            changed,
            previous,
            current["version"],
            now,
        )
    return get_record(store, collection, record_id)


def delete_record(store: Store, collection: str, record_id: str) -> None:
    """Remove a record and queue its deletion (a tombstone for the server)."""
    with store.transaction():
        current = get_record(store, collection, record_id)
        now = to_text(store.clock())
        store.execute(f"DELETE FROM {collection} WHERE id = ?", (record_id,))
        store.record(collection, [record_id], Kind.DELETED)
        previous = {k: current.get(k) for k in FIELDS[collection]}
        _append_mutation(
            store, collection, record_id, MutationOp.DELETE, {}, previous, current["version"], now
        )


def requeue(
    store: Store,
    collection: str,
    record_id: str,
    op: MutationOp,
    fields: dict[str, Any],
    base_version: int | None,
) -> str:
    """Write ``fields`` and queue them again even if the local record already holds them.

    For resolving conflicts ("keep mine" on the server's current version) and retrying a
    rejected change: the server must hear the value again, whatever the record shows.
    """
    _check_fields(collection, fields)
    now = to_text(store.clock())
    with store.transaction():
        current = get_record(store, collection, record_id)
        if fields:
            assignments = ", ".join(f"{name} = ?" for name in fields)
            store.execute(
                f"UPDATE {collection} SET {assignments}, updated_at = ? WHERE id = ?",
                [*(to_column(collection, k, v) for k, v in fields.items()), now, record_id],
            )
            store.record(collection, [record_id], Kind.UPDATED)
        payload = (
            {**fields, "created_at": current["created_at"]} if op == MutationOp.CREATE else fields
        )
        previous = {k: current.get(k) for k in fields}
        return _append_mutation(
            store, collection, record_id, op, payload, previous, base_version, now
        )
