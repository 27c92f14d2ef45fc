"""The server's tables as they were before migrations existed (issue 10).

A database made by those versions has exactly these tables; ``upgrade_database`` stamps it
at this revision instead of running it. Frozen: never edit a shipped revision.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("collection", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("account_id", sa.String(100), nullable=True),
        sa.Column("territory", sa.String(200), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("field_versions", sa.Text, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("created_version", sa.BigInteger, nullable=False),
        sa.Column("created_device", sa.String(100), nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("records_account", "records", ["account_id"])
    op.create_table(
        "changes",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("collection", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(100), nullable=False),
        sa.Column("territory", sa.String(200), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
    )
    op.create_index("changes_territory_seq", "changes", ["territory", "seq"])
    op.create_index("changes_record", "changes", ["collection", "record_id", "territory"])
    counter = op.create_table(
        "sequence_counter",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"name": "changes", "value": 0}])
    op.create_table(
        "applied_mutations",
        sa.Column("mutation_id", sa.String(100), primary_key=True),
        sa.Column("user_id", sa.String(100), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("applied_at", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(400), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "territories",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("team", sa.String(100), nullable=True),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("user_id", sa.String(100), nullable=False),
        sa.Column("refresh_hash", sa.String(64), nullable=True),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.BigInteger, nullable=False),
    )
    op.create_index("tokens_refresh", "tokens", ["refresh_hash"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("address", sa.String(100), nullable=False),
        sa.Column("at", sa.BigInteger, nullable=False),
    )
    op.create_index("sign_in_failures_username", "sign_in_failures", ["username", "at"])
    op.create_index("sign_in_failures_address", "sign_in_failures", ["address", "at"])


def downgrade() -> None:
    raise NotImplementedError("FieldApp's server migrations are forward only.")
