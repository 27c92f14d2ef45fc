"""How long the server's migrations take on a database made before migrations existed.

    .venv/bin/python -m tests.benchmarks.server_migration --accounts 2000 [--database-url URL]

Builds the old schema (``tests/support/server_before_migrations.py``), seeds the demo
organisation into it, then times ``open_database`` (which stamps and upgrades it) and a
second open (nothing to do). Without ``--database-url``, an SQLite file in a temporary
folder; a PostgreSQL URL must point to an empty database or schema.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support

from support import server_before_migrations as old
from support.server_before_handoffs import as_before_handoffs
from support.server_world import FAST_HASH, T0

from sync.server.auth import password_hasher
from sync.server.seed import seed_demo
from sync.server.tables import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'server.db'}"
        engine = sa.create_engine(url)
        old.create_old_database(engine)
        seed_demo(engine, password_hasher(FAST_HASH).hash("demo"), args.accounts, 1, int(T0))
        as_before_handoffs(engine)  # only what a server of then could hold
        with engine.connect() as conn:
            count = conn.execute(sa.text("SELECT count(*) FROM records")).scalar_one()
        engine.dispose()
        start = time.perf_counter()
        open_database(url).dispose()
        migrated = time.perf_counter() - start
        start = time.perf_counter()
        open_database(url).dispose()
        again = time.perf_counter() - start
    backend = sa.engine.make_url(url).get_backend_name()
    print(f"{backend}: {count:,} records (and as many feed rows)")
    print(f"  migrate an old database to the head: {migrated:.2f} s")
    print(f"  open it again (nothing to migrate):  {again * 1000:.0f} ms")


if __name__ == "__main__":
    main()
