"""The change feed: server-assigned sequence numbers, tombstones, scope changes, cursors.

**Sequence safety.** Every write transaction starts by updating the single row of
``sequence_counter``. On PostgreSQL that row lock is held until commit, on SQLite the
database write lock is; either way writers are serialised, so sequence numbers are handed
out in commit order. A pull therefore never sees sequence ``n + 1`` committed while ``n``
is still in flight, and a cursor can never jump over a change that commits later. A
rolled-back transaction rolls its counter update back too, and its numbers were never
visible, so no visible number is ever reused.

**One row per (record, territory).** ``changes`` holds, for each territory a record was
ever in, the latest thing that territory must learn about it: ``upsert`` while the record
lives there, ``delete`` once it was deleted or left. Writing a change deletes the
previous row for the same (record, territory) and inserts one with a new, higher sequence,
so a first sync reads each record once, and a client with a cursor still sees every
record that changed after it (the replacement is always above the cursor).

**Scope changes.** When an account moves from territory A to territory B, the account and
every record attached to it get a ``delete`` row for A and then an ``upsert`` row for B,
all with fresh sequence numbers: the rep who lost the account receives tombstones, the rep
who gained it receives every record, even the ones that did not change.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fieldapp.catalogue import CATALOGUE, COLLECTIONS, ChangeOp
from fieldapp.catalogue.kinds import Link
from fieldapp.error_codes import english
from sync.server.scope import EVERYONE, PERSONAL_PREFIX, Scope
from sync.server.tables import FEED_SEQUENCE, changes, records, sequence_counter

CURSOR_PREFIX = "v1"
# The largest sequence number either database stores (SQLite INTEGER, PostgreSQL BIGINT):
# a forged cursor beyond it must be refused before it reaches a query.
MAX_SEQUENCE = 2**63 - 1


class InvalidCursorError(ValueError):
    """A cursor this server did not issue, or one taken under another scope; ``reason_code``
    names which, in the error catalogue."""

    def __init__(self, reason_code: str) -> None:
        super().__init__(english(reason_code, {}))
        self.reason_code = reason_code


class SequenceWriter:
    """The global write lock and the sequence numbers of one transaction.

    Created as the first statement of a write transaction (so that on SQLite no read
    snapshot is held when the write lock is requested); ``flush`` stores the last number
    used and must run before commit.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        counter = sequence_counter.c
        # A no-op update: its only purpose is the lock it takes.
        conn.execute(
            sa.update(sequence_counter)
            .where(counter.name == FEED_SEQUENCE)
            .values(value=counter.value)
        )
        self._last = int(
            conn.execute(sa.select(counter.value).where(counter.name == FEED_SEQUENCE)).scalar_one()
        )
        self._start = self._last

    def next(self) -> int:
        self._last += 1
        return self._last

    def flush(self) -> None:
        if self._last != self._start:
            self._conn.execute(
                sa.update(sequence_counter)
                .where(sequence_counter.c.name == FEED_SEQUENCE)
                .values(value=self._last)
            )


def record_change(
    conn: Connection, seq: int, collection: str, record_id: str, territory: str, op: ChangeOp
) -> None:
    """Make ``seq`` the latest thing ``territory`` must learn about this record."""
    conn.execute(
        sa.delete(changes).where(
            changes.c.collection == collection,
            changes.c.record_id == record_id,
            changes.c.territory == territory,
        )
    )
    conn.execute(
        changes.insert().values(
            seq=seq, collection=collection, record_id=record_id, territory=territory, op=op
        )
    )


def insert_organisation_record(
    conn: Connection,
    seq: int,
    collection: str,
    record_id: str,
    data: dict[str, Any],
    *,
    created_at: str,
    updated_at: str,
) -> None:
    """Store a record the server itself writes for the whole organisation (a person of
    the staff directory, a team's agreement) and put it in everyone's feed."""
    conn.execute(
        records.insert().values(
            collection=collection,
            id=record_id,
            account_id=None,
            territory=EVERYONE,
            data=json.dumps(data),
            version=seq,
            created_version=seq,
            created_device=None,
            deleted=False,
            field_versions=json.dumps({name: [seq, None] for name in data}),
            created_at=created_at,
            updated_at=updated_at,
        )
    )


