"""Applying a batch of mutations: idempotency, permissions, validation, field-level merge.

Each mutation runs in its own transaction, so one refused or failing mutation never
blocks the others. The transaction starts by taking the global write lock
(``SequenceWriter``), which also serialises two requests carrying the same mutation id:
the second one sees the first one's stored result and answers ``duplicate``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from fieldapp.catalogue import (
    CATALOGUE,
    ApplyResult,
    ChangeOp,
    Collection,
    Filing,
    MutationOp,
    Role,
)
from fieldapp.errors import ValidationError
from fieldapp.ids import new_id
from fieldapp.team.trusted_time import accepted_event_time
from sync.server import handoffs
from sync.server.errors import Rejected, rejection
from sync.server.feed import SequenceWriter, move_account, record_change
from sync.server.field_rules import CLAMPED, IMMUTABLE, check_record, clean_fields, defaults
from sync.server.scope import EVERYONE, Profile, Scope, load_profile, personal_channel
from sync.server.tables import applied_mutations, records

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Caller:
    person: Profile
    scope: Scope
    device_id: str


@dataclass(frozen=True)
class Mutation:
    mutation_id: str
    collection: str
    record_id: str
    op: MutationOp
    fields: dict[str, Any]
    base_version: int | None


def utc_now(clock_seconds: float) -> str:
    return datetime.fromtimestamp(int(clock_seconds), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def apply_batch(
    engine: Engine, caller: Caller, batch: list[Mutation], now: float
) -> list[dict[str, Any]]:
    return [apply_one(engine, caller, mutation, now) for mutation in batch]


def apply_one(engine: Engine, caller: Caller, m: Mutation, now: float) -> dict[str, Any]:
    try:
        with engine.begin() as conn:
            seqs = SequenceWriter(conn)  # first statement: the write lock
            stored = conn.execute(
                sa.select(applied_mutations.c.result, applied_mutations.c.user_id).where(
                    applied_mutations.c.mutation_id == m.mutation_id
                )
            ).first()
            if stored is not None:
                if stored.user_id != caller.person.id:
                    raise Rejected("mutation_id_taken", "server.mutation_id_was_used_by_someone")
                first = json.loads(stored.result)
                return {
                    **first,
                    "status": ApplyResult.DUPLICATE,
                    "original_status": first["status"],
                }
            result = {"mutation_id": m.mutation_id, **_apply(conn, seqs, caller, m, now)}
            conn.execute(
                applied_mutations.insert().values(
                    mutation_id=m.mutation_id,
                    user_id=caller.person.id,
                    result=json.dumps(result),
                    applied_at=int(now),
                )
            )
            seqs.flush()
            return result
    except Rejected as refusal:  # raised inside the transaction: nothing of it was kept
        return rejection(m.mutation_id, refusal.code, refusal.reason_code, refusal.params)
    except ValidationError as exc:
        return rejection(m.mutation_id, "invalid_field", exc.code, exc.params, field=exc.field)
    except sa.exc.OperationalError:
        raise  # the database is unavailable or busy: the whole request answers 503
    except Exception:
        # A bug must not cost the rest of the batch; the client keeps the mutation visible.
        log.exception("mutation %s on %s failed", m.op, m.collection)
        return rejection(m.mutation_id, "server_error", "server.failed_to_apply_change", {})


def _load(conn: Connection, collection: str, record_id: str) -> Any:
    return conn.execute(
        sa.select(records).where(records.c.collection == collection, records.c.id == record_id)
    ).first()


def _apply(
    conn: Connection, seqs: SequenceWriter, caller: Caller, m: Mutation, now: float
) -> dict[str, Any]:
    entry = CATALOGUE.get(m.collection)
    if entry is None:
        raise Rejected("unknown_collection", "server.no_collection", collection=m.collection)
    if not entry.written_by_clients:
        raise Rejected("forbidden", "server.people_managed_on_server_not_from")
    current = _load(conn, m.collection, m.record_id)
    if m.op == MutationOp.CREATE:
        if current is not None and entry.keyed and not current.deleted:
            # Another laptop of the same person made this record first: the same thing.
            return _update(conn, seqs, caller, m, current, json.loads(current.data), now)
        return _create(conn, seqs, caller, m, current, now)
    if current is None or (current.deleted and m.op == MutationOp.UPDATE):
        raise Rejected("not_found", "server.no_such_record_in", collection=m.collection)
    if entry.append_only:
        raise Rejected("forbidden", "server.history_hand_off_never_changed")
    if entry.filed is Filing.ACCOUNT and not caller.scope.includes(current.territory):
        raise Rejected("forbidden", "server.record_not_in_scope")
    data = json.loads(current.data)
    _check_change(entry, caller, m, data)
    if m.op == MutationOp.DELETE:
        return _delete(conn, seqs, m, current, data, now)
    return _update(conn, seqs, caller, m, current, data, now)


def _incoming(
    entry: Collection, fields: dict[str, Any], now: float, *, creating: bool
) -> dict[str, Any]:
    """The mutation's fields, checked, without the moments the server stamps itself (a
    laptop's value for those is ignored: an older laptop still sends ``completed_at``),
    and with each moment a laptop reports taken as never later than now."""
    stamped = entry.stamped
    cleaned = clean_fields(
        entry.name, {k: v for k, v in fields.items() if k not in stamped}, creating=creating
    )
    received = datetime.fromtimestamp(int(now), UTC)
    for name in CLAMPED.get(entry.name, ()):
        value = cleaned.get(name)
        if value is not None:
            claimed = datetime.fromisoformat(value)
            if accepted_event_time(claimed, received) != claimed:
                cleaned[name] = utc_now(now)
    return cleaned


def _stamp(
    entry: Collection, before: dict[str, Any] | None, after: dict[str, Any], now: float
) -> dict[str, Any]:
    """The server's own moments this create or change sets (or empties)."""
    stamped: dict[str, Any] = {}
    for stamp in entry.stamps:
        decision = stamp.applies(before, after)
        if decision is True:
            stamped[stamp.field] = utc_now(now)
        elif decision is False and after.get(stamp.field) is not None:
            stamped[stamp.field] = None
    return stamped


