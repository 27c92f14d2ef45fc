"""Between SQLite column values and the JSON values that mutations and the server carry."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.store.schema import BOOL_FIELDS, JSON_FIELDS


def to_column(collection: str, field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in JSON_FIELDS.get(collection, ()):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if field in BOOL_FIELDS.get(collection, ()):
        return 1 if value else 0
    return value


def from_column(collection: str, field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in JSON_FIELDS.get(collection, ()):
        return json.loads(value)
    if field in BOOL_FIELDS.get(collection, ()):
        return bool(value)
    return value


def decode_row(collection: str, row: dict[str, Any]) -> dict[str, Any]:
    return {key: from_column(collection, key, value) for key, value in row.items()}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
