"""What a mutation may put in each field: the core's checks (``fieldapp.validation``),
applied on the server to what arrives from any client, plus the record-wide rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from fieldapp import records as domain
from fieldapp import validation as check
from fieldapp.errors import ValidationError

Checker = Callable[[str, Any], Any]
MAX_ID = 100


def _text(label: str, *, required: bool = False, long: bool = False) -> Checker:
    limit = check.MAX_TEXT if long else check.MAX_LINE

    def run(field: str, value: Any) -> Any:
        return check.text(
            field, value, label=label, required=required, max_length=limit, multiline=long
        )

    return run


def _choice(options: tuple[str, ...], label: str, *, nullable: bool = False) -> Checker:
    def run(field: str, value: Any) -> Any:
        if value is None and nullable:
            return None
        return check.choice(field, value, options, label=label)

    return run


def _identifier(label: str, *, required: bool = False) -> Checker:
    def run(field: str, value: Any) -> Any:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID:
            raise ValidationError(field, f"{label} must be an id (text of 1 to {MAX_ID}).")
        return value

    return run


def _moment(label: str, *, required: bool = False) -> Checker:
    """UTC ISO-8601 text with a time zone, stored as sent (text order is time order)."""

    def run(field: str, value: Any) -> Any:
        if value is None and not required:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise ValidationError(
                field, f"{label} must be a date and time such as 2026-11-23T14:05:00Z."
            )
        return value

    return run


def _day(label: str, *, required: bool = False) -> Checker:
    def run(field: str, value: Any) -> Any:
        if value is None and not required:
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return value
        raise ValidationError(field, f"{label} must be a date such as 2026-11-23.")

    return run


def _whole(label: str, low: int, high: int) -> Checker:
    def run(field: str, value: Any) -> Any:
        if value is None:
            return None
        return check.whole_number(field, value, label=label, minimum=low, maximum=high)

    return run


def _flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "Pinned must be true or false.")
    return value


def _id_list(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if (
        not isinstance(value, list)
        or len(value) > 200
        or not all(isinstance(v, str) and 0 < len(v) <= MAX_ID for v in value)
    ):
        raise ValidationError(field, "Contacts met must be a list of contact ids.")
    return value


RULES: dict[str, dict[str, Checker]] = {
    "accounts": {
        "name": _text("Name", required=True),
        "tier": lambda f, v: check.tier(v),
        "address": _text("Address"),
        "city": _text("City"),
        "postal_code": _text("Postal code"),
        "country": _text("Country"),
        "latitude": lambda f, v: check.latitude(v),
        "longitude": lambda f, v: check.longitude(v),
        "phone": check.phone,
        "owner_id": _identifier("Owner"),
        "visit_frequency_days": _whole("Visit frequency", 1, 3650),
    },
    "contacts": {
        "account_id": _identifier("Account", required=True),
        "first_name": _text("First name"),
        "last_name": _text("Last name", required=True),
        "job_title": _text("Job title"),
        "email": check.email,
        "phone": check.phone,
    },
    "opportunities": {
        "account_id": _identifier("Account", required=True),
        "name": _text("Name", required=True),
        "stage": _choice(domain.OPPORTUNITY_STAGES, "Stage"),
        "amount": check.amount,
        "currency": _text("Currency"),
        "close_date": _day("Close date"),
        "owner_id": _identifier("Owner"),
    },
    "visits": {
        "account_id": _identifier("Account", required=True),
        "rep_id": _identifier("Rep", required=True),
        "planned_start": _moment("Planned start", required=True),
        "planned_end": _moment("Planned end", required=True),
        "route_position": _whole("Route position", 0, 10_000),
        "status": _choice(domain.VISIT_STATUSES, "Status"),
        "checked_in_at": _moment("Check-in time"),
        "checked_out_at": _moment("Check-out time"),
        "contacts_met": _id_list,
        "outcome": _choice(domain.VISIT_OUTCOMES, "Outcome", nullable=True),
        "summary": _text("Summary", long=True),
        "next_steps": _text("Next steps", long=True),
    },
    "notes": {
        "account_id": _identifier("Account", required=True),
        "visit_id": _identifier("Visit"),
        "author_id": _identifier("Author", required=True),
        "kind": _choice(domain.NOTE_KINDS, "Kind"),
        "body": _text("Note", required=True, long=True),
        "pinned": _flag,
        "reply_to_id": _identifier("Reply to"),
    },
    "follow_ups": {
        "account_id": _identifier("Account", required=True),
        "title": _text("Title", required=True),
        "details": _text("Details", long=True),
        "assignee_user_id": _identifier("Assignee"),
        "assignee_team": _choice(domain.TEAMS, "Team", nullable=True),
        "due_date": _day("Due date", required=True),
        "status": _choice(domain.FOLLOW_UP_STATUSES, "Status"),
        "origin_visit_id": _identifier("Origin visit"),
        "origin_note_id": _identifier("Origin note"),
        "created_by": _identifier("Created by"),
        "completed_at": _moment("Completed at"),
    },
    "reviews": {
        "note_id": _identifier("Note", required=True),
        "reviewer_id": _identifier("Reviewer", required=True),
        "reviewed_at": _moment("Review time", required=True),
    },
}
# tests/server/test_server_mutations.py keeps this in step with FIELDS.

# Fields a create must carry (NOT NULL without a default in the schema).
REQUIRED: dict[str, tuple[str, ...]] = {
    "accounts": ("name", "tier"),
    "contacts": ("account_id", "last_name"),
    "opportunities": ("account_id", "name", "stage"),
    "visits": ("account_id", "rep_id", "planned_start", "planned_end", "status"),
    "notes": ("account_id", "author_id", "kind", "body"),
    "follow_ups": ("account_id", "title", "due_date", "status"),
    "reviews": ("note_id", "reviewer_id", "reviewed_at"),
}
DEFAULTS: dict[str, dict[str, Any]] = {"visits": {"contacts_met": []}, "notes": {"pinned": False}}
# The link that places a record in an account's scope never changes: moving a contact to
# another account is a new contact.
IMMUTABLE: dict[str, tuple[str, ...]] = {
    "contacts": ("account_id",),
    "opportunities": ("account_id",),
    "visits": ("account_id",),
    "notes": ("account_id", "author_id"),
    "follow_ups": ("account_id",),
    "reviews": ("note_id", "reviewer_id"),
}


def clean_fields(collection: str, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The fields with each value checked and normalised; raises ValidationError."""
    rules = RULES[collection]
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "created_at" and creating:
            cleaned[name] = _moment("Creation time", required=True)(name, value)
            continue
        if name not in rules:
            raise ValidationError(name, f"{collection} have no field '{name}'.")
        cleaned[name] = rules[name](name, value)
    if creating:
        missing = [name for name in REQUIRED[collection] if cleaned.get(name) is None]
        if missing:
            raise ValidationError(missing[0], f"A new record needs {', '.join(missing)}.")
    return cleaned


def check_record(collection: str, record: dict[str, Any]) -> None:
    """Rules that span fields, checked on the record as it would be after the change."""
    if collection == "accounts" and (record.get("latitude") is None) != (
        record.get("longitude") is None
    ):
        raise ValidationError("latitude", "Latitude and longitude go together: give both.")
    if collection == "follow_ups" and (record.get("assignee_user_id") is None) == (
        record.get("assignee_team") is None
    ):
        raise ValidationError(
            "assignee_team", "A follow-up goes to one person or one team, not both or neither."
        )
    if collection == "visits" and _instant(record["planned_end"]) < _instant(
        record["planned_start"]
    ):
        raise ValidationError("planned_end", "A visit cannot end before it starts.")


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)
