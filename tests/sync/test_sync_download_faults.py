"""Faults on the wire during a first download (the real server behind a fault-injecting
proxy): a pulled page is all or nothing, and the next sync converges.

This module's server is never edited, so the first download of every test is the seed."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.faults import Fault, FaultProxy
from support.replicas import ClientFactory, Snapshot, differences, fresh_snapshot
from support.server import ServerProcess

from fieldapp.store.syncbook import feed_cursor
from fieldapp.usecases import accounts
from fieldapp.usecases.people import current_user
from sync.errors import SyncError
from sync.http_backend import RetryPolicy

SHORT_TIMEOUT = (1.0, 1.5)
TWO_TRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)
PAGE = 60


@pytest.fixture
def proxy(shared_server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(shared_server.url, latency=0.3) as started:
        yield started


def _cursor_seq(cursor: str | None) -> int:
    """The server's sequence number inside its (otherwise opaque) cursor."""
    if cursor is None:
        return 0
    text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    return int(text.split(":")[1])


def _prefix_of(partial: Snapshot, reference: Snapshot, upto: int) -> list[str]:
    """Problems if ``partial`` is not exactly the reference's records up to version
    ``upto`` (what whole pages up to the saved cursor hold on a first sync)."""
    problems = []
    for collection, rows in reference.items():
        expected = [r for r in rows if (r["version"] or 0) <= upto]
        if partial[collection] != expected:
            problems.append(
                f"{collection}: {len(partial[collection])} rows held,"
                f" {len(expected)} expected up to version {upto}"
            )
    return problems


@pytest.mark.parametrize(
    "fault",
    [
        Fault.RESET_BEFORE_REQUEST,
        Fault.RESET_MID_RESPONSE,
        Fault.TRUNCATE,
        Fault.GARBAGE,
        Fault.LATENCY,
        Fault.STALL,
        Fault.DROP_AFTER_REQUEST,
    ],
)
def test_fault_during_first_download_keeps_whole_pages_only_and_next_sync_converges(
    fault: Fault,
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    reference = fresh_snapshot(tmp_path, shared_server.url, "field")
    total = sum(len(rows) for rows in reference.values())
    assert total > 3 * PAGE
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT, retry=TWO_TRIES, page_size=PAGE)
    # The third page of the download meets the fault on both tries.
    before = proxy.requests_seen()
    proxy.schedule(Fault.NONE, 2)
    proxy.schedule(fault, 2)
    try:
        client.sync()
    except SyncError as exc:
        assert fault is not Fault.LATENCY
        message = str(exc)
        assert message and "Traceback" not in message and len(message.splitlines()) == 1
    assert proxy.requests_seen() - before >= 3
    held = client.snapshot()
    upto = _cursor_seq(feed_cursor(client.store))
    assert _prefix_of(held, reference, upto) == []
    rows = sum(len(r) for r in held.values())
    assert rows == total or rows % PAGE == 0
    if fault is not Fault.LATENCY:
        assert rows == 2 * PAGE

    proxy.clear()
    client.sync()
    assert differences(client.snapshot(), reference) == []


def test_first_download_in_small_pages_after_an_account_was_edited(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    """Protocol: parents come before children in the feed. An edited account gets a new,
    higher sequence number than its contacts and visits; a new laptop downloading in pages
    smaller than the whole scope must still be able to finish its first sync."""
    laptop = make_client(server.url, "field")
    laptop.sync()
    me = current_user(laptop.store)
    account_id = laptop.store.scalar(
        "SELECT a.id FROM accounts a WHERE a.owner_id = ? AND EXISTS"
        " (SELECT 1 FROM contacts c WHERE c.account_id = a.id) ORDER BY a.id LIMIT 1",
        (me.id,),
    )
    accounts.edit_account(laptop.store, account_id, phone="514-555-0177")
    laptop.sync()

    reference = fresh_snapshot(tmp_path, server.url, "field")  # one page holds it all
    newcomer = make_client(server.url, "field", "new-laptop", page_size=PAGE)
    newcomer.sync()
    assert differences(newcomer.snapshot(), reference) == []
