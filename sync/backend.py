"""The interface between the sync engine and a central CRM.

The engine only speaks to this interface, so the reference server and commercial CRMs
(Salesforce first) are interchangeable. It allows several feeds, each with its own cursor
(one per object type for a CRM with per-object delta queries), and carries the
CRM's own record ids where they differ from ours (``remote_id``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from fieldapp.store.syncbook import MutationResult, PendingMutation, PulledChange


@dataclass(frozen=True)
class Identity:
    user_id: str
    username: str
    display_name: str
    role: str
    team: str | None
    territory: str | None
    scope: dict[str, Any]


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user_id: str


@dataclass(frozen=True)
class PullPage:
    changes: tuple[PulledChange, ...]
    cursor: str
    has_more: bool
    # The server's clock when it answered, if the backend states it: the laptop's SLA
    # clocks count from it (fieldapp.team.trusted_time), never from the laptop's own.
    server_time: datetime | None = None


class SyncBackend(Protocol):
    """A central CRM, seen from one signed-in user's laptop."""

    #: How many mutations one push may carry.
    max_batch: int

    def authenticate(self, username: str, password: str) -> Tokens: ...

    def whoami(self) -> Identity: ...

    def feeds(self) -> Sequence[str]:
        """Names of the change feeds to pull, each with its own cursor."""
        ...

    def pull(self, feed: str, cursor: str | None, limit: int) -> PullPage: ...

    def push(
        self, device_id: str, mutations: Sequence[PendingMutation]
    ) -> list[MutationResult]: ...

    @property
    def requests_made(self) -> int: ...
