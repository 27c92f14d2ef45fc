"""Alembic's entry point: migrations run on the connection ``upgrade_database`` passes
(inside its transaction), or, from the ``alembic`` command line, on ``sqlalchemy.url``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from sync.server.tables import metadata

config = context.config
connection = config.attributes.get("connection")


def _run(conn: sa.engine.Connection) -> None:
    # render_as_batch: SQLite changes a table by copying it (ALTER TABLE cannot add a
    # constraint there); PostgreSQL alters it in place.
    context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("Give the database: alembic -x url=postgresql+psycopg://... COMMAND")
    with sa.create_engine(url, poolclass=sa.pool.NullPool).begin() as conn:
        _run(conn)
