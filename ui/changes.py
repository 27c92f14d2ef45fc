"""Change notices: what a local write or a sync changed, broadcast so views refresh only that.

Every write the UI runs through ``Tasks.write`` names the collections (and, when it knows
them, the record ids) it touched; after a sync the sync worker names what it pulled. Views
listen to ``ChangeNotices.changed`` and reload the part of the screen that shows those
collections, never the whole window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

# Pseudo-collections for the sync bookkeeping a view may show.
OUTBOX = "outbox"
CONFLICTS = "conflicts"
REJECTIONS = "rejected_mutations"
SYNC_LOG = "sync_runs"
DRAFTS = "drafts"


@dataclass(frozen=True)
class Changes:
    """The collections a change touched, and the ids when known (empty: any record)."""

    collections: frozenset[str]
    ids: frozenset[str] = field(default_factory=frozenset)
    from_sync: bool = False

    @classmethod
    def of(cls, *collections: str, ids: Iterable[str] = (), from_sync: bool = False) -> Changes:
        return cls(frozenset(collections), frozenset(ids), from_sync)

    def touches(self, *collections: str) -> bool:
        return not self.collections.isdisjoint(collections)


class ChangeNotices(QObject):
    """The one channel that tells views their data changed (always on the GUI thread)."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)
