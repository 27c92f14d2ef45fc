"""Change notices built by hand, for tests that play a part of the app announcing one (a
sync worker's, say) without running it. The app itself never builds one: the store does."""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.store.change_set import ChangeLog, Kind
from ui.changes import Changes


def notice(
    rows: dict[str, Iterable[str]] | None = None,
    *,
    whole: Iterable[str] = (),
    kind: Kind = Kind.UPDATED,
    from_sync: bool = False,
) -> Changes:
    """A notice naming ``rows`` (collection -> ids) and the ``whole`` collections."""
    log = ChangeLog()
    for collection, ids in (rows or {}).items():
        log.add(collection, ids, kind)
    for collection in whole:
        log.add_whole(collection)
    return Changes(log.freeze(), from_sync=from_sync)
