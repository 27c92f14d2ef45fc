"""The one error the HTTP layer turns into ``{"error": {"code", "message"}}``."""

from __future__ import annotations

from fieldapp.error_codes import Given, english, plain


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
    """One mutation refused, raised inside the mutation's transaction so nothing of it is
    kept. Its result says ``rejected`` with the coarse ``code`` (``forbidden``, ``in_use``:
    what kind of refusal), the precise ``reason_code`` from the error catalogue
    (``fieldapp.error_codes``) with its ``params``, and ``reason``, the English sentence
    (older clients show it as it is)."""

    def __init__(self, code: str, reason_code: str, /, **params: Given) -> None:
        values = {name: plain(value) for name, value in params.items()}
        super().__init__(english(reason_code, values))
        self.code = code
        self.reason_code = reason_code
        self.params = values
        self.reason = str(self)
