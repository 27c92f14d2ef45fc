"""Access control under attack, over real HTTP on loopback.

The reference server runs in a thread of the test process (uvicorn on 127.0.0.1), because
these tests need its clock: an expired token and the end of a sign-in lockout are reached
by moving a fake clock, not by waiting an hour. It holds the demo organisation
(``seed_demo``, 30 accounts, seed 7: the field rep ``field`` in Montréal and ``inside`` for
the Québec team; ``field2`` in Paris and ``inside2`` for the French team; ``manager`` for
everything) plus a second Québec inside rep and a second Montréal field rep, so that
"someone else's note in my own territory" exists.

- Every endpoint the app routes, except an explicit list of public ones, refuses every
  kind of bad token with 401 and the declared JSON error. The routes are read from the
  app itself, so a new endpoint that forgets its ``Depends(caller)`` fails here.
- Reps cannot read or write outside their scope by any route: the feed, a mutation on a
  foreign id, a child created under a foreign or unknown account, a record moved into a
  foreign account, an account handed to a foreign territory.
- Only a note's author edits it; only a review's reviewer changes it.
- Failed sign-ins lock a username (and an address) out, even for the right password,
  until the time given in ``Retry-After`` has passed — also when the guesses arrive at the
  same moment.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import json
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
import requests
import sqlalchemy as sa
import uvicorn
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy.engine import Engine
from starlette.routing import Route
from support.server_world import FakeClock

from fieldapp import records as domain
from fieldapp.ids import new_id
from sync.server.app import create_app
from sync.server.auth import password_hasher, token_hash
from sync.server.config import PasswordCost, ServerConfig
from sync.server.feed import SequenceWriter
from sync.server.scope import personal_channel
from sync.server.seed import DEMO_PASSWORD, seed_demo
from sync.server.staff import add_person
from sync.server.tables import open_database, records

# argon2's smallest costs: these tests sign in a few hundred times.
FAST_HASH = PasswordCost(time_cost=1, memory_cost=8, parallelism=1)
HOME, AWAY = "Montréal", "Paris"  # the field rep's territory, and one outside every Québec scope
# Reachable without a token, on purpose: the service check, signing in and out (a client
# whose access token expired must still be able to sign out, RFC 7009), and the API's own
# description. Everything else the app routes must refuse a bad token.
PUBLIC = {
    ("GET", "/v1/health"),
    ("POST", "/v1/auth/token"),
    ("POST", "/v1/auth/revoke"),
    ("GET", "/v1/openapi.json"),
    ("HEAD", "/v1/openapi.json"),
    ("GET", "/v1/docs"),
    ("HEAD", "/v1/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("HEAD", "/docs/oauth2-redirect"),
}
START_TIMEOUT = 10.0


# -- a server in a thread, on loopback, with a clock the tests move ----------------------
@dataclass
class LiveServer:
    url: str
    app: FastAPI
    engine: Engine
    clock: FakeClock
    ids: dict[str, str]
    session: requests.Session = field(default_factory=requests.Session)
    _tokens: dict[str, dict[str, Any]] = field(default_factory=dict)
    _description: dict[str, Any] = field(default_factory=dict)

    def description(self) -> dict[str, Any]:
        """The OpenAPI description the server serves."""
        if not self._description:
            answer = self.session.get(self.url + "/v1/openapi.json", timeout=30)
            assert answer.status_code == 200
            self._description = answer.json()
        return self._description

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> requests.Response:
        return self.session.post(
            self.url + "/v1/auth/token",
            json={"grant_type": "password", "username": username, "password": password},
            timeout=30,
        )

    def tokens(self, username: str) -> dict[str, Any]:
        """A sign-in of ``username``, kept for the module (the clock is only moved by tests
        that put it back)."""
        if username not in self._tokens:
            answer = self.sign_in(username)
            assert answer.status_code == 200, answer.text
            self._tokens[username] = answer.json()
        return self._tokens[username]

    def bearer(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens(username)['access_token']}"}

    def push(self, username: str, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.session.post(
            self.url + "/v1/mutations",
            json={"device_id": f"laptop-of-{username}", "mutations": list(mutations)},
            headers=self.bearer(username),
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def pull_all(self, username: str, limit: int = 1000) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": limit}
        for _ in range(10_000):
            answer = self.session.get(
                self.url + "/v1/changes", params=params, headers=self.bearer(username), timeout=30
            )
            assert answer.status_code == 200, answer.text
            body = answer.json()
            changes.extend(body["changes"])
            if not body["has_more"]:
                return changes
            params["cursor"] = body["cursor"]
        raise AssertionError("the feed never ended")

    def row(self, collection: str, record_id: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(records).where(
                    records.c.collection == collection, records.c.id == record_id
                )
            ).first()

    def pick(self, collection: str, territory: str, **fields: Any) -> dict[str, Any]:
        """A live record of ``collection`` in ``territory`` whose fields match ``fields``."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(records.c.id, records.c.data)
                .where(
                    records.c.collection == collection,
                    records.c.territory == territory,
                    ~records.c.deleted,
                )
                .order_by(records.c.id)
            ).all()
        for row in rows:
            data = json.loads(row.data)
            if all(data.get(k) == v for k, v in fields.items()):
                return {"id": row.id, **data}
        raise AssertionError(f"the demo data holds no {collection} in {territory} with {fields}")

    def live_ids(self, territories: set[str]) -> set[tuple[str, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(records.c.collection, records.c.id).where(
                    records.c.territory.in_(sorted(territories)), ~records.c.deleted
                )
            ).all()
        return {(r.collection, r.id) for r in rows}

    def version(self, collection: str, record_id: str) -> int:
        return int(self.row(collection, record_id).version)

    def territory_of(self, collection: str, record_id: str) -> str | None:
        row = self.row(collection, record_id)
        return None if row is None else str(row.territory)


def _add(
    engine: Engine,
    clock: FakeClock,
    username: str,
    role: str,
    territory: str | None,
    team: str | None,
) -> str:
    hashed = password_hasher(FAST_HASH).hash(DEMO_PASSWORD)
    with engine.begin() as conn:
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
            int(clock()),
        )
        seqs.flush()
    return user_id


