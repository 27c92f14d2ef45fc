"""The words of the records and the feed are the catalogue's (issue 10): a record or a
change of an unknown collection, a feed entry other than upsert/delete, a token of an
unknown kind is refused by the database too.

The lists are frozen here as they were at this revision; a collection added to the
catalogue later comes with a revision that replaces these constraints
(``tests/server/test_server_migrations.py`` fails until it does). On SQLite each table is
copied to add its constraint (ALTER TABLE cannot): rows, indexes and all.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLLECTIONS = (
    "users",
    "accounts",
    "contacts",
    "opportunities",
    "visits",
    "notes",
    "follow_ups",
    "reviews",
)


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    with op.batch_alter_table("records") as table:
        table.create_check_constraint(
            "records_collection_known", f"collection IN ({_listed(COLLECTIONS)})"
        )
    with op.batch_alter_table("changes") as table:
        table.create_check_constraint(
            "changes_collection_known", f"collection IN ({_listed(COLLECTIONS)})"
        )
        table.create_check_constraint("changes_op_known", "op IN ('upsert', 'delete')")
    with op.batch_alter_table("tokens") as table:
        table.create_check_constraint("tokens_kind_known", "kind IN ('access', 'refresh')")


def downgrade() -> None:
    raise NotImplementedError("FieldApp's server migrations are forward only.")
