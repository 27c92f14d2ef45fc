"""The request bodies of the protocol, as pydantic models (they also write the OpenAPI
description), and the answers as the OpenAPI description declares them.

Answers are plain dicts at run time (a page of 5,000 records is not validated twice);
``describe_answers`` writes their models, every status code a route can send and the
headers that come with it into ``/v1/openapi.json``. ``tests/abuse/test_api_fuzzing.py``
checks that the server's real answers keep to that description.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field, StrictInt
from pydantic.json_schema import models_json_schema

from fieldapp.catalogue import CATALOGUE, ApplyResult, ChangeOp, MutationOp, Role
from fieldapp.catalogue.json_schema import record_schema
from fieldapp.catalogue.kinds import MAX_ID
from sync.server.feed import MAX_SEQUENCE

ShortText = Field(min_length=1, max_length=MAX_ID)


class TokenRequest(BaseModel):
    grant_type: Literal["password", "refresh_token"]
    username: str | None = Field(default=None, min_length=1, max_length=100)
    password: str | None = Field(default=None, max_length=1000)
    refresh_token: str | None = Field(default=None, min_length=1, max_length=200)


class RevokeRequest(BaseModel):
    token: str = Field(min_length=1, max_length=200)


class MutationIn(BaseModel):
    mutation_id: str = ShortText
    # Any text: an unknown collection is a per-mutation rejection, not a refused batch.
    collection: str = Field(min_length=1, max_length=50)
    record_id: str = ShortText
    op: MutationOp
    # Free-form here on purpose: a wrong field or value is that mutation's rejection, not
    # a refused batch. What each collection's fields take is in its record schema.
    fields: dict[str, Any] = Field(
        default_factory=dict,
        description="Changed fields and their new values; each collection's fields, their"
        " types and limits are those of its record schema ("
        + ", ".join(c.record.__name__ for c in CATALOGUE.values())
        + ").",
    )
    # A version is a sequence number (sync/server/feed.py): never negative, and never
    # beyond what the databases store, so a forged one is a 400, not a failed query.
    base_version: StrictInt | None = Field(default=None, ge=0, le=MAX_SEQUENCE)


class MutationBatch(BaseModel):
    device_id: str = ShortText
    mutations: list[MutationIn]


# -- answers, for the OpenAPI description only ----------------------------------------
class _Answer(BaseModel):
    # additionalProperties: false, so that the fuzzing tests notice an undeclared field.
    model_config = ConfigDict(extra="forbid")


def _reason_code() -> Any:
    return Field(
        default=None,
        description="The precise reason, a code of the error catalogue (fieldapp/error_codes"
        ".py: server.wrong_username_or_password, ...), for the client to word in its user's"
        " language.",
    )


def _reason_params() -> Any:
    return Field(
        default=None,
        description="The reason's parameters: plain JSON values (text, numbers, booleans, null).",
    )


class ErrorDetail(_Answer):
    code: str = Field(description="A stable machine word: invalid_request, unauthorized, ...")
    message: str = Field(description="English, for a person.")
    reason_code: str | None = _reason_code()
    reason_params: dict[str, str | int | float | bool | None] | None = _reason_params()


class ErrorBody(_Answer):
    error: ErrorDetail


class Health(_Answer):
    status: Literal["ok"]
    version: str


class SignedInUser(_Answer):
    id: str
    username: str
    role: Role


class TokenAnswer(_Answer):
    access_token: str
    token_type: Literal["bearer"]
    expires_in: int
    refresh_token: str
    user: SignedInUser


class Person(_Answer):
    id: str
    username: str
    display_name: str
    role: Role
    team: str | None
    territory: str | None
    email: str | None


class ScopeAnswer(_Answer):
    kind: Literal["territory", "team", "organisation"]
    territories: list[str]
    team: str | None


class MeAnswer(_Answer):
    user: Person
    scope: ScopeAnswer


class Change(_Answer):
    """Replaced in the description by one schema per collection (``_changes_of``)."""

    collection: str
    id: str
    op: ChangeOp
    version: int
    # Only on an upsert: the record as it is now (its fields depend on the collection).
    record: dict[str, Any] | None = None


_SERVER_TIME = Field(
    description="The server's clock when it answered (UTC, 2026-11-23T14:05:00Z): the "
    "laptop's SLA clocks count from it, never from the laptop's own clock."
)


class ChangesPage(_Answer):
    changes: list[Change]
    cursor: str
    has_more: bool
    server_time: str = _SERVER_TIME


class FieldConflict(_Answer):
    field: str
    server_value: Any
    server_version: int


class MutationResult(_Answer):
    mutation_id: str
    status: ApplyResult
    version: int | None = None
    conflicts: list[FieldConflict] | None = None
    original_status: ApplyResult | None = None  # on a duplicate: what the first time was
    reason: str | None = None  # on a rejection: English, for older clients and logs
    code: str | None = None  # on a rejection: what kind (forbidden, in_use, ...)
    reason_code: str | None = _reason_code()
    reason_params: dict[str, str | int | float | bool | None] | None = _reason_params()
    field: str | None = None


class MutationResults(_Answer):
    results: list[MutationResult]
    server_time: str = _SERVER_TIME


_RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before sending anything to this server again.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
    }
}
_WWW_AUTHENTICATE = {
    "WWW-Authenticate": {"required": True, "schema": {"type": "string", "const": "Bearer"}}
}
# status -> (model of the body or None, description, headers)
_Declared = tuple[type[BaseModel] | None, str, dict[str, Any]]
_BAD: _Declared = (ErrorBody, "Malformed request (invalid_request) or cursor (invalid_cursor).", {})
_TOO_LARGE: _Declared = (
    ErrorBody,
    "Body over 4 MiB, or over 500 mutations (payload_too_large).",
    {},
)
_SIGN_IN: _Declared = (
    ErrorBody,
    "No, missing, unknown, expired or revoked access token (unauthorized).",
    _WWW_AUTHENTICATE,
)
_BUSY: _Declared = (ErrorBody, "Overloaded, or the database is busy (unavailable).", _RETRY_AFTER)
ANSWERS: dict[tuple[str, str], dict[int, _Declared]] = {
    ("GET", "/v1/health"): {200: (Health, "The server and its database answer.", {}), 503: _BUSY},
    ("POST", "/v1/auth/token"): {
        200: (TokenAnswer, "Signed in (password) or a new access token (refresh).", {}),
        400: _BAD,
        401: (ErrorBody, "Wrong credentials, or an ended sign-in (invalid_grant).", {}),
        413: _TOO_LARGE,
        429: (ErrorBody, "Too many failed sign-ins (rate_limited).", _RETRY_AFTER),
        503: _BUSY,
    },
    ("POST", "/v1/auth/revoke"): {
        204: (None, "Signed out (an unknown token is ignored).", {}),
        400: _BAD,
        413: _TOO_LARGE,
        503: _BUSY,
    },
    ("GET", "/v1/me"): {
        200: (MeAnswer, "Who is calling, and what they see.", {}),
        401: _SIGN_IN,
        503: _BUSY,
    },
    ("GET", "/v1/changes"): {
        200: (ChangesPage, "One page of the change feed.", {}),
        400: _BAD,
        401: _SIGN_IN,
        503: _BUSY,
    },
    ("POST", "/v1/mutations"): {
        200: (MutationResults, "One result per mutation, in order.", {}),
        400: _BAD,
        401: _SIGN_IN,
        413: _TOO_LARGE,
        503: _BUSY,
    },
}


def describe_answers(app: FastAPI) -> None:
    """Make ``app``'s OpenAPI description declare what each route really answers.

    FastAPI documents a 422 that this server never sends (malformed requests are 400s in
    the error shape) and knows nothing of the 401, 413, 429 and 503 that the security
    dependency and the middlewares answer, so the generated responses are replaced by
    those of ``ANSWERS``.
    """
    generate: Callable[[], dict[str, Any]] = app.openapi
    described: list[int] = []  # id of the generated dict already rewritten

    def openapi() -> dict[str, Any]:
        schema = generate()
        if id(schema) not in described:
            _rewrite(schema)
            described.append(id(schema))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _rewrite(schema: dict[str, Any]) -> None:
    models = {m for answers in ANSWERS.values() for m, _, _ in answers.values() if m}
    _, definitions = models_json_schema(
        [(m, "serialization") for m in sorted(models, key=lambda m: m.__name__)],
        ref_template="#/components/schemas/{model}",
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(definitions.get("$defs", {}))
    components.update(_changes_of(components["Change"]))
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            answers = ANSWERS.get((method.upper(), path))
            if answers is None:
                continue  # an undescribed route keeps FastAPI's guess (the tests catch it)
            operation["responses"] = {
                str(status): _response(model, description, headers)
                for status, (model, description, headers) in answers.items()
            }
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused not in str(schema.get("paths")):
            components.pop(unused, None)


def _changes_of(generic: dict[str, Any]) -> dict[str, Any]:
    """A change of the feed as one schema per collection, its record derived from the
    catalogue (every field, its type and limits), so that the fuzzing tests check every
    record the server sends against the catalogue."""
    schemas: dict[str, Any] = {}
    choices = []
    for entry in CATALOGUE.values():
        record = entry.record.__name__
        schemas[record] = record_schema(entry)
        change = f"{record}Change"
        properties = {
            **generic["properties"],
            "collection": {"type": "string", "const": entry.name},
            "record": {"anyOf": [{"$ref": f"#/components/schemas/{record}"}, {"type": "null"}]},
        }
        schemas[change] = {
            **generic,
            "title": change,
            "description": f"A change to one of the {entry.name}.",
            "properties": properties,
        }
        choices.append({"$ref": f"#/components/schemas/{change}"})
    schemas["Change"] = {
        "title": "Change",
        "oneOf": choices,
        "discriminator": {
            "propertyName": "collection",
            "mapping": {
                entry.name: f"#/components/schemas/{entry.record.__name__}Change"
                for entry in CATALOGUE.values()
            },
        },
    }
    return schemas


def _response(
    model: type[BaseModel] | None, description: str, headers: dict[str, Any]
) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description}
    if model is not None:
        ref = {"$ref": f"#/components/schemas/{model.__name__}"}
        response["content"] = {"application/json": {"schema": ref}}
    if headers:
        response["headers"] = headers
    return response
