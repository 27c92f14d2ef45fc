"""The errors the HTTP layer sends: a refused request, ``{"error": {...}}``, and one refused
mutation, a ``rejected`` result. Both carry a coarse ``code`` (what kind of refusal), the
precise ``reason_code`` of the error catalogue (``fieldapp.error_codes``) with its
``reason_params`` (plain JSON values), and the English sentence, so that a client words the
reason in its user's language and an older client shows the sentence as it is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.catalogue import ApplyResult
from fieldapp.error_codes import Given, Param, english, plain


def error_body(
    code: str, reason_code: str, params: Mapping[str, Param] | None = None
) -> dict[str, Any]:
    """The body of every 4xx/5xx answer (docs/sync-protocol.md, Conventions)."""
    values = dict(params or {})
    return {
        "error": {
            "code": code,
            "message": english(reason_code, values),
            "reason_code": reason_code,
            "reason_params": values,
        }
    }


class ApiError(Exception):
    """A request the server refuses: the status, the coarse ``code`` (``invalid_grant``),
    the catalogue's ``reason_code`` and its parameters; the English sentence is built from
    them."""

    def __init__(
        self,
        status: int,
        code: str,
        reason_code: str,
        /,
        headers: dict[str, str] | None = None,
        **params: Given,
    ) -> None:
        values = {name: plain(value) for name, value in params.items()}
        super().__init__(english(reason_code, values))
        self.status = status
        self.code = code
        self.reason_code = reason_code
        self.params = values
        self.message = str(self)
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.reason_code, self.params)


def unauthorized(reason_code: str = "server.access_token_missing_or_not_valid") -> ApiError:
    return ApiError(401, "unauthorized", reason_code, {"WWW-Authenticate": "Bearer"})


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


def rejection(
    mutation_id: str, code: str, reason_code: str, params: dict[str, Param], **extra: Any
) -> dict[str, Any]:
    """The ``rejected`` result of one mutation (docs/sync-protocol.md, Push)."""
    return {
        "mutation_id": mutation_id,
        "status": ApplyResult.REJECTED,
        "reason": english(reason_code, params),
        "code": code,
        "reason_code": reason_code,
        "reason_params": params,
        **extra,
    }
