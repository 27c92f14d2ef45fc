"""The honest status of a profile: what it holds, what waits to be synced, what needs a person.

This is the data behind ``fieldapp status`` and, later, the app's status area; it only
reads, so it is safe to call on any open store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.store.database import Store
from fieldapp.store.schema import COLLECTIONS

# Profile keys that say who works in this profile. The username is what people recognise;
# the user id is what the use cases keep, so it is the fallback.
USERNAME_KEY = "current_username"
USER_ID_KEY = "current_user_id"
# Where the profile syncs (written by ``sync.session.sign_in``; the core cannot import
# sync): a profile without one is local only, like one made by ``init --demo``.
SERVER_URL_KEY = "server_url"


@dataclass(frozen=True)
class ProfileStatus:
    # Record count per collection, in COLLECTIONS order (parents before children).
    counts: dict[str, int] = field(hash=False)
    pending_mutations: int
    open_conflicts: int
    open_rejections: int
    last_sync_at: str | None
    schema_version: int
    signed_in_as: str | None
    path: Path
    server_url: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values; the key names are a stable interface for scripts."""
        return {
            "path": str(self.path),
            "schema_version": self.schema_version,
            "signed_in_as": self.signed_in_as,
            "server_url": self.server_url,
            "last_sync_at": self.last_sync_at,
            "pending_mutations": self.pending_mutations,
            "open_conflicts": self.open_conflicts,
            "open_rejections": self.open_rejections,
            "counts": dict(self.counts),
        }


def _signed_in_as(store: Store) -> str | None:
    username = store.profile_value(USERNAME_KEY)
    if username:
        return username
    user_id = store.profile_value(USER_ID_KEY)
    if user_id is None:
        return None
    username = store.scalar("SELECT username FROM users WHERE id = ?", (user_id,))
    return None if username is None else str(username)


def profile_status(store: Store) -> ProfileStatus:
    # Table names come from the schema's own constant, never from input.
    counts = {name: int(store.scalar(f"SELECT count(*) FROM {name}")) for name in COLLECTIONS}
    sync = sync_status(store)
    return ProfileStatus(
        counts=counts,
        pending_mutations=sync.pending_mutations,
        open_conflicts=sync.open_conflicts,
        open_rejections=sync.open_rejections,
        last_sync_at=sync.last_sync_at,
        schema_version=store.schema_version,
        signed_in_as=sync.signed_in_as,
        path=store.path,
        server_url=store.profile_value(SERVER_URL_KEY),
    )


@dataclass(frozen=True)
class SyncStatus:
    """What the app's status area shows; cheap enough to read after every change."""

    pending_mutations: int
    open_conflicts: int
    open_rejections: int
    last_sync_at: str | None
    signed_in_as: str | None


def sync_status(store: Store) -> SyncStatus:
    return SyncStatus(
        pending_mutations=int(store.scalar("SELECT count(*) FROM outbox")),
        open_conflicts=int(store.scalar("SELECT count(*) FROM conflicts WHERE status = 'open'")),
        open_rejections=int(
            store.scalar("SELECT count(*) FROM rejected_mutations WHERE status = 'open'")
        ),
        last_sync_at=store.scalar("SELECT max(last_success_at) FROM sync_state"),
        signed_in_as=_signed_in_as(store),
    )


@dataclass(frozen=True)
class Delivery:
    """Where the local changes to some records stand: still waiting in the outbox, or
    refused by the server (open rejections); neither means the server has them all."""

    waiting: int
    refused: int

    @property
    def sent(self) -> bool:
        return self.waiting == 0 and self.refused == 0


def delivery_of(store: Store, record_ids: list[str]) -> Delivery:
    """What the screen may say about changes to ``record_ids``: "saved" or "sent"."""
    if not record_ids:
        return Delivery(0, 0)
    marks = ", ".join("?" for _ in record_ids)  # placeholders only; ids stay parameters
    waiting = store.scalar(f"SELECT count(*) FROM outbox WHERE record_id IN ({marks})", record_ids)
    refused = store.scalar(
        f"SELECT count(*) FROM rejected_mutations WHERE status = 'open' AND record_id IN ({marks})",
        record_ids,
    )
    return Delivery(int(waiting), int(refused))
