"""The sync engine's bookkeeping in the local store: what to push, what the server said,
what was pulled, where the feed stopped.

This is the store side of sync and it never talks to the network; ``sync/`` calls it.
Outbox rows leave only through ``acknowledge``: when the server answered for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fieldapp import ids
from fieldapp.catalogue import ApplyResult, ChangeOp, MutationOp
from fieldapp.clock import to_text
from fieldapp.error_codes import Param
from fieldapp.store.change_set import (
    CONFLICTS,
    ID_MAP,
    OUTBOX,
    REJECTIONS,
    SYNC_LOG,
    SYNC_STATE,
    Kind,
)
from fieldapp.store.codec import decode_row, dumps, to_column
from fieldapp.store.database import Store
from fieldapp.store.replica import (
    delete_server_records,
    set_profile_value,
    upsert_server_records,
)
from fieldapp.store.schema import COLLECTIONS, FIELDS

DEVICE_ID_KEY = "device_id"
ALL_FEEDS = "*"


@dataclass(frozen=True)
class PendingMutation:
    seq: int
    mutation_id: str
    collection: str
    record_id: str
    op: MutationOp
    fields: dict[str, Any]
    previous: dict[str, Any]
    base_version: int | None
    created_at: str


@dataclass(frozen=True)
class FieldConflict:
    field: str
    server_value: Any
    server_version: int | None


@dataclass(frozen=True)
class MutationResult:
    """The server's answer for one mutation (see docs/sync-protocol.md)."""

    mutation_id: str
    status: ApplyResult
    version: int | None = None
    conflicts: tuple[FieldConflict, ...] = ()
    reason: str | None = None  # a rejection's English sentence, as the server wrote it
    code: str | None = None  # what kind of rejection: forbidden, in_use, ...
    remote_id: str | None = None  # the CRM's own id, for backends that assign one
    # The rejection's reason as a code of ``fieldapp.error_codes`` and its plain
    # parameters, for the window to word in its user's language; None from a server that
    # sends only the sentence (docs/sync-protocol.md, Push).
    reason_code: str | None = None
    reason_params: dict[str, Param] = field(default_factory=dict)


@dataclass(frozen=True)
class PulledChange:
    collection: str
    record_id: str
    op: ChangeOp
    version: int | None
    record: dict[str, Any] | None = None
    remote_id: str | None = None  # the CRM's own id, for backends that assign one


@dataclass
class AckSummary:
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    conflict_fields: list[tuple[str, str, str]] = field(default_factory=list)


def device_id(store: Store) -> str:
    """A UUID naming this profile to the server, made once."""
    value = store.profile_value(DEVICE_ID_KEY)
    if value is None:
        value = ids.new_id()
        set_profile_value(store, DEVICE_ID_KEY, value)
    return value


def _pending(row: dict[str, Any]) -> PendingMutation:
    return PendingMutation(
        seq=row["seq"],
        mutation_id=row["mutation_id"],
        collection=row["collection"],
        record_id=row["record_id"],
        op=MutationOp(row["op"]),
        fields=json.loads(row["fields"]),
        previous=json.loads(row["previous"]),
        base_version=row["base_version"],
        created_at=row["created_at"],
    )


def pending_mutations(store: Store, limit: int, after_seq: int = 0) -> list[PendingMutation]:
    rows = store.query(
        "SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)
    )
    return [_pending(r) for r in rows]


