"""Hostile answers from a fake server (malformed, truncated, wrongly typed, huge, 429)
end as a clear SyncError with nothing half-written; the real server then works again."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.fake_http import Answer, FakeServer
from support.replicas import ClientFactory
from support.server import ServerProcess

import sync.http_backend
from fieldapp.ids import new_id
from fieldapp.store.database import open_store
from fieldapp.store.syncbook import feed_cursor
from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user
from sync.engine import SyncEngine
from sync.errors import ProtocolError, SyncError
from sync.http_backend import HttpBackend, RetryPolicy

FAST = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)
SMALL_CAP = 4096


def _fake_backend(url: str) -> HttpBackend:
    return HttpBackend(url, refresh_token="fake-refresh", timeout=(1.0, 2.0), retry=FAST)


def _page(changes: list[dict[str, Any]], cursor: str = "fake-cursor") -> dict[str, Any]:
    return {"changes": changes, "cursor": cursor, "has_more": False}


def _account_change(template: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    record = {**template, "id": new_id(), "version": 10**9, "name": "Hostile Inc.", **overrides}
    return {
        "collection": "accounts",
        "id": record["id"],
        "op": "upsert",
        "version": 10**9,
        "record": record,
    }


Case = Callable[[dict[str, Any]], Answer]
CASES: dict[str, Case] = {
    "malformed json": lambda t: Answer(200, b'{"changes": [,,], "cursor": '),
    "not an object": lambda t: Answer.json([1, 2, 3]),
    "truncated json": lambda t: Answer(200, json.dumps(_page([_account_change(t)])).encode()[:70]),
    "declared longer than sent": lambda t: Answer(
        200, json.dumps(_page([_account_change(t)])).encode()[:70], length=500
    ),
    "wrongly typed cursor": lambda t: Answer.json({"changes": [], "cursor": 5, "has_more": False}),
    "wrongly typed has_more": lambda t: Answer.json(
        {"changes": [], "cursor": "c", "has_more": "no"}
    ),
    "valid change then a wrongly typed field": lambda t: Answer.json(
        _page([_account_change(t), _account_change(t, latitude="north")])
    ),
    "unknown collection": lambda t: Answer.json(
        _page([{"collection": "passwords", "id": "x", "op": "upsert", "version": 1, "record": {}}])
    ),
    "child without its parent": lambda t: Answer.json(
        _page(
            [
                _account_change(t),
                {
                    "collection": "contacts",
                    "id": (cid := new_id()),
                    "op": "upsert",
                    "version": 10**9,
                    "record": {
                        "id": cid,
                        "account_id": new_id(),
                        "last_name": "Orphan",
                        "version": 10**9,
                        "created_at": "2026-01-01T00:00:00Z",
                    },
                },
            ]
        )
    ),
    "huge with content-length": lambda t: Answer.json(
        _page([_account_change(t, address="x" * 800) for _ in range(10)])
    ),
    "huge without content-length": lambda t: Answer(
        200,
        json.dumps(_page([_account_change(t, address="x" * 800) for _ in range(10)])).encode(),
        length=-1,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_page_is_a_clear_error_with_nothing_saved_and_real_sync_still_works(
    case: str,
    shared_server: ServerProcess,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = make_client(shared_server.url, "field")
    client.sync()
    template = client.store.query("SELECT * FROM accounts ORDER BY id LIMIT 1")[0]
    template.pop("updated_at", None)
    before, cursor = client.snapshot(), feed_cursor(client.store)
    # A body cut short on the wire is a broken connection (retried, then "offline").
    expected = SyncError if case == "declared longer than sent" else ProtocolError
    with FakeServer() as fake, monkeypatch.context() as patch:
        patch.setattr(sync.http_backend, "MAX_RESPONSE_BYTES", SMALL_CAP)
        fake.answer("/v1/changes", CASES[case](template))
        with pytest.raises(expected) as raised:
            SyncEngine(client.store, _fake_backend(fake.url)).run()
    message = str(raised.value)
    assert message and len(message.splitlines()) == 1 and "Traceback" not in message
    assert client.snapshot() == before
    assert feed_cursor(client.store) == cursor
    client.sync()  # the real server: still fine
    assert client.snapshot() == before


def test_hostile_push_answer_keeps_the_change_queued(
    shared_server: ServerProcess, make_client: ClientFactory
) -> None:
    client = make_client(shared_server.url, "field")
    client.sync()
    account_id = client.store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? LIMIT 1", (current_user(client.store).id,)
    )
    note = notes.add_note(client.store, account_id, "Kept through a hostile answer.")
    with FakeServer() as fake:
        for body in (
            {"results": "nope"},
            {"results": [{"mutation_id": new_id(), "status": "applied"}]},
        ):
            fake.answer("/v1/mutations", Answer.json(body))
            with pytest.raises(ProtocolError):
                SyncEngine(client.store, _fake_backend(fake.url)).run()
            assert client.outbox() == 1
    assert client.sync().pushed == 1
    assert client.outbox() == 0
    assert notes.get_note(client.store, note.id).version is not None


def test_429_with_retry_after_is_waited_out_in_silence(tmp_path: Path) -> None:
    with FakeServer() as fake, open_store(tmp_path / "profile", create=True) as store:
        fake.answer(
            "/v1/changes",
            Answer.json(
                {"error": {"code": "rate_limited", "message": "slow down"}},
                429,
                **{"Retry-After": "1"},
            ),
            Answer.json(_page([], cursor="after-the-wait")),
        )
        report = SyncEngine(store, _fake_backend(fake.url)).run()
        first, second = fake.arrivals_at("/v1/changes")
        assert second.at - first.at >= 1.0
        between = [a for a in fake.arrivals if first.at < a.at < second.at]
        assert between == [], "nothing is sent while Retry-After runs"
        assert feed_cursor(store) == "after-the-wait"
        assert report.error is None


def test_429_asking_for_too_long_a_wait_stops_politely(tmp_path: Path) -> None:
    with FakeServer() as fake, open_store(tmp_path / "profile", create=True) as store:
        fake.answer(
            "/v1/changes",
            Answer.json(
                {"error": {"code": "rate_limited", "message": "later"}},
                429,
                **{"Retry-After": "3600"},
            ),
        )
        with pytest.raises(SyncError, match="busy"):
            SyncEngine(store, _fake_backend(fake.url)).run()
        assert len(fake.arrivals_at("/v1/changes")) == 1
