"""The server's tables (SQLAlchemy Core) and opening the database.

Only portable types and statements: the same code runs on SQLite and PostgreSQL. Record
fields live in a JSON text column (``data``), checked on the way in by the catalogue's
rules (``field_rules.py``), so the change feed is one indexed query over one table; the
columns the server filters on (collection, account, territory, version) are real columns
with indexes, and the words they hold (collections, feed operations) are the catalogue's,
enforced by CHECK constraints.

These definitions are the schema *now*; a database gets there through the migrations in
``sync/server/migrations`` (Alembic), run when the database is opened.
``tests/server/test_server_migrations.py`` proves that the migrations build exactly these
tables.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from fieldapp.catalogue import COLLECTIONS, ChangeOp
from fieldapp.catalogue.kinds import MAX_ID
from fieldapp.validation import MAX_LINE

metadata = sa.MetaData()
TOKEN_KINDS = ("access", "refresh")


def one_of(name: str, column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    """A CHECK that ``column`` holds one of ``values`` (a misspelt word fails the write)."""
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=name)


# Every replicated record of every collection. ``account_id`` is the account the record
# hangs off (an account's own id for an account; NULL for users), ``territory`` the
# territory of that account, denormalised so that scope checks and the change feed need no
# join; users carry the territory "*" (seen by everyone).
records = sa.Table(
    "records",
    metadata,
    sa.Column("collection", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(MAX_ID), primary_key=True),
    sa.Column("account_id", sa.String(MAX_ID), nullable=True),
    sa.Column("territory", sa.String(MAX_LINE), nullable=True),
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
    one_of("records_collection_known", "collection", COLLECTIONS),
)

# The change feed: at most one row per (record, territory), the latest thing that
# territory must learn about the record (its current state, or a tombstone). Rows are
# replaced, never updated, so a row's ``seq`` only ever grows; see feed.py.
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("collection", sa.String(32), nullable=False),
    sa.Column("record_id", sa.String(MAX_ID), nullable=False),
    sa.Column("territory", sa.String(MAX_LINE), nullable=False),
    sa.Column("op", sa.String(8), nullable=False),
    sa.Index("changes_territory_seq", "territory", "seq"),
    sa.Index("changes_record", "collection", "record_id", "territory"),
    one_of("changes_collection_known", "collection", COLLECTIONS),
    one_of("changes_op_known", "op", tuple(ChangeOp)),
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
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("user_id", sa.String(100), nullable=False),
    sa.Column("refresh_hash", sa.String(64), nullable=True),
    sa.Column("expires_at", sa.BigInteger, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
    sa.Index("tokens_refresh", "refresh_hash"),
    one_of("tokens_kind_known", "kind", TOKEN_KINDS),
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

FEED_SEQUENCE = "changes"


# SQLite starts a write transaction implicitly at the first of these (Python's sqlite3).
_WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE")
SQLITE_BUSY_TIMEOUT = 30.0  # seconds a writer waits for the write lock before a 503


class _WriterQueue:
    """The server's writers to one SQLite file wait for each other here, in turn.

    SQLite admits one writer at a time, and a writer that finds the database locked polls
    (sleeps 1, 2, 5 ... 100 ms and tries again): under load the lock sits free while
    waiters sleep, and unlucky waiters lose race after race. The server load benchmark
    measured push p99 two to three times higher and single pushes up to 23 s without this
    queue (docs/reliability.md); past the 30 s busy timeout a loser would get a 503
    "database is locked". A lock in the process hands the write lock on at once and in
    about arrival order; SQLite's own lock and busy timeout still guard against other
    processes (``fieldapp server add-user`` while the server runs).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()


def _queued_writes(queue: _WriterQueue) -> type[sqlite3.Connection]:
    """A ``sqlite3.Connection`` class whose write transactions go through ``queue``: the
    turn is taken just before the statement that begins one, given back after its commit
    or rollback (also the rollback of a connection returned to the pool)."""

    class Cursor(sqlite3.Cursor):
        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            connection: Any = self.connection
            connection.take_turn(sql)
            try:
                return super().execute(sql, parameters)
            finally:
                connection.end_turn()

        def executemany(self, sql: str, parameters: Any, /) -> Any:
            connection: Any = self.connection
            connection.take_turn(sql)
            try:
                return super().executemany(sql, parameters)
            finally:
                connection.end_turn()

    class Connection(sqlite3.Connection):
        has_turn = False

        def cursor(self, factory: Any = Cursor) -> Any:
            return super().cursor(factory)

        # The C shortcuts would make a plain cursor and skip the queue.
        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, parameters: Any, /) -> Any:
            return self.cursor().executemany(sql, parameters)

        def take_turn(self, sql: str) -> None:
            if self.has_turn or self.in_transaction:
                return
            if sql.lstrip()[:8].upper().startswith(_WRITE_STATEMENTS):
                if not queue.lock.acquire(timeout=SQLITE_BUSY_TIMEOUT):
                    raise sqlite3.OperationalError("database is locked")
                self.has_turn = True

        def end_turn(self) -> None:
            """Give the turn back once no transaction is open (committed, rolled back, or a
            statement that failed before it began one)."""
            if self.has_turn and not self.in_transaction:
                self.has_turn = False
                queue.lock.release()

        def commit(self) -> None:
            try:
                super().commit()
            finally:
                self.end_turn()

        def rollback(self) -> None:
            try:
                super().rollback()
            finally:
                self.end_turn()

        def close(self) -> None:
            try:
                super().close()
            finally:
                if self.has_turn:
                    self.has_turn = False
                    queue.lock.release()

    return Connection


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (pulls) run while one writer commits; FULL keeps an acknowledged
    # mutation on disk through a power cut.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def open_database(url: str) -> Engine:
    """An engine for ``url``, its database migrated to the current schema; SQLite gets WAL
    and a busy timeout."""
    from sync.server.migrations import upgrade_database  # the migrations import this module

    upgrade_database(url)
    url_obj = sa.engine.make_url(url)
    if url_obj.get_backend_name() == "sqlite":
        # Requests run on a thread pool; SQLite connections may move between its threads
        # because the pool hands each to one request at a time.
        engine = sa.create_engine(
            url_obj,
            connect_args={
                "check_same_thread": False,
                "timeout": SQLITE_BUSY_TIMEOUT,
                "factory": _queued_writes(_WriterQueue()),
            },
        )
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = sa.create_engine(url_obj, pool_pre_ping=True)
    return engine
