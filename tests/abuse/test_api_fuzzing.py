"""Fuzzing the sync server through its own OpenAPI description, with schemathesis.

The real server runs as a process on a free loopback port (``fieldapp server run``) with a
small demo organisation. Schemathesis' command line reads ``/v1/openapi.json`` and sends
every operation schema-valid and schema-breaking requests (its coverage phase: boundary
values, missing and wrongly typed fields, other methods; then its fuzzing phase: random
ones), signed in as the field rep so that they get past authentication. Every answer must:

- never be a 5xx (``not_a_server_error``);
- have a status code, headers (``Retry-After``, ``WWW-Authenticate``), content type and
  body the description declares for that operation (the ``*_conformance`` checks);
- refuse schema-breaking input with a 4xx (``negative_data_rejection``), refuse other
  methods with 405 and ``Allow`` (``unsupported_method``, ``allow_header_conformance``),
  and refuse the secured operations without the token (``ignored_auth``).

``positive_data_acceptance`` is left out on purpose: a schema-valid cursor or refresh
token the server never issued is *meant* to be refused with a 4xx.

Beyond the answers schemathesis judges, the test reads the whole exchange (a HAR file) and
the server's log: no mutation was answered ``server_error`` (a bug the server turns into a
rejection so that one bad mutation does not cost the batch), no traceback was logged,
and the signed-in operations were really served (a token the server refused would have
made every request a 401, which conforms and proves nothing).

Default: at most 40 fuzzed examples per operation (about 400 requests with the coverage
phase, ~30 s); ``pytest --long``: 1000 (about 4,200 requests, ~6 min on 2 busy cores: the
operations without inputs run out of distinct requests at once). The count is printed.
``FIELDAPP_FUZZ_SEED=<n>`` replays a run with the seed it printed.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from support.server import DEMO_PASSWORD, ServerProcess, child_env, running_server

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "ignored_auth",
)
DEFAULT_EXAMPLES, LONG_EXAMPLES = 40, 1000
SEED_ENV = "FIELDAPP_FUZZ_SEED"
# Operations whose answers must include successes: the proof that the token worked.
SIGNED_IN = (("GET", "/v1/me"), ("GET", "/v1/changes"), ("POST", "/v1/mutations"))
TAKES_INPUT = (
    "POST /v1/auth/token",
    "POST /v1/auth/revoke",
    "GET /v1/changes",
    "POST /v1/mutations",
)
# What the server logs when a request or a mutation hit a bug (app.py, mutations.py).
BUG_MARKERS = ("Traceback", "unexpected error", "Exception in ASGI")


def access_token(server: ServerProcess) -> str:
    answer = requests.post(
        server.url + "/v1/auth/token",
        json={"grant_type": "password", "username": "field", "password": DEMO_PASSWORD},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def schemathesis_run(
    server: ServerProcess, token: str, examples: int, seed: int, har: Path, workdir: Path
) -> subprocess.CompletedProcess[str]:
    """``schemathesis run`` against the server, one request at a time."""
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{server.url}/v1/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--mode",
        "all",
        "--max-examples",
        str(examples),
        "--seed",
        str(seed),
        "--workers",
        "1",  # a shared 2-core machine; the server's concurrency is load's job
        "--header",
        f"Authorization: Bearer {token}",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--report",
        "har",
        "--report-har-path",
        str(har),
        "--no-color",
    ]
    # The working folder is the test's own: schemathesis looks for a schemathesis.toml
    # upwards from it and keeps a cache there, and neither belongs in the repository.
    return subprocess.run(
        command,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=3600,
        env=child_env(),
        check=False,
    )


def har_entries(har: Path) -> list[dict[str, Any]]:
    return list(json.loads(har.read_text(encoding="utf-8"))["log"]["entries"])


def operation_of(entry: dict[str, Any]) -> tuple[str, str]:
    return entry["request"]["method"], urlsplit(entry["request"]["url"]).path


def response_json(entry: dict[str, Any]) -> Any:
    text = entry["response"]["content"].get("text") or ""
    try:
        return json.loads(text)
    except ValueError:
        return None


def test_the_api_keeps_to_its_openapi_description_under_fuzzing(
    tmp_path: Path, long_run: bool
) -> None:
    examples = LONG_EXAMPLES if long_run else DEFAULT_EXAMPLES
    seed = int(os.environ.get(SEED_ENV) or secrets.randbelow(2**31))
    har = tmp_path / "exchange.har"
    # Five accounts keep pages of the feed small: the HAR file holds every answer.
    with running_server(tmp_path / "server", accounts=5) as server:
        done = schemathesis_run(server, access_token(server), examples, seed, har, tmp_path)
        still_up = requests.get(server.url + "/v1/health", timeout=10).status_code
    server_log = (server.data_dir / "server.log").read_text(encoding="utf-8", errors="replace")
    report = done.stdout[-8000:] + done.stderr[-2000:]

    assert har.exists(), report
    entries = har_entries(har)
    by_status = Counter(e["response"]["status"] for e in entries)
    # 405s are the probes of methods an operation does not have: counted apart.
    by_operation = Counter(
        " ".join(operation_of(e)) for e in entries if e["response"]["status"] != 405
    )
    print(
        f"\nschemathesis sent {len(entries)} requests ({examples} examples per operation, "
        f"seed {seed}; replay with {SEED_ENV}={seed}); answers by status: "
        f"{dict(sorted(by_status.items()))}; by operation: {dict(sorted(by_operation.items()))}"
    )

    assert done.returncode == 0, f"schemathesis found failures (seed {seed}):\n{report}"
    assert still_up == 200
    server_errors = [operation_of(e) for e in entries if e["response"]["status"] >= 500]
    assert server_errors == [], server_errors
    hidden_bugs = [
        result
        for e in entries
        if operation_of(e) == ("POST", "/v1/mutations")
        for result in ((response_json(e) or {}).get("results") or [])
        if result.get("code") == "server_error"
    ]
    assert hidden_bugs == [], hidden_bugs[:5]
    logged = [marker for marker in BUG_MARKERS if marker in server_log]
    assert logged == [], f"the server logged {logged}:\n{server_log[-4000:]}"
    # The run really covered the API: every operation, and signed in.
    served = {operation_of(e) for e in entries if e["response"]["status"] < 300}
    assert set(SIGNED_IN) <= served, served
    operations = {operation_of(e) for e in entries}
    assert {
        ("GET", "/v1/health"),
        ("POST", "/v1/auth/token"),
        ("POST", "/v1/auth/revoke"),
    } <= operations
    # Every operation that takes input got at least the examples asked for (an operation
    # without inputs, like /v1/health, runs out of distinct requests long before).
    short = {op: n for op, n in by_operation.items() if op in TAKES_INPUT and n < examples}
    assert short == {}, short


def test_every_operation_declares_its_errors_and_no_phantom_422(tmp_path: Path) -> None:
    """The description the fuzzer trusts: FastAPI's default 422 is never sent (malformed
    requests are 400s in the error shape), and every answer the middlewares and the
    security dependency can send is declared, with its headers."""
    with running_server(tmp_path / "server", accounts=None) as server:
        description = requests.get(server.url + "/v1/openapi.json", timeout=30).json()
    error = {"$ref": "#/components/schemas/ErrorBody"}
    for path, operations in description["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            responses = operation["responses"]
            assert "422" not in responses, where
            assert "503" in responses, where  # overload and a busy database
            assert "Retry-After" in responses["503"]["headers"], where
            for status, declared in responses.items():
                if status.startswith(("4", "5")):
                    assert declared["content"]["application/json"]["schema"] == error, where
            if operation.get("security"):
                assert "WWW-Authenticate" in responses["401"]["headers"], where
            if method == "post":
                assert "413" in responses and "400" in responses, where
    token = description["paths"]["/v1/auth/token"]["post"]["responses"]
    assert "Retry-After" in token["429"]["headers"]
    schemas = description["components"]["schemas"]
    assert schemas["ErrorBody"]["additionalProperties"] is False
    assert "HTTPValidationError" not in schemas
