"""Fixtures of the end-to-end sync tests: real server processes and in-process clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.replicas import Client, ClientFactory, open_client
from support.server import ServerProcess, running_server


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A seeded server shared by a module's tests: only for tests that create their own
    records and never compare counts of the whole organisation."""
    with running_server(tmp_path_factory.mktemp("shared-server")) as server:
        yield server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A freshly seeded server of the demo organisation (30 accounts, seed 7)."""
    with running_server(tmp_path / "server") as started:
        yield started


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[ClientFactory]:
    """``make_client(url, username, name=...)``: a signed-in laptop, closed afterwards."""
    made: list[Client] = []

    def make(url: str, username: str, name: str | None = None, **options: object) -> Client:
        label = name or username
        client = open_client(
            tmp_path / f"laptop-{label}-{len(made)}", url, username, name=label, **options
        )  # type: ignore[arg-type]
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
