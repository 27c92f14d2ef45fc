"""A running reference server for each test, on SQLite and, when
``FIELDAPP_TEST_POSTGRES_URL`` is set, on PostgreSQL too.

Each PostgreSQL test gets a schema of its own, created and dropped around it, so runs and
tests never collide. If the variable is set but the server cannot be reached, the tests
fail: a PostgreSQL run that silently skipped would prove nothing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from fieldapp.ids import new_id
from sync.server.app import create_app
from sync.server.auth import password_hasher
from sync.server.config import PasswordCost, ServerConfig
from sync.server.feed import SequenceWriter
from sync.server.staff import add_person
from sync.server.tables import open_database

POSTGRES_ENV = "FIELDAPP_TEST_POSTGRES_URL"
# argon2's smallest costs: the tests sign in hundreds of times.
FAST_HASH = PasswordCost(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "correct horse"
T0 = 1_795_000_000.0  # 2026-11-18, a fixed "now"

BACKENDS = ["sqlite", *(["postgresql"] if os.environ.get(POSTGRES_ENV) else [])]


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'server.db').as_posix()}"
        return
    base = os.environ[POSTGRES_ENV]
    schema = f"fieldapp_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:  # raises (test fails) when PostgreSQL is unreachable
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass
class World:
    """A server with its test client, and the people of a small organisation."""

    client: TestClient
    engine: sa.engine.Engine
    clock: FakeClock
    ids: dict[str, str] = field(default_factory=dict)
    _headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def add_user(
        self, username: str, role: str, territory: str | None = None, team: str | None = None
    ) -> str:
        hashed = password_hasher(FAST_HASH).hash(PASSWORD)
        with self.engine.begin() as conn:
            seqs = SequenceWriter(conn)
            user_id = add_person(
                conn,
                seqs,
                {
                    "username": username,
                    "role": role,
                    "territory": territory,
                    "team": team,
                    "display_name": username.title(),
                },
                hashed,
                int(self.clock()),
            )
            seqs.flush()
        self.ids[username] = user_id
        return user_id

    def sign_in(self, username: str, password: str = PASSWORD) -> Any:
        return self.client.post(
            "/v1/auth/token",
            json={"grant_type": "password", "username": username, "password": password},
        )

    def headers(self, username: str) -> dict[str, str]:
        if username not in self._headers:
            answer = self.sign_in(username)
            assert answer.status_code == 200, answer.text
            self._headers[username] = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return self._headers[username]

    def push(
        self, username: str, *mutations: dict[str, Any], device: str = "laptop-1"
    ) -> list[dict[str, Any]]:
        answer = self.client.post(
            "/v1/mutations",
            headers=self.headers(username),
            json={"device_id": device, "mutations": list(mutations)},
        )
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def pull_all(
        self, username: str, limit: int = 1000, cursor: str | None = None
    ) -> tuple[list[dict[str, Any]], str]:
        """Every change page by page, as a client applies them; returns (changes, cursor)."""
        seen: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if cursor:
                params["cursor"] = cursor
            answer = self.client.get("/v1/changes", params=params, headers=self.headers(username))
            assert answer.status_code == 200, answer.text
            body = answer.json()
            seen.extend(body["changes"])
            cursor = body["cursor"]
            if not body["has_more"]:
                return seen, cursor

    def create_account(
        self, username: str, name: str = "Boulangerie Tremblay", **fields: Any
    ) -> str:
        account_id = new_id()
        result = self.push(
            username,
            create(
                "accounts",
                account_id,
                {"name": name, "tier": "B", "owner_id": self.ids[username], **fields},
            ),
        )
        assert result[0]["status"] == "applied", result
        return account_id


def create(
    collection: str, record_id: str, fields: dict[str, Any], mutation_id: str | None = None
) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id or new_id(),
        "collection": collection,
        "record_id": record_id,
        "op": "create",
        "fields": fields,
        "base_version": None,
    }


def update(
    collection: str,
    record_id: str,
    fields: dict[str, Any],
    base_version: int | None,
    mutation_id: str | None = None,
) -> dict[str, Any]:
    return {
        "mutation_id": mutation_id or new_id(),
        "collection": collection,
        "record_id": record_id,
        "op": "update",
        "fields": fields,
        "base_version": base_version,
    }


def delete(collection: str, record_id: str) -> dict[str, Any]:
    return {
        "mutation_id": new_id(),
        "collection": collection,
        "record_id": record_id,
        "op": "delete",
        "fields": {},
        "base_version": None,
    }


@pytest.fixture
def world(database_url: str) -> Iterator[World]:
    """Two Québec territories (Montréal, Québec) and one French one (Lyon); a field rep in
    each Québec territory, an inside rep of the Québec team, a French inside rep and a
    manager of the whole organisation."""
    clock = FakeClock()
    config = ServerConfig(database_url=database_url, password_cost=FAST_HASH, clock=clock)
    engine = open_database(database_url)
    with TestClient(create_app(config, engine)) as client:
        w = World(client, engine, clock)
        w.add_user("field", "field", "Montréal", "quebec")
        w.add_user("field2", "field", "Québec", "quebec")
        w.add_user("inside", "inside", None, "quebec")
        w.add_user("lyon", "field", "Lyon", "france")
        w.add_user("inside_fr", "inside", None, "france")
        w.add_user("manager", "manager")
        yield w
    engine.dispose()