def _create(
    conn: Connection, seqs: SequenceWriter, caller: Caller, m: Mutation, current: Any, now: float
) -> dict[str, Any]:
    if current is not None:
        raise Rejected("id_taken", "server.record_with_id_already_exists")
    entry = CATALOGUE[m.collection]
    cleaned = _incoming(entry, m.fields, now, creating=True)
    created_at = cleaned.pop("created_at", None) or utc_now(now)
    data = defaults(m.collection)
    data.update(cleaned)
    check_record(m.collection, data)
    account_id, territory = _place_new(conn, caller, m, data)
    _check_authorship(caller, entry, data)
    _check_new(conn, caller, m, data, territory)
    data.update(_stamp(entry, None, data, now))
    seq = seqs.next()
    _insert(
        conn,
        seq,
        m.collection,
        m.record_id,
        account_id,
        territory,
        data,
        caller.device_id,
        created_at,
        now,
    )
    _write_steps(
        conn, seqs, caller, m.collection, m.record_id, None, data, account_id, territory, now
    )
    return {"status": ApplyResult.APPLIED, "version": seq}


def _insert(
    conn: Connection,
    seq: int,
    collection: str,
    record_id: str,
    account_id: str | None,
    territory: str,
    data: dict[str, Any],
    device: str | None,
    created_at: str,
    now: float,
) -> None:
    conn.execute(
        records.insert().values(
            collection=collection,
            id=record_id,
            account_id=account_id,
            territory=territory,
            data=json.dumps(data),
            version=seq,
            created_version=seq,
            created_device=device,
            deleted=False,
            field_versions=json.dumps({name: [seq, device] for name in data}),
            created_at=created_at,
            updated_at=utc_now(now),
        )
    )
    record_change(conn, seq, collection, record_id, territory, ChangeOp.UPSERT)


