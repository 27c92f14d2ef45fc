"""A sync cycle's report carries the change set of everything it committed here, page by
page, also when the cycle fails part-way: checked against a diff of every table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.faults import Fault, FaultProxy
from support.replicas import ClientFactory
from support.server import ServerProcess
from support.table_diff import differences, snapshot, unexplained

from fieldapp.store.change_set import Kind
from fieldapp.store.changes import delete_record
from fieldapp.store.syncbook import PendingMutation
from fieldapp.usecases import accounts, notes
from fieldapp.usecases.people import current_user
from sync.engine import SyncEngine
from sync.errors import SyncError
from sync.http_backend import RetryPolicy

TWO_TRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


def test_a_cycle_reports_exactly_the_rows_it_pushed_and_pulled(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    field = make_client(server.url, "field")
    manager = make_client(server.url, "manager")
    first = snapshot(field.store, tmp_path)
    report = field.sync()
    assert unexplained(first, snapshot(field.store, tmp_path), report.changes) == []
    manager.sync()

    me = current_user(field.store)
    mine = [
        r["id"]
        for r in field.store.query(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 3", (me.id,)
        )
    ]
    contested, moved, quiet = mine
    # On the manager's side: the same field of one account (a conflict), another account
    # given to the Paris rep (the field rep's edit of it is refused), a note that arrives
    # and one that is deleted.
    doomed = notes.add_note(manager.store, quiet, "Note retirée plus tard.")
    manager.sync()
    field.sync()
    accounts.edit_account(manager.store, contested, phone="514-555-0001")
    delete_record(manager.store, "notes", doomed.id)
    arriving = notes.add_note(manager.store, quiet, "Nouveau prix au 1er décembre.")
    manager.sync()
    paris_rep = manager.store.scalar("SELECT id FROM users WHERE territory = 'Paris'")
    version = manager.store.scalar("SELECT version FROM accounts WHERE id = ?", (moved,))
    [given] = manager.backend.push(
        "manager-device",
        [
            PendingMutation(
                1,
                "0190a000-0000-7000-8000-0000000cc001",
                "accounts",
                moved,
                "update",
                {"owner_id": paris_rep},
                {},
                version,
                "2026-11-23T14:00:00Z",
            )
        ],
    )
    assert given.status == "applied"
    # On the field rep's side, offline.
    accounts.edit_account(field.store, contested, phone="514-555-0002")
    accounts.edit_account(field.store, moved, phone="514-555-0003")
    written = notes.add_note(field.store, quiet, "Vu le gérant, commande en janvier.")

    before = snapshot(field.store, tmp_path)
    report = field.sync()
    after = snapshot(field.store, tmp_path)
    assert report.error is None and report.conflicts == 1 and report.rejected == 1
    assert unexplained(before, after, report.changes) == []
    changes = report.changes
    expected = {
        written.id: Kind.UPDATED,  # its server version, once acknowledged
        arriving.id: Kind.CREATED,
        doomed.id: Kind.DELETED,
    }
    assert expected.items() <= changes.kinds("notes").items()
    # The account given to Paris left this laptop's scope, its notes with it.
    assert changes.kinds("accounts")[moved] is Kind.DELETED
    assert len(changes.ids("conflicts") or ()) == 1
    assert len(changes.ids("rejected_mutations") or ()) == 1
    assert changes.touches("outbox", "sync_runs", "sync_state")


@pytest.fixture
def proxy(shared_server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(shared_server.url) as started:
        yield started


def test_a_cycle_failing_part_way_reports_what_it_had_committed(
    shared_server: ServerProcess, proxy: FaultProxy, make_client: ClientFactory, tmp_path: Path
) -> None:
    client = make_client(proxy.url, "field", timeout=(1.0, 1.5), retry=TWO_TRIES)
    pages = 0

    def third_page_fails(method: str, path: str) -> Fault:
        nonlocal pages
        if method == "GET" and path.startswith("/v1/changes"):
            pages += 1
            if pages >= 3:
                return Fault.HTTP_500
        return Fault.NONE

    # A first download in pages of 50: two pages are saved, the third fails.
    proxy.set_chooser(third_page_fails)
    engine = SyncEngine(client.store, client.backend, page_size=50)
    before = snapshot(client.store, tmp_path)
    with pytest.raises(SyncError):
        engine.run()
    after = snapshot(client.store, tmp_path)
    report = engine.last_report
    assert report is not None and report.error is not None
    assert report.pulled == 100
    assert unexplained(before, after, report.changes) == []
    pulled = {
        (table, key) for table, key, _kind in differences(before, after) if table != "sync_runs"
    }
    assert len(pulled) >= 100  # the two pages' records, and the cursor after them

    # Then a local change pushed, and the pull failing at once: the push is reported.
    proxy.set_chooser(None)
    SyncEngine(client.store, client.backend, page_size=1000).run()
    note_account = client.store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1")
    note = notes.add_note(client.store, note_account, "Envoyée avant la panne.")
    pages = 2
    proxy.set_chooser(third_page_fails)
    engine = SyncEngine(client.store, client.backend)
    before = snapshot(client.store, tmp_path)
    with pytest.raises(SyncError):
        engine.run()
    after = snapshot(client.store, tmp_path)
    report = engine.last_report
    assert report is not None and report.pushed == 1 and report.pulled == 0
    assert unexplained(before, after, report.changes) == []
    assert report.changes.kinds("notes") == {note.id: Kind.UPDATED}  # its server version
    assert report.changes.touches("outbox")
