"""The sync process killed (SIGKILL) in the middle of a pull or a push: on restart the
database is sound, nothing is lost, nothing doubled, and the replica converges."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

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
)

from fieldapp.usecases import notes
from fieldapp.usecases.people import current_user

SEED = 7
KILLS = 10
NOTES_PER_PUSH = 250


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
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        text=True, env=child_env(logs))
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


def test_sync_killed_mid_pull_or_mid_push_loses_and_doubles_nothing(
    big_server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    logs = tmp_path / "logs"
    with FaultProxy(big_server.url, latency=0.25) as proxy:
        pusher = make_client(proxy.url, "field", "pusher")
        pusher.sync()
        account_id = pusher.store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
            (current_user(pusher.store).id,))
        bodies: list[str] = []
        outcomes = []
        for kill in range(KILLS):
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
                    assert differences(restarted.snapshot(),
                                       fresh_snapshot(tmp_path, big_server.url, "field")) == []
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
        print(f"{KILLS} kills: {outcomes}")

        for _ in range(2):
            pusher.sync()
        assert pusher.outbox() == 0
    fresh = fresh_snapshot(tmp_path, big_server.url, "field")
    bodies_on_server = [n["body"] for n in fresh["notes"] if n["body"].startswith("crash-test")]
    assert sorted(bodies_on_server) == sorted(bodies)  # each exactly once
    assert differences(snapshot(pusher.store), fresh) == []