def _check_new(
    conn: Connection, caller: Caller, m: Mutation, data: dict[str, Any], territory: str
) -> None:
    """The rules of the hand-offs and their kin for a new record (sync/server/handoffs.py)."""
    if m.collection == "leads":
        handoffs.check_new_lead(conn, caller, data, territory)
    elif m.collection == "follow_ups":
        handoffs.check_new_follow_up(caller, data)
    elif m.collection == "handoff_events":
        handoffs.check_new_comment(conn, data)
    elif m.collection == "priorities":
        handoffs.check_new_priority(conn, caller, data, territory)
    elif m.collection == "inbox_reads":
        handoffs.check_read_mark(caller, m.record_id, data)
    elif m.collection == "sla_policies":
        handoffs.check_agreement(conn, caller, data, creating=True)
        data["changed_by"] = caller.person.id


def _write_steps(
    conn: Connection,
    seqs: SequenceWriter,
    caller: Caller,
    collection: str,
    record_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    account_id: str | None,
    territory: str,
    now: float,
) -> None:
    """Write the history of a lead's or a follow-up's steps, in the same transaction."""
    if collection == "leads":
        steps = handoffs.lead_steps(before, after)
        target = {"lead_id": record_id, "follow_up_id": None}
    elif collection == "follow_ups":
        steps = handoffs.follow_up_steps(before, after)
        target = {"lead_id": None, "follow_up_id": record_id}
    else:
        return
    for step in steps:
        event = {
            **defaults("handoff_events"),
            "account_id": account_id,
            **target,
            "action": step.action,
            "actor_id": caller.person.id,
            "to_user_id": step.to_user_id,
            "to_team": step.to_team,
            "note": step.note,
            "at": utc_now(now),
        }
        check_record("handoff_events", event)
        _insert(
            conn,
            seqs.next(),
            "handoff_events",
            new_id(),
            account_id,
            territory,
            event,
            None,  # written by the server, from no laptop
            utc_now(now),
            now,
        )


def _place_new(
    conn: Connection, caller: Caller, m: Mutation, data: dict[str, Any]
) -> tuple[str | None, str]:
    """The account and territory a new record belongs to; refuses what is out of scope."""
    collection, record_id = m.collection, m.record_id
    filed = CATALOGUE[collection].filed
    if filed is Filing.EVERYONE:
        return None, EVERYONE
    if filed is Filing.PERSONAL:
        return None, personal_channel(caller.person.id)
    if collection == "accounts":
        territory = _owner_territory(conn, data.get("owner_id")) or caller.person.territory
        if territory is None and caller.scope.includes(data.get("city")):
            territory = data["city"]  # an inside rep's prospect, filed under its city
        if territory is None:
            raise Rejected(
                "no_territory",
                "server.give_account_owner_with_territory_or",
            )
        if not caller.scope.includes(territory):
            raise Rejected("forbidden", "server.territory_not_in_scope", territory=territory)
        return record_id, territory
    if collection == "reviews":
        note = _load(conn, "notes", data["note_id"])
        if note is None or note.deleted or not caller.scope.includes(note.territory):
            raise Rejected("forbidden", "server.reviewed_note_not_in_scope")
        return str(note.account_id), str(note.territory)
    account = _load(conn, "accounts", data["account_id"])
    if account is None or account.deleted or not caller.scope.includes(account.territory):
        # One answer for "no such account" and "someone else's account": no probing.
        raise Rejected("forbidden", "server.account_not_in_scope")
    return str(account.id), str(account.territory)


def _owner_territory(conn: Connection, owner_id: Any) -> str | None:
    owner = load_profile(conn, owner_id) if isinstance(owner_id, str) else None
    return owner.territory if owner is not None and owner.role == Role.FIELD else None


