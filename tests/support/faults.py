"""A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between a client and the real server.

The proxy reads one request at a time from the client (headers and ``Content-Length``
body), forwards it to the server on a connection of its own, reads the whole answer and
then, depending on the fault in force for that request, passes it on, loses it, cuts it
short or replaces it. Faults are per request (not per TCP connection) because requests
keeps connections alive: ``schedule(fault, n)`` applies to the next ``n`` requests,
``set_fault`` switches one on until ``clear``. ``stop`` closes every socket and joins
every thread with a bounded wait.
"""

from __future__ import annotations

import contextlib
import enum
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass

IO_TIMEOUT = 30.0


class Fault(enum.Enum):
    NONE = "forward normally"
    RESET_BEFORE_REQUEST = "reset the connection before forwarding the request"
    DROP_AFTER_REQUEST = "forward the request, then drop the connection before the answer"
    RESET_MID_RESPONSE = "reset the connection half-way through the answer"
    TRUNCATE = "send only part of the answer, then close"
    LATENCY = "forward the answer after a delay"
    STALL = "never answer"
    GARBAGE = "answer garbage bytes"


@dataclass(frozen=True)
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


class FaultProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to ``upstream`` (host, port)."""

    def __init__(self, upstream_url: str, *, latency: float = 0.5) -> None:
        hostport = upstream_url.split("://", 1)[1].rstrip("/")
        host, _, port = hostport.rpartition(":")
        assert host in ("127.0.0.1", "localhost"), "loopback only"
        self.upstream = (host, int(port))
        self.latency = latency
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._scheduled: deque[Fault] = deque()
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

    def clear(self) -> None:
        with self._lock:
            self._scheduled.clear()
            self._fault = Fault.NONE

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
    def _next_fault(self) -> Fault:
        with self._lock:
            return self._scheduled.popleft() if self._scheduled else self._fault

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
                fault = self._next_fault()
                with self._lock:
                    self.seen.append(Seen(line[0], line[1] if len(line) > 1 else "", fault,
                                          time.monotonic()))
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
                if upstream is None:
                    upstream = socket.create_connection(self.upstream, timeout=IO_TIMEOUT)
                    self._track(upstream)
                upstream.sendall(request)
                response = _read_message(upstream, upstream_buffer, response=True)
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
                if fault is Fault.LATENCY and self._stopping.wait(self.latency):
                    return
                client.sendall(response)
        except (ConnectionClosed, OSError):
            pass
        finally:
            self._untrack(client)
            if upstream is not None:
                self._untrack(upstream)
