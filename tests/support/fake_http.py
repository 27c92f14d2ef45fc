"""A tiny scriptable HTTP server on 127.0.0.1 for answers the real server never gives:
malformed or truncated JSON, wrong types, oversized bodies, 429 with Retry-After.

Each path has a queue of ``Answer``s; the last one repeats. Every request's arrival time
is recorded so that a test can prove a client stayed silent while asked to wait.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    """One canned HTTP answer. ``length`` overrides the Content-Length header (None:
    the body's real length; -1: no Content-Length, the body ends when the connection
    closes)."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    length: int | None = None

    @classmethod
    def json(cls, value: Any, status: int = 200, **headers: str) -> Answer:
        return cls(
            status, json.dumps(value).encode(), {"Content-Type": "application/json", **headers}
        )


@dataclass(frozen=True)
class Arrival:
    method: str
    path: str
    at: float  # time.monotonic()


TOKEN_ANSWER = {
    "access_token": "fake-access",
    "token_type": "bearer",
    "expires_in": 3600,
    "refresh_token": "fake-refresh",
    "user": {"id": "0190a000-0000-7000-8000-00000000f001", "username": "field", "role": "field"},
}


class FakeServer:
    """``with FakeServer() as fake: fake.answer('/v1/changes', Answer(...))``."""

    def __init__(self) -> None:
        self.arrivals: list[Arrival] = []
        self._answers: dict[str, deque[Answer]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.answer("/v1/auth/token", Answer.json(TOKEN_ANSWER))
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _handle(self) -> None:
                path = self.path.split("?", 1)[0]
                with owner._lock:
                    owner.arrivals.append(Arrival(self.command, path, time.monotonic()))
                    queue = owner._answers.get(path)
                    answer = None
                    if queue:
                        answer = queue.popleft() if len(queue) > 1 else queue[0]
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if answer is None:
                    answer = Answer.json({"error": {"code": "not_found", "message": "no"}}, 404)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.length == -1:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                else:
                    self.send_header(
                        "Content-Length",
                        str(len(answer.body) if answer.length is None else answer.length),
                    )
                self.end_headers()
                try:
                    self.wfile.write(answer.body)
                    self.wfile.flush()
                except OSError:
                    pass
                if answer.length is not None and answer.length != len(answer.body):
                    self.close_connection = True

            do_GET = _handle
            do_POST = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def answer(self, path: str, *answers: Answer) -> None:
        """Replace the answers for ``path`` (the last one repeats)."""
        with self._lock:
            self._answers[path] = deque(answers)

    def arrivals_at(self, path: str) -> list[Arrival]:
        with self._lock:
            return [a for a in self.arrivals if a.path == path]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
