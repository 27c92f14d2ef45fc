"""The catalogue as the server knew it before issue 11 (hand-offs, inbox, priorities),
frozen: its collections and the fields of each. Never edit.

The migration tests seed an old database with today's demo generator, which now makes
leads, priorities and read marks, and notes with arrival times; ``as_before_handoffs``
takes out what an old server could not have stored, so the database is one it really
made.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy.engine import Engine

FIELDS_BEFORE_HANDOFFS: dict[str, tuple[str, ...]] = {
    "users": ("username", "display_name", "email", "role", "team", "territory"),
    "accounts": (
        "name",
        "tier",
        "address",
        "city",
        "postal_code",
        "country",
        "latitude",
        "longitude",
        "phone",
        "owner_id",
        "visit_frequency_days",
    ),
    "contacts": ("account_id", "first_name", "last_name", "job_title", "email", "phone"),
    "opportunities": (
        "account_id",
        "name",
        "stage",
        "amount",
        "currency",
        "close_date",
        "owner_id",
    ),
    "visits": (
        "account_id",
        "rep_id",
        "planned_start",
        "planned_end",
        "route_position",
        "status",
        "checked_in_at",
        "checked_out_at",
        "contacts_met",
        "outcome",
        "summary",
        "next_steps",
    ),
    "notes": ("account_id", "visit_id", "author_id", "kind", "body", "pinned", "reply_to_id"),
    "follow_ups": (
        "account_id",
        "title",
        "details",
        "assignee_user_id",
        "assignee_team",
        "due_date",
        "status",
        "origin_visit_id",
        "origin_note_id",
        "created_by",
        "completed_at",
    ),
    "reviews": ("note_id", "reviewer_id", "reviewed_at"),
}


def as_before_handoffs(engine: Engine) -> None:
    """Keep only what a server of before issue 11 stored: its collections, their fields."""
    records = sa.table(
        "records",
        sa.column("collection"),
        sa.column("id"),
        sa.column("data"),
        sa.column("field_versions"),
    )
    changes = sa.table("changes", sa.column("collection"))
    known = tuple(FIELDS_BEFORE_HANDOFFS)
    with engine.begin() as conn:
        conn.execute(sa.delete(changes).where(changes.c.collection.not_in(known)))
        conn.execute(sa.delete(records).where(records.c.collection.not_in(known)))
        rows = conn.execute(
            sa.select(records.c.collection, records.c.id, records.c.data, records.c.field_versions)
        ).all()
        for row in rows:
            fields = FIELDS_BEFORE_HANDOFFS[row.collection]
            data = {k: v for k, v in json.loads(row.data).items() if k in fields}
            versions = {k: v for k, v in json.loads(row.field_versions).items() if k in fields}
            if data != json.loads(row.data):
                conn.execute(
                    sa.update(records)
                    .where(records.c.collection == row.collection, records.c.id == row.id)
                    .values(data=json.dumps(data), field_versions=json.dumps(versions))
                )
