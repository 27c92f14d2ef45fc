"""What a person does with what sync could not settle alone: conflicts and rejections.

Both stay visible until someone decides; nothing here deletes a word anyone typed
without being asked to.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fieldapp import validation as check
from fieldapp.catalogue import MutationOp
from fieldapp.error_codes import Param
from fieldapp.errors import InvalidStateError, NotFoundError, ValidationError
from fieldapp.store.changes import get_record, requeue
from fieldapp.store.database import Store
from fieldapp.store.replica import delete_server_records, upsert_server_records
from fieldapp.store.syncbook import close_conflict, close_rejection, set_server_fields


@dataclass(frozen=True)
class Conflict:
    id: str
    collection: str
    record_id: str
    field: str
    local_value: Any  # what this rep typed
    remote_value: Any  # what the server holds (someone else's change)
    base_value: Any  # what both started from
    remote_version: int | None
    created_at: str


@dataclass(frozen=True)
class RejectedChange:
    id: str
    collection: str
    record_id: str
    op: MutationOp
    fields: dict[str, Any]
    previous: dict[str, Any]
    reason: str  # the server's English sentence (what an older server sends alone)
    code: str | None  # what kind of refusal: forbidden, in_use, ...
    rejected_at: str
    # The reason as a code of ``fieldapp.error_codes`` and its plain parameters, for the
    # window to word in its user's language; None (and no parameters) when the server sent
    # only the sentence, or the rejection was stored before schema 5.
    reason_code: str | None = None
    reason_params: dict[str, Param] = field(default_factory=dict)


def open_conflicts(store: Store) -> list[Conflict]:
    def value(text: str | None) -> Any:
        return None if text is None else json.loads(text)

    rows = store.query("SELECT * FROM conflicts WHERE status = 'open' ORDER BY created_at, id")
    return [
        Conflict(
            id=r["id"],
            collection=r["collection"],
            record_id=r["record_id"],
            field=r["field"],
            local_value=value(r["local_value"]),
            remote_value=value(r["remote_value"]),
            base_value=value(r["base_value"]),
            remote_version=r["remote_version"],
            created_at=r["created_at"],
        )
        for r in rows
    ]


def open_rejections(store: Store) -> list[RejectedChange]:
    rows = store.query(
        "SELECT * FROM rejected_mutations WHERE status = 'open' ORDER BY rejected_at, id"
    )
    return [
        RejectedChange(
            r["id"],
            r["collection"],
            r["record_id"],
            MutationOp(r["op"]),
            json.loads(r["fields"]),
            json.loads(r["previous"]),
            r["reason"],
            r["code"],
            r["rejected_at"],
            r["reason_code"],
            json.loads(r["reason_params"]),
        )
        for r in rows
    ]


def _conflict(store: Store, conflict_id: str) -> Conflict:
    for conflict in open_conflicts(store):
        if conflict.id == conflict_id:
            return conflict
    raise InvalidStateError("sync_issues.conflict_already_resolved_or_does_not")


def keep_mine(store: Store, conflict_id: str) -> None:
    """Send my value again, this time over the server's current version."""
    with store.transaction():
        conflict = _conflict(store, conflict_id)
        requeue(
            store,
            conflict.collection,
            conflict.record_id,
            MutationOp.UPDATE,
            {conflict.field: conflict.local_value},
            conflict.remote_version,
        )
        close_conflict(store, conflict.id, "mine")


def take_theirs(store: Store, conflict_id: str) -> None:
    """Accept the server's value; mine is dropped (it stays in the resolved conflict)."""
    with store.transaction():
        conflict = _conflict(store, conflict_id)
        set_server_fields(
            store, conflict.collection, conflict.record_id, {conflict.field: conflict.remote_value}
        )
        close_conflict(store, conflict.id, "theirs")


def _checked_value(field: str, value: Any, known: Iterable[Any], *, label: str) -> Any:
    """A value a person wrote to settle a sync issue, checked as far as the core can without
    the field's own use case: of the kind of the values it replaces, clean text, a finite
    number (SQLite would store NaN as NULL while the outbox still carried NaN)."""
    kinds = {type(v) for v in known if v is not None}
    if value is not None and kinds and type(value) not in kinds:
        raise ValidationError(field, "sync_issues.not_fields_kind", label=label)
    if isinstance(value, str):
        return check.text(field, value, label=label, max_length=check.MAX_TEXT, multiline=True)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(field, "sync_issues.must_finite_number", label=label)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:  # SQLite's INTEGER
        raise ValidationError(field, "sync_issues.too_large_number", label=label)
    return value