def move_account(conn: Connection, seqs: SequenceWriter, account_id: str, to: str) -> None:
    """Move an account and everything attached to it to territory ``to``."""
    rows = list(
        conn.execute(
            sa.select(
                records.c.collection, records.c.id, records.c.territory, records.c.deleted
            ).where(records.c.account_id == account_id)
        ).all()
    )
    # Parents before children, so the gaining rep's feed can be applied in order.
    rows.sort(key=lambda r: (COLLECTIONS.index(r.collection), r.id))
    conn.execute(sa.update(records).where(records.c.account_id == account_id).values(territory=to))
    for row in rows:
        if row.territory != to and not row.deleted:
            record_change(conn, seqs.next(), row.collection, row.id, row.territory, ChangeOp.DELETE)
    for row in rows:
        if not row.deleted:
            record_change(conn, seqs.next(), row.collection, row.id, to, ChangeOp.UPSERT)


def encode_cursor(seq: int, scope: Scope) -> str:
    text = f"{CURSOR_PREFIX}:{seq}:{scope.fingerprint()}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, scope: Scope) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        prefix, seq, fingerprint = (
            base64.urlsafe_b64decode(padded.encode("ascii")).decode().split(":")
        )
        value = int(seq)
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidCursorError("server.cursor_not_issued_by_server") from None
    if prefix != CURSOR_PREFIX or not 0 <= value <= MAX_SEQUENCE:
        raise InvalidCursorError("server.cursor_not_issued_by_server")
    if fingerprint != scope.fingerprint():
        raise InvalidCursorError("server.scope_changed_since_cursor_was_issued")
    return value


def check_reachable(conn: Connection, after: int) -> None:
    """Refuse a cursor beyond the last sequence number handed out.

    No cursor this server issued can be ahead of its feed, unless the database was
    restored from an older backup: then the laptop would wait, silently, for numbers that
    belong to changes it will never receive. Refused, the client reads the feed again
    from the start (docs/sync-protocol.md).
    """
    counter = sequence_counter.c
    latest = conn.execute(
        sa.select(counter.value).where(counter.name == FEED_SEQUENCE)
    ).scalar_one()
    if after > int(latest):
        raise InvalidCursorError("server.cursor_ahead_servers_feed_was_server")


@dataclass(frozen=True)
class Page:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool


