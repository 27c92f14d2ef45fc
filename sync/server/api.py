"""The request bodies of the protocol, as pydantic models (they also write the OpenAPI
description). Answers are plain dicts, documented in ``docs/sync-protocol.md``."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, StrictInt

ShortText = Field(min_length=1, max_length=100)


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
    op: Literal["create", "update", "delete"]
    fields: dict[str, Any] = Field(default_factory=dict)
    base_version: StrictInt | None = None


class MutationBatch(BaseModel):
    device_id: str = ShortText
    mutations: list[MutationIn]
