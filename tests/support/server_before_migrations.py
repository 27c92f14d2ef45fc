"""The server's database as it was before it had migrations (issue 10), frozen: the
tables exactly as ``sync/server/tables.py`` declared them then, and ``create_all`` as the
server ran it at every start. Never edit: the migration tests build "an old database" from
this, whatever the server's tables become.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

metadata = sa.MetaData()

# Every replicated record of every collection. ``account_id`` is the account the record
# hangs off (an account's own id for an account; NULL for users), ``territory`` the
# territory of that account, denormalised so that scope checks and the change feed need no
# join; users carry the territory "*" (seen by everyone).
records = sa.Table(
    "records",
    metadata,
    sa.Column("collection", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("account_id", sa.String(100), nullable=True),
    sa.Column("territory", sa.String(200), nullable=True),
    sa.Column("data", sa.Text, nullable=False),  # JSON object of the record's fields
    # field -> [version, device_id] of its last change: field-level concurrency.
    sa.Column("field_versions", sa.Text, nullable=False),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("created_version", sa.BigInteger, nullable=False),
    sa.Column("created_device", sa.String(100), nullable=True),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Index("records_account", "account_id"),
)

# The change feed: at most one row per (record, territory), the latest thing that
# territory must learn about the record (its current state, or a tombstone). Rows are
# replaced, never updated, so a row's ``seq`` only ever grows; see feed.py.
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("collection", sa.String(32), nullable=False),
    sa.Column("record_id", sa.String(100), nullable=False),
    sa.Column("territory", sa.String(200), nullable=False),
    sa.Column("op", sa.String(8), nullable=False),  # upsert | delete
    sa.Index("changes_territory_seq", "territory", "seq"),
    sa.Index("changes_record", "collection", "record_id", "territory"),
)

# One row: the last sequence number handed out. Updating it is how a writer takes the
# global write lock (see feed.allocate_sequence).
sequence_counter = sa.Table(
    "sequence_counter",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

# Idempotency: the result of every mutation that took effect, keyed by its mutation id.
applied_mutations = sa.Table(
    "applied_mutations",
    metadata,
    sa.Column("mutation_id", sa.String(100), primary_key=True),
    sa.Column("user_id", sa.String(100), nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("applied_at", sa.BigInteger, nullable=False),
)

# Sign-in credentials. The person's profile (name, role, team, territory) is their record
# in ``records`` (collection "users"), the same one every laptop receives.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(400), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
)

territories = sa.Table(
    "territories",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("team", sa.String(100), nullable=True),
)

# Tokens are stored as SHA-256 hashes: a copy of the database signs nobody in. An access
# token points to the refresh token it came from, so a sign-out revokes both.
tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(8), nullable=False),  # access | refresh
    sa.Column("user_id", sa.String(100), nullable=False),
    sa.Column("refresh_hash", sa.String(64), nullable=True),
    sa.Column("expires_at", sa.BigInteger, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
    sa.Index("tokens_refresh", "refresh_hash"),
)

sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(100), nullable=False),
    sa.Column("address", sa.String(100), nullable=False),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Index("sign_in_failures_username", "username", "at"),
    sa.Index("sign_in_failures_address", "address", "at"),
)


def create_old_database(engine: Engine) -> None:
    """What ``create_schema`` did before migrations: the tables and the counter's row."""
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sequence_counter.insert().values(name="changes", value=0))
