"""Processes killed (SIGKILL) in the middle of a sync: on restart every database is sound,
nothing is lost, nothing doubled, and the replica converges.

The laptop's sync process is killed mid-pull or mid-push (10 times; 100 with ``--long``),
and the server process is killed while it applies a laptop's large push, then started
again on the same data (twice; 20 times with ``--long``)."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.faults import Fault, FaultProxy
from support.replicas import (
    ClientFactory,
    differences,
    fresh_snapshot,
    integrity,
    open_client,
    snapshot,
)
from support.server import (
    DEMO_PASSWORD,
    ServerProcess,
    child_env,
    fieldapp_command,
    running_server,
    seed_server,
    start_server,
)

from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user
from sync.errors import SyncError

SEED = 7
KILLS, LONG_KILLS = 10, 100
NOTES_PER_PUSH = 150  # the server takes seconds over them: every kill lands mid-push
SERVER_KILLS, LONG_SERVER_KILLS = 2, 20
BIG_PUSH = 600  # notes queued at once: a full request of 500, then one of 100
IDLE_TIMEOUT = 120.0  # the server finishing a batch of 500 on a loaded machine


@pytest.fixture(scope="module")
def big_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("big-server"), accounts=300) as server:
        yield server


def _sync_then_kill(profile: Path, proxy: FaultProxy, rng: random.Random, logs: Path) -> None:
    """Start ``fieldapp sync`` for ``profile``, SIGKILL it a random moment after its first
    request reached the server."""
    seen = proxy.requests_seen()
    child = subprocess.Popen(
        fieldapp_command("sync", "--password-stdin", "--profile", str(profile)),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        env=child_env(logs),
    )
    try:
        assert child.stdin is not None
        child.stdin.write(DEMO_PASSWORD + "\n")
        child.stdin.close()
        deadline = time.monotonic() + 15
        while proxy.requests_seen() == seen and child.poll() is None:
            assert time.monotonic() < deadline, "the sync never reached the server"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 1.2))
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
    # The request the dead process had sent runs on at the server (a push of hundreds of
    # notes takes a while): compare states only once the server has finished it.
    assert proxy.wait_idle(IDLE_TIMEOUT), "the server never finished the killed request"


def test_sync_killed_mid_pull_or_mid_push_loses_and_doubles_nothing(
    big_server: ServerProcess, make_client: ClientFactory, tmp_path: Path, long_run: bool
) -> None:
    kills = LONG_KILLS if long_run else KILLS
    rng = random.Random(SEED)
    logs = tmp_path / "logs"
    with FaultProxy(big_server.url, latency=0.25) as proxy:
        pusher = make_client(proxy.url, "field", "pusher")
        pusher.sync()
        account_id = pusher.store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
            (current_user(pusher.store).id,),
        )
        bodies: list[str] = []
        outcomes = []
        for kill in range(kills):
            if kill % 2 == 0:  # a new laptop's first download, slowed down by latency
                proxy.set_fault(Fault.LATENCY)
                puller = make_client(proxy.url, "field", f"puller-{kill}")
                profile = puller.store.path.parent
                puller.close()
                _sync_then_kill(profile, proxy, rng, logs)
                assert integrity(profile) == "ok"
                proxy.clear()
                restarted = open_client(profile, proxy.url, "field")  # the same profile
                try:
                    held = sum(len(rows) for rows in restarted.snapshot().values())
                    restarted.sync()
                    assert restarted.outbox() == 0
                    assert (
                        differences(
                            restarted.snapshot(), fresh_snapshot(tmp_path, big_server.url, "field")
                        )
                        == []
                    )
                finally:
                    restarted.close()
                outcomes.append(f"pull, {held} rows kept")
            else:  # many queued changes
                proxy.clear()
                for i in range(NOTES_PER_PUSH):
                    bodies.append(f"crash-test note {kill}-{i}")
                    notes.add_note(pusher.store, account_id, bodies[-1])
                profile = pusher.store.path.parent
                _sync_then_kill(profile, proxy, rng, logs)
                assert integrity(profile) == "ok"
                outcomes.append(f"push, {pusher.outbox()} still queued")
                # The app's next start sends what the killed one left queued (so the queue,
                # and the server's time per kill, stay bounded however many kills run).
                pusher.sync()
                assert pusher.outbox() == 0
        print(f"{kills} kills: {outcomes}")

        for _ in range(2):
            pusher.sync()
        assert pusher.outbox() == 0
    fresh = fresh_snapshot(tmp_path, big_server.url, "field")
    bodies_on_server = [n["body"] for n in fresh["notes"] if n["body"].startswith("crash-test")]
    assert sorted(bodies_on_server) == sorted(bodies)  # each exactly once
    assert differences(snapshot(pusher.store), fresh) == []


def _server_db(database: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of the server's own SQLite database, on a connection of the test's."""
    conn = sqlite3.connect(database, timeout=30)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def _applied(database: Path) -> int:
    return int(_server_db(database, "SELECT count(*) FROM applied_mutations")[0][0])


