"""Reading the server's JSON: strict checks, so a malformed, truncated or wrongly typed
answer becomes a ProtocolError before anything reaches the local store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from fieldapp.catalogue import CATALOGUE, ApplyResult, ChangeOp
from fieldapp.catalogue.kinds import Agreement
from fieldapp.error_codes import ENGLISH, Param
from fieldapp.store.syncbook import FieldConflict, MutationResult, PulledChange
from sync.backend import Identity, PullPage, Tokens
from sync.errors import ProtocolError

RESULT_STATUSES = tuple(ApplyResult)

# The JSON type of each field, from its kind in the catalogue: "string", "number",
# "integer", "boolean", "array" (of ids) or "object" (a team's SLA agreement).
_JSON_TYPES = {c.name: {f.name: f.kind.json_type for f in c.fields} for c in CATALOGUE.values()}
_AGREEMENTS = {
    c.name: {f.name: f.kind for f in c.fields if isinstance(f.kind, Agreement)}
    for c in CATALOGUE.values()
}


def decode(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError("sync.server_sent_something_not_json", exc=exc) from None
    if not isinstance(value, dict):
        raise ProtocolError("sync.servers_answer_not_json_object")
    return value


def _get(obj: dict[str, Any], key: str, kinds: type | tuple[type, ...], where: str) -> Any:
    if key not in obj:
        raise ProtocolError("sync.servers_lacks", where=where, key=key)
    value = obj[key]
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in _tuple(kinds)):
        raise ProtocolError("sync.servers_has_wrongly_typed", where=where, key=key)
    return value


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


# The types JSON decoding gives a well-typed value of each JSON type (arrays: none, their
# items need checking too).
_EXACT_TYPES: dict[str, frozenset[type]] = {
    "number": frozenset({int, float}),
    "integer": frozenset({int}),
    "boolean": frozenset({bool}),
    "array": frozenset(),
    "object": frozenset(),
    "string": frozenset({str}),
}

# A page holds thousands of records: the common case (a value of exactly the right type)
# is one set lookup per field; anything else takes the full check below.
_FAST_CHECKS = {
    collection: tuple((name, _EXACT_TYPES[json_type]) for name, json_type in types.items())
    for collection, types in _JSON_TYPES.items()
}


def _check_record(collection: str, record: Any) -> dict[str, Any]:
    if type(record) is dict and type(record.get("id")) is str:
        created_at, version = record.get("created_at"), record.get("version")
        if type(created_at) is str and (version is None or type(version) is int):
            for name, exact in _FAST_CHECKS[collection]:
                value = record.get(name)
                if value is not None and type(value) not in exact:
                    _check_field(collection, name, value)
            return record
    where = f"{collection} record"
    if not isinstance(record, dict):
        raise ProtocolError("sync.server_sent_not_object", where=where)
    _get(record, "id", str, where)
    _get(record, "created_at", str, where)
    if record.get("version") is not None:
        _get(record, "version", int, where)
    for name in _JSON_TYPES[collection]:
        value = record.get(name)
        if value is not None:
            _check_field(collection, name, value)
    return record


def _check_field(collection: str, name: str, value: Any) -> None:
    json_type = _JSON_TYPES[collection][name]
    if json_type == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif json_type == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif json_type == "boolean":
        ok = isinstance(value, bool)
    elif json_type == "array":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif json_type == "object":
        ok = isinstance(value, dict) and _AGREEMENTS[collection][name].wire_ok(value)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ProtocolError(
            "sync.server_sent_record_with_wrongly_typed", collection=collection, name=name
        )


def pull_page(body: dict[str, Any]) -> PullPage:
    changes = _get(body, "changes", list, "change feed")
    cursor = _get(body, "cursor", str, "change feed")
    has_more = _get(body, "has_more", bool, "change feed")
    parsed = []
    for item in changes:
        if not isinstance(item, dict):
            raise ProtocolError("sync.servers_change_feed_holds_something_not")
        collection = _get(item, "collection", str, "change")
        if collection not in CATALOGUE:
            raise ProtocolError("sync.server_sent_change_unknown_kind", collection=collection)
        record_id = _get(item, "id", str, "change")
        op = _get(item, "op", str, "change")
        version = item.get("version")
        if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
            raise ProtocolError("sync.server_sent_change_with_wrongly_typed")
        if op == ChangeOp.UPSERT:
            record = _check_record(collection, item.get("record"))
            if record["id"] != record_id:
                raise ProtocolError("sync.server_sent_change_whose_record_has")
            parsed.append(PulledChange(collection, record_id, ChangeOp.UPSERT, version, record))
        elif op == ChangeOp.DELETE:
            parsed.append(PulledChange(collection, record_id, ChangeOp.DELETE, version))
        else:
            raise ProtocolError("sync.server_sent_unknown_change_operation", op=op)
    return PullPage(tuple(parsed), cursor, has_more, server_time(body))


def server_time(body: dict[str, Any]) -> datetime | None:
    """The ``server_time`` an answer states (None from a server that states none)."""
    if body.get("server_time") is None:
        return None
    text = _get(body, "server_time", str, "answer")
    try:
        moment = datetime.fromisoformat(text) if len(text) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ProtocolError("sync.servers_answer_has_malformed_server_time")
    return moment.astimezone(UTC)


def reason_of(answer: dict[str, Any]) -> tuple[str | None, dict[str, Param]]:
    """The ``reason_code`` and ``reason_params`` of a rejection or an error body.

    Lenient where the rest of this module is strict: the reason only words a refusal the
    answer states anyway, so a missing, wrongly typed or unknown code (an older server, a
    newer one with codes this version lacks) gives (None, {}) and the English sentence is
    shown as it came, rather than costing the whole answer. A parameter that is not a
    plain value is left out."""
    code = answer.get("reason_code")
    if not isinstance(code, str) or code not in ENGLISH:
        return None, {}
    raw = answer.get("reason_params")
    params: dict[str, Param] = {}
    if isinstance(raw, dict):
        for name, value in raw.items():
            if isinstance(name, str) and (value is None or isinstance(value, str | int | float)):
                params[name] = value
    return code, params


def push_results(body: dict[str, Any], sent: Sequence[str]) -> list[MutationResult]:
    results = _get(body, "results", list, "push answer")
    parsed = []
    for item in results:
        if not isinstance(item, dict):
            raise ProtocolError("sync.servers_push_answer_holds_something_not")
        mutation_id = _get(item, "mutation_id", str, "push result")
        status = _get(item, "status", str, "push result")
        if status not in RESULT_STATUSES:
            raise ProtocolError("sync.server_answered_mutation_with_unknown", status=status)
        version = item.get("version")
        if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
            raise ProtocolError("sync.server_answered_mutation_with_wrongly_typed")
        conflicts = []
        for conflict in item.get("conflicts") or []:
            if not isinstance(conflict, dict):
                raise ProtocolError("sync.server_sent_malformed_conflict")
            server_version = conflict.get("server_version")
            conflicts.append(
                FieldConflict(
                    _get(conflict, "field", str, "conflict"),
                    conflict.get("server_value"),
                    server_version if isinstance(server_version, int) else None,
                )
            )
        reason = item.get("reason")
        code = item.get("code")
        reason_code, reason_params = reason_of(item)
        parsed.append(
            MutationResult(
                mutation_id,
                ApplyResult(status),
                version,
                tuple(conflicts),
                reason if isinstance(reason, str) else None,
                code if isinstance(code, str) else None,
                reason_code=reason_code,
                reason_params=reason_params,
            )
        )
    answered = {r.mutation_id for r in parsed}
    if not answered <= set(sent):
        raise ProtocolError("sync.server_answered_for_mutations_were_not")
    return parsed


def tokens(body: dict[str, Any]) -> Tokens:
    user = _get(body, "user", dict, "sign-in answer")
    return Tokens(
        access_token=_get(body, "access_token", str, "sign-in answer"),
        refresh_token=_get(body, "refresh_token", str, "sign-in answer"),
        expires_in=_get(body, "expires_in", int, "sign-in answer"),
        user_id=_get(user, "id", str, "sign-in answer"),
    )


def identity(body: dict[str, Any]) -> Identity:
    user = _get(body, "user", dict, "identity")
    raw_scope = body.get("scope")
    scope: dict[str, Any] = raw_scope if isinstance(raw_scope, dict) else {}
    return Identity(
        user_id=_get(user, "id", str, "identity"),
        username=_get(user, "username", str, "identity"),
        display_name=str(user.get("display_name") or user["username"]),
        role=_get(user, "role", str, "identity"),
        team=user.get("team") if isinstance(user.get("team"), str) else None,
        territory=user.get("territory") if isinstance(user.get("territory"), str) else None,
        scope=scope,
    )
