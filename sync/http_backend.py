"""The HTTP backend for FieldApp's own sync protocol (docs/sync-protocol.md), on requests.

Every call has a timeout; transient failures (network errors, 5xx) are retried with
exponential back-off and full jitter; 429/503 ``Retry-After`` is honoured (nothing is sent
while it runs); TLS certificates are verified. Pulls are GETs and pushes are idempotent by
mutation id, so retrying either is always safe.

While the engine applies a page that has more after it, the next page is already being
fetched on a background thread (one request at a time still: every other call waits for
it). A first download then costs the larger of the server's time and the local store's,
not their sum. The prefetched GET changes nothing on the server; if the engine stops
(cancelled, failed page) its answer is simply dropped.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import requests

from fieldapp import __version__
from fieldapp.error_codes import Param
from fieldapp.store.syncbook import MutationResult, PendingMutation
from sync import wire
from sync.backend import Identity, PullPage, Tokens
from sync.errors import (
    AuthenticationError,
    InvalidCursorError,
    OfflineError,
    ProtocolError,
    ServerBusyError,
    ServerRefusedError,
    SyncError,
)

log = logging.getLogger(__name__)

_PageKey = tuple[str, "str | None", int]  # feed, cursor, limit

MAX_RESPONSE_BYTES = 64 * 2**20  # a page of 5,000 records is a few MB; more is hostile


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0  # wait longer than this and the cycle gives up politely

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2^attempt)]."""
        return rng.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class _Prefetch:
    """The next page, fetched on a daemon thread while the caller applies the last one."""

    def __init__(self, key: _PageKey, fetch: Callable[[], PullPage]) -> None:
        self.key = key
        self._done = threading.Event()
        self._page: PullPage | None = None
        self._error: BaseException | None = None
        thread = threading.Thread(
            target=self._run, args=(fetch,), daemon=True, name="fieldapp-sync-prefetch"
        )
        thread.start()

    def _run(self, fetch: Callable[[], PullPage]) -> None:
        try:
            self._page = fetch()
        except BaseException as exc:  # handed to the caller in result()
            self._error = exc
        finally:
            self._done.set()

    def wait(self) -> None:
        self._done.wait()  # bounded: every request has a timeout and limited retries

    def result(self) -> PullPage:
        self.wait()
        if self._error is not None:
            raise self._error
        assert self._page is not None
        return self._page


