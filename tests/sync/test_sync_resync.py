"""When the server refuses the feed position (the user's scope changed), the laptop reads
the whole feed again and drops what is no longer its own, keeping its queued work."""

from __future__ import annotations

import base64
from pathlib import Path

from support.replicas import ClientFactory, differences, fresh_snapshot
from support.server import ServerProcess


def test_a_refused_cursor_means_a_full_reread_that_drops_what_left(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    laptop = make_client(server.url, "field")
    laptop.sync()
    stale_id = "0190a000-0000-7000-8000-0000deadbeef"
    laptop.store._conn.execute(
        "INSERT INTO accounts (id, name, tier, version, created_at, updated_at)"
        " VALUES (?, 'Left the territory', 'C', 3, '2026-01-01T00:00:00Z',"
        " '2026-01-01T00:00:00Z')",
        (stale_id,),
    )
    # A cursor the server did not issue, as after a change of scope.
    bogus = base64.urlsafe_b64encode(b"v1:1:another-scope").decode().rstrip("=")
    laptop.store._conn.execute("UPDATE sync_state SET cursor = ? WHERE feed = '*'", (bogus,))
    report = laptop.sync()
    assert report.pulled > 0
    assert laptop.store.scalar("SELECT count(*) FROM accounts WHERE id = ?", (stale_id,)) == 0
    assert differences(laptop.snapshot(), fresh_snapshot(tmp_path, server.url, "field")) == []
