"""When the server refuses the feed position (the user's scope changed, or the server was
restored from an older backup), the laptop reads the whole feed again and drops what is no
longer its own, keeping its queued work."""

from __future__ import annotations

import base64
import sqlite3
from contextlib import closing
from pathlib import Path

from support.faults import FaultProxy
from support.replicas import Client, ClientFactory, differences, fresh_snapshot
from support.server import ServerProcess, start_server

from fieldapp.usecases import notes


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


def _first_account(client: Client) -> str:
    return str(client.store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1"))


def test_a_server_restored_from_an_older_backup_is_read_again_from_the_start(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    with FaultProxy(server.url) as proxy:  # the address the laptops know survives a restart
        laptop = make_client(proxy.url, "field")
        desk = make_client(proxy.url, "inside")
        laptop.sync()
        desk.sync()
        account_id = _first_account(laptop)
        backup = tmp_path / "nightly.db"
        with (
            closing(sqlite3.connect(server.database)) as live,
            closing(sqlite3.connect(backup)) as copy,
        ):
            live.backup(copy)
        for n in range(3):  # changes the backup does not hold; the laptop receives them
            notes.add_note(desk.store, account_id, f"Lost with the restore {n}")
        desk.sync()
        laptop.sync()

        server.stop()
        for suffix in ("-wal", "-shm"):
            server.database.with_name(server.database.name + suffix).unlink(missing_ok=True)
        backup.replace(server.database)
        restored = start_server(server.data_dir)
        try:
            proxy.retarget(restored.url)
            # A new change takes a sequence number the laptop's cursor already passed:
            # without the refusal, the laptop would never receive it.
            desk_again = make_client(proxy.url, "inside", "desk-after-restore")
            desk_again.sync()
            note = notes.add_note(desk_again.store, account_id, "After the restore: call Tuesday")
            desk_again.sync()
            laptop.sync()
            bodies = {row["body"] for row in laptop.snapshot()["notes"]}
            assert note.body in bodies
            assert not any(body.startswith("Lost with the restore") for body in bodies)
            assert (
                differences(laptop.snapshot(), fresh_snapshot(tmp_path, proxy.url, "field")) == []
            )
        finally:
            restored.stop()
