"""A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between a client and the real server.

The proxy reads one request at a time from the client (headers and ``Content-Length``
body), forwards it to the server on a connection of its own, reads the whole answer and
then, depending on the fault in force for that request, passes it on, loses it, cuts it
short, slows it down or replaces it. The answers of an overloaded or failing server (500,
503 and 429 with ``Retry-After``) are made up by the proxy itself: the real server never
sees those requests. Faults are per request (not per TCP connection) because requests
keeps connections alive: ``schedule(fault, n)`` applies to the next ``n`` requests,
``set_chooser`` picks one per request (seeded random faults), ``set_fault`` switches one
on until ``clear``. ``retarget`` points the proxy at a restarted server, so that the
address a client knows stays the same. ``wait_idle`` waits until no forwarded request is
still being answered by the server. ``stop`` closes every socket and joins every thread
with a bounded wait.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable

IO_TIMEOUT = 30.0
# The pacing step of a bandwidth limit: small enough that the bytes flow steadily (a read
# timeout measures silence, and a trickle is not silence), large enough to be cheap.
BANDWIDTH_STEP = 0.05


class Fault(enum.Enum):
    NONE = "forward normally"
    RESET_BEFORE_REQUEST = "reset the connection before forwarding the request"
    DROP_AFTER_REQUEST = "forward the request, then drop the connection before the answer"
    RESET_MID_RESPONSE = "reset the connection half-way through the answer"
    TRUNCATE = "send only part of the answer, then close"
    STATUS_LINE_ONLY = "forward the request, answer only the server's status line, then close"
    CUT_IN_HEADERS = "forward the request, answer half the server's headers, then close"
    UNFRAMED_CUT = "forward the request, answer without Content-Length and half the body"
    EMPTY_BODY = "forward the request, answer the server's status with an empty body"
    LATENCY = "forward the answer after a delay"
    STALL = "never answer"
    GARBAGE = "answer garbage bytes"
    BANDWIDTH = "pass the request and the answer on at the proxy's bandwidth (bytes/s)"
    HTTP_500 = "answer 500 itself; the server never sees the request"
    HTTP_503 = "answer 503 with Retry-After itself; the server never sees the request"
    HTTP_429 = "answer 429 with Retry-After itself; the server never sees the request"


# The status line, error code and whether Retry-After is sent, of each made-up answer.
_SYNTHESIZED = {
    Fault.HTTP_500: ("500 Internal Server Error", "internal_error", False),
    Fault.HTTP_503: ("503 Service Unavailable", "unavailable", True),
    Fault.HTTP_429: ("429 Too Many Requests", "rate_limited", True),
}


@dataclasses.dataclass(frozen=True)
class Seen:
    """One request the proxy received, and what it did with it."""

    method: str
    path: str
    fault: Fault
    at: float


class ConnectionClosed(Exception):
    """The peer closed the connection."""


def _read_message(sock: socket.socket, buffer: bytearray, *, response: bool) -> bytes:
    """One HTTP message (headers and body) from ``sock``; ``buffer`` keeps extra bytes."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionClosed()
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = bytes(buffer[:end])
    headers = {}
    for line in head.split(b"\r\n")[1:]:
        if b":" in line:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
    del buffer[:end]
    body = bytearray()
    if b"content-length" in headers:
        length = int(headers[b"content-length"])
        while len(buffer) < length:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionClosed()
            buffer += chunk
        body += buffer[:length]
        del buffer[:length]
    elif response and headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        while b"0\r\n\r\n" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionClosed()
            buffer += chunk
        end = buffer.index(b"0\r\n\r\n") + 5
        body += buffer[:end]
        del buffer[:end]
    return head + bytes(body)


