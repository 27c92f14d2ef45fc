"""Drafts: the text of a form not saved yet, kept on this laptop only.

A draft is a third, deliberately small write path beside ``changes`` (local changes, queued
in the outbox) and ``replica`` (server state). It never appends to the outbox: a half-typed
visit report is not something the central CRM should hear about; the report becomes a real
change when the form is saved. What a draft guarantees is that a crash or a dead battery
loses at most what was typed since the last autosave. This is the only module that writes
the ``drafts`` table.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from fieldapp.clock import to_text
from fieldapp.store.change_set import DRAFTS, Kind
from fieldapp.store.codec import dumps
from fieldapp.store.database import Store

log = logging.getLogger(__name__)

MAX_DRAFT_BYTES = 1_000_000  # ten pages of summary is ~60 kB; a megabyte is an accident


@dataclass(frozen=True, slots=True)
class Draft:
    key: str
    body: dict[str, Any]
    saved_at: str  # UTC ISO-8601 text, like every time in the store


def save_draft(store: Store, key: str, body: dict[str, Any]) -> Draft:
    """Keep ``body`` as the draft of ``key`` (replacing the previous one); durable on return."""
    text = dumps(body)
    if len(text.encode("utf-8")) > MAX_DRAFT_BYTES:
        # A programming error (a form putting something unbounded in its draft), not a user's.
        raise ValueError(f"draft {key!r} is larger than {MAX_DRAFT_BYTES:,} bytes")
    saved_at = to_text(store.clock())
    with store.transaction():
        held = store.scalar("SELECT 1 FROM drafts WHERE key = ?", (key,)) is not None
        store.execute(
            "INSERT INTO drafts (key, body, saved_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            (key, text, saved_at),
        )
        store.record(DRAFTS, [key], Kind.UPDATED if held else Kind.CREATED)
    return Draft(key, body, saved_at)


def load_draft(store: Store, key: str) -> Draft | None:
    row = store.query_one("SELECT body, saved_at FROM drafts WHERE key = ?", (key,))
    if row is None:
        return None
    body = json.loads(row["body"])  # valid JSON: the table's CHECK refuses anything else
    if not isinstance(body, dict):
        log.warning("draft %s is not a JSON object; ignored", key)
        return None
    return Draft(key, body, row["saved_at"])


def discard_draft(store: Store, key: str) -> None:
    with store.transaction():
        if store.execute("DELETE FROM drafts WHERE key = ?", (key,)).rowcount:
            store.record(DRAFTS, [key], Kind.DELETED)


def draft_keys(store: Store, prefix: str = "") -> list[str]:
    """Keys of the drafts kept, oldest first (e.g. every unsaved visit report)."""
    rows = store.query(
        "SELECT key FROM drafts WHERE substr(key, 1, ?) = ? ORDER BY saved_at, key",
        (len(prefix), prefix),
    )
    return [r["key"] for r in rows]
