"""What a mutation may put in each field, read from the catalogue: each field's kind checks
a value with the core's checks (``fieldapp.validation``), applied here to what arrives
from any client, and each collection's rules check the record as a whole."""

from __future__ import annotations

from typing import Any

from fieldapp.catalogue import CATALOGUE
from fieldapp.catalogue.kinds import Moment
from fieldapp.error_codes import listed
from fieldapp.errors import ValidationError

_CREATED_AT = Moment(label="Creation time")

# Fields a create must carry (never null, no default) and the values of those it may
# leave out.
REQUIRED: dict[str, tuple[str, ...]] = {
    c.name: tuple(f.name for f in c.fields if f.needed_on_create) for c in CATALOGUE.values()
}
# The link that places a record in an account's scope never changes: moving a contact to
# another account is a new contact (and a note keeps its author).
IMMUTABLE: dict[str, tuple[str, ...]] = {
    c.name: tuple(f.name for f in c.fields if f.kind.immutable) for c in CATALOGUE.values()
}


# Moments a laptop reports (a check-in) that the server takes as never later than their
# receipt (Moment.not_after_receipt).
CLAMPED: dict[str, tuple[str, ...]] = {
    c.name: names
    for c in CATALOGUE.values()
    if (
        names := tuple(
            f.name for f in c.fields if isinstance(f.kind, Moment) and f.kind.not_after_receipt
        )
    )
}


def defaults(collection: str) -> dict[str, Any]:
    """Every field of a new record: null, or the kind's default (a fresh value each time)."""
    return {f.name: f.kind.wire_default() for f in CATALOGUE[collection].fields}


def clean_fields(collection: str, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The fields with each value checked and normalised; raises ValidationError."""
    entry = CATALOGUE[collection]
    known = {f.name: f for f in entry.fields}
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "created_at" and creating:
            cleaned[name] = _CREATED_AT.clean(name, value, required=True)
            continue
        if name not in known:
            raise ValidationError(name, "server.have_no_field", collection=collection, name=name)
        cleaned[name] = known[name].clean(value)
    if creating:
        missing = [name for name in REQUIRED[collection] if cleaned.get(name) is None]
        if missing:
            raise ValidationError(missing[0], "server.new_record_needs", value=listed(missing))
    return cleaned


def check_record(collection: str, record: dict[str, Any]) -> None:
    """Rules that span fields, checked on the record as it would be after the change."""
    for rule in CATALOGUE[collection].rules:
        rule.check(record)
