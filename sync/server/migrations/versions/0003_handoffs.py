"""Hand-offs, inbox and priorities (issue 11): five new collections (the teams' SLA
agreements, leads handed to the field, priorities, the history of each hand-off, read
marks), and fields the server stamps with its own clock on notes, reviews and follow-ups.

The collection lists of the CHECK constraints of revision 0002 are replaced by the new
list, frozen here as it is at this revision. The new fields are given to every stored
record as null: the moment a record of before this revision arrived is not known, and the
clocks read it from the record's ``created_at`` (docs/team-loop.md, "Hand-offs"). A
laptop holds the same null, so the two never disagree.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10
"""

from __future__ import annotations

from alembic import op

from sync.server.migrations.fields import add_field

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLLECTIONS = (
    "users",
    "sla_policies",
    "accounts",
    "contacts",
    "opportunities",
    "visits",
    "notes",
    "follow_ups",
    "reviews",
    "leads",
    "priorities",
    "handoff_events",
    "inbox_reads",
)
NEW_FIELDS = (
    ("notes", "arrived_at"),
    ("notes", "pinned_at"),
    ("follow_ups", "claimed_by"),
    ("follow_ups", "outcome"),
    ("follow_ups", "handed_at"),
    ("follow_ups", "claimed_at"),
    ("reviews", "arrived_at"),
)


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    for table, name in (
        ("records", "records_collection_known"),
        ("changes", "changes_collection_known"),
    ):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(name, type_="check")
            batch.create_check_constraint(name, f"collection IN ({_listed(COLLECTIONS)})")
    for collection, name in NEW_FIELDS:
        add_field(collection, name)


def downgrade() -> None:
    raise NotImplementedError("FieldApp's server migrations are forward only.")
