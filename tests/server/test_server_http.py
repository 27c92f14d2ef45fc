"""The wire: every malformed request is a clear 4xx JSON error, never a 500."""

from __future__ import annotations

import pytest
from support.server_world import World

from fieldapp.error_codes import ENGLISH, english


def _is_error(answer: object, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text  # type: ignore[attr-defined]
    body = answer.json()  # type: ignore[attr-defined]
    assert body["error"]["code"] == code and body["error"]["message"]
    # The reason travels as a catalogue code with plain parameters, and the English
    # message is that code's sentence, so a client words the same reason in its language.
    reason_code, params = body["error"]["reason_code"], body["error"]["reason_params"]
    assert reason_code in ENGLISH
    assert body["error"]["message"] == english(reason_code, params)


def test_health_needs_no_sign_in(world: World) -> None:
    answer = world.client.get("/v1/health")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"


def test_a_body_over_4_mib_is_refused_before_parsing(world: World) -> None:
    huge = b'{"device_id": "d", "mutations": [' + b" " * (4 * 1024 * 1024) + b"]}"
    answer = world.client.post(
        "/v1/mutations",
        content=huge,
        headers={**world.headers("field"), "Content-Type": "application/json"},
    )
    _is_error(answer, 413, "payload_too_large")


def test_a_chunked_body_over_4_mib_is_refused_too(world: World) -> None:
    def chunks():  # no Content-Length: the size is only known while reading
        for _ in range(5):
            yield b" " * (1024 * 1024)

    answer = world.client.post(
        "/v1/auth/token", content=chunks(), headers={"Content-Type": "application/json"}
    )
    _is_error(answer, 413, "payload_too_large")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"device_id": "d", "mutations": [',
        b"[]",
        b'"text"',
        b'{"device_id": 12, "mutations": []}',
        b'{"device_id": "d", "mutations": "all of them"}',
        b'{"device_id": "d", "mutations": [{"mutation_id": "m"}]}',
        b'{"device_id": "d", "mutations": [{"mutation_id": "m", "collection": "accounts",'
        b' "record_id": "r", "op": "explode", "fields": {}}]}',
        b'{"device_id": "d", "mutations": [{"mutation_id": "m", "collection": "accounts",'
        b' "record_id": "r", "op": "update", "fields": {}, "base_version": "12"}]}',
        b"\xff\xfe\x00",
    ],
)
def test_malformed_mutation_bodies_are_clear_client_errors(world: World, body: bytes) -> None:
    answer = world.client.post(
        "/v1/mutations",
        content=body,
        headers={**world.headers("field"), "Content-Type": "application/json"},
    )
    _is_error(answer, 400, "invalid_request")


@pytest.mark.parametrize(
    "body",
    [
        {"grant_type": "password", "username": "field"},
        {"grant_type": "client_credentials"},
        {"grant_type": "refresh_token"},
        {"grant_type": "password", "username": ["field"], "password": "x"},
    ],
)
def test_malformed_sign_ins_are_clear_client_errors(world: World, body: dict) -> None:
    _is_error(world.client.post("/v1/auth/token", json=body), 400, "invalid_request")


def test_unknown_paths_and_methods_answer_in_the_error_shape(world: World) -> None:
    _is_error(world.client.get("/v1/nothing-here"), 404, "not_found")
    _is_error(world.client.delete("/v1/changes"), 405, "method_not_allowed")


def test_the_openapi_description_and_docs_are_served(world: World) -> None:
    answer = world.client.get("/v1/openapi.json")
    assert answer.status_code == 200
    paths = answer.json()["paths"]
    for path in (
        "/v1/auth/token",
        "/v1/auth/revoke",
        "/v1/me",
        "/v1/changes",
        "/v1/mutations",
        "/v1/health",
    ):
        assert path in paths
    docs = world.client.get("/v1/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text


def test_an_overloaded_server_answers_503_with_retry_after() -> None:
    import threading

    from anyio import to_thread
    from fastapi.testclient import TestClient
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from sync.server.app import InFlightLimit
    from sync.server.config import BUSY_RETRY_AFTER_SECONDS

    gate, entered = threading.Event(), threading.Event()

    async def endpoint(request: Request) -> JSONResponse:
        if request.url.path != "/v1/health":  # a slow request, holding its place
            entered.set()
            await to_thread.run_sync(gate.wait, 5)
        return JSONResponse({"ok": True})

    slow = Starlette(routes=[Route("/{path:path}", endpoint)])
    answers: list[int] = []
    with TestClient(InFlightLimit(slow, limit=1)) as client:
        first = threading.Thread(target=lambda: answers.append(client.get("/v1/me").status_code))
        first.start()
        assert entered.wait(5)
        busy = client.get("/v1/changes")
        assert busy.status_code == 503
        assert busy.headers["Retry-After"] == str(BUSY_RETRY_AFTER_SECONDS)
        assert busy.json()["error"]["code"] == "unavailable"
        assert client.get("/v1/health").status_code == 200  # never refused: it is the probe
        gate.set()
        first.join(5)
    assert answers == [200]