def _reset(sock: socket.socket) -> None:
    """Close with a TCP RST rather than a FIN (waking any thread blocked reading it)."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


def _hostport(url: str) -> tuple[str, int]:
    hostport = url.split("://", 1)[1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    assert host in ("127.0.0.1", "localhost"), "loopback only"
    return host, int(port)


def _synthesized(fault: Fault, retry_after: str) -> bytes:
    """The whole HTTP answer the proxy gives in the server's name for ``fault``."""
    status, code, waits = _SYNTHESIZED[fault]
    body = json.dumps({"error": {"code": code, "message": "made up by the fault proxy"}}).encode()
    head = [
        f"HTTP/1.1 {status}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
    ]
    if waits:
        head.append(f"Retry-After: {retry_after}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


_CUT_ANSWERS = (Fault.STATUS_LINE_ONLY, Fault.CUT_IN_HEADERS, Fault.UNFRAMED_CUT, Fault.EMPTY_BODY)


def _cut_answer(fault: Fault, response: bytes) -> bytes:
    """What a broken connection leaves of the server's ``response`` for ``fault``."""
    head, _, body = response.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0]
    if fault is Fault.STATUS_LINE_ONLY:
        return status_line + b"\r\n"
    if fault is Fault.CUT_IN_HEADERS:
        return head[: len(status_line) + (len(head) - len(status_line)) // 2]
    if fault is Fault.EMPTY_BODY:
        return status_line + b"\r\nContent-Length: 0\r\n\r\n"
    # UNFRAMED_CUT: an HTTP/1.0-style answer whose body ends with the connection.
    kept = [
        line
        for line in head.split(b"\r\n")
        if not line.lower().startswith((b"content-length:", b"connection:"))
    ]
    return b"\r\n".join([*kept, b"Connection: close"]) + b"\r\n\r\n" + body[: len(body) // 2]


class FaultProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to ``upstream`` (host, port).

    ``latency`` is the delay of ``Fault.LATENCY`` (seconds), ``bandwidth`` the rate of
    ``Fault.BANDWIDTH`` (bytes per second, each way), ``retry_after`` the header value of
    the made-up 503 and 429 answers. ``on_request``, when set, is called in the proxy's
    thread with each request's ``Seen`` before the request is forwarded or faulted, and
    may return the fault to apply instead: a test uses it to act at an exact point of a
    client's conversation (kill the server between two pages of a pull, and lose the
    request the dead server was to answer).
    """

    def __init__(
        self,
        upstream_url: str,
        *,
        latency: float = 0.5,
        bandwidth: int = 16 * 1024,
        retry_after: str = "1",
    ) -> None:
        self.upstream = _hostport(upstream_url)
        self.latency = latency
        self.bandwidth = bandwidth
        self.retry_after = retry_after
        self.on_request: Callable[[Seen], Fault | None] | None = None
        self.seen: list[Seen] = []
        self.forwarded = 0  # requests the real server received
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_flight = 0  # forwarded requests whose answer the server has not finished
        self._scheduled: deque[Fault] = deque()
        self._chooser: Callable[[str, str], Fault] | None = None
        self._fault = Fault.NONE
        self._stopping = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    # -- control ----------------------------------------------------------------------
    def schedule(self, fault: Fault, count: int = 1) -> None:
        """Apply ``fault`` to the next ``count`` requests."""
        with self._lock:
            self._scheduled.extend([fault] * count)

    def set_fault(self, fault: Fault) -> None:
        """Apply ``fault`` to every request until ``clear``."""
        with self._lock:
            self._fault = fault

    def set_chooser(self, chooser: Callable[[str, str], Fault] | None) -> None:
        """Let ``chooser(method, path)`` pick the fault of each request not scheduled
        (a seeded random mix, a fault that comes and goes) until ``clear``."""
        with self._lock:
            self._chooser = chooser

    def clear(self) -> None:
        with self._lock:
            self._scheduled.clear()
            self._chooser = None
            self._fault = Fault.NONE

    def retarget(self, upstream_url: str) -> None:
        """Forward to another server from now on (the same one, restarted on another
        port): connections opened from now on go there; the old ones fail as they would
        have with the server gone."""
        with self._lock:
            self.upstream = _hostport(upstream_url)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the server has answered every request forwarded to it (or its
        connection broke); False if that took longer than ``timeout``. A client killed
        mid-request leaves its request running on the server: this is how a test waits
        for the server to finish it before comparing states."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_flight == 0, timeout)

    def requests_seen(self, fault: Fault | None = None) -> int:
        with self._lock:
            return sum(1 for s in self.seen if fault is None or s.fault is fault)

    def stop(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _reset(sock)
        self._acceptor.join(timeout=5)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- work -------------------------------------------------------------------------
    def _next_fault(self, method: str, path: str) -> Fault:
        with self._lock:
            if self._scheduled:
                return self._scheduled.popleft()
            chooser = self._chooser
            if chooser is None:
                return self._fault
        return chooser(method, path)

    def _send(self, sock: socket.socket, data: bytes, throttled: bool) -> bool:
        """Send ``data``, at ``bandwidth`` bytes/s when ``throttled``; False if the proxy
        stopped meanwhile."""
        if not throttled:
            sock.sendall(data)
            return True
        step = max(1, int(self.bandwidth * BANDWIDTH_STEP))
        started = time.monotonic()
        for offset in range(0, len(data), step):
            # Pace against the start, so that the rate holds whatever each send costs.
            due = started + offset / self.bandwidth - time.monotonic()
            if due > 0 and self._stopping.wait(due):
                return False
            sock.sendall(data[offset : offset + step])
        return True

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _untrack(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.close()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(IO_TIMEOUT)
            self._track(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()]
            self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        buffer = bytearray()
        upstream: socket.socket | None = None
        upstream_buffer = bytearray()
        try:
            while not self._stopping.is_set():
                request = _read_message(client, buffer, response=False)
                line = request.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
                method, path = line[0], line[1] if len(line) > 1 else ""
                fault = self._next_fault(method, path)
                seen = Seen(method, path, fault, time.monotonic())
                with self._lock:  # in order of arrival, whatever the hook does next
                    index = len(self.seen)
                    self.seen.append(seen)
                hook = self.on_request
                if hook is not None and (override := hook(seen)) is not None:
                    fault = override
                    with self._lock:
                        self.seen[index] = dataclasses.replace(seen, fault=fault)
                if fault in _SYNTHESIZED:
                    client.sendall(_synthesized(fault, self.retry_after))
                    continue
                if fault is Fault.RESET_BEFORE_REQUEST:
                    _reset(client)
                    return
                if fault is Fault.STALL:
                    self._stopping.wait(IO_TIMEOUT)
                    return
                if fault is Fault.GARBAGE:
                    client.sendall(b"\x00\xff\xfeNOT HTTP AT ALL\r\n\x13\x37" * 8)
                    client.close()
                    return
                throttled = fault is Fault.BANDWIDTH
                with self._lock:
                    self._in_flight += 1
                    self.forwarded += 1
                    target = self.upstream
                try:
                    if upstream is None:
                        upstream = socket.create_connection(target, timeout=IO_TIMEOUT)
                        self._track(upstream)
                    if not self._send(upstream, request, throttled):
                        return
                    response = _read_message(upstream, upstream_buffer, response=True)
                finally:
                    with self._idle:
                        self._in_flight -= 1
                        self._idle.notify_all()
                if fault is Fault.DROP_AFTER_REQUEST:
                    _reset(client)
                    return
                if fault is Fault.RESET_MID_RESPONSE:
                    client.sendall(response[: len(response) // 2])
                    _reset(client)
                    return
                if fault is Fault.TRUNCATE:
                    head_end = response.index(b"\r\n\r\n") + 4
                    client.sendall(response[: head_end + max(1, (len(response) - head_end) // 3)])
                    client.shutdown(socket.SHUT_RDWR)
                    client.close()
                    return
                if fault in _CUT_ANSWERS:
                    client.sendall(_cut_answer(fault, response))
                    client.shutdown(socket.SHUT_RDWR)
                    client.close()
                    return
                if fault is Fault.LATENCY and self._stopping.wait(self.latency):
                    return
                if not self._send(client, response, throttled):
                    return
        except (ConnectionClosed, OSError):
            pass
        finally:
            self._untrack(client)
            if upstream is not None:
                self._untrack(upstream)