def outbox_size(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM outbox"))


def mark_attempt(store: Store, mutations: Sequence[PendingMutation]) -> None:
    with store.transaction():
        store.executemany(
            "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE seq = ?",
            [(to_text(store.clock()), m.seq) for m in mutations],
        )
        store.record(OUTBOX, (m.mutation_id for m in mutations), Kind.UPDATED)


def acknowledge(
    store: Store, mutations: Sequence[PendingMutation], results: Iterable[MutationResult]
) -> AckSummary:
    """Record the server's answers; each answered mutation leaves the outbox, and only it.

    A mutation appended while this batch was in flight has another id and stays queued,
    so an edit made during a sync is never marked as synced.
    """
    by_id = {m.mutation_id: m for m in mutations}
    summary = AckSummary()
    now = to_text(store.clock())
    with store.transaction():
        for result in results:
            mutation = by_id.get(result.mutation_id)
            if mutation is None:
                continue  # an answer for something we did not send: ignore it
            if store.execute("DELETE FROM outbox WHERE seq = ?", (mutation.seq,)).rowcount:
                store.record(OUTBOX, [mutation.mutation_id], Kind.DELETED)
            if result.remote_id is not None:
                _map_ids(store, mutation.collection, mutation.record_id, result.remote_id)
            if result.status in (ApplyResult.APPLIED, ApplyResult.DUPLICATE, ApplyResult.CONFLICT):
                summary.applied += result.status != ApplyResult.CONFLICT
                if result.version is not None and mutation.op != MutationOp.DELETE:
                    bumped = store.execute(
                        f"UPDATE {mutation.collection} SET version = ?"
                        " WHERE id = ? AND coalesce(version, 0) < ?",
                        (result.version, mutation.record_id, result.version),
                    ).rowcount
                    if bumped:
                        store.record(mutation.collection, [mutation.record_id], Kind.UPDATED)
            # A duplicate of a mutation that conflicted the first time carries the same
            # conflicts (the first answer may have been lost): they must not be dropped.
            if result.conflicts and result.status in (ApplyResult.CONFLICT, ApplyResult.DUPLICATE):
                summary.conflicts += len(result.conflicts)
                for conflict in result.conflicts:
                    _store_conflict(store, mutation, conflict, now)
                    summary.conflict_fields.append(
                        (mutation.collection, mutation.record_id, conflict.field)
                    )
            elif result.status == ApplyResult.REJECTED:
                summary.rejected += 1
                rejection_id = ids.new_id()
                inserted = store.execute(
                    "INSERT INTO rejected_mutations (id, mutation_id, collection, record_id, op,"
                    " fields, previous, base_version, reason, code, reason_code, reason_params,"
                    " rejected_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(mutation_id) DO NOTHING",
                    (
                        rejection_id,
                        mutation.mutation_id,
                        mutation.collection,
                        mutation.record_id,
                        mutation.op,
                        dumps(mutation.fields),
                        dumps(mutation.previous),
                        mutation.base_version,
                        result.reason or "refused by the server",
                        result.code,
                        result.reason_code,
                        dumps(result.reason_params),
                        now,
                    ),
                ).rowcount
                if inserted:
                    store.record(REJECTIONS, [rejection_id], Kind.CREATED)
    return summary


def _store_conflict(
    store: Store, mutation: PendingMutation, conflict: FieldConflict, now: str
) -> None:
    # One open conflict per field: a newer one replaces the older (same field, newer values).
    replaced = store.execute(
        "DELETE FROM conflicts WHERE collection = ? AND record_id = ? AND field = ?"
        " AND status = 'open' RETURNING id",
        (mutation.collection, mutation.record_id, conflict.field),
    ).fetchall()
    store.record(CONFLICTS, (r[0] for r in replaced), Kind.DELETED)
    conflict_id = ids.new_id()
    store.execute(
        "INSERT INTO conflicts (id, collection, record_id, field, local_value, remote_value,"
        " base_value, remote_version, mutation_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conflict_id,
            mutation.collection,
            mutation.record_id,
            conflict.field,
            dumps(mutation.fields.get(conflict.field)),
            dumps(conflict.server_value),
            dumps(mutation.previous.get(conflict.field)),
            conflict.server_version,
            mutation.mutation_id,
            now,
        ),
    )
    store.record(CONFLICTS, [conflict_id], Kind.CREATED)