def _check_authorship(caller: Caller, entry: Collection, data: dict[str, Any]) -> None:
    """Who may create what (the catalogue says): a record with an owner is created in the
    caller's name only, a field with ``set_by`` roles is set (to anything but its default)
    by those roles only, and some collections are created by some roles only."""
    me = caller.person
    if entry.created_by is not None and me.role not in entry.created_by:
        raise Rejected("forbidden", entry.created_by_refusal)
    if entry.owner is not None and data[entry.owner.field] != me.id:
        raise Rejected("forbidden", entry.owner.create_refusal)
    for spec in entry.fields:
        roles = spec.kind.set_by
        if roles is None or data[spec.name] == spec.kind.wire_default():
            continue
        if me.role not in roles:
            raise Rejected("forbidden", spec.kind.set_by_refusal)


def _check_change(entry: Collection, caller: Caller, m: Mutation, data: dict[str, Any]) -> None:
    """A record with an owner (a note's author, a review's reviewer) is changed or deleted
    by that person only. A field with ``set_by`` roles is the exception: those roles set
    it on anyone's record (inside reps pin any note for the field), and only they do."""
    special: set[str] = set()
    if m.op == MutationOp.UPDATE:
        for name, value in m.fields.items():
            kind = entry.field(name).kind if name in entry.names else None
            if kind is None or kind.set_by is None or value == data.get(name):
                continue
            if caller.person.role not in kind.set_by:
                raise Rejected("forbidden", kind.set_by_refusal)
            special.add(name)
    if special and set(m.fields) == special:
        return
    if entry.owner is not None and data.get(entry.owner.field) != caller.person.id:
        raise Rejected("forbidden", entry.owner.change_refusal)


