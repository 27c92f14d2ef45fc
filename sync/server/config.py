"""Where the server keeps its data and the limits it enforces, in one typed record."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATABASE_URL_ENV = "FIELDAPP_DATABASE_URL"
DATABASE_FILE = "server.db"

MAX_BODY_BYTES = 4 * 1024 * 1024  # the protocol's limit, checked before parsing
MAX_MUTATIONS_PER_BATCH = 500
DEFAULT_PAGE_SIZE = 1000
MAX_PAGE_SIZE = 5000
ACCESS_TOKEN_SECONDS = 3600
REFRESH_TOKEN_SECONDS = 90 * 24 * 3600
SIGN_IN_FAILURE_LIMIT = 5  # failures within the window before sign-in is throttled
SIGN_IN_FAILURE_WINDOW = 15 * 60
BUSY_RETRY_AFTER_SECONDS = 2  # what a 503 asks a client to wait when the database is busy
# How long an idle kept-alive connection stays open (uvicorn's default is 5 s). A client
# that reuses a connection just as the server closes it gets "connection reset": with
# laptops syncing every few seconds that happened a few times per thousand pushes under
# load (docs/reliability.md). Longer than the usual proxy's upstream timeout (60 s), as a
# backend behind a proxy should be.
KEEP_ALIVE_SECONDS = 75


@dataclass(frozen=True)
class PasswordCost:
    """argon2id parameters. The defaults are argon2-cffi's (RFC 9106 low-memory profile);
    tests lower them so that signing in a hundred times stays fast."""

    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 4


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    access_token_seconds: int = ACCESS_TOKEN_SECONDS
    refresh_token_seconds: int = REFRESH_TOKEN_SECONDS
    sign_in_failure_limit: int = SIGN_IN_FAILURE_LIMIT
    sign_in_failure_window: int = SIGN_IN_FAILURE_WINDOW
    max_body_bytes: int = MAX_BODY_BYTES
    # Requests served at once before the server answers 503 + Retry-After: beyond this,
    # queued requests only wait longer, and every client would time out together.
    max_in_flight: int = 64
    password_cost: PasswordCost = field(default_factory=PasswordCost)
    # Injected so that tests can move time forward to expire a token.
    clock: Callable[[], float] = time.time


def database_url(data_dir: Path | None, explicit: str | None = None) -> str:
    """The database to use: ``--database-url``, else ``$FIELDAPP_DATABASE_URL``, else a
    SQLite file in the data folder."""
    url = explicit or os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    if data_dir is None:
        raise ValueError("give a data folder (--data) or a database URL.")
    return f"sqlite:///{(data_dir / DATABASE_FILE).as_posix()}"