@contextlib.contextmanager
def _table_rules(fields: dict[str, Any]) -> Iterator[None]:
    """The table's own rules (a required name, a tier letter, a latitude) speak last; a
    value they refuse is the person's mistake, not a broken database."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        field = next((f for f in fields if f in str(exc)), next(iter(fields), "fields"))
        what = f"The {field.replace('_', ' ')}"
        raise ValidationError(
            field,
            "sync_issues.field_cannot_be_empty"
            if fields.get(field) is None
            else "sync_issues.field_cannot_take_value",
            what=what,
            field_code=field,  # the window words the field through its own label
        ) from None


def merge(store: Store, conflict_id: str, value: Any) -> None:
    """Send a value a person wrote from both versions."""
    with store.transaction():
        conflict = _conflict(store, conflict_id)
        value = _checked_value(
            conflict.field,
            value,
            (conflict.local_value, conflict.remote_value),
            label="Merged value",
        )
        with _table_rules({conflict.field: value}):
            requeue(
                store,
                conflict.collection,
                conflict.record_id,
                MutationOp.UPDATE,
                {conflict.field: value},
                conflict.remote_version,
            )
        close_conflict(store, conflict.id, "merged")


def _rejection(store: Store, rejection_id: str) -> RejectedChange:
    for rejection in open_rejections(store):
        if rejection.id == rejection_id:
            return rejection
    raise InvalidStateError("sync_issues.rejected_change_already_handled_or_does")


def retry_rejected(store: Store, rejection_id: str, fields: dict[str, Any] | None = None) -> None:
    """Send the change again, as it was or corrected (``fields`` replaces some values).

    Corrections here are for what the server's reason pointed at; the record's own use
    case checks still apply to anything else the rep edits.
    """
    with store.transaction():
        rejection = _rejection(store, rejection_id)
        try:
            record = get_record(store, rejection.collection, rejection.record_id)
        except NotFoundError:
            raise InvalidStateError("sync_issues.record_no_longer_on_computer_discard") from None
        corrections = {
            name: _checked_value(
                name, value, (rejection.fields.get(name), record.get(name)), label="Corrected value"
            )
            for name, value in (fields or {}).items()
        }
        values = {**rejection.fields, **corrections}
        values.pop("created_at", None)
        with _table_rules(corrections or values):
            if rejection.op == MutationOp.CREATE:
                requeue(
                    store,
                    rejection.collection,
                    rejection.record_id,
                    MutationOp.CREATE,
                    values,
                    None,
                )
            elif rejection.op == MutationOp.UPDATE:
                requeue(
                    store,
                    rejection.collection,
                    rejection.record_id,
                    MutationOp.UPDATE,
                    values,
                    record["version"],
                )
            else:
                raise InvalidStateError("sync_issues.refused_deletion_cannot_retried_discard")
        close_rejection(store, rejection.id, "retried")


def discard_rejected(store: Store, rejection_id: str) -> None:
    """Give the change up: the record goes back to what the server last had."""
    with store.transaction():
        rejection = _rejection(store, rejection_id)
        if rejection.op == MutationOp.CREATE:
            delete_server_records(store, rejection.collection, [rejection.record_id])
        elif rejection.op == MutationOp.UPDATE:
            try:
                get_record(store, rejection.collection, rejection.record_id)
                set_server_fields(
                    store, rejection.collection, rejection.record_id, rejection.previous
                )
            except NotFoundError:
                pass  # gone since: nothing to restore
        else:  # a refused delete: the server still has the record; put it back
            upsert_server_records(
                store,
                rejection.collection,
                [
                    {
                        **rejection.previous,
                        "id": rejection.record_id,
                        "version": None,
                        "created_at": rejection.rejected_at,
                    }
                ],
            )
        close_rejection(store, rejection.id, "discarded")
