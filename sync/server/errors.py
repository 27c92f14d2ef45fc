"""The one error the HTTP layer turns into ``{"error": {"code", "message"}}``."""

from __future__ import annotations


class ApiError(Exception):
    """A request the server refuses, with the status, stable code and sentence to send."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def unauthorized(
    message: str = "Sign in again: the access token is missing or not valid.",
) -> ApiError:
    return ApiError(401, "unauthorized", message, {"WWW-Authenticate": "Bearer"})


class Rejected(Exception):
    """One mutation refused (its result says ``rejected`` with this code and reason);
    raised inside the mutation's transaction, so nothing of it is kept."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
