"""The JSON Schema of each collection's records as the change feed sends them, derived
from the catalogue (the server's OpenAPI description is built from it)."""

from __future__ import annotations

from typing import Any

from fieldapp.catalogue.model import Collection

_MOMENT = {"type": "string", "maxLength": 40}


def record_schema(collection: Collection) -> dict[str, Any]:
    """Every field is present (null when empty, unless the field is required)."""
    properties: dict[str, Any] = {
        "id": {"type": "string", "minLength": 1, "maxLength": 100},
        "version": {"type": "integer"},
        "created_at": _MOMENT,
        "updated_at": _MOMENT,
    }
    for spec in collection.fields:
        value = {**spec.kind.json_schema(), "description": spec.label}
        properties[spec.name] = (
            value if spec.required else {"anyOf": [value, {"type": "null"}], **_desc(value)}
        )
    return {
        "type": "object",
        "title": collection.record.__name__,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _desc(value: dict[str, Any]) -> dict[str, Any]:
    return {"description": value.pop("description")}
