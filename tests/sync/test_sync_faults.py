"""A real server behind a fault-injecting proxy: lost answers, resets, truncation,
garbage, latency and stalls. Exactly-once effect, no partial write, and recovery."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.faults import Fault, FaultProxy
from support.replicas import ClientFactory, differences, fresh_snapshot, snapshot
from support.server import ServerProcess

from fieldapp.usecases import accounts, notes
from fieldapp.usecases.people import current_user
from sync.errors import OfflineError, SyncError
from sync.http_backend import RetryPolicy

SHORT_TIMEOUT = (1.0, 1.5)
TWO_TRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


@pytest.fixture
def proxy(shared_server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(shared_server.url, latency=0.3) as started:
        yield started


def _my_account(client_store: object) -> str:
    store = client_store
    me = current_user(store)  # type: ignore[arg-type]
    return str(
        store.scalar(  # type: ignore[attr-defined]
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1", (me.id,)
        )
    )


def test_lost_answer_after_the_server_committed_is_retried_without_a_duplicate(
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT)
    client.sync()
    account_id = _my_account(client.store)
    note = notes.add_note(client.store, account_id, "Lost-answer note: call back Tuesday.")
    accounts.edit_account(client.store, account_id, phone="514-555-0123")

    proxy.schedule(Fault.DROP_AFTER_REQUEST)
    report = client.sync()
    posts = [s for s in proxy.seen if s.path.startswith("/v1/mutations")]
    assert [s.fault for s in posts] == [Fault.DROP_AFTER_REQUEST, Fault.NONE]
    assert report.pushed == 2 and report.conflicts == 0 and report.rejected == 0
    assert client.outbox() == 0

    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    copies = [n for n in fresh["notes"] if n["body"] == note.body]
    assert [n["id"] for n in copies] == [note.id]
    assert next(a for a in fresh["accounts"] if a["id"] == account_id)["phone"] == "514-555-0123"
    assert differences(client.snapshot(), fresh) == []


def test_answer_lost_on_every_try_keeps_the_change_queued_and_the_next_sync_settles_it(
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT, retry=TWO_TRIES)
    client.sync()
    account_id = _my_account(client.store)
    note = notes.add_note(client.store, account_id, "Twice-lost note: samples to bring.")
    proxy.schedule(Fault.DROP_AFTER_REQUEST, 2)
    with pytest.raises(OfflineError) as raised:
        client.sync()
    assert "changes are kept" in str(raised.value)
    assert client.outbox() == 1  # the server applied it, but never said so

    client.sync()
    assert client.outbox() == 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert [n["id"] for n in fresh["notes"] if n["body"] == note.body] == [note.id]
    assert differences(client.snapshot(), fresh) == []


@pytest.mark.parametrize(
    "fault",
    [
        Fault.RESET_BEFORE_REQUEST,
        Fault.RESET_MID_RESPONSE,
        Fault.TRUNCATE,
        Fault.GARBAGE,
        Fault.STALL,
    ],
)
def test_fault_during_push_loses_nothing_and_doubles_nothing(
    fault: Fault,
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT, retry=TWO_TRIES)
    client.sync()
    account_id = _my_account(client.store)
    bodies = [f"{fault.name} push note {i}" for i in range(3)]
    for body in bodies:
        notes.add_note(client.store, account_id, body)
    proxy.set_fault(fault)
    with pytest.raises(SyncError) as raised:
        client.sync()
    assert str(raised.value) and len(str(raised.value).splitlines()) == 1
    assert client.outbox() == 3
    proxy.clear()
    client.sync()
    assert client.outbox() == 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    for body in bodies:
        assert len([n for n in fresh["notes"] if n["body"] == body]) == 1, body
    assert differences(snapshot(client.store), fresh) == []
