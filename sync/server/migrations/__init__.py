"""The server database's migrations (Alembic), and bringing a database up to date.

``open_database`` calls ``upgrade_database`` before anything else touches the database,
so every command (``server run``, ``seed``, ``add-user``) works on the current schema. A
database made before the server had migrations (it has the tables but no
``alembic_version``) is stamped at the baseline, which is exactly the schema it has, then
upgraded like any other. A new revision goes in ``versions/`` (docs/server.md,
"Migrations"); ``alembic -c sync/server/migrations/alembic.ini history`` lists them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import URL, Connection

from fieldapp.errors import FieldAppError

log = logging.getLogger(__name__)


class MigrationError(FieldAppError):
    """The database cannot be brought to the schema this server needs; it was left as it
    was."""


FOLDER = Path(__file__).parent
BASELINE = "0001"
# Any constant will do, as long as every server process takes the same one: on
# PostgreSQL, processes starting together migrate one after the other.
_ADVISORY_LOCK = 7_104_310_001


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(FOLDER))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(url: str | URL, revision: str = "head") -> None:
    """Migrate the database at ``url`` to ``revision``, in one transaction that holds the
    database's write lock (SQLite) or an advisory lock (PostgreSQL) throughout: two
    servers starting at once migrate one after the other, and a failed migration leaves
    the database as it was."""
    engine = _migration_engine(url)
    before: str | None = None
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
            config = alembic_config(conn)
            before = current_revision(conn)
            if before is None and sa.inspect(conn).has_table("records"):
                log.info("stamping a database made before migrations at %s", BASELINE)
                command.stamp(config, BASELINE)
                before = BASELINE
            command.upgrade(config, revision)
            after = current_revision(conn)
            if after != before:
                log.info("server database migrated from %s to %s", before, after)
    except CommandError as exc:
        if before is not None and "Can't locate revision" in str(exc):
            raise MigrationError(
                "server.server_database_at_revision_which_server", before=before
            ) from None
        raise
    except sa.exc.IntegrityError as exc:
        # A row the new schema refuses (the catalogue's words, say): nothing was kept.
        raise MigrationError(
            "server.server_database_could_not_migrated_from",
            value=before or "none",
            value2=str(exc.orig).splitlines()[0],
        ) from None
    finally:
        engine.dispose()


def _migration_engine(url: str | URL) -> sa.engine.Engine:
    url_obj = sa.engine.make_url(url)
    if url_obj.get_backend_name() != "sqlite":
        return sa.create_engine(url_obj, poolclass=sa.pool.NullPool)
    # Python's sqlite3 opens transactions only before INSERT/UPDATE/DELETE, so DDL would
    # commit statement by statement: the driver is put in autocommit mode and the
    # transaction is begun here, IMMEDIATE so the write lock is held from the start.
    engine = sa.create_engine(url_obj, poolclass=sa.pool.NullPool, connect_args={"timeout": 30.0})

    @sa.event.listens_for(engine, "connect")
    def _autocommit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