@contextlib.contextmanager
def live_server(folder: Path, cost: PasswordCost = FAST_HASH) -> Iterator[LiveServer]:
    """The demo organisation served on a free loopback port until the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    database_url = f"sqlite:///{(folder / 'server.db').as_posix()}"
    engine = open_database(database_url)
    seed_demo(engine, password_hasher(cost).hash(DEMO_PASSWORD), 30, 7, int(clock()))
    _add(engine, clock, "inside3", "inside", None, "quebec")
    _add(engine, clock, "field3", "field", HOME, "quebec")
    with engine.connect() as conn:
        ids = {
            json.loads(r.data)["username"]: r.id
            for r in conn.execute(
                sa.select(records.c.id, records.c.data).where(records.c.collection == "users")
            )
        }
    app = create_app(ServerConfig(database_url, password_cost=cost, clock=clock), engine)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    live = LiveServer(f"http://127.0.0.1:{port}", app, engine, clock, ids)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the threaded server did not start")
            time.sleep(0.01)
        yield live
    finally:
        server.should_exit = True
        thread.join(START_TIMEOUT)
        live.session.close()
        sock.close()
        engine.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the module's token and scope tests: they write only records of their
    own or mutations that must be refused, and put the clock back when they move it."""
    with live_server(tmp_path_factory.mktemp("access-control")) as live:
        yield live


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[LiveServer]:
    """A server of its own, for tests that lock sign-ins out."""
    with live_server(tmp_path / "server") as live:
        yield live


# -- mutations ---------------------------------------------------------------------------
def create(collection: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": new_id(),
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
    base_version: int | None = None,
    mutation_id: str | None = None,
) -> dict[str, Any]:
    """An update; ``base_version`` None means "my own create, not seen since"."""
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


