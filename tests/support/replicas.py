"""In-process clients (a profile's store, an HttpBackend, the SyncEngine) and ways to
compare replicas: a replica is its domain tables, without ``updated_at``."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.clock import Clock, utc_now
from fieldapp.store.codec import decode_row
from fieldapp.store.database import Store, database_path, open_store
from fieldapp.store.schema import COLLECTIONS
from support.server import DEMO_PASSWORD
from sync.engine import SyncEngine, SyncReport
from sync.http_backend import HttpBackend, RetryPolicy
from sync.session import sign_in

Snapshot = dict[str, list[dict[str, Any]]]
FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
_counter = itertools.count()


@dataclass
class Client:
    """One laptop: a profile signed in as ``username`` and an engine to sync it."""

    name: str
    username: str
    store: Store
    backend: HttpBackend
    page_size: int = 1000

    def sync(self) -> SyncReport:
        return SyncEngine(self.store, self.backend, page_size=self.page_size).run()

    def outbox(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM outbox"))

    def snapshot(self) -> Snapshot:
        return snapshot(self.store)

    def close(self) -> None:
        self.store.close()


def backend(
    url: str, *, timeout: tuple[float, float] = (2.0, 15.0), retry: RetryPolicy = FAST_RETRY
) -> HttpBackend:
    return HttpBackend(url, timeout=timeout, retry=retry)


def open_client(
    profile_dir: Path,
    url: str,
    username: str,
    *,
    name: str | None = None,
    timeout: tuple[float, float] = (2.0, 15.0),
    retry: RetryPolicy = FAST_RETRY,
    page_size: int = 1000,
    clock: Clock = utc_now,
) -> Client:
    """Create a profile in ``profile_dir`` and sign it in (the token goes to the keyring);
    ``clock`` is the laptop's wall clock (a test sets it wrong)."""
    store = open_store(profile_dir, create=True, clock=clock)
    http = backend(url, timeout=timeout, retry=retry)
    sign_in(store, url, username, DEMO_PASSWORD, backend=http)
    return Client(name or username, username, store, http, page_size)


def snapshot(store: Store) -> Snapshot:
    """Every domain table's rows (decoded, by id), without ``updated_at``."""
    result: Snapshot = {}
    for collection in COLLECTIONS:
        rows = store.query(f"SELECT * FROM {collection} ORDER BY id")
        decoded = []
        for row in rows:
            values = decode_row(collection, row)
            values.pop("updated_at", None)
            decoded.append(values)
        result[collection] = decoded
    return result


def fresh_snapshot(base: Path, url: str, username: str) -> Snapshot:
    """What a brand-new profile of ``username`` holds after one sync from scratch."""
    client = open_client(base / f"fresh-{username}-{next(_counter)}", url, username)
    try:
        client.sync()
        return client.snapshot()
    finally:
        client.close()


def differences(mine: Snapshot, reference: Snapshot, limit: int = 5) -> list[str]:
    """Readable differences between two snapshots (empty when equal)."""
    found: list[str] = []
    for collection in COLLECTIONS:
        a = {r["id"]: r for r in mine[collection]}
        b = {r["id"]: r for r in reference[collection]}
        for record_id in sorted(set(a) | set(b)):
            if a.get(record_id) != b.get(record_id):
                if record_id not in a:
                    found.append(f"{collection} {record_id}: missing here")
                elif record_id not in b:
                    found.append(f"{collection} {record_id}: not on the server")
                else:
                    fields = sorted(
                        k for k in a[record_id] if a[record_id][k] != b[record_id].get(k)
                    )
                    found.append(
                        f"{collection} {record_id}: "
                        + ", ".join(
                            f"{f}={a[record_id][f]!r} vs {b[record_id].get(f)!r}" for f in fields
                        )
                    )
                if len(found) >= limit:
                    return found
    return found


def duplicate_ids(snap: Snapshot) -> list[str]:
    ids = [r["id"] for rows in snap.values() for r in rows]
    return sorted({i for i in ids if ids.count(i) > 1})


def integrity(profile_dir: Path) -> str:
    """``PRAGMA integrity_check`` of a profile's database, on a connection of its own."""
    conn = sqlite3.connect(database_path(profile_dir), timeout=10)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# What the make_client fixture hands a test: make(url, username, name=...) -> Client.
ClientFactory = Callable[..., Client]
