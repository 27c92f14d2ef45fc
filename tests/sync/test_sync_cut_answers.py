"""Answers the connection cut short after the server served the request: only the status
line, half the headers, a body with no length cut half-way, an empty body. Each is a
transport fault, retried with back-off like a reset (the request is safe to repeat),
never a "not JSON" protocol error that ends the cycle; every change still arrives once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.faults import Fault, FaultProxy
from support.replicas import ClientFactory, differences, fresh_snapshot
from support.server import ServerProcess

from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user
from sync.errors import OfflineError, ProtocolError
from sync.http_backend import RetryPolicy

CUT = [Fault.STATUS_LINE_ONLY, Fault.CUT_IN_HEADERS, Fault.UNFRAMED_CUT, Fault.EMPTY_BODY]
SHORT_TIMEOUT = (1.0, 2.0)
TWO_TRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


@pytest.fixture
def proxy(shared_server: ServerProcess) -> Iterator[FaultProxy]:
    with FaultProxy(shared_server.url) as started:
        yield started


def _first(fault: Fault, method: str, prefix: str) -> Callable[[str, str], Fault]:
    """A chooser that cuts the first ``method`` request to ``prefix``, and no other."""
    done: list[bool] = []

    def choose(seen_method: str, path: str) -> Fault:
        if not done and seen_method == method and path.startswith(prefix):
            done.append(True)
            return fault
        return Fault.NONE

    return choose


def _account(client_store: object) -> str:
    me = current_user(client_store)  # type: ignore[arg-type]
    return str(
        client_store.scalar(  # type: ignore[attr-defined]
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1", (me.id,)
        )
    )


@pytest.mark.parametrize("fault", CUT, ids=[f.name for f in CUT])
def test_a_push_answer_cut_short_is_retried_and_applied_once(
    fault: Fault,
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT)
    client.sync()
    bodies = [f"{fault.name} note {i}: bring the new catalogue" for i in range(3)]
    for body in bodies:
        notes.add_note(client.store, _account(client.store), body)

    proxy.set_chooser(_first(fault, "POST", "/v1/mutations"))
    report = client.sync()
    posts = [s.fault for s in proxy.seen if s.path.startswith("/v1/mutations")]
    assert posts == [fault, Fault.NONE]  # the server applied it, the answer was lost
    assert report.pushed == 3 and report.rejected == 0 and client.outbox() == 0

    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    for body in bodies:
        assert len([n for n in fresh["notes"] if n["body"] == body]) == 1, body
    assert differences(client.snapshot(), fresh) == []


@pytest.mark.parametrize("fault", CUT, ids=[f.name for f in CUT])
def test_a_page_cut_short_is_fetched_again_and_the_replica_matches(
    fault: Fault,
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT, page_size=50)
    proxy.set_chooser(_first(fault, "GET", "/v1/changes"))
    client.sync()
    pulls = [s.fault for s in proxy.seen if s.path.startswith("/v1/changes")]
    assert pulls[:2] == [fault, Fault.NONE] and len(pulls) > 2  # a first sync of pages
    assert (
        differences(client.snapshot(), fresh_snapshot(tmp_path, shared_server.url, "field")) == []
    )


@pytest.mark.parametrize("fault", CUT, ids=[f.name for f in CUT])
def test_answers_cut_on_every_try_end_the_cycle_offline_with_the_changes_kept(
    fault: Fault,
    shared_server: ServerProcess,
    proxy: FaultProxy,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    client = make_client(proxy.url, "field", timeout=SHORT_TIMEOUT, retry=TWO_TRIES)
    client.sync()
    note = notes.add_note(client.store, _account(client.store), f"{fault.name}: every try cut")
    proxy.set_fault(fault)
    with pytest.raises(OfflineError) as raised:
        client.sync()
    assert not isinstance(raised.value, ProtocolError)
    message = str(raised.value)
    assert "changes are kept" in message and len(message.splitlines()) == 1
    assert client.outbox() == 1  # applied on the server, but never confirmed

    proxy.clear()
    client.sync()
    assert client.outbox() == 0
    fresh = fresh_snapshot(tmp_path, shared_server.url, "field")
    assert [n["id"] for n in fresh["notes"] if n["body"] == note.body] == [note.id]
    assert differences(client.snapshot(), fresh) == []