def new_fields(world: LiveServer, collection: str, username: str, parent_id: str) -> dict[str, Any]:
    """Valid fields of a new ``collection`` record of ``username`` under ``parent_id`` (an
    account; for a review, a note): only its parent can make the server refuse it."""
    me = world.ids[username]
    if collection == "contacts":
        return {"account_id": parent_id, "last_name": "Gagnon", "first_name": "Lise"}
    if collection == "opportunities":
        return {
            "account_id": parent_id,
            "name": "Spring range",
            "stage": domain.OPPORTUNITY_STAGES[0],
        }
    if collection == "visits":
        return {
            "account_id": parent_id,
            "rep_id": me,
            "status": "planned",
            "planned_start": "2026-11-20T14:00:00Z",
            "planned_end": "2026-11-20T15:00:00Z",
        }
    if collection == "notes":
        return {
            "account_id": parent_id,
            "author_id": me,
            "kind": "feedback",
            "body": "Prefers deliveries on Tuesdays.",
        }
    if collection == "follow_ups":
        return {
            "account_id": parent_id,
            "title": "Send the price list",
            "status": "open",
            "due_date": "2026-11-25",
            "assignee_user_id": me,
        }
    if collection == "reviews":
        return {"note_id": parent_id, "reviewer_id": me, "reviewed_at": "2026-11-18T16:00:00Z"}
    raise AssertionError(collection)


# A harmless change per collection, that the record's owner may make.
EDITS: dict[str, dict[str, Any]] = {
    "accounts": {"phone": "514-555-0199"},
    "contacts": {"job_title": "Buyer"},
    "opportunities": {"name": "Renamed by someone else"},
    "visits": {"summary": "Written by someone else."},
    "notes": {"body": "Rewritten by someone else."},
    "follow_ups": {"title": "Retitled by someone else"},
    "reviews": {"reviewed_at": "2026-11-18T17:00:00Z"},
}
CHILDREN = ("contacts", "opportunities", "visits", "notes", "follow_ups")


def refused(result: dict[str, Any], code: str = "forbidden") -> bool:
    return result["status"] == "rejected" and result["code"] == code


# -- tokens ------------------------------------------------------------------------------
def routes(app: FastAPI) -> set[tuple[str, str]]:
    """Every (method, path) the app answers, read from its router."""
    found = set()
    for route in app.routes:
        if isinstance(route, APIRoute | Route):
            for method in route.methods or ():
                found.add((method, route.path))
    return found


def protected_routes(app: FastAPI) -> list[tuple[str, str]]:
    return sorted(routes(app) - PUBLIC)


def declared_validator(world: LiveServer, method: str, path: str, status: int) -> Any:
    """A validator of the body the OpenAPI description declares for this answer."""
    description = world.description()
    operation = description["paths"][path][method.lower()]
    declared = operation["responses"].get(str(status))
    assert declared is not None, f"{method} {path} does not declare a {status} answer"
    schema = declared["content"]["application/json"]["schema"]
    return jsonschema_rs.validator_for({**schema, "components": description["components"]})


def request_for(
    world: LiveServer, method: str, path: str, headers: dict[str, str]
) -> tuple[requests.Response, str]:
    """A request that a signed-in rep would have served, and the id of the account it
    asks to create (for the mutations; any other route gets an empty JSON object)."""
    planted = new_id()
    body: dict[str, Any] = {}
    if path == "/v1/mutations":
        body = {
            "device_id": "intruder",
            "mutations": [
                create(
                    "accounts",
                    planted,
                    {"name": "Planted", "tier": "A", "owner_id": world.ids["field"]},
                )
            ],
        }
    concrete = path.replace("{", "").replace("}", "")  # a path parameter gets its own name
    answer = world.session.request(
        method,
        world.url + concrete,
        headers=headers,
        json=body if method in ("POST", "PUT", "PATCH", "DELETE") else None,
        timeout=30,
    )
    return answer, planted


TOKEN_KINDS = [
    "missing",
    "empty",
    "wrong scheme",
    "random",
    "tampered",
    "truncated",
    "lengthened",
    "another FieldApp server's",
    "JWT",
    "refresh token",
    "stored hash",
    "expired",
    "revoked by sign-out",
    "revoked access token",
]


def _jwt() -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    # An unsigned token naming the manager: another server's format, and a classic forgery.
    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part({'sub': 'manager', 'role': 'manager'})}."


