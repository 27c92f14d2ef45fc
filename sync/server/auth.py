"""Sign-in, tokens and sign-out.

Passwords are hashed with argon2id. Tokens are 32 random bytes (URL-safe text) stored only
as their SHA-256: a stolen copy of the database signs nobody in. An access token lives an
hour, a refresh token 90 days; a refresh returns a new access token and the same refresh
token. Revoking a refresh token revokes the access tokens issued from it. Sign-in failures
are counted per username and per address; past the limit, sign-in answers 429 with
``Retry-After`` before any password is checked.
"""

from __future__ import annotations

import hashlib
import logging
import math
import secrets
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection, Engine

from sync.server.config import PasswordCost, ServerConfig
from sync.server.errors import ApiError, unauthorized
from sync.server.feed import SequenceWriter
from sync.server.scope import Profile, load_profile
from sync.server.tables import sign_in_failures, tokens, users

log = logging.getLogger(__name__)


def password_hasher(cost: PasswordCost) -> PasswordHasher:
    return PasswordHasher(
        time_cost=cost.time_cost, memory_cost=cost.memory_cost, parallelism=cost.parallelism
    )


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _invalid_grant() -> ApiError:
    return ApiError(401, "invalid_grant", "server.wrong_username_or_password")


class Authenticator:
    """Everything about who is calling, for one server configuration."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.hasher = password_hasher(config.password_cost)
        # Checked against when the username is unknown, so that a wrong username takes as
        # long as a wrong password and does not reveal which usernames exist.
        self._decoy = self.hasher.hash(secrets.token_urlsafe(16))

    def now(self) -> int:
        return int(self.config.clock())

    # -- sign-in ----------------------------------------------------------------------
    def sign_in(self, engine: Engine, username: str, password: str, address: str) -> dict[str, Any]:
        now = self.now()
        with engine.begin() as conn:
            # The write lock first, so that checking the limit and counting this attempt
            # are one step: attempts sent at the same moment are counted one after the
            # other, and no more than the limit of them ever reach the password check.
            SequenceWriter(conn)
            self._refuse_if_throttled(conn, username, address, now)
            row = conn.execute(
                sa.select(users.c.id, users.c.password_hash, users.c.disabled).where(
                    users.c.username == username
                )
            ).first()
            # Counted as a failure until the password proves right (a success clears it).
            conn.execute(
                sign_in_failures.insert().values(
                    username=username[:100], address=address[:100], at=now
                )
            )
        # The hash is checked outside any transaction: it takes tens of milliseconds on
        # purpose, and nothing in the database needs to wait for it.
        stored = row.password_hash if row is not None else self._decoy
        try:
            ok: bool = self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None or row.disabled:
            log.info("sign-in refused")  # the attempt stays counted as a failure
            raise _invalid_grant()
        with engine.begin() as conn:
            conn.execute(sa.delete(sign_in_failures).where(sign_in_failures.c.username == username))
            if self.hasher.check_needs_rehash(row.password_hash):
                conn.execute(
                    sa.update(users)
                    .where(users.c.id == row.id)
                    .values(password_hash=self.hasher.hash(password))
                )
            refresh = secrets.token_urlsafe(32)
            conn.execute(
                tokens.insert().values(
                    token_hash=token_hash(refresh),
                    kind="refresh",
                    user_id=row.id,
                    refresh_hash=None,
                    expires_at=now + self.config.refresh_token_seconds,
                    revoked=False,
                    created_at=now,
                )
            )
            return self._answer(conn, row.id, refresh, now)

    def _refuse_if_throttled(self, conn: Connection, username: str, address: str, now: int) -> None:
        since = now - self.config.sign_in_failure_window
        failures = sign_in_failures.c
        for column, value in ((failures.username, username), (failures.address, address)):
            times = (
                conn.execute(
                    sa.select(failures.at)
                    .where(column == value, failures.at > since)
                    .order_by(failures.at.desc())
                    .limit(self.config.sign_in_failure_limit)
                )
                .scalars()
                .all()
            )
            if len(times) >= self.config.sign_in_failure_limit:
                # Wait until the oldest of the last ``limit`` failures leaves the window.
                wait = max(1, math.ceil(times[-1] + self.config.sign_in_failure_window - now))
                raise ApiError(
                    429,
                    "rate_limited",
                    "server.too_many_failed_sign_ins_wait",
                    {"Retry-After": str(wait)},
                    seconds=wait,
                )

    def refresh(self, conn: Connection, refresh_token: str) -> dict[str, Any]:
        now = self.now()
        row = conn.execute(
            sa.select(tokens.c.user_id, tokens.c.expires_at, tokens.c.revoked).where(
                tokens.c.token_hash == token_hash(refresh_token), tokens.c.kind == "refresh"
            )
        ).first()
        if (
            row is None
            or row.revoked
            or row.expires_at <= now
            or not self._active(conn, row.user_id)
        ):
            raise ApiError(401, "invalid_grant", "server.sign_in_has_ended_sign_in")
        return self._answer(conn, row.user_id, refresh_token, now)

    def _answer(self, conn: Connection, user_id: str, refresh: str, now: int) -> dict[str, Any]:
        access = secrets.token_urlsafe(32)
        conn.execute(
            tokens.insert().values(
                token_hash=token_hash(access),
                kind="access",
                user_id=user_id,
                refresh_hash=token_hash(refresh),
                expires_at=now + self.config.access_token_seconds,
                revoked=False,
                created_at=now,
            )
        )
        profile = load_profile(conn, user_id)
        if profile is None:
            raise _invalid_grant()
        return {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": self.config.access_token_seconds,
            "refresh_token": refresh,
            "user": {"id": profile.id, "username": profile.username, "role": profile.role},
        }

    def revoke(self, conn: Connection, token: str) -> None:
        """Sign-out: the refresh token and every access token issued from it. Revoking an
        access token alone revokes just that one. Unknown tokens are ignored (RFC 7009)."""
        digest = token_hash(token)
        conn.execute(
            sa.update(tokens)
            .where(sa.or_(tokens.c.token_hash == digest, tokens.c.refresh_hash == digest))
            .values(revoked=True)
        )

    # -- every other call -------------------------------------------------------------
    def caller(self, conn: Connection, authorization: str | None) -> Profile:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise unauthorized("server.call_needs_access_token")
        row = conn.execute(
            sa.select(tokens.c.user_id, tokens.c.expires_at, tokens.c.revoked).where(
                tokens.c.token_hash == token_hash(token.strip()), tokens.c.kind == "access"
            )
        ).first()
        if row is None or row.revoked:
            raise unauthorized()
        if row.expires_at <= self.now():
            raise unauthorized("server.access_token_has_expired_refresh_it")
        profile = load_profile(conn, row.user_id) if self._active(conn, row.user_id) else None
        if profile is None:
            raise unauthorized("server.account_disabled")
        return profile

    @staticmethod
    def _active(conn: Connection, user_id: str) -> bool:
        disabled = conn.execute(
            sa.select(users.c.disabled).where(users.c.id == user_id)
        ).scalar_one_or_none()
        return disabled is False

    def hash_password(self, password: str) -> str:
        return self.hasher.hash(password)
