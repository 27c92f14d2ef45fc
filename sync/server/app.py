"""The HTTP service: routes of protocol v1, the error shape, the body-size limit.

Every error, including a malformed body and a bug, leaves as
``{"error": {"code", "message", "reason_code", "reason_params"}}`` (``sync.server.errors``);
a busy database answers 503 with ``Retry-After`` so that clients back off instead of
hammering it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from fieldapp import __version__
from sync.server import feed
from sync.server.api import MutationBatch, RevokeRequest, TokenRequest, describe_answers
from sync.server.auth import Authenticator
from sync.server.config import (
    BUSY_RETRY_AFTER_SECONDS,
    DEFAULT_PAGE_SIZE,
    MAX_MUTATIONS_PER_BATCH,
    MAX_PAGE_SIZE,
    ServerConfig,
)
from sync.server.errors import ApiError, error_body, unauthorized
from sync.server.mutations import Caller, Mutation, apply_batch, utc_now
from sync.server.scope import Profile, scope_for
from sync.server.tables import open_database

log = logging.getLogger(__name__)
AsgiScope = MutableMapping[str, Any]
ASGIApp = Callable[
    [AsgiScope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]


class BodyLimit:
    """Refuses a body over the limit with 413 before anything parses it.

    A declared Content-Length over the limit is refused at once; a chunked body is read
    up to the limit and refused as soon as it passes it. The body read is handed to the
    application unchanged.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: AsgiScope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> Any:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Any) -> None:
        response = JSONResponse(
            error_body(
                "payload_too_large",
                "server.request_body_larger_than",
                {"mib": self.limit // (1024 * 1024)},
            ),
            status_code=413,
        )
        await response({"type": "http"}, _nothing, send)


class InFlightLimit:
    """Overload protection: past ``limit`` requests at once, answer 503 with Retry-After
    so clients back off (they honour it) instead of piling up behind a slow database."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: AsgiScope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("path") == "/v1/health":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            response = JSONResponse(
                error_body("unavailable", "server.busy_retry_after_time_given"),
                status_code=503,
                headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
            )
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


async def _nothing() -> dict[str, Any]:
    return {"type": "http.disconnect"}


class Server:
    """What the routes share: the database and the authenticator."""

    def __init__(self, config: ServerConfig, engine: Engine | None = None) -> None:
        self.config = config
        self.engine = engine or open_database(config.database_url)
        self.auth = Authenticator(config)


_bearer = HTTPBearer(auto_error=False, description="An access token from /v1/auth/token.")


def create_app(config: ServerConfig, engine: Engine | None = None) -> FastAPI:
    server = Server(config, engine)
    app = FastAPI(
        title="FieldApp sync server",
        version=__version__,
        description="The reference central CRM speaking FieldApp sync protocol v1.",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )
    app.state.server = server
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    app.add_middleware(InFlightLimit, limit=config.max_in_flight)
    _add_error_handlers(app)

    def caller(
        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),  # noqa: B008
    ) -> Profile:
        if credentials is None:
            raise unauthorized("server.call_needs_access_token")
        with server.engine.connect() as conn:
            return server.auth.caller(conn, f"Bearer {credentials.credentials}")

    @app.get("/v1/health", tags=["service"])
    def health() -> dict[str, Any]:
        with server.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    @app.post("/v1/auth/token", tags=["auth"])
    def token(body: TokenRequest, request: Request) -> dict[str, Any]:
        if body.grant_type == "password":
            if body.username is None or body.password is None:
                raise ApiError(400, "invalid_request", "server.password_grant_needs_username_and")
            address = request.client.host if request.client else "unknown"
            return server.auth.sign_in(server.engine, body.username, body.password, address)
        if body.refresh_token is None:
            raise ApiError(400, "invalid_request", "server.refresh_grant_needs_refresh_token")
        with server.engine.begin() as conn:
            return server.auth.refresh(conn, body.refresh_token)

    @app.post("/v1/auth/revoke", status_code=204, tags=["auth"])
    def revoke(body: RevokeRequest) -> Response:
        with server.engine.begin() as conn:
            server.auth.revoke(conn, body.token)
        return Response(status_code=204)

    @app.get("/v1/me", tags=["auth"])
    def me(person: Profile = Depends(caller)) -> dict[str, Any]:  # noqa: B008
        with server.engine.connect() as conn:
            scope = scope_for(conn, person)
        return {"user": person.as_json(), "scope": scope.as_json()}

    @app.get("/v1/changes", tags=["sync"])
    def changes(
        cursor: str | None = Query(default=None, max_length=200),
        limit: int = Query(default=DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
        person: Profile = Depends(caller),  # noqa: B008
    ) -> dict[str, Any]:
        with server.engine.connect() as conn:
            scope = scope_for(conn, person)
            try:
                after = feed.decode_cursor(cursor, scope) if cursor else 0
                feed.check_reachable(conn, after)
            except feed.InvalidCursorError as exc:
                raise ApiError(400, "invalid_cursor", exc.reason_code) from None
            page = feed.read_page(conn, scope, after, limit)
        return {
            "changes": page.changes,
            "cursor": page.cursor,
            "has_more": page.has_more,
            "server_time": utc_now(config.clock()),
        }

    @app.post("/v1/mutations", tags=["sync"])
    def mutations(body: MutationBatch, person: Profile = Depends(caller)) -> dict[str, Any]:  # noqa: B008
        if len(body.mutations) > MAX_MUTATIONS_PER_BATCH:
            raise ApiError(
                413,
                "payload_too_large",
                "server.at_most_mutations_per_request",
                limit=MAX_MUTATIONS_PER_BATCH,
            )
        with server.engine.connect() as conn:
            scope = scope_for(conn, person)
        batch = [
            Mutation(m.mutation_id, m.collection, m.record_id, m.op, m.fields, m.base_version)
            for m in body.mutations
        ]
        now = config.clock()
        results = apply_batch(server.engine, Caller(person, scope, body.device_id), batch, now)
        return {"results": results, "server_time": utc_now(config.clock())}

    describe_answers(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        if first.get("type") == "json_invalid":
            return JSONResponse(error_body("invalid_request", "server.request_body_not_json"), 400)
        # ``problem`` is the validator's English: the pydantic message, for a developer; the
        # part a person can act on is ``where``.
        params = {"where": where or "request", "problem": str(first.get("msg", "invalid"))}
        body = error_body("invalid_request", "server.request_part_invalid", params)
        return JSONResponse(body, 400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {
            400: "invalid_request",
            401: "unauthorized",
            404: "not_found",
            405: "method_not_allowed",
            413: "payload_too_large",
        }
        return JSONResponse(
            error_body(
                codes.get(exc.status_code, "http_error"),
                "server.http_refusal",
                {"status": exc.status_code, "detail": str(exc.detail)},
            ),
            exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(sa.exc.OperationalError)
    async def busy(_request: Request, exc: sa.exc.OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", type(exc.orig).__name__)
        return JSONResponse(
            error_body("unavailable", "server.database_busy_try_again_shortly"),
            503,
            headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
        )

    @app.exception_handler(Exception)
    async def bug(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error", exc_info=exc)
        return JSONResponse(error_body("internal_error", "server.server_failed_bug"), 500)