def wire_record(row: Any) -> dict[str, Any]:
    """A stored record as the protocol shows it."""
    return {
        "id": row.id,
        **json.loads(row.data),
        "version": int(row.version),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _readable(scope: Scope) -> Any:
    """The feed rows ``scope`` may read: its territories, everyone's and its own channel;
    for the whole organisation, everything but other people's own channels."""
    if scope.everything:
        others = changes.c.territory.startswith(PERSONAL_PREFIX, autoescape=True)
        if scope.personal is None:
            return ~others
        return sa.or_(~others, changes.c.territory == scope.personal)
    return changes.c.territory.in_(scope.channels())


def read_page(conn: Connection, scope: Scope, after: int, limit: int) -> Page:
    joined = changes.outerjoin(
        records,
        sa.and_(records.c.collection == changes.c.collection, records.c.id == changes.c.record_id),
    )
    query = (
        sa.select(
            changes.c.seq,
            changes.c.collection,
            changes.c.record_id,
            changes.c.op,
            records.c.id,
            records.c.data,
            records.c.version,
            records.c.deleted,
            records.c.created_at,
            records.c.updated_at,
        )
        .select_from(joined)
        .where(changes.c.seq > after)
        .order_by(changes.c.seq)
        .limit(limit + 1)
    )
    query = query.where(_readable(scope))
    rows = conn.execute(query).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (row.collection, row.record_id)
        latest.pop(key, None)  # at most once per page, at its latest change
        if row.op == ChangeOp.UPSERT and row.id is not None and not row.deleted:
            latest[key] = {
                "collection": row.collection,
                "id": row.record_id,
                "op": "upsert",
                "version": int(row.version),
                "record": wire_record(row),
            }
        else:
            latest[key] = {
                "collection": row.collection,
                "id": row.record_id,
                "op": "delete",
                "version": int(row.seq),
            }
    last = int(rows[-1].seq) if rows else after
    parents = _parents_pulled_forward(conn, scope, latest, after, last)
    return Page([*parents, *latest.values()], encode_cursor(last, scope), has_more)


# The references a record holds to records the client must already have: its links to
# other records (links to people are not: the staff directory is everyone's).
PARENT_REFS: dict[str, tuple[tuple[str, str], ...]] = {
    c.name: refs
    for c in CATALOGUE.values()
    if (
        refs := tuple(
            (f.kind.to, f.name) for f in c.fields if isinstance(f.kind, Link) and f.kind.foreign_key
        )
    )
}


def _parents_pulled_forward(
    conn: Connection,
    scope: Scope,
    latest: dict[tuple[str, str], dict[str, Any]],
    after: int,
    last: int,
) -> list[dict[str, Any]]:
    """Keep the protocol's promise that a page never holds a child whose parent the client
    has not received yet.

    Editing an account gives it a new, higher sequence number, so its contacts and visits
    can come before it in the feed. A parent whose latest upsert lies beyond this page is
    sent in this page too (again later: applying a record twice is harmless). A child
    whose parent this scope will only see deleted (it moved away, or was deleted) is left
    out: its own tombstone is coming.
    """
    extra: dict[tuple[str, str], dict[str, Any]] = {}
    pending = list(latest.values())
    while pending:
        wanted: dict[str, set[str]] = {}
        for change in pending:
            if change["op"] != ChangeOp.UPSERT:
                continue
            for parent, field in PARENT_REFS.get(change["collection"], ()):
                parent_id = change["record"].get(field)
                key = (parent, parent_id)
                if parent_id and key not in latest and key not in extra:
                    wanted.setdefault(parent, set()).add(parent_id)
        pending = []
        for collection, ids in wanted.items():
            query = sa.select(changes.c.record_id, changes.c.seq, changes.c.op).where(
                changes.c.collection == collection, changes.c.record_id.in_(ids)
            )
            query = query.where(_readable(scope))
            rows = conn.execute(query).all()
            ahead = {r.record_id for r in rows if r.op == ChangeOp.UPSERT and r.seq > last}
            delivered = {r.record_id for r in rows if r.op == ChangeOp.UPSERT and r.seq <= after}
            if ahead:
                for row in conn.execute(
                    sa.select(records).where(
                        records.c.collection == collection, records.c.id.in_(ahead)
                    )
                ).all():
                    change = {
                        "collection": collection,
                        "id": row.id,
                        "op": "upsert",
                        "version": int(row.version),
                        "record": wire_record(row),
                    }
                    extra[(collection, row.id)] = change
                    pending.append(change)
            for missing in ids - ahead - delivered:
                extra.setdefault((collection, missing), {})  # unavailable: mark it
    unavailable = {key for key, change in extra.items() if not change}
    if unavailable:
        _drop_children_of(latest, unavailable)
        _drop_children_of(extra, unavailable)
    return [change for change in extra.values() if change]


def _drop_children_of(
    page: dict[tuple[str, str], dict[str, Any]], unavailable: set[tuple[str, str]]
) -> None:
    changed = True
    while changed:
        changed = False
        for key, change in list(page.items()):
            if not change or change["op"] != ChangeOp.UPSERT:
                continue
            refs = {
                (parent, change["record"].get(field))
                for parent, field in PARENT_REFS.get(change["collection"], ())
            }
            if refs & unavailable:
                del page[key]
                unavailable.add(key)
                changed = True