def _other_server_token(folder: Path) -> str:
    """A genuine access token, from another FieldApp server with the same demo people."""
    clock = FakeClock()
    url = f"sqlite:///{(folder / 'other.db').as_posix()}"
    engine = open_database(url)
    try:
        config = ServerConfig(url, password_cost=FAST_HASH, clock=clock)
        seed_demo(engine, password_hasher(FAST_HASH).hash(DEMO_PASSWORD), 1, 7, int(clock()))
        app = create_app(config, engine)
        signed_in = app.state.server.auth.sign_in(engine, "field", DEMO_PASSWORD, "127.0.0.1")
        return str(signed_in["access_token"])
    finally:
        engine.dispose()


def bad_authorization(world: LiveServer, kind: str, folder: Path) -> tuple[dict[str, str], Any]:
    """The Authorization header of ``kind``, and what to undo afterwards (a clock move)."""
    fresh = world.sign_in("field")
    assert fresh.status_code == 200, fresh.text
    access, refresh = fresh.json()["access_token"], fresh.json()["refresh_token"]
    undo = None
    if kind == "missing":
        return {}, None
    tampered = access[:-1] + ("A" if access[-1] != "A" else "B")
    header = {
        "empty": "Bearer ",
        "wrong scheme": f"Basic {base64.b64encode(b'field:' + DEMO_PASSWORD.encode()).decode()}",
        "random": f"Bearer {secrets.token_urlsafe(32)}",
        "tampered": f"Bearer {tampered}",
        "truncated": f"Bearer {access[:-1]}",
        "lengthened": f"Bearer {access}A",
        "JWT": f"Bearer {_jwt()}",
        "refresh token": f"Bearer {refresh}",
        "stored hash": f"Bearer {token_hash(access)}",  # what a stolen database holds
    }.get(kind)
    if kind == "another FieldApp server's":
        header = f"Bearer {_other_server_token(folder)}"
    elif kind == "expired":
        header = f"Bearer {access}"
        before = world.clock.now
        world.clock.advance(3600)  # an access token lives one hour, to the second
        undo = before
    elif kind == "revoked by sign-out":
        header = f"Bearer {access}"
        out = world.session.post(world.url + "/v1/auth/revoke", json={"token": refresh}, timeout=30)
        assert out.status_code == 204
    elif kind == "revoked access token":
        header = f"Bearer {access}"
        out = world.session.post(world.url + "/v1/auth/revoke", json={"token": access}, timeout=30)
        assert out.status_code == 204
    assert header is not None, kind
    return {"Authorization": header}, undo


