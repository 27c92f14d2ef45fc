"""Load generated demo data into a profile's store, as records the server already holds.

The records go through ``upsert_server_records``, the path the sync engine's pull uses,
so nothing lands in the outbox: demo data stands for the central CRM's state, not for
changes typed on this laptop.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator

from fieldapp.demo.generator import DemoData
from fieldapp.store.database import Store
from fieldapp.store.replica import set_profile_value, upsert_server_records
from fieldapp.usecases.people import CURRENT_USER_KEY

log = logging.getLogger(__name__)

CURRENT_USERNAME_KEY = "current_username"
# Page cache for the load, in KiB (SQLite's negative cache_size). The secondary indexes
# are filled in random key order; with the default 2 MiB cache a large demo spends much
# of its time evicting and re-reading pages. Only what is used gets allocated.
LOAD_CACHE_KIB = 256 * 1024


def load_demo(store: Store, data: DemoData, signed_in_as: str = "field") -> dict[str, int]:
    """Write every collection of ``data`` and sign the profile in as ``signed_in_as``.

    All of it commits in one transaction, so a failure leaves the store as it was.
    Returns how many records were written per collection. Raises ValueError, before
    writing anything, when no demo user has that username.
    """
    user_id = data.user_id(signed_in_as)
    counts: dict[str, int] = {}
    with _bulk_load(store), store.transaction():
        for collection, records in data.collections():
            counts[collection] = upsert_server_records(store, collection, records)
        set_profile_value(store, CURRENT_USER_KEY, user_id)
        set_profile_value(store, CURRENT_USERNAME_KEY, signed_in_as)
    log.info("demo data loaded (seed %s, %s): %s", data.seed, data.today, counts)
    return counts


@contextlib.contextmanager
def _bulk_load(store: Store) -> Iterator[None]:
    """A larger page cache, and the cyclic garbage collector paused (the writes build
    millions of short-lived parameter lists that hold no cycles), both restored after."""
    collecting = gc.isenabled()
    previous_cache = store.set_cache_size(-LOAD_CACHE_KIB)
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        store.set_cache_size(previous_cache)
