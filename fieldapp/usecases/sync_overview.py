"""What the Sync page reads: the outbox and the sync issues in a person's words, the sync log.

Only reads. A queued change, a conflict or a rejection names a record by its id; these
queries add what a person recognises it by (an account's name, a contact's name, the start
of a note) and the account it belongs to. A record that is no longer on this laptop (a
queued deletion) is named from the values its mutation carries, so nothing reads as a
bare id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.store.codec import decode_row
from fieldapp.store.database import Store
from fieldapp.store.schema import COLLECTIONS, FIELDS
from fieldapp.usecases.sync_issues import (
    Conflict,
    RejectedChange,
    open_conflicts,
    open_rejections,
)

EXCERPT_LENGTH = 80
_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class RecordLabel:
    """How a person recognises a record: its own words, and the account it belongs to."""

    name: str | None  # an account's or contact's name, a title, the start of a note
    account_name: str | None  # None for an account itself, or when it is not known


@dataclass(frozen=True, slots=True)
class PendingChange:
    """One mutation in the outbox, waiting for the central CRM's answer."""

    seq: int
    mutation_id: str
    collection: str
    record_id: str
    op: str  # create | update | delete
    fields: dict[str, Any]  # the new values it carries (created_at left out)
    record: RecordLabel
    queued_at: str
    attempts: int  # how many times a sync sent it without an answer
    last_attempt_at: str | None


@dataclass(frozen=True, slots=True)
class SyncRun:
    """One line of the sync log."""

    id: int
    started_at: str
    finished_at: str | None  # None: still running, or the app stopped mid-cycle
    pushed: int
    pulled: int
    conflicts: int
    rejected: int
    error: str | None

    @property
    def succeeded(self) -> bool:
        return self.finished_at is not None and self.error is None


@dataclass(frozen=True, slots=True)
class ConflictItem:
    conflict: Conflict
    record: RecordLabel


@dataclass(frozen=True, slots=True)
class RejectionItem:
    rejection: RejectedChange
    record: RecordLabel


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of a text on one line, cut at a word where possible."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _rows(store: Store, collection: str, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    # Table names come from the schema's own constant, never from input.
    if collection not in COLLECTIONS:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(record_ids))):
        marks = ", ".join("?" for _ in chunk)
        for row in store.query(f"SELECT * FROM {collection} WHERE id IN ({marks})", chunk):
            found[row["id"]] = decode_row(collection, row)
    return found


def _own_words(collection: str, values: Mapping[str, Any]) -> str | None:
    if collection in ("accounts", "opportunities"):
        return values.get("name")
    if collection == "contacts":
        name = " ".join(p for p in (values.get("first_name"), values.get("last_name")) if p)
        return name or None
    if collection == "notes":
        body = values.get("body")
        return excerpt(body) if isinstance(body, str) and body.strip() else None
    if collection == "follow_ups":
        return values.get("title")
    if collection == "users":
        return values.get("display_name")
    return None  # visits and reviews have no words of their own: their account names them


def record_labels(
    store: Store, wanted: Iterable[tuple[str, str, Mapping[str, Any]]]
) -> dict[tuple[str, str], RecordLabel]:
    """Labels for ``(collection, record_id, fallback values)``; the fallback names a record
    this laptop no longer holds (a queued or refused deletion)."""
    by_collection: dict[str, dict[str, Mapping[str, Any]]] = {}
    for collection, record_id, fallback in wanted:
        by_collection.setdefault(collection, {})[record_id] = fallback
    values: dict[tuple[str, str], Mapping[str, Any]] = {}
    for collection, fallbacks in by_collection.items():
        held = _rows(store, collection, fallbacks)
        for record_id, fallback in fallbacks.items():
            values[(collection, record_id)] = held.get(record_id, fallback)
    # A review belongs to the account of the note it acknowledges.
    reviewed = _rows(
        store,
        "notes",
        (str(v["note_id"]) for (c, _), v in values.items() if c == "reviews" and v.get("note_id")),
    )

    def account_of(collection: str, record: Mapping[str, Any]) -> str | None:
        if collection == "reviews":
            note = reviewed.get(str(record.get("note_id")))
            return None if note is None else note["account_id"]
        account_id = record.get("account_id")
        return account_id if isinstance(account_id, str) else None

    account_ids = {
        key: account_of(key[0], record) for key, record in values.items() if key[0] != "accounts"
    }
    names = {
        account_id: row["name"]
        for account_id, row in _rows(
            store, "accounts", (a for a in account_ids.values() if a is not None)
        ).items()
    }
    return {
        key: RecordLabel(
            _own_words(key[0], record),
            names.get(account_ids.get(key) or ""),
        )
        for key, record in values.items()
    }


def pending_changes(store: Store, limit: int = 500, after_seq: int = 0) -> list[PendingChange]:
    """The outbox in the order it will be sent, each change named in a person's words."""
    rows = store.query(
        "SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)
    )
    decoded = [(row, json.loads(row["fields"]), json.loads(row["previous"])) for row in rows]
    labels = record_labels(
        store,
        (
            (row["collection"], row["record_id"], {**previous, **fields})
            for row, fields, previous in decoded
        ),
    )
    return [
        PendingChange(
            seq=row["seq"],
            mutation_id=row["mutation_id"],
            collection=row["collection"],
            record_id=row["record_id"],
            op=row["op"],
            fields={k: v for k, v in fields.items() if k != "created_at"},
            record=labels[(row["collection"], row["record_id"])],
            queued_at=row["created_at"],
            attempts=row["attempts"],
            last_attempt_at=row["last_attempt_at"],
        )
        for row, fields, _prev in decoded
    ]


def sync_log(store: Store, limit: int = 100) -> list[SyncRun]:
    """The most recent sync cycles, newest first."""
    rows = store.query("SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?", (limit,))
    return [
        SyncRun(
            id=row["id"],
            started_at=row["started_at"],
            finished_at=row["finished_at"],
            pushed=row["pushed"],
            pulled=row["pulled"],
            conflicts=row["conflicts"],
            rejected=row["rejected"],
            error=row["error"],
        )
        for row in rows
    ]


def conflicts_to_resolve(store: Store) -> list[ConflictItem]:
    """Open conflicts, oldest first, each with the record it is about; the fields of one
    record stay together, in the order its form shows them."""

    def order(conflict: Conflict) -> tuple[str, str, str, int]:
        fields = FIELDS.get(conflict.collection, ())
        place = fields.index(conflict.field) if conflict.field in fields else len(fields)
        return (conflict.created_at, conflict.collection, conflict.record_id, place)

    conflicts = sorted(open_conflicts(store), key=order)
    labels = record_labels(store, ((c.collection, c.record_id, {}) for c in conflicts))
    return [ConflictItem(c, labels[(c.collection, c.record_id)]) for c in conflicts]


def rejections_to_handle(store: Store) -> list[RejectionItem]:
    """Rejected changes still waiting for a person, oldest first."""
    rejections = open_rejections(store)
    labels = record_labels(
        store,
        ((r.collection, r.record_id, {**r.previous, **r.fields}) for r in rejections),
    )
    return [RejectionItem(r, labels[(r.collection, r.record_id)]) for r in rejections]