class HttpBackend:
    """One signed-in user's connection to a FieldApp sync server."""

    max_batch = 500
    _retried_statuses = (500, 502, 504)

    def __init__(
        self,
        base_url: str,
        *,
        refresh_token: str | None = None,
        on_refresh_token: Callable[[str], None] | None = None,
        timeout: tuple[float, float] = (5.0, 60.0),
        retry: RetryPolicy = RetryPolicy(),
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        verify: bool | str = True,
        rng: random.Random | None = None,
        prefetch: bool = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._refresh_token = refresh_token
        self._on_refresh_token = on_refresh_token
        self._access_token: str | None = None
        self.timeout = timeout
        self.retry = retry
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"FieldApp/{__version__}"
        self.session.verify = verify
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._requests = 0
        self.prefetch = prefetch
        self._ahead: _Prefetch | None = None

    @property
    def requests_made(self) -> int:
        return self._requests

    # -- the interface ------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Tokens:
        self._settle()
        try:
            body = self._call(
                "POST",
                "/v1/auth/token",
                json={
                    "grant_type": "password",
                    "username": username,
                    "password": password,
                },
                authenticated=False,
            )
        except AuthenticationError:
            # At the password grant a 401 is about what was typed, not an ended sign-in.
            raise AuthenticationError("sync.wrong_username_or_password_check_them") from None
        except ServerBusyError as busy:
            if busy.refused_as != "rate_limited":
                raise
            # The server slows down repeated failures for one username or address. Still a
            # wait, not an AuthenticationError: the window words that as a wrong password,
            # and the password typed this time may well be right.
            raise ServerBusyError(
                "sync.too_many_failed_sign_ins_wait",
                busy.retry_after,
                busy.refused_as,
                minutes=math.ceil(busy.retry_after / 60),
            ) from None
        tokens = wire.tokens(body)
        self._access_token, self._refresh_token = tokens.access_token, tokens.refresh_token
        return tokens

    def revoke(self) -> None:
        self._settle()
        if self._refresh_token:
            self._call(
                "POST",
                "/v1/auth/revoke",
                json={"token": self._refresh_token},
                authenticated=False,
                expect_body=False,
            )

    def whoami(self) -> Identity:
        self._settle()
        return wire.identity(self._call("GET", "/v1/me"))

    def feeds(self) -> Sequence[str]:
        return ("*",)

    def pull(self, feed: str, cursor: str | None, limit: int) -> PullPage:
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.key == (feed, cursor, limit):
            page = ahead.result()
        else:
            if ahead is not None:
                ahead.wait()  # one request at a time on the session; its answer is dropped
            page = self._fetch_page(cursor, limit)
        if page.has_more and self.prefetch:
            following = page.cursor
            self._ahead = _Prefetch(
                (feed, following, limit), lambda: self._fetch_page(following, limit)
            )
        return page

    def _fetch_page(self, cursor: str | None, limit: int) -> PullPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return wire.pull_page(self._call("GET", "/v1/changes", params=params))

    def _settle(self) -> None:
        """Wait for a prefetch still running and drop it: one request at a time."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.wait()

    def push(self, device_id: str, mutations: Sequence[PendingMutation]) -> list[MutationResult]:
        self._settle()
        payload = {
            "device_id": device_id,
            "mutations": [
                {
                    "mutation_id": m.mutation_id,
                    "collection": m.collection,
                    "record_id": m.record_id,
                    "op": m.op,
                    "fields": m.fields,
                    "base_version": m.base_version,
                }
                for m in mutations
            ],
        }
        body = self._call("POST", "/v1/mutations", json=payload)
        return wire.push_results(body, [m.mutation_id for m in mutations])

    # -- the wire -----------------------------------------------------------------------
    def _refresh(self) -> None:
        if not self._refresh_token:
            raise AuthenticationError("sync.not_signed_in_sign_in_sync")
        body = self._call(
            "POST",
            "/v1/auth/token",
            json={
                "grant_type": "refresh_token",
                "refresh_token": self._refresh_token,
            },
            authenticated=False,
        )
        tokens = wire.tokens(body)
        self._access_token = tokens.access_token
        if tokens.refresh_token != self._refresh_token:
            self._refresh_token = tokens.refresh_token
            if self._on_refresh_token:
                self._on_refresh_token(tokens.refresh_token)

    def _call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        authenticated: bool = True,
        expect_body: bool = True,
    ) -> dict[str, Any]:
        if authenticated and self._access_token is None:
            self._refresh()
        refreshed = False
        attempt = 0
        while True:
            headers = {}
            if authenticated:
                headers["Authorization"] = f"Bearer {self._access_token}"
            try:
                self._requests += 1
                response = self.session.request(
                    method,
                    self.base_url + path,
                    json=json,
                    params=params,
                    headers=headers,
                    timeout=self.timeout,
                    stream=True,
                )
                body = self._read(response)
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError,
            ) as exc:
                attempt = self._after_transport_fault(attempt, type(exc).__name__)
                continue
            status = response.status_code
            if 200 <= status < 300 and expect_body and _cut_short(response, body):
                # The connection broke during the answer (a dropped Wi-Fi, a proxy): the
                # request may have been served, and retrying it is safe (pulls are GETs,
                # pushes idempotent by mutation id), so this is a transport fault like a
                # reset, not a server speaking a wrong protocol.
                attempt = self._after_transport_fault(attempt, CUT_SHORT)
                continue
            if status == 401 and authenticated and not refreshed and self._refresh_token:
                refreshed = True
                self._access_token = None
                self._refresh()
                continue
            if status in (429, 503):
                wait = parse_retry_after(response.headers.get("Retry-After"))
                attempt += 1
                if wait is None:
                    wait = self.retry.backoff(attempt, self._rng)
                if wait > self.retry.max_retry_after or attempt >= self.retry.attempts:
                    raise ServerBusyError(
                        "sync.server_busy_and_asked_wait_s", wait, _error_code(body), wait=wait
                    )
                log.info("server answered %s; waiting %.1f s as asked", status, wait)
                self._sleep(wait)
                continue
            if status in self._retried_statuses:
                attempt += 1
                if attempt >= self.retry.attempts:
                    raise SyncError("sync.server_failed_next_sync_will_retry", status=status)
                self._sleep(self.retry.backoff(attempt, self._rng))
                continue
            if status == 401:
                raise AuthenticationError("sync.server_no_longer_accepts_sign_in_sign")
            if status == 400 and _error_code(body) == "invalid_cursor":
                raise InvalidCursorError(
                    "sync.server_cannot_continue_from_laptops_position",
                    status,
                    *_error_reason(body),
                    value=_error_message(body),
                )
            if status >= 400:
                raise ServerRefusedError(
                    "sync.server_refused_request",
                    status,
                    *_error_reason(body),
                    value=_error_message(body),
                )
            if not expect_body:
                return {}
            return wire.decode(body)

    def _after_transport_fault(self, attempt: int, what: str) -> int:
        """Wait with back-off before the next try; past the last one, give up offline."""
        attempt += 1
        if attempt >= self.retry.attempts:
            raise OfflineError(
                "sync.cannot_reach_server_at_changes_kept", base_url=self.base_url, what=what
            ) from None
        self._sleep(self.retry.backoff(attempt, self._rng))
        return attempt

    def _read(self, response: requests.Response) -> bytes:
        """The whole body, refusing more than MAX_RESPONSE_BYTES."""
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
            response.close()
            raise ProtocolError("sync.servers_answer_too_large_sync_page")
        chunks, size = [], 0
        for chunk in response.iter_content(chunk_size=256 * 1024):
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                response.close()
                raise ProtocolError("sync.servers_answer_too_large_sync_page")
            chunks.append(chunk)
        return b"".join(chunks)


# What went wrong, in ``sync.cannot_reach_server_at_changes_kept``: an answer cut short, or
# the transport error's class name (for support). The window words this one phrase
# (``ui.error_words``); a class name reads as it is in every language.
CUT_SHORT = "answer cut short"


def _cut_short(response: requests.Response, body: bytes) -> bool:
    """Whether a success answer ended before its body did.

    An empty body is never a whole answer of this protocol. A body framed by
    Content-Length or chunked encoding arrived whole (requests raises when it does not),
    so if it is not JSON the server is at fault; a body that simply ended with the
    connection may have been cut anywhere, and is cut if it is not a whole JSON object.
    """
    if not body.strip():
        return True
    headers = response.headers
    if "Content-Length" in headers or "chunked" in headers.get("Transfer-Encoding", "").lower():
        return False
    try:
        wire.decode(body)
    except ProtocolError:
        return True
    return False


def _error_code(body: bytes) -> str | None:
    try:
        code = wire.decode(body).get("error", {}).get("code")
    except (ProtocolError, AttributeError):
        return None
    return code if isinstance(code, str) else None


def _error_reason(body: bytes) -> tuple[str | None, dict[str, Param]]:
    """The error body's ``reason_code`` and ``reason_params`` ((None, {}) if it has none)."""
    try:
        error = wire.decode(body).get("error")
    except ProtocolError:
        return None, {}
    return wire.reason_of(error) if isinstance(error, dict) else (None, {})


def _error_message(body: bytes) -> str:
    try:
        error = wire.decode(body).get("error", {})
        return str(error.get("message") or error.get("code") or "no reason given")
    except ProtocolError:
        return "no reason given"