def _check_changed(
    conn: Connection,
    caller: Caller,
    collection: str,
    current: Any,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """The hand-off rules of a change, on the record as it would be after it."""
    if collection == "leads":
        handoffs.check_lead_change(conn, caller, before, after, str(current.territory))
    elif collection == "follow_ups":
        handoffs.normalise_follow_up_change(before, after)
        handoffs.check_follow_up_change(conn, caller, before, after)
    elif collection == "priorities":
        pass  # its owner changes its line of why; the rest is immutable
    elif collection == "sla_policies":
        handoffs.check_agreement(conn, caller, after, creating=False)
        after["changed_by"] = caller.person.id


def _update(
    conn: Connection,
    seqs: SequenceWriter,
    caller: Caller,
    m: Mutation,
    current: Any,
    data: dict[str, Any],
    now: float,
) -> dict[str, Any]:
    entry = CATALOGUE[m.collection]
    if entry.keyed and data.get(entry.owner.field if entry.owner else "") != caller.person.id:
        raise Rejected("forbidden", "server.record_someone_elses")
    cleaned = _incoming(entry, m.fields, now, creating=m.op == MutationOp.CREATE)
    cleaned.pop("created_at", None)
    for name in IMMUTABLE.get(m.collection, ()):
        if name in cleaned and cleaned[name] != data.get(name):
            raise Rejected(
                "immutable_field", "server.field_cannot_change_create_new_record", name=name
            )
    versions: dict[str, list[Any]] = json.loads(current.field_versions)
    base = m.base_version
    if base is not None and base > int(current.version):
        # A version this record never had (forged, or the server was restored from an
        # older backup): nothing proves which fields are unchanged since, so every field
        # someone else changed counts as changed, and differs, as a conflict: the person
        # chooses, nothing is silently overwritten (docs/decisions.md).
        base = 0
    if base is None:
        # Created offline and never seen since: its own create is the base.
        own = current.created_device == caller.device_id
        base = int(current.created_version) if own else 0
    changed: dict[str, Any] = {}
    conflicts: list[dict[str, Any]] = []
    for name, value in cleaned.items():
        if data.get(name) == value:
            continue  # the same value on both sides is agreement, not a conflict
        version, device = versions.get(name) or [0, None]
        # Notes are only ever edited by their author, so they never conflict; a keyed
        # record (a read mark) is one person's, and their last word wins.
        if (
            m.collection != "notes"
            and not entry.keyed
            and version > base
            and device != caller.device_id
        ):
            conflicts.append(
                {"field": name, "server_value": data.get(name), "server_version": int(version)}
            )
        else:
            changed[name] = value
    merged = {**data, **changed}
    check_record(m.collection, merged)
    if changed:
        _check_changed(conn, caller, m.collection, current, data, merged)
        changed = {name: value for name, value in merged.items() if value != data.get(name)}
        stamped = _stamp(entry, data, merged, now)
        changed.update(stamped)
        merged.update(stamped)
    version = int(current.version)
    if changed:
        new_territory = None
        if m.collection == "accounts" and "owner_id" in changed:
            new_territory = _owner_territory(conn, changed["owner_id"])
            if new_territory is not None and not caller.scope.includes(new_territory):
                raise Rejected(
                    "forbidden", "server.territory_not_in_scope_2", new_territory=new_territory
                )
        version = seqs.next()
        for name in changed:
            versions[name] = [version, caller.device_id]
        conn.execute(
            sa.update(records)
            .where(records.c.collection == m.collection, records.c.id == m.record_id)
            .values(
                data=json.dumps(merged),
                field_versions=json.dumps(versions),
                version=version,
                updated_at=utc_now(now),
            )
        )
        record_change(conn, version, m.collection, m.record_id, current.territory, ChangeOp.UPSERT)
        _write_steps(
            conn,
            seqs,
            caller,
            m.collection,
            m.record_id,
            data,
            merged,
            current.account_id,
            str(current.territory),
            now,
        )
        if new_territory is not None and new_territory != current.territory:
            move_account(conn, seqs, m.record_id, new_territory)
    if conflicts:
        return {"status": ApplyResult.CONFLICT, "version": version, "conflicts": conflicts}
    return {"status": ApplyResult.APPLIED, "version": version}


def _delete(
    conn: Connection,
    seqs: SequenceWriter,
    m: Mutation,
    current: Any,
    data: dict[str, Any],
    now: float,
) -> dict[str, Any]:
    if current.deleted:
        return {"status": ApplyResult.APPLIED, "version": int(current.version)}
    if m.collection in ("leads", "sla_policies"):
        raise Rejected("forbidden", UNDELETABLE[m.collection])
    if m.collection == "follow_ups" and handoffs.is_hand_off(data):
        raise Rejected("in_use", "server.hand_off_keeps_history_cancel_instead")
    if m.collection == "visits" and _lead_of_visit(conn, current):
        raise Rejected("in_use", "server.visit_was_planned_for_lead_cancel")
    if m.collection == "accounts":
        children = conn.execute(
            sa.select(sa.func.count())
            .select_from(records)
            .where(
                records.c.account_id == m.record_id,
                records.c.collection != "accounts",
                ~records.c.deleted,
            )
        ).scalar_one()
        if children:
            raise Rejected("in_use", "server.account_still_has_contacts_visits_or")
    seq = seqs.next()
    conn.execute(
        sa.update(records)
        .where(records.c.collection == m.collection, records.c.id == m.record_id)
        .values(deleted=True, version=seq, updated_at=utc_now(now))
    )
    record_change(conn, seq, m.collection, m.record_id, current.territory, ChangeOp.DELETE)
    return {"status": ApplyResult.APPLIED, "version": seq}


UNDELETABLE = {
    "leads": "server.lead_keeps_history_withdraw_instead",
    "sla_policies": "server.team_always_has_sla_policies_change",
}


def _lead_of_visit(conn: Connection, visit: Any) -> bool:
    rows = conn.execute(
        sa.select(records.c.data).where(
            records.c.collection == "leads",
            records.c.account_id == visit.account_id,
            ~records.c.deleted,
        )
    ).all()
    return any(json.loads(r.data).get("visit_id") == visit.id for r in rows)