def locally_held_fields(
    store: Store, collection: str, record_ids: Sequence[str]
) -> dict[str, set[str] | None]:
    """Fields each record must keep its local value for: those with a queued change or an
    open conflict. ``None`` marks a record with a queued delete (it stays deleted)."""
    held: dict[str, set[str] | None] = {}
    for start in range(0, len(record_ids), 500):
        chunk = list(record_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        for row in store.query(
            f"SELECT record_id, op, fields FROM outbox WHERE collection = ?"
            f" AND record_id IN ({marks}) ORDER BY seq",
            [collection, *chunk],
        ):
            current = held.setdefault(row["record_id"], set())
            if row["op"] == MutationOp.DELETE:
                held[row["record_id"]] = None
            elif current is not None:
                current.update(k for k in json.loads(row["fields"]) if k != "created_at")
        for row in store.query(
            f"SELECT record_id, field FROM conflicts WHERE status = 'open' AND collection = ?"
            f" AND record_id IN ({marks})",
            [collection, *chunk],
        ):
            current = held.setdefault(row["record_id"], set())
            if current is not None:
                current.add(row["field"])
    return held


def apply_pulled(store: Store, changes: Sequence[PulledChange]) -> int:
    """Apply one page of the server's feed, merging field by field with local changes.

    Fields this laptop changed and the server has not answered for yet keep their local
    value; every other field takes the server's. Runs in the caller's transaction so the
    page and its cursor commit together.
    """
    with store.transaction():
        for change in changes:
            if change.remote_id is not None:
                _map_ids(store, change.collection, change.record_id, change.remote_id)
        for collection in COLLECTIONS:
            page = [c for c in changes if c.collection == collection]
            if not page:
                continue
            held = locally_held_fields(store, collection, [c.record_id for c in page])
            _refresh_open_conflicts(store, collection, page)
            upserts = []
            for change in page:
                if change.op == ChangeOp.DELETE:
                    continue
                assert change.record is not None
                keep = held.get(change.record_id, set())
                if keep is None:
                    continue  # deleted here; the queued delete will reach the server
                record = change.record
                if keep:
                    local = store.query_one(
                        f"SELECT * FROM {collection} WHERE id = ?", (change.record_id,)
                    )
                    if local is not None:
                        local_values = decode_row(collection, local)
                        record = {
                            **record,
                            **{f: local_values[f] for f in keep if f in FIELDS[collection]},
                        }
                upserts.append(record)
            upsert_server_records(store, collection, upserts)
        # Deletes last and children first is not needed: the cascade handles children.
        for change in changes:
            if change.op == ChangeOp.DELETE:
                delete_server_records(store, change.collection, [change.record_id])
    return len(changes)


def _refresh_open_conflicts(store: Store, collection: str, page: Sequence[PulledChange]) -> None:
    """Give each open conflict on a pulled record the server's value of its field now.

    The field keeps showing the local value, so a conflict's "theirs" is the only copy of
    the server's value this laptop has. Kept as it was when the conflict arose, it goes
    stale as soon as the field changes again on the server, and "take theirs" would then
    write a value the server no longer holds, which no later pull corrects (the record
    does not change again): the replica would never converge.
    """
    any_open = store.scalar(
        "SELECT 1 FROM conflicts WHERE status = 'open' AND collection = ? LIMIT 1", (collection,)
    )
    if any_open is None:
        return  # the common case, a first download above all: nothing to look up
    pulled = {c.record_id: c for c in page if c.op == ChangeOp.UPSERT and c.record is not None}
    record_ids = list(pulled)
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.query(
            f"SELECT id, record_id, field FROM conflicts WHERE status = 'open'"
            f" AND collection = ? AND record_id IN ({marks})",
            [collection, *chunk],
        ):
            change = pulled[row["record_id"]]
            assert change.record is not None
            store.execute(
                "UPDATE conflicts SET remote_value = ?,"
                " remote_version = coalesce(?, remote_version) WHERE id = ?",
                (dumps(change.record.get(row["field"])), change.version, row["id"]),
            )
            store.record(CONFLICTS, [row["id"]], Kind.UPDATED)


def feed_cursor(store: Store, feed: str = ALL_FEEDS) -> str | None:
    value = store.scalar("SELECT cursor FROM sync_state WHERE feed = ?", (feed,))
    return None if value is None else str(value)


def save_cursor(store: Store, cursor: str | None, feed: str = ALL_FEEDS) -> None:
    with store.transaction():
        kind = _upsert_kind(store, "SELECT 1 FROM sync_state WHERE feed = ?", (feed,))
        store.execute(
            "INSERT INTO sync_state (feed, cursor, last_pull_at) VALUES (?, ?, ?)"
            " ON CONFLICT(feed) DO UPDATE SET cursor = excluded.cursor,"
            " last_pull_at = excluded.last_pull_at",
            (feed, cursor, to_text(store.clock())),
        )
        store.record(SYNC_STATE, [feed], kind)


def start_run(store: Store) -> int:
    with store.transaction():
        cursor = store.execute(
            "INSERT INTO sync_runs (started_at) VALUES (?)", (to_text(store.clock()),)
        )
        run_id = int(cursor.lastrowid or 0)
        store.record(SYNC_LOG, [str(run_id)], Kind.CREATED)
        return run_id


def finish_run(
    store: Store,
    run_id: int,
    *,
    pushed: int,
    pulled: int,
    conflicts: int,
    rejected: int,
    error: str | None,
) -> None:
    now = to_text(store.clock())
    with store.transaction():
        if store.execute(
            "UPDATE sync_runs SET finished_at = ?, pushed = ?, pulled = ?, conflicts = ?,"
            " rejected = ?, error = ? WHERE id = ?",
            (now, pushed, pulled, conflicts, rejected, error, run_id),
        ).rowcount:
            store.record(SYNC_LOG, [str(run_id)], Kind.UPDATED)
        if error is None:
            kind = _upsert_kind(store, "SELECT 1 FROM sync_state WHERE feed = ?", (ALL_FEEDS,))
            store.execute(
                "INSERT INTO sync_state (feed, last_success_at) VALUES (?, ?)"
                " ON CONFLICT(feed) DO UPDATE SET last_success_at = excluded.last_success_at",
                (ALL_FEEDS, now),
            )
            store.record(SYNC_STATE, [ALL_FEEDS], kind)


def set_server_fields(
    store: Store, collection: str, record_id: str, fields: dict[str, Any]
) -> None:
    """Take the server's values for some fields (a conflict resolved "theirs", a rejected
    change discarded): server state, so nothing is queued."""
    if not fields:
        return
    unknown = set(fields) - set(FIELDS[collection])
    if unknown:
        raise KeyError(f"{collection} has no field(s) {sorted(unknown)}")
    with store.transaction():
        assignments = ", ".join(f"{name} = ?" for name in fields)
        if store.execute(
            f"UPDATE {collection} SET {assignments} WHERE id = ?",
            [*(to_column(collection, k, v) for k, v in fields.items()), record_id],
        ).rowcount:
            store.record(collection, [record_id], Kind.UPDATED)


def close_conflict(store: Store, conflict_id: str, resolution: str) -> None:
    with store.transaction():
        if store.execute(
            "UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_at = ?"
            " WHERE id = ?",
            (resolution, to_text(store.clock()), conflict_id),
        ).rowcount:
            store.record(CONFLICTS, [conflict_id], Kind.UPDATED)


def close_rejection(store: Store, rejection_id: str, status: str) -> None:
    with store.transaction():
        if store.execute(
            "UPDATE rejected_mutations SET status = ?, resolved_at = ? WHERE id = ?",
            (status, to_text(store.clock()), rejection_id),
        ).rowcount:
            store.record(REJECTIONS, [rejection_id], Kind.UPDATED)


def _map_ids(store: Store, collection: str, local_id: str, remote_id: str) -> None:
    kind = _upsert_kind(
        store,
        "SELECT 1 FROM id_map WHERE collection = ? AND local_id = ?",
        (collection, local_id),
    )
    store.execute(
        "INSERT INTO id_map (collection, local_id, remote_id) VALUES (?, ?, ?)"
        " ON CONFLICT(collection, local_id) DO UPDATE SET remote_id = excluded.remote_id",
        (collection, local_id, remote_id),
    )
    # Keyed by the local id alone: it is a UUID, unique across collections.
    store.record(ID_MAP, [local_id], kind)


def _upsert_kind(store: Store, exists_sql: str, params: tuple[Any, ...]) -> Kind:
    return Kind.CREATED if store.scalar(exists_sql, params) is None else Kind.UPDATED


def remote_id(store: Store, collection: str, local_id: str) -> str | None:
    """The CRM's id for one of our records (None: the backend uses our ids)."""
    value = store.scalar(
        "SELECT remote_id FROM id_map WHERE collection = ? AND local_id = ?",
        (collection, local_id),
    )
    return None if value is None else str(value)


def local_id(store: Store, collection: str, remote: str) -> str | None:
    """Our id for a record the CRM names ``remote`` (None: not seen yet)."""
    value = store.scalar(
        "SELECT local_id FROM id_map WHERE collection = ? AND remote_id = ?",
        (collection, remote),
    )
    return None if value is None else str(value)


def begin_full_resync(store: Store) -> None:
    """Start reading a feed again from the beginning, remembering what arrives, so that
    ``finish_full_resync`` can remove what the server no longer sends (a scope change)."""
    with store.transaction():  # a temporary table of this connection: nothing to record
        store.execute(
            "CREATE TEMP TABLE IF NOT EXISTS resync_seen"
            " (collection TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (collection, id))"
        )
        store.execute("DELETE FROM temp.resync_seen")


def note_seen(store: Store, changes: Sequence[PulledChange]) -> None:
    store.executemany(
        "INSERT OR IGNORE INTO temp.resync_seen (collection, id) VALUES (?, ?)",
        [(c.collection, c.record_id) for c in changes if c.op == ChangeOp.UPSERT],
    )


def finish_full_resync(store: Store) -> int:
    """Remove the records a complete re-read did not bring, except those with queued
    local changes (they are this laptop's, and the server will answer for them)."""
    removed = 0
    with store.transaction():
        for collection in reversed(COLLECTIONS):
            stale = [
                r[0]
                for r in store.rows(
                    f"SELECT id FROM {collection} WHERE id NOT IN"
                    " (SELECT id FROM temp.resync_seen WHERE collection = ?)"
                    " AND id NOT IN (SELECT record_id FROM outbox WHERE collection = ?)",
                    (collection, collection),
                )
            ]
            delete_server_records(store, collection, stale)
            removed += len(stale)
        store.execute("DELETE FROM temp.resync_seen")
    return removed


SERVER_TIME_KEY = "server_time_anchor"


def note_server_time(store: Store, server_time: datetime) -> None:
    """Keep the time a server stated and this laptop's clock when it arrived (a
    ``ServerTimeAnchor``): the laptop's SLA clocks count from it (docs/team-loop.md)."""
    anchor = {"server": to_text(server_time), "laptop": to_text(store.clock())}
    set_profile_value(store, SERVER_TIME_KEY, dumps(anchor))
