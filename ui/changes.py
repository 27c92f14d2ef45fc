"""Change notices: what a local write or a sync changed, broadcast so views refresh only that.

Nobody declares what changed. The store records every row its writers touch and each
committed transaction yields that change set (``fieldapp.store.change_set``); the store
worker (``Tasks``) announces the set of each job it ran, and the sync worker the set of
each cycle, a failed one's too (what it committed before it stopped). Views listen to
``ChangeNotices.changed`` and read again only the rows named, or the collection when a set
holds too many of its rows to list them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from fieldapp.store.change_set import (
    CONFLICTS,
    DRAFTS,
    EMPTY,
    OUTBOX,
    REJECTIONS,
    SYNC_LOG,
    SYNC_STATE,
    ChangeSet,
    Kind,
)

__all__ = [
    "CONFLICTS",
    "DRAFTS",
    "OUTBOX",
    "REJECTIONS",
    "SYNC_LOG",
    "SYNC_STATE",
    "ChangeNotices",
    "Changes",
]


@dataclass(frozen=True)
class Changes:
    """One notice: the change set committed, and whether a sync cycle committed it."""

    rows: ChangeSet = EMPTY
    from_sync: bool = False

    @property
    def collections(self) -> frozenset[str]:
        return self.rows.collections

    def touches(self, *collections: str) -> bool:
        return self.rows.touches(*collections)

    def ids(self, collection: str) -> frozenset[str] | None:
        """Ids of ``collection`` changed (empty: none); None: too many to list, read it all."""
        return self.rows.ids(collection)

    def deleted(self, collection: str) -> bool:
        """True when rows of ``collection`` left the store (or may have: too many to list)."""
        if collection in self.rows.whole:
            return True
        return Kind.DELETED in self.rows.kinds(collection).values()


class ChangeNotices(QObject):
    """The one channel that tells views their data changed (always on the GUI thread)."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        if changes.rows:
            self.changed.emit(changes)