def test_the_public_routes_are_exactly_the_listed_ones_and_declare_no_security(
    world: LiveServer,
) -> None:
    description = world.description()
    secured = {
        (method.upper(), path)
        for path, operations in description["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    }
    protected = set(protected_routes(world.app))
    assert len(protected) >= 3, protected  # /v1/me, /v1/changes, /v1/mutations at least
    # Every protected route says so in the description, and no public one claims to be.
    assert protected == secured
    assert routes(world.app) >= PUBLIC  # the list names no route that is gone


@pytest.mark.parametrize("kind", TOKEN_KINDS)
def test_every_protected_endpoint_refuses_a_bad_token_with_the_declared_401(
    world: LiveServer, kind: str, tmp_path: Path
) -> None:
    headers, undo = bad_authorization(world, kind, tmp_path)
    checked = 0
    try:
        for method, path in protected_routes(world.app):
            answer, planted = request_for(world, method, path, headers)
            where = f"{method} {path} with a {kind} token"
            assert answer.status_code == 401, f"{where}: {answer.status_code} {answer.text}"
            assert answer.headers.get("WWW-Authenticate") == "Bearer", where
            assert answer.headers["Content-Type"].startswith("application/json"), where
            body = answer.json()
            assert body["error"]["code"] == "unauthorized", where
            declared = declared_validator(world, method, path, 401)
            assert declared.is_valid(body), f"{where}: {body} is not the declared error"
            assert world.row("accounts", planted) is None, where
            checked += 1
    finally:
        if undo is not None:
            world.clock.now = undo
    print(f"{kind}: {checked} endpoints refused it")


def test_the_same_requests_with_a_valid_token_are_served(world: LiveServer) -> None:
    """The other side of the token test: it proves the requests themselves are fine."""
    headers = world.bearer("field")
    for method, path in protected_routes(world.app):
        answer, planted = request_for(world, method, path, headers)
        assert answer.status_code == 200, f"{method} {path}: {answer.text}"
        if path == "/v1/mutations":
            assert world.territory_of("accounts", planted) == HOME


def test_a_token_expires_after_exactly_one_hour(world: LiveServer) -> None:
    signed_in = world.sign_in("field").json()
    headers = {"Authorization": f"Bearer {signed_in['access_token']}"}
    before = world.clock.now
    try:
        world.clock.advance(3599)
        assert world.session.get(world.url + "/v1/me", headers=headers, timeout=30).ok
        world.clock.advance(1)
        answer = world.session.get(world.url + "/v1/me", headers=headers, timeout=30)
        assert answer.status_code == 401
        # The refresh token still works, and its new access token does.
        renewed = world.session.post(
            world.url + "/v1/auth/token",
            json={"grant_type": "refresh_token", "refresh_token": signed_in["refresh_token"]},
            timeout=30,
        )
        assert renewed.status_code == 200
        again = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
        assert world.session.get(world.url + "/v1/me", headers=again, timeout=30).ok
    finally:
        world.clock.now = before


def test_after_sign_out_neither_token_works(world: LiveServer) -> None:
    signed_in = world.sign_in("inside").json()
    headers = {"Authorization": f"Bearer {signed_in['access_token']}"}
    assert world.session.get(world.url + "/v1/me", headers=headers, timeout=30).ok
    out = world.session.post(
        world.url + "/v1/auth/revoke", json={"token": signed_in["refresh_token"]}, timeout=30
    )
    assert out.status_code == 204
    assert world.session.get(world.url + "/v1/me", headers=headers, timeout=30).status_code == 401
    refreshed = world.session.post(
        world.url + "/v1/auth/token",
        json={"grant_type": "refresh_token", "refresh_token": signed_in["refresh_token"]},
        timeout=30,
    )
    assert refreshed.status_code == 401
    assert refreshed.json()["error"]["code"] == "invalid_grant"
    assert declared_validator(world, "POST", "/v1/auth/token", 401).is_valid(refreshed.json())


# -- reading outside one's scope ---------------------------------------------------------
@pytest.mark.parametrize(
    "username, scope",
    [
        ("field", {HOME}),
        ("field2", {AWAY}),
        ("inside", {HOME}),
        ("inside2", {AWAY}),
    ],
)
@pytest.mark.parametrize("limit", [1000, 23])
def test_the_feed_sends_each_rep_exactly_their_scope(
    world: LiveServer, username: str, scope: set[str], limit: int
) -> None:
    changes = world.pull_all(username, limit)
    upserts = {(c["collection"], c["id"]) for c in changes if c["op"] == "upsert"}
    # Besides the territories and everyone's records: the person's own (their read marks).
    readable = {*scope, "*", personal_channel(world.tokens(username)["user"]["id"])}
    outside = sorted(key for key in upserts if world.territory_of(*key) not in readable)
    assert outside == [], f"{username} received records outside {scope}: {outside[:5]}"
    # Positive side: the whole scope arrived (so the check above is not vacuous).
    assert upserts == world.live_ids(readable)
    assert any(collection == "accounts" for collection, _ in upserts)


def test_the_manager_sees_every_territory(world: LiveServer) -> None:
    upserts = {(c["collection"], c["id"]) for c in world.pull_all("manager") if c["op"] == "upsert"}
    own = personal_channel(world.tokens("manager")["user"]["id"])
    assert upserts == world.live_ids({HOME, AWAY, "*", own})


def test_nobody_receives_someone_elses_read_marks(world: LiveServer) -> None:
    """Read marks are one person's: even the manager who sees the whole organisation
    receives only their own."""
    for username in ("field", "inside", "manager"):
        me = world.tokens(username)["user"]["id"]
        marks = [
            c
            for c in world.pull_all(username)
            if c["collection"] == "inbox_reads" and c["op"] == "upsert"
        ]
        assert {c["record"]["user_id"] for c in marks} <= {me}
        if username == "field":
            assert marks  # the demo rep has read part of their inbox: the check is not empty


# -- writing outside one's scope ---------------------------------------------------------
@pytest.mark.parametrize("username", ["field", "inside"])
@pytest.mark.parametrize("collection", list(EDITS))
def test_a_rep_can_neither_change_nor_delete_a_record_outside_their_scope(
    world: LiveServer, username: str, collection: str
) -> None:
    target = world.pick(collection, AWAY)
    before = world.row(collection, target["id"])
    results = world.push(
        username,
        update(collection, target["id"], EDITS[collection]),
        delete(collection, target["id"]),
    )
    assert all(refused(r) for r in results), results
    after = world.row(collection, target["id"])
    assert (after.version, after.data, after.deleted) == (before.version, before.data, False)


def test_the_same_changes_inside_ones_scope_apply(world: LiveServer) -> None:
    """Control for the test above: the refusals come from the scope, not the changes."""
    me = world.ids["field"]
    owned = {
        "accounts": world.pick("accounts", HOME, owner_id=me),
        "contacts": world.pick("contacts", HOME),
        "opportunities": world.pick("opportunities", HOME),
        "visits": world.pick("visits", HOME, rep_id=me),
        "notes": world.pick("notes", HOME, author_id=me),
        "follow_ups": world.pick("follow_ups", HOME),
    }
    for collection, record in owned.items():
        base = world.version(collection, record["id"])
        [result] = world.push("field", update(collection, record["id"], EDITS[collection], base))
        assert result["status"] == "applied", (collection, result)
    review = world.pick("reviews", HOME, reviewer_id=world.ids["inside"])
    base = world.version("reviews", review["id"])
    [result] = world.push("inside", update("reviews", review["id"], EDITS["reviews"], base))
    assert result["status"] == "applied", result


@pytest.mark.parametrize("collection", CHILDREN)
def test_no_child_record_under_a_foreign_or_unknown_account(
    world: LiveServer, collection: str
) -> None:
    foreign = world.pick("accounts", AWAY)["id"]
    answers = []
    for parent in (foreign, new_id()):
        record_id = new_id()
        [result] = world.push(
            "field", create(collection, record_id, new_fields(world, collection, "field", parent))
        )
        assert refused(result), result
        assert world.row(collection, record_id) is None
        answers.append(result["reason"])
    # One answer for "someone else's account" and "no such account": nobody probes ids.
    assert answers[0] == answers[1]
    own = world.pick("accounts", HOME, owner_id=world.ids["field"])["id"]
    record_id = new_id()
    [result] = world.push(
        "field", create(collection, record_id, new_fields(world, collection, "field", own))
    )
    assert result["status"] == "applied", result


def test_no_review_of_a_note_outside_ones_scope(world: LiveServer) -> None:
    foreign = world.pick("notes", AWAY)["id"]
    for note_id in (foreign, new_id()):
        [result] = world.push(
            "inside", create("reviews", new_id(), new_fields(world, "reviews", "inside", note_id))
        )
        assert refused(result), result
    own = world.pick("notes", HOME, author_id=world.ids["field"])["id"]
    [result] = world.push(
        "inside", create("reviews", new_id(), new_fields(world, "reviews", "inside", own))
    )
    assert result["status"] == "applied", result


@pytest.mark.parametrize("collection", CHILDREN)
def test_a_record_cannot_move_into_a_foreign_account(world: LiveServer, collection: str) -> None:
    own = world.pick("accounts", HOME, owner_id=world.ids["field"])["id"]
    record_id = new_id()
    [made] = world.push(
        "field", create(collection, record_id, new_fields(world, collection, "field", own))
    )
    assert made["status"] == "applied", made
    foreign = world.pick("accounts", AWAY)["id"]
    [moved] = world.push("field", update(collection, record_id, {"account_id": foreign}))
    assert refused(moved, "immutable_field"), moved
    row = world.row(collection, record_id)
    assert (row.account_id, row.territory) == (own, HOME)
    assert json.loads(row.data)["account_id"] == own


def test_a_review_cannot_move_to_a_foreign_note(world: LiveServer) -> None:
    review = world.pick("reviews", HOME, reviewer_id=world.ids["inside"])
    foreign = world.pick("notes", AWAY)["id"]
    [moved] = world.push("inside", update("reviews", review["id"], {"note_id": foreign}))
    assert refused(moved, "immutable_field"), moved
    assert world.territory_of("reviews", review["id"]) == HOME


def test_an_account_cannot_be_handed_to_a_foreign_territory(world: LiveServer) -> None:
    away_rep = world.ids["field2"]
    account = world.pick("accounts", HOME, owner_id=world.ids["field"])
    base = world.version("accounts", account["id"])
    for username in ("field", "inside"):
        [moved] = world.push(
            username, update("accounts", account["id"], {"owner_id": away_rep}, base)
        )
        assert refused(moved), moved
    assert world.territory_of("accounts", account["id"]) == HOME
    record_id = new_id()
    [made] = world.push(
        "field",
        create(
            "accounts",
            record_id,
            {"name": "Épicerie Fine Lyonnaise", "tier": "B", "owner_id": away_rep},
        ),
    )
    assert refused(made), made
    assert world.row("accounts", record_id) is None


@pytest.mark.parametrize("username", ["inside", "manager"])
def test_no_account_is_filed_under_everyone(world: LiveServer, username: str) -> None:
    """The staff directory's pseudo-territory "*" is seen by everybody: an account filed
    there would reach every rep of every team, and every rep could write under it."""
    record_id = new_id()
    [made] = world.push(
        username,
        create("accounts", record_id, {"name": "Prospect nowhere", "tier": "C", "city": "*"}),
    )
    assert made["status"] == "rejected", made
    assert world.row("accounts", record_id) is None
    assert all(c["id"] != record_id for c in world.pull_all("field2"))


def test_an_existing_foreign_id_is_not_overwritten_by_a_create(world: LiveServer) -> None:
    target = world.pick("contacts", AWAY)
    before = world.row("contacts", target["id"])
    own = world.pick("accounts", HOME, owner_id=world.ids["field"])["id"]
    [made] = world.push(
        "field", create("contacts", target["id"], new_fields(world, "contacts", "field", own))
    )
    assert refused(made, "id_taken"), made
    after = world.row("contacts", target["id"])
    assert (after.version, after.data, after.territory) == (before.version, before.data, AWAY)


def test_a_mutation_id_used_by_someone_else_reveals_nothing(world: LiveServer) -> None:
    account = world.pick("accounts", HOME, owner_id=world.ids["field"])
    mutation_id = new_id()
    base = world.version("accounts", account["id"])
    [first] = world.push(
        "field", update("accounts", account["id"], {"tier": "A"}, base, mutation_id)
    )
    assert first["status"] == "applied", first
    [replayed] = world.push(
        "field2", update("accounts", account["id"], {"tier": "C"}, base, mutation_id)
    )
    assert refused(replayed, "mutation_id_taken"), replayed
    assert "version" not in replayed and "original_status" not in replayed
    assert json.loads(world.row("accounts", account["id"]).data)["tier"] == "A"


# -- notes and reviews belong to their author --------------------------------------------
@pytest.mark.parametrize("editor", ["inside", "field3", "manager"])
def test_only_a_notes_author_edits_or_deletes_it(world: LiveServer, editor: str) -> None:
    note = world.pick("notes", HOME, author_id=world.ids["field"])
    before = world.row("notes", note["id"])
    results = world.push(
        editor,
        update("notes", note["id"], {"body": "Not what was said."}),
        delete("notes", note["id"]),
    )
    assert all(refused(r) for r in results), results
    assert world.row("notes", note["id"]).data == before.data


def test_an_inside_rep_cannot_edit_another_inside_reps_note(world: LiveServer) -> None:
    own = world.pick("accounts", HOME, owner_id=world.ids["field"])["id"]
    note_id = new_id()
    [made] = world.push(
        "inside3", create("notes", note_id, new_fields(world, "notes", "inside3", own))
    )
    assert made["status"] == "applied", made
    results = world.push(
        "inside",
        update("notes", note_id, {"body": "Edited by a colleague."}),
        delete("notes", note_id),
    )
    assert all(refused(r) for r in results), results
    # The author may; pinning it for the field is the one change another inside rep may make.
    [pinned] = world.push("inside", update("notes", note_id, {"pinned": True}))
    assert pinned["status"] == "applied", pinned
    [edited] = world.push("inside3", update("notes", note_id, {"body": "Edited by its author."}))
    assert edited["status"] == "applied", edited


def test_a_field_rep_cannot_pin_notes_nor_create_one_in_someone_elses_name(
    world: LiveServer,
) -> None:
    note = world.pick("notes", HOME, author_id=world.ids["field"], pinned=False)
    [pinned] = world.push("field", update("notes", note["id"], {"pinned": True}))
    assert refused(pinned), pinned
    own = world.pick("accounts", HOME, owner_id=world.ids["field"])["id"]
    forged = {**new_fields(world, "notes", "field", own), "author_id": world.ids["inside"]}
    record_id = new_id()
    [made] = world.push("field", create("notes", record_id, forged))
    assert refused(made), made
    assert world.row("notes", record_id) is None


@pytest.mark.parametrize("editor", ["field", "inside3"])
def test_only_a_reviews_reviewer_changes_or_deletes_it(world: LiveServer, editor: str) -> None:
    review = world.pick("reviews", HOME, reviewer_id=world.ids["inside"])
    before = world.row("reviews", review["id"])
    results = world.push(
        editor, update("reviews", review["id"], EDITS["reviews"]), delete("reviews", review["id"])
    )
    assert all(refused(r) for r in results), results
    after = world.row("reviews", review["id"])
    assert (after.data, after.deleted) == (before.data, False)


# -- sign-in lockout ---------------------------------------------------------------------
def test_failed_sign_ins_lock_the_username_out_even_for_the_right_password(
    fresh: LiveServer,
) -> None:
    for attempt in range(5):
        answer = fresh.sign_in("field", f"guess-{attempt}")
        assert answer.status_code == 401, answer.text
    locked = fresh.sign_in("field", DEMO_PASSWORD)
    assert locked.status_code == 429, locked.text
    assert locked.json()["error"]["code"] == "rate_limited"
    assert declared_validator(fresh, "POST", "/v1/auth/token", 429).is_valid(locked.json())
    wait = int(locked.headers["Retry-After"])
    assert wait == 15 * 60  # all five failures happened at the same (fake) second
    fresh.clock.advance(wait - 1)
    assert fresh.sign_in("field", DEMO_PASSWORD).status_code == 429  # not a second early
    fresh.clock.advance(1)
    assert fresh.sign_in("field", DEMO_PASSWORD).status_code == 200
    # A success wipes the slate: the next mistake is a plain 401 again.
    assert fresh.sign_in("field", "one more typo").status_code == 401


def test_failed_sign_ins_from_one_address_lock_out_other_usernames(fresh: LiveServer) -> None:
    for username in ("admin", "root", "julie", "field2", "test"):
        assert fresh.sign_in(username, "password123").status_code == 401
    locked = fresh.sign_in("inside", DEMO_PASSWORD)
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0


def test_guesses_sent_at_the_same_moment_get_no_more_password_checks_than_the_limit(
    tmp_path: Path,
) -> None:
    """Before the fix, each of 30 simultaneous guesses passed the limit check before any
    of them was counted: all 30 reached the password check (with the real argon2 cost)."""
    # A password check of a few milliseconds, as a real one takes tens: a window to race in.
    with live_server(
        tmp_path / "server", PasswordCost(time_cost=1, memory_cost=4096, parallelism=1)
    ) as live:

        def guess(attempt: int) -> int:
            with requests.Session() as session:
                return session.post(
                    live.url + "/v1/auth/token",
                    json={
                        "grant_type": "password",
                        "username": "field",
                        "password": f"guess-{attempt}",
                    },
                    timeout=60,
                ).status_code

        with concurrent.futures.ThreadPoolExecutor(max_workers=30) as pool:
            statuses = list(pool.map(guess, range(30)))
        assert sorted(set(statuses)) == [401, 429], statuses
        assert statuses.count(401) == 5, f"{statuses.count(401)} guesses were checked"
        assert live.sign_in("field", DEMO_PASSWORD).status_code == 429
