"""Accounts, contacts and opportunities: create a prospect met on the road, keep them right."""

from __future__ import annotations

from typing import Any

from fieldapp.catalogue import CATALOGUE, FieldSpec, clean
from fieldapp.catalogue.kinds import Link
from fieldapp.errors import ValidationError
from fieldapp.records import Account, Contact, Opportunity
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.people import current_user

# What a person may edit on an account: every field of the catalogue but its links (the
# owner is set on creation and moved by the server), each checked as its kind says.
_ACCOUNT_CHECKS: dict[str, FieldSpec] = {
    spec.name: spec for spec in CATALOGUE["accounts"].fields if not isinstance(spec.kind, Link)
}


def _checked_account_fields(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(_ACCOUNT_CHECKS)
    if unknown:
        field = sorted(unknown)[0]
        raise ValidationError(field, "accounts.not_field_account_can_edit", field=field)
    cleaned = {name: _ACCOUNT_CHECKS[name].clean(value) for name, value in values.items()}
    lat = cleaned.get("latitude", values.get("latitude"))
    lon = cleaned.get("longitude", values.get("longitude"))
    if ("latitude" in values or "longitude" in values) and (lat is None) != (lon is None):
        raise ValidationError("latitude", "accounts.latitude_and_longitude_go_together_give")
    return cleaned


def get_account(store: Store, account_id: str) -> Account:
    return Account.from_row(get_record(store, "accounts", account_id))


# What a person may say about a new account (create_account's fields, owner aside): the
# hand-over of a prospect, and the CSV lists that export and import accounts, use these.
ACCOUNT_INPUT_FIELDS = (
    "name",
    "tier",
    "address",
    "city",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "phone",
    "visit_frequency_days",
)


def create_account(
    store: Store,
    *,
    name: str,
    tier: str,
    address: str | None = None,
    city: str | None = None,
    postal_code: str | None = None,
    country: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    phone: str | None = None,
    visit_frequency_days: int | None = None,
    owner_id: str | None = None,
) -> Account:
    """A new account (typically a prospect met on the road), owned by the current rep."""
    fields = _checked_account_fields(
        {
            "name": name,
            "tier": tier,
            "address": address,
            "city": city,
            "postal_code": postal_code,
            "country": country,
            "latitude": latitude,
            "longitude": longitude,
            "phone": phone,
            "visit_frequency_days": visit_frequency_days,
        }
    )
    fields["owner_id"] = owner_id or current_user(store).id
    return Account.from_row(create_record(store, "accounts", fields))


def edit_account(store: Store, account_id: str, **changes: Any) -> Account:
    """Change some fields of an account; only the fields that really change are queued."""
    if not changes:
        return get_account(store, account_id)
    cleaned = _checked_account_fields(changes)
    with store.transaction():
        current = get_account(store, account_id)
        lat = cleaned.get("latitude", current.latitude)
        lon = cleaned.get("longitude", current.longitude)
        if (lat is None) != (lon is None):
            raise ValidationError("latitude", "accounts.latitude_and_longitude_go_together_give")
        return Account.from_row(update_record(store, "accounts", account_id, cleaned))


def create_contact(
    store: Store,
    account_id: str,
    *,
    last_name: str,
    first_name: str | None = None,
    job_title: str | None = None,
    email: str | None = None,
    phone: str | None = None,
) -> Contact:
    fields = {
        "account_id": account_id,
        "first_name": clean("contacts", "first_name", first_name),
        "last_name": clean("contacts", "last_name", last_name),
        "job_title": clean("contacts", "job_title", job_title),
        "email": clean("contacts", "email", email),
        "phone": clean("contacts", "phone", phone),
    }
    with store.transaction():
        get_account(store, account_id)  # a clear NotFoundError rather than a foreign-key error
        return Contact.from_row(create_record(store, "contacts", fields))


def update_opportunity_stage(store: Store, opportunity_id: str, stage: str) -> Opportunity:
    """Move an opportunity along the funnel after a visit."""
    stage = clean("opportunities", "stage", stage)
    return Opportunity.from_row(
        update_record(store, "opportunities", opportunity_id, {"stage": stage})
    )


def contacts_of(store: Store, account_id: str) -> list[Contact]:
    rows = store.query(
        "SELECT * FROM contacts WHERE account_id = ? ORDER BY last_name, first_name",
        (account_id,),
    )
    return [Contact.from_row(r) for r in rows]
