"""Between SQLite column values and the JSON values that mutations and the server carry;
each field's kind in the catalogue says how (JSON text for lists, 0/1 for flags)."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.catalogue import CATALOGUE
from fieldapp.catalogue.kinds import Kind

# Only the fields stored differently: every other value goes through as it is.
_CONVERTED: dict[str, dict[str, Kind]] = {
    c.name: {f.name: f.kind for f in c.fields if type(f.kind).to_column is not Kind.to_column}
    for c in CATALOGUE.values()
}


def to_column(collection: str, field: str, value: Any) -> Any:
    kind = _CONVERTED.get(collection, {}).get(field)
    return value if kind is None or value is None else kind.to_column(value)


def from_column(collection: str, field: str, value: Any) -> Any:
    kind = _CONVERTED.get(collection, {}).get(field)
    return value if kind is None or value is None else kind.from_column(value)


def decode_row(collection: str, row: dict[str, Any]) -> dict[str, Any]:
    return {key: from_column(collection, key, value) for key, value in row.items()}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
