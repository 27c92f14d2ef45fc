"""What a write changed: the collection, id and kind of every row the store's writers touched.

The writers (``changes``, ``replica``, ``syncbook``, ``drafts``) record each row they write
in the transaction it belongs to; the outermost transaction hands the whole set back once
it has committed, and a savepoint rolled back takes its rows with it. So a change set is
what is on disk, never what a caller believes it wrote. Views refresh the rows it names
(Anki's ``OpChanges`` does the same with one flag per area; rows are finer, and a list of
50,000 accounts needs them to avoid a full reload).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# The bookkeeping tables a change set names beside the domain collections (table names).
OUTBOX = "outbox"
CONFLICTS = "conflicts"
REJECTIONS = "rejected_mutations"
SYNC_LOG = "sync_runs"
SYNC_STATE = "sync_state"
ID_MAP = "id_map"
DRAFTS = "drafts"
PROFILE = "profile"

# Past this many rows of one collection in one set, the set names the collection as a whole
# instead of listing its rows: a first download writes 870,000 rows, and every view reloads
# a collection faster than it reads back thousands of rows one by one.
ROW_LIMIT = 2000


class Kind(enum.Enum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


def _combined(earlier: Kind, later: Kind) -> Kind:
    """The net kind of a row touched twice in one set."""
    if later is Kind.DELETED:
        return Kind.DELETED
    if earlier is Kind.CREATED:
        return Kind.CREATED  # created, then changed: still new to whoever looks
    return Kind.UPDATED  # changed twice, or deleted and written again: it was there before


@dataclass(frozen=True)
class ChangeSet:
    """Rows touched, by collection; a collection in ``whole`` had too many rows to list.

    Collections are the domain tables and the bookkeeping tables a view may show
    (``outbox``, ``conflicts``, ``rejected_mutations``, ``sync_runs``, ``sync_state``,
    ``drafts``, ``profile``, ``id_map``); ids are each table's key (an outbox row's is its
    mutation id, a draft's its key, a sync run's its number as text).
    """

    listed: Mapping[str, Mapping[str, Kind]] = field(default_factory=dict)
    whole: frozenset[str] = frozenset()

    @property
    def collections(self) -> frozenset[str]:
        return frozenset(self.listed) | self.whole

    def __bool__(self) -> bool:
        return bool(self.listed) or bool(self.whole)

    def touches(self, *collections: str) -> bool:
        return any(c in self.listed or c in self.whole for c in collections)

    def ids(self, collection: str) -> frozenset[str] | None:
        """The ids of ``collection`` touched; None when too many to list (re-read it all)."""
        if collection in self.whole:
            return None
        return frozenset(self.listed.get(collection, ()))

    def kinds(self, collection: str) -> Mapping[str, Kind]:
        """Id to kind for ``collection`` (empty when it is ``whole``)."""
        return MappingProxyType(dict(self.listed.get(collection, {})))

    def rows(self) -> Iterator[tuple[str, str, Kind]]:
        for collection, kinds in self.listed.items():
            for record_id, kind in kinds.items():
                yield collection, record_id, kind


EMPTY = ChangeSet()


class ChangeLog:
    """The mutable record one transaction level keeps while it runs (store-internal)."""

    __slots__ = ("_listed", "_whole")

    def __init__(self) -> None:
        self._listed: dict[str, dict[str, Kind]] = {}
        self._whole: set[str] = set()

    def add(self, collection: str, record_ids: Iterable[str], kind: Kind) -> None:
        if collection in self._whole:
            return
        kinds = self._listed.setdefault(collection, {})
        for record_id in record_ids:
            earlier = kinds.get(record_id)
            kinds[record_id] = kind if earlier is None else _combined(earlier, kind)
        if len(kinds) > ROW_LIMIT:
            self.add_whole(collection)

    def add_whole(self, collection: str) -> None:
        self._listed.pop(collection, None)
        self._whole.add(collection)

    def lists(self, collection: str, more: int) -> bool:
        """True while ``more`` new rows of ``collection`` would still be listed one by one."""
        if collection in self._whole:
            return False
        return len(self._listed.get(collection, ())) + more <= ROW_LIMIT

    def touches_any(self, collections: frozenset[str]) -> bool:
        """True when a row of one of ``collections`` was recorded (an empty listing is not)."""
        return any(c in collections for c in self._whole) or any(
            kinds and c in collections for c, kinds in self._listed.items()
        )

    def absorb(self, other: ChangeLog) -> None:
        """Take a finished savepoint's rows into this (enclosing) level."""
        self._merge(other._listed, other._whole)

    def absorb_set(self, changes: ChangeSet) -> None:
        self._merge(changes.listed, changes.whole)

    def _merge(self, listed: Mapping[str, Mapping[str, Kind]], whole: Iterable[str]) -> None:
        for collection in whole:
            self.add_whole(collection)
        for collection, kinds in listed.items():
            if collection in self._whole:
                continue
            mine = self._listed.setdefault(collection, {})
            for record_id, kind in kinds.items():
                earlier = mine.get(record_id)
                mine[record_id] = kind if earlier is None else _combined(earlier, kind)
            if len(mine) > ROW_LIMIT:
                self.add_whole(collection)

    def freeze(self) -> ChangeSet:
        if not self._listed and not self._whole:
            return EMPTY
        listed = {c: MappingProxyType(dict(k)) for c, k in self._listed.items() if k}
        return ChangeSet(MappingProxyType(listed), frozenset(self._whole))