def test_server_killed_mid_push_loses_nothing_and_applies_nothing_twice(
    make_client: ClientFactory, tmp_path: Path, long_run: bool
) -> None:
    """The server process is SIGKILLed while it applies a laptop's large push, and started
    again on the same data: the laptop's next sync sends what was not acknowledged, the
    server answers "duplicate" for what it had applied, and both end in the same state."""
    kills = LONG_SERVER_KILLS if long_run else SERVER_KILLS
    rng = random.Random(SEED + 1)
    data = tmp_path / "server"
    seed_server(data)
    server = start_server(data)
    database = server.database
    try:
        # The proxy is only the server's stable address: the restarted process listens on
        # another port, and the laptop keeps the address it signed in to.
        with FaultProxy(server.url) as proxy:
            laptop = make_client(proxy.url, "field", "big-pusher", timeout=(2.0, 120.0))
            laptop.sync()
            account_id = laptop.store.scalar(
                "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
                (current_user(laptop.store).id,),
            )
            outcomes = []
            for kill in range(kills):
                bodies = [f"server-kill note {kill}-{i}" for i in range(BIG_PUSH)]
                for body in bodies:
                    notes.add_note(laptop.store, account_id, body)
                queued = {
                    r["mutation_id"] for r in laptop.store.query("SELECT mutation_id FROM outbox")
                }
                assert len(queued) == BIG_PUSH
                applied_before = _applied(database)
                # Kill once the server has applied part of a request (never at a boundary
                # between two requests of 500).
                target = rng.choice([n for n in range(1, BIG_PUSH - 50) if n % 500])
                failures: list[BaseException] = []

                def push(failures: list[BaseException] = failures) -> None:
                    try:
                        laptop.sync()
                    except SyncError:
                        pass  # expected: the server died under it
                    except BaseException as exc:
                        failures.append(exc)

                pushing = threading.Thread(target=push, name="big-push")
                pushing.start()
                deadline = time.monotonic() + IDLE_TIMEOUT
                # No event tells this process how far another process's transactions got:
                # read the server's mutation log until the target is reached.
                while _applied(database) - applied_before < target:
                    assert pushing.is_alive(), "the push ended before the server was killed"
                    assert time.monotonic() < deadline, "the server never reached the target"
                    time.sleep(0.005)
                server.process.send_signal(signal.SIGKILL)
                server.process.wait(timeout=10)
                pushing.join(timeout=IDLE_TIMEOUT)
                assert not pushing.is_alive() and failures == [], failures

                at_kill = _applied(database) - applied_before
                assert 0 < at_kill < BIG_PUSH, f"{at_kill} of {BIG_PUSH}: not mid-push"
                assert _server_db(database, "PRAGMA integrity_check") == [("ok",)]
                assert integrity(laptop.store.path.parent) == "ok"
                still_queued = laptop.outbox()
                assert still_queued >= BIG_PUSH - at_kill  # only answered ones left the outbox

                server = start_server(data)  # the same data folder
                proxy.retarget(server.url)
                for _ in range(2):
                    laptop.sync()
                assert laptop.outbox() == 0
                outcomes.append(f"{at_kill} applied at the kill, {still_queued} re-sent")

                # Every mutation the laptop made took effect, each exactly once.
                applied_now = {
                    r[0] for r in _server_db(database, "SELECT mutation_id FROM applied_mutations")
                }
                assert queued <= applied_now
                assert _applied(database) - applied_before == BIG_PUSH
                fresh = fresh_snapshot(tmp_path, server.url, "field")
                on_server = Counter(n["body"] for n in fresh["notes"])
                assert [b for b in bodies if on_server[b] != 1] == []
                assert differences(snapshot(laptop.store), fresh) == []
            print(f"{kills} server kills mid-push: {outcomes}")
        assert _server_db(database, "PRAGMA integrity_check") == [("ok",)]
    finally:
        server.stop()
